// A program's standard input as the scheduler sees it: the bytes waiting to be read from fd 0
// and whether the input has ended (Ctrl-D on its terminal, the end of a file or of a pipe).
// Each program gets its own (a forked child shares its parent's, as it shares the open file),
// so two terminals' programs never read each other's input and one program's end of input
// ends no one else's.

/** StdinQueue is one program's pending standard input and its end. */
export class StdinQueue {
  #bytes: number[] = [];
  #ended = false;
  readonly #watchers = new Set<() => void>();
  /**
   * background is set while the queue stands for a terminal its program does not hold in the
   * foreground: reading it then sends the program SIGTTIN (it stops), as the tty driver does.
   */
  background = false;

  /** push appends input; it is dropped once the input has ended. */
  push(bytes: Uint8Array): void {
    if (this.#ended || bytes.length === 0) return;
    for (const b of bytes) this.#bytes.push(b);
    this.#notify();
  }

  /** end marks the end of input: once the waiting bytes are read, reads return end of file. */
  end(): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#notify();
  }

  /** read takes at most len (at least 1) waiting bytes, null at end of input, or undefined when it would block. */
  read(len: number): Uint8Array | null | undefined {
    if (this.#bytes.length > 0) return Uint8Array.from(this.#bytes.splice(0, Math.max(1, len)));
    return this.#ended ? null : undefined;
  }

  /** readable tells whether read would return at once (input waiting, or its end). */
  get readable(): boolean {
    return this.#bytes.length > 0 || this.#ended;
  }

  /** ended tells whether the end of input has been marked. */
  get ended(): boolean {
    return this.#ended;
  }

  /** whenReadable calls fn every time input arrives or ends, until the returned function is called. */
  whenReadable(fn: () => void): () => void {
    this.#watchers.add(fn);
    return () => this.#watchers.delete(fn);
  }

  #notify(): void {
    for (const fn of [...this.#watchers]) fn();
  }
}
