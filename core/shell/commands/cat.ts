// cat: files and standard input ('-', or nothing at all) one after another, as coreutils'
// cat prints them. Reading the terminal makes `cat > hello.c` … Ctrl-D write a file.
import type { CommandIo, InputReader, ShellCommand } from '../command';
import { parseFlags } from '../command';
import { fsErrorText } from '../workspace';
import { invalidOption, resolveOperand } from './common';

/** cat prints files, and standard input for '-' or when given no file. */
export const cat: ShellCommand = {
  name: 'cat',
  summary: 'print files; with no file, what you type until Ctrl-D',
  usage: 'cat [FILE]...   (FILE - or none: standard input)',
  example: 'cat hello.c',
  completesFiles: true,
  run(argv, io) {
    const parsed = parseFlags(argv, '');
    if (!parsed.ok) return invalidOption(io, 'cat', parsed.bad);
    const operands = parsed.operands.length > 0 ? parsed.operands : ['-'];
    return catFrom(operands, 0, { status: 0, stdinRead: false }, io);
  },
};

interface CatState {
  status: number;
  stdinRead: boolean;
}

/** catFrom prints operands from index `start`, handing back a reader when it reaches standard input. */
function catFrom(operands: string[], start: number, state: CatState, io: CommandIo): number | InputReader {
  for (let k = start; k < operands.length; k++) {
    const name = operands[k]!;
    if (name === '-') {
      if (state.stdinRead) continue; // standard input is already at end of file
      state.stdinRead = true;
      return {
        data(text) {
          io.out(text);
          return undefined;
        },
        end() {
          const rest = catFrom(operands, k + 1, state, io);
          return typeof rest === 'number' ? rest : state.status;
        },
      };
    }
    const rel = resolveOperand(io, name);
    const text = rel.ok ? io.workspace.readText(rel.value) : rel;
    if (!text.ok) {
      io.err(`cat: ${name}: ${fsErrorText[text.errno]}\n`);
      state.status = 1;
      continue;
    }
    io.out(text.value);
  }
  return state.status;
}
