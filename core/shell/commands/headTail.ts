// head and tail: the first or last lines of files or standard input, with coreutils' options
// (-n N, -N, head's -n -N for all but the last N, tail's -n +N from line N) and headers.
import type { CommandIo, InputReader, ShellCommand } from '../command';
import { fsErrorText } from '../workspace';
import { invalidOption, resolveOperand, splitLines, usageError } from './common';

type Mode = 'head' | 'tail';

/** head prints the first lines of each file (10 unless -n says otherwise). */
export const head: ShellCommand = {
  name: 'head',
  summary: 'print the first lines of files or standard input',
  usage: 'head [-n [-]N | -N] [FILE]...',
  example: 'head -n 5 hello.c',
  completesFiles: true,
  run: (argv, io) => headTail('head', argv, io),
};

/** tail prints the last lines of each file (10 unless -n says otherwise). */
export const tail: ShellCommand = {
  name: 'tail',
  summary: 'print the last lines of files or standard input',
  usage: 'tail [-n [+]N | -N] [FILE]...',
  example: 'tail -n 3 hello.c',
  completesFiles: true,
  run: (argv, io) => headTail('tail', argv, io),
};

interface Count {
  n: number;
  /** sign is '-' for head's "all but the last n", '+' for tail's "from line n". */
  sign: '' | '-' | '+';
}

function headTail(mode: Mode, argv: readonly string[], io: CommandIo): number | InputReader {
  let countText = '10';
  const operands: string[] = [];
  let flagsDone = false;
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i]!;
    if (flagsDone || arg === '-' || !arg.startsWith('-')) operands.push(arg);
    else if (arg === '--') flagsDone = true;
    else if (/^-[0-9]+$/.test(arg)) countText = arg.slice(1);
    else if (arg === '-n') {
      const value = argv[++i];
      if (value === undefined) return usageError(io, mode, "option requires an argument -- 'n'");
      countText = value;
    } else if (arg.startsWith('-n')) countText = arg.slice(2);
    else return invalidOption(io, mode, arg[1]!);
  }
  const match = (mode === 'head' ? /^([-]?)([0-9]+)$/ : /^([-+]?)([0-9]+)$/).exec(countText);
  if (!match) {
    io.err(`${mode}: invalid number of lines: '${countText}'\n`);
    return 1;
  }
  const count: Count = {
    n: Number(match[2]),
    sign: match[1] === '-' && mode === 'tail' ? '' : (match[1] as Count['sign']),
  };
  const names = operands.length > 0 ? operands : ['-'];
  const headers = names.length > 1;
  let status = 0;
  let printed = 0;
  const header = (name: string) => {
    if (headers) io.out(`${printed > 0 ? '\n' : ''}==> ${name === '-' ? 'standard input' : name} <==\n`);
    printed++;
  };
  const from = (start: number): number | InputReader => {
    for (let k = start; k < names.length; k++) {
      const name = names[k]!;
      if (name === '-') {
        header(name);
        if (mode === 'head' && count.sign === '' && count.n === 0) continue; // head -n 0 reads nothing
        return stdinReader(mode, count, io, () => {
          const rest = from(k + 1);
          return typeof rest === 'number' ? rest : status;
        });
      }
      const rel = resolveOperand(io, name);
      const text = rel.ok ? io.workspace.readText(rel.value) : rel;
      if (!text.ok) {
        if (text.errno === 'EISDIR') {
          header(name);
          io.err(`${mode}: error reading '${name}': Is a directory\n`);
        } else io.err(`${mode}: cannot open '${name}' for reading: ${fsErrorText[text.errno]}\n`);
        status = 1;
        continue;
      }
      header(name);
      io.out(select(mode, count, splitLines(text.value)).join(''));
    }
    return status;
  };
  return from(0);
}

/** select picks the lines head or tail prints. */
function select(mode: Mode, { n, sign }: Count, lines: string[]): string[] {
  if (mode === 'head')
    return sign === '-' ? lines.slice(0, Math.max(0, lines.length - n)) : lines.slice(0, n);
  if (sign === '+') return lines.slice(Math.max(0, n - 1));
  return n === 0 ? [] : lines.slice(-n);
}

/** stdinReader reads standard input; plain head stops as soon as it has its lines, as head does. */
function stdinReader(mode: Mode, count: Count, io: CommandIo, after: () => number): InputReader {
  let buffered = '';
  let emitted = 0;
  const streaming = mode === 'head' && count.sign === '';
  return {
    data(text) {
      buffered += text;
      if (!streaming) return undefined;
      const lines = splitLines(buffered);
      buffered = lines.at(-1)?.endsWith('\n') ? '' : (lines.pop() ?? '');
      const take = lines.slice(0, count.n - emitted);
      emitted += take.length;
      io.out(take.join(''));
      return emitted >= count.n ? after() : undefined;
    },
    end() {
      const lines = splitLines(buffered);
      io.out(streaming ? lines.slice(0, count.n - emitted).join('') : select(mode, count, lines).join(''));
      return after();
    },
  };
}
