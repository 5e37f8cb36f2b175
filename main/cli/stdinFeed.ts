// Our stdin as the simulated terminal's input: each chunk read goes to the scheduler's terminal
// (Exec.writeStdin), the end of input becomes Ctrl-D (Exec.endStdin), and the run loop can wait
// for the next thing that may wake a program (input, end of input, or a poke after Ctrl-C).

import type { Readable } from 'node:stream';
import type { exec } from '../../core/index';

/** StdinFeed forwards a readable stream to a scheduler's terminal input. */
export class StdinFeed {
  /** ended is set once the stream has ended (and the terminal got end of input). */
  ended = false;
  /** poked is set by poke() and cleared by next(). */
  poked = false;
  readonly #in: Readable;
  #waiter: (() => void) | null = null;
  readonly #onData: (chunk: Buffer | string) => void;
  readonly #onEnd: () => void;

  /** constructor starts reading `input` into x's terminal. */
  constructor(input: Readable, x: exec.Exec) {
    this.#in = input;
    this.#onData = (chunk) => {
      x.writeStdin(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : new Uint8Array(chunk));
      this.#wake();
    };
    this.#onEnd = () => {
      this.ended = true;
      x.endStdin();
      this.#wake();
    };
    input.on('data', this.#onData);
    input.on('end', this.#onEnd);
    input.on('error', this.#onEnd);
  }

  /** poke wakes a pending next() (something else happened that may wake a program). */
  poke(): void {
    this.poked = true;
    this.#wake();
  }

  /** next resolves at the next chunk, the end of input or a poke (at once if a poke is pending). */
  next(): Promise<void> {
    if (this.poked) {
      this.poked = false;
      return Promise.resolve();
    }
    return new Promise((done) => {
      this.#waiter = done;
    });
  }

  /** close stops reading the stream. */
  close(): void {
    this.#in.off('data', this.#onData);
    this.#in.off('end', this.#onEnd);
    this.#in.off('error', this.#onEnd);
    this.#in.pause();
    this.#wake();
  }

  #wake(): void {
    const w = this.#waiter;
    this.#waiter = null;
    w?.();
  }
}
