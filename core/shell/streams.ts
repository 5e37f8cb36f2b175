// The streams a job's standard input, output and error are made of: pipes between the
// commands of a pipeline, files opened by redirections, and the terminal. Reading never
// blocks: read() answers "nothing yet" and whenReadable() calls back when data or EOF
// arrives, so a built-in (or, later, a task in the simulated kernel) can wait for the
// terminal without stopping the shell.
import type { FsResult, Workspace } from './workspace';

/** ReadResult is text, null at end of file, or undefined when nothing is there yet (would block). */
export type ReadResult = string | null | undefined;

/** InStream is the read end of a command's standard input. */
export interface InStream {
  /** read takes everything buffered, null at end of file, or undefined when it would block. */
  read(): ReadResult;
  /** whenReadable calls back once, when read() has something to return; a new call replaces the last. */
  whenReadable(callback: () => void): void;
  /** close tells the writer nobody reads any more; later writes are dropped (a broken pipe). */
  close(): void;
  /** isTerminal is true when the stream is the terminal (isatty). */
  readonly isTerminal: boolean;
  /** fileSize is the size of the regular file behind the stream, if it is one. */
  readonly fileSize?: number;
}

/** OutStream is where a command's standard output or error goes. */
export interface OutStream {
  /** write sends text ('\n' ends a line); false means the reader has gone (EPIPE). */
  write(text: string): boolean;
  /** close ends the stream (EOF for a pipe's reader, the final flush for a file); closing twice is harmless. */
  close(): void;
  /** isTerminal is true when the stream is the terminal (isatty). */
  readonly isTerminal: boolean;
}

/** Pipe joins two commands of a pipeline: what the writer writes, the reader reads. */
export class Pipe {
  #chunks: string[] = [];
  #writerClosed = false;
  #readerClosed = false;
  #waiter: (() => void) | undefined;

  /** reader is the pipe's read end. */
  readonly reader: InStream = {
    isTerminal: false,
    read: () => {
      if (this.#chunks.length > 0) return this.#chunks.splice(0).join('');
      return this.#writerClosed ? null : undefined;
    },
    whenReadable: (callback) => {
      this.#waiter = callback;
      if (this.#chunks.length > 0 || this.#writerClosed) this.#wake();
    },
    close: () => {
      this.#readerClosed = true;
      this.#chunks = [];
      this.#waiter = undefined;
    },
  };

  /** writer is the pipe's write end. */
  readonly writer: OutStream = {
    isTerminal: false,
    write: (text) => {
      if (this.#readerClosed) return false;
      if (text === '' || this.#writerClosed) return true;
      this.#chunks.push(text);
      this.#wake();
      return true;
    },
    close: () => {
      if (this.#writerClosed) return;
      this.#writerClosed = true;
      this.#wake();
    },
  };

  #wake(): void {
    const waiter = this.#waiter;
    this.#waiter = undefined;
    waiter?.();
  }
}

/** textInput is an input stream over fixed text, as `< file` gives (fileSize set for regular files). */
export function textInput(text: string, fileSize?: number): InStream {
  let rest: string | null = text;
  return {
    isTerminal: false,
    fileSize,
    read() {
      const value = rest === '' ? null : rest;
      rest = null;
      return value;
    },
    whenReadable: (callback) => callback(),
    close() {
      rest = null;
    },
  };
}

/** FileOutput collects what a command writes to a redirected file and appends it when closed. */
export class FileOutput implements OutStream {
  readonly isTerminal = false;
  readonly #workspace: Workspace;
  readonly #path: string;
  readonly #onError: (result: FsResult<void>) => void;
  #buffer = '';
  #closed = false;

  /** The file must already exist (the redirection created or truncated it); onError reports a failed flush. */
  constructor(workspace: Workspace, path: string, onError: (result: FsResult<void>) => void) {
    this.#workspace = workspace;
    this.#path = path;
    this.#onError = onError;
  }

  write(text: string): boolean {
    if (!this.#closed) this.#buffer += text;
    return true;
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    if (this.#buffer === '') return;
    const result = this.#workspace.appendText(this.#path, this.#buffer);
    this.#buffer = '';
    if (!result.ok) this.#onError(result);
  }
}

/** nullInput is an input stream that is always at end of file. */
export const nullInput: InStream = textInput('');
