// The streams and process surroundings a `socklab` subcommand works with. Subcommands take a
// CliIo instead of touching `process`, so tests drive them in-process with captured streams;
// processIo() is the real one the built CLI passes.

import type { Readable } from 'node:stream';

/** CliIo is everything a subcommand may use of its process. */
export interface CliIo {
  /** stdout writes bytes or text to standard output. */
  readonly stdout: (chunk: Uint8Array | string) => void;
  /** stderr writes bytes or text to standard error. */
  readonly stderr: (chunk: Uint8Array | string) => void;
  /** stdin is standard input; a subcommand reads it only when it needs to. */
  readonly stdin: Readable;
  /** stdoutIsTty tells whether standard output is a terminal (C programs then line-buffer it). */
  readonly stdoutIsTty: boolean;
  /** cwd is the folder relative paths are resolved against. */
  readonly cwd: string;
  /** onInterrupt calls handler on each Ctrl-C (SIGINT) until the returned function is called. */
  readonly onInterrupt: (handler: () => void) => () => void;
}

/** CliMain is a subcommand: it gets the arguments after its name and resolves to the exit status. */
export type CliMain = (argv: readonly string[], io: CliIo) => Promise<number>;

/** processIo returns the CliIo of this Node process. */
export function processIo(): CliIo {
  return {
    stdout: (c) => process.stdout.write(c),
    stderr: (c) => process.stderr.write(c),
    stdin: process.stdin,
    stdoutIsTty: process.stdout.isTTY === true,
    cwd: process.cwd(),
    onInterrupt: (handler) => {
      process.on('SIGINT', handler);
      return () => process.off('SIGINT', handler);
    },
  };
}
