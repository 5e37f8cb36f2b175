// What a built-in command receives and returns. Every command of the lab shell is one
// module exporting a ShellCommand; the registry in commands/index.ts lists them.
import type { LabSession } from '../session/index';
import type { JobTask } from './job';
import type { JobTable, ShellJob } from './jobTable';
import type { InStream } from './streams';
import type { Workspace } from './workspace';

/** CommandIo is how a command prints and reaches the shell's state. */
export interface CommandIo {
  /** out writes to standard output; '\n' ends a line. */
  out(text: string): void;
  /** err writes to standard error. */
  err(text: string): void;
  /** stdin is the standard input; a command reads it by returning an InputReader from run. */
  readonly stdin: InStream;
  /** isatty tells whether fd 0, 1 or 2 is the terminal (ls prints columns only to a terminal). */
  isatty(fd: 0 | 1 | 2): boolean;
  readonly workspace: Workspace;
  /** cwd is the virtual working directory, e.g. /home/student. */
  readonly cwd: string;
  readonly cols: number;
  readonly history: readonly string[];
  readonly commands: ReadonlyMap<string, ShellCommand>;
  /** clearScreen clears the terminal and its scrollback. */
  clearScreen(): void;
  /** chdir sets the working directory (a virtual path the command has checked). */
  chdir(virtualPath: string): void;
  /** lab is the simulated world and where the command runs; undefined in a shell without a session. */
  readonly lab?: LabIo;
}

/** LabIo is what commands on the simulated world get: the session, host, privileges and jobs. */
export interface LabIo {
  readonly session: LabSession;
  /** host is the host the command runs on (the shell's, or the one `on HOST` named). */
  readonly host: string;
  /** root is true under sudo: programs run as uid 0 with CAP_NET_RAW and every other capability. */
  readonly root: boolean;
  /** background is true for a command started with `&`. */
  readonly background: boolean;
  /** jobs are the shell's background jobs. */
  readonly jobs: JobTable;
  /**
   * foreground makes a background job the foreground one (fg): the shell waits for it, Ctrl-C
   * reaches it and, given the terminal (fg's stdin), a program reading it gets what is typed.
   */
  foreground(job: ShellJob, terminal?: InStream): JobTask;
  /** openEditor asks the window to open a workspace file in the editor; undefined where there is none (CLI). */
  readonly openEditor?: (path: string) => void;
}

/** ShellCommand is one built-in of the lab shell. */
export interface ShellCommand {
  readonly name: string;
  /** summary is one line for `help`. */
  readonly summary: string;
  /** usage is the synopsis, e.g. "ls [-a] [-l] [-1] [FILE]...". */
  readonly usage: string;
  /** example is one line a student can type to try the command. */
  readonly example: string;
  /** completesFiles is true when the command's arguments are file names. */
  readonly completesFiles: boolean;
  /**
   * run executes the command and returns its exit status, an InputReader when it must read
   * standard input first (which may be the terminal, so the data arrives later), or a JobTask
   * when it ends later for another reason (a program, a compile waiting for the parser, sleep).
   */
  run(argv: readonly string[], io: CommandIo): number | InputReader | JobTask;
}

/** InputReader consumes standard input as it arrives, for commands such as cat, wc and head. */
export interface InputReader {
  /** data receives the next piece of input; returning a status stops reading early (head -n 1). */
  data(text: string): number | undefined;
  /** end runs at end of input and returns the exit status. */
  end(): number;
}

/** parseFlags splits single-letter flags (-al, -l -a) from operands; `--` ends flags. */
export function parseFlags(
  argv: readonly string[],
  allowed: string,
): { ok: true; flags: Set<string>; operands: string[] } | { ok: false; bad: string } {
  const flags = new Set<string>();
  const operands: string[] = [];
  let flagsDone = false;
  for (const arg of argv.slice(1)) {
    if (flagsDone || !arg.startsWith('-') || arg === '-') {
      operands.push(arg);
      continue;
    }
    if (arg === '--') {
      flagsDone = true;
      continue;
    }
    for (const letter of arg.slice(1)) {
      if (!allowed.includes(letter)) return { ok: false, bad: letter };
      flags.add(letter);
    }
  }
  return { ok: true, flags, operands };
}
