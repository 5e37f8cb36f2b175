// The terminal while a job runs in the foreground: the line discipline in canonical (cooked)
// mode, as the Linux tty driver (drivers/tty/n_tty.c) gives a program that reads its
// terminal. Typed characters are echoed and collected; Backspace, Ctrl-U and Ctrl-W edit the
// line; Enter hands the line to the reader; Ctrl-D hands over what is typed, or end of file
// on an empty line; Ctrl-C discards the line and interrupts the job; Ctrl-Z discards it and
// suspends the job.
import type { Key } from './keys';
import type { InStream } from './streams';
import { charWidth } from './width';

/** TerminalInput queues the lines the discipline delivers until the foreground job reads them. */
export class TerminalInput {
  #queue: (string | null)[] = [];
  #waiter: (() => void) | undefined;

  /** deliver queues a line (with its '\n') or null for end of file, and wakes the waiting reader. */
  deliver(data: string | null): void {
    this.#queue.push(data);
    const waiter = this.#waiter;
    this.#waiter = undefined;
    waiter?.();
  }

  /** drain takes the lines typed ahead that no job read (end-of-file marks are dropped). */
  drain(): string {
    const lines = this.#queue.filter((line) => line !== null).join('');
    this.#queue = [];
    this.#waiter = undefined;
    return lines;
  }

  /** reader is the terminal as a command's standard input; end of file is read once per Ctrl-D. */
  reader(): InStream {
    return {
      isTerminal: true,
      read: () => (this.#queue.length > 0 ? this.#queue.shift() : undefined),
      whenReadable: (callback) => {
        if (this.#queue.length > 0) callback();
        else this.#waiter = callback;
      },
      close: () => {
        this.#waiter = undefined;
      },
    };
  }
}

/** CookedAction is what the shell must do after a key in canonical mode. */
export type CookedAction = 'none' | 'interrupt' | 'suspend';

/** CookedLine is the canonical-mode line discipline: echo, erase, kill, and delivery to TerminalInput. */
export class CookedLine {
  readonly #write: (data: string) => void;
  readonly #input: TerminalInput;
  #chars: string[] = [];

  constructor(write: (data: string) => void, input: TerminalInput) {
    this.#write = write;
    this.#input = input;
  }

  /** handle applies one key typed while a job holds the terminal. */
  handle(key: Key): CookedAction {
    if (key.kind === 'text') {
      this.#chars.push(...key.text);
      this.#write(key.text);
      return 'none';
    }
    if (key.kind === 'seq') return 'none'; // arrow keys do nothing in canonical mode
    switch (key.char) {
      case 'enter':
        this.#write('\r\n');
        this.#input.deliver(this.#takeLine() + '\n'); // the reader may run, and the job end, right here
        return 'none';
      case 'd':
        // VEOF: pass on what is typed without a newline; on an empty line the reader sees EOF.
        this.#input.deliver(this.#chars.length > 0 ? this.#takeLine() : null);
        return 'none';
      case 'c':
        this.#write('^C\r\n');
        this.#chars = [];
        return 'interrupt';
      case 'z':
        this.#write('^Z\r\n');
        this.#chars = [];
        return 'suspend';
      case 'backspace':
      case 'h':
        this.#erase(1);
        return 'none';
      case 'u':
        this.#erase(this.#chars.length);
        return 'none';
      case 'w': {
        let n = 0;
        while (n < this.#chars.length && this.#chars[this.#chars.length - 1 - n] === ' ') n++;
        while (n < this.#chars.length && this.#chars[this.#chars.length - 1 - n] !== ' ') n++;
        this.#erase(n);
        return 'none';
      }
      case 'tab':
        this.#chars.push('\t');
        this.#write('\t');
        return 'none';
      default:
        return 'none';
    }
  }

  /** take returns the half-typed line and forgets it (when the job ends, the shell's editor gets it). */
  take(): string {
    return this.#takeLine();
  }

  #takeLine(): string {
    const text = this.#chars.join('');
    this.#chars = [];
    return text;
  }

  /** #erase removes the last n characters and rubs them out on the screen (ECHOE; erase to the end of the row, not spaces). */
  #erase(n: number): void {
    const removed = this.#chars.splice(Math.max(0, this.#chars.length - n));
    let cells = 0;
    for (const ch of removed) cells += ch === '\t' ? 1 : charWidth(ch.codePointAt(0) ?? 0);
    if (cells > 0) this.#write('\b'.repeat(cells) + '\x1b[K');
  }
}
