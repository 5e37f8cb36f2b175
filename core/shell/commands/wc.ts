// wc: newline, word and byte counts with GNU wc's column layout. The column width comes from
// the files' sizes before anything is read (GNU's compute_number_width): the digits of their
// total size, at least 7 when standard input or a folder is among them, and 1 for a single
// count of a single input.
import type { CommandIo, InputReader, ShellCommand } from '../command';
import { parseFlags } from '../command';
import { encodeUtf8 } from '../utf8';
import { fsErrorText } from '../workspace';
import { invalidOption, resolveOperand } from './common';

/** wc counts lines, words and bytes of files or standard input. */
export const wc: ShellCommand = {
  name: 'wc',
  summary: 'count lines, words and bytes',
  usage: 'wc [-l] [-w] [-c] [FILE]...',
  example: 'wc -l hello.c',
  completesFiles: true,
  run(argv, io) {
    const parsed = parseFlags(argv, 'lwc');
    if (!parsed.ok) return invalidOption(io, 'wc', parsed.bad);
    const flags = parsed.flags.size > 0 ? parsed.flags : new Set(['l', 'w', 'c']);
    const shown = (['l', 'w', 'c'] as const).filter((f) => flags.has(f));
    const names = parsed.operands.length > 0 ? parsed.operands : [''];
    const width = numberWidth(names, shown.length, io);
    const total = new Counter();
    let status = 0;
    const print = (c: Counter, name: string) => {
      const values = shown.map((f) => (f === 'l' ? c.lines : f === 'w' ? c.words : c.bytes));
      const text = values.map((v, i) => (i === 0 ? '' : ' ') + String(v).padStart(width)).join('');
      io.out(text + (name === '' ? '' : ` ${name}`) + '\n');
    };
    const from = (start: number): number | InputReader => {
      for (let k = start; k < names.length; k++) {
        const name = names[k]!;
        if (name === '' || name === '-') {
          const counter = new Counter();
          return {
            data(text) {
              counter.add(encodeUtf8(text));
              return undefined;
            },
            end() {
              total.merge(counter);
              print(counter, name);
              const rest = from(k + 1);
              return typeof rest === 'number' ? rest : status;
            },
          };
        }
        const rel = resolveOperand(io, name);
        const bytes = rel.ok ? io.workspace.readBytes(rel.value) : rel;
        if (!bytes.ok) {
          io.err(`wc: ${name}: ${fsErrorText[bytes.errno]}\n`);
          status = 1;
          if (bytes.errno === 'EISDIR') print(new Counter(), name);
          continue;
        }
        const counter = new Counter();
        counter.add(bytes.value);
        total.merge(counter);
        print(counter, name);
      }
      if (names.length > 1) print(total, 'total');
      return status;
    };
    return from(0);
  },
};

/** numberWidth is GNU wc's column width for these inputs. */
function numberWidth(names: string[], counts: number, io: CommandIo): number {
  if (names.length === 1 && counts === 1) return 1;
  let regularTotal = 0;
  let minimum = 1;
  for (const name of names) {
    if (name === '' || name === '-') {
      if (io.stdin.fileSize === undefined) minimum = 7;
      else regularTotal += io.stdin.fileSize;
      continue;
    }
    const rel = resolveOperand(io, name);
    const stat = rel.ok ? io.workspace.stat(rel.value) : rel;
    if (!stat.ok) continue;
    if (stat.value.kind === 'dir') minimum = 7;
    else regularTotal += stat.value.size;
  }
  return Math.max(minimum, String(regularTotal).length);
}

const SPACE = new Set([0x20, 0x09, 0x0a, 0x0b, 0x0c, 0x0d]);

/** Counter counts newlines, words (runs of non-blank bytes) and bytes across chunks. */
class Counter {
  lines = 0;
  words = 0;
  bytes = 0;
  #inWord = false;

  add(bytes: Uint8Array): void {
    this.bytes += bytes.length;
    for (const b of bytes) {
      if (b === 0x0a) this.lines++;
      if (SPACE.has(b)) this.#inWord = false;
      else if (!this.#inWord) {
        this.#inWord = true;
        this.words++;
      }
    }
  }

  merge(other: Counter): void {
    this.lines += other.lines;
    this.words += other.words;
    this.bytes += other.bytes;
  }
}
