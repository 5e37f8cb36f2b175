// The job model of the lab shell. A job is one pipeline started from the command line: one
// JobTask per command, joined by pipes, each with its own stdin, stdout and stderr streams.
//
// A JobTask is started once and reports its exit status through a callback, either at once (a
// built-in that needs no input) or later (a built-in waiting for the terminal; later a
// program that is a task in the simulated kernel, blocked in read() until the terminal or a
// pipe wakes it). The shell keeps the foreground job in front: while it runs, typed keys
// go to the canonical-mode line discipline (tty.ts) instead of the line editor, Ctrl-C
// sends SIGINT to every task of the job, and the prompt returns only when the job has
// ended. Nothing here uses real time: everything happens in the call that typed the key or
// delivered the data, so runs are deterministic.
//
// A program joins through LabShellOptions.spawn(argv, stdio, cwd), which returns its JobTask.
// To read, it calls stdio.stdin.read(); on undefined (would block) it registers
// stdin.whenReadable(wake) and sleeps until wake runs, then reads again (null is end of file:
// Ctrl-D on the terminal, or the writer closed the pipe). stdout.write() returning false is
// EPIPE (the reader exited: SIGPIPE). It calls exit(status) when it ends, at any later time;
// signal('SIGINT') should end it with 130 unless it handles the signal. The job closes the
// pipe ends and redirected files a task owns when that task exits.
import type { CommandIo, InputReader, ShellCommand } from './command';
import type { InStream, OutStream } from './streams';

/** SIGNALS maps the standard signals' names to their numbers on x86-64 Linux (signal(7)); `kill` sends any of them. */
// prettier-ignore
export const SIGNALS = {
  SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGILL: 4, SIGTRAP: 5, SIGABRT: 6, SIGBUS: 7, SIGFPE: 8,
  SIGKILL: 9, SIGUSR1: 10, SIGSEGV: 11, SIGUSR2: 12, SIGPIPE: 13, SIGALRM: 14, SIGTERM: 15,
  SIGSTKFLT: 16, SIGCHLD: 17, SIGCONT: 18, SIGSTOP: 19, SIGTSTP: 20, SIGTTIN: 21, SIGTTOU: 22,
  SIGURG: 23, SIGXCPU: 24, SIGXFSZ: 25, SIGVTALRM: 26, SIGPROF: 27, SIGWINCH: 28, SIGIO: 29,
  SIGPWR: 30, SIGSYS: 31,
} as const;

/** signalName names signal number n as bash's `kill -l` does (SIGRTMIN+k up to 49, SIGRTMAX-k from 50; 32 and 33 are glibc's own), or undefined. */
export function signalName(n: number): string | undefined {
  const standard = (Object.keys(SIGNALS) as JobSignal[]).find((k) => SIGNALS[k] === n);
  if (standard !== undefined) return standard;
  if (n < 34 || n > 64) return undefined;
  if (n <= 49) return n === 34 ? 'SIGRTMIN' : `SIGRTMIN+${n - 34}`;
  return n === 64 ? 'SIGRTMAX' : `SIGRTMAX-${64 - n}`;
}

/** JobSignal names a signal a job's tasks can receive (Ctrl-C is SIGINT, `kill` sends any). */
export type JobSignal = keyof typeof SIGNALS;

/**
 * PROCESS_ONLY_SIGNALS do nothing to a task that is not (yet) a process: the ones whose default
 * action is to do nothing, and the job control ones (a built-in is never stopped).
 */
export const PROCESS_ONLY_SIGNALS: ReadonlySet<JobSignal> = new Set([
  'SIGCHLD',
  'SIGURG',
  'SIGWINCH',
  'SIGCONT',
  'SIGSTOP',
  'SIGTSTP',
  'SIGTTIN',
  'SIGTTOU',
]);

/** StopListener hears a task or job stop (the signal that stopped it) or continue (null). */
export type StopListener = (stoppedBy: number | null) => void;

/** JobTask is one process of a job: a built-in now, a program in the simulated kernel later. */
export interface JobTask {
  /**
   * start runs the task as far as it can go; exit must be called exactly once, now or later.
   * A program calls stop whenever it stops (SIGTSTP, SIGSTOP) or continues (SIGCONT).
   */
  start(exit: (status: number) => void, stop?: StopListener): void;
  /** signal delivers a signal; a task that dies of it exits with 128 + its number. */
  signal(signal: JobSignal): void;
  /** pid is the process id of a task that is a program in the simulated kernel. */
  readonly pid?: number;
  /**
   * foreground tells a background task the shell now waits for it (fg, wait): simulated time
   * may run ahead for it, and with fg a task that reads the terminal gets terminal (its stdin).
   */
  foreground?(terminal?: InStream): void;
  /** background tells a stopped foreground task the shell took the terminal back (Ctrl-Z): it no longer reads it. */
  background?(): void;
}

/** isJobTask tells a command's result that is a task (it ends later) from a status or a reader. */
export function isJobTask(value: unknown): value is JobTask {
  return typeof value === 'object' && value !== null && 'start' in value && 'signal' in value;
}

/** Stdio is the three standard streams a task is started with. */
export interface Stdio {
  stdin: InStream;
  stdout: OutStream;
  stderr: OutStream;
}

/** Closable is a stream end a job closes when the task that owns it exits. */
export interface Closable {
  close(): void;
}

/** TaskSpec is a task together with the stream ends it owns (pipe ends, redirected files). */
export interface TaskSpec {
  task: JobTask;
  owned: Closable[];
}

/** SIGINT_STATUS is the exit status of a process killed by SIGINT (128 + 2), as bash reports it. */
export const SIGINT_STATUS = 130;

/** SIGPIPE_STATUS is the exit status of a process killed by SIGPIPE (128 + 13): it wrote to a pipe nobody reads. */
export const SIGPIPE_STATUS = 141;

/** Job runs the tasks of one pipeline and reports the last task's status when all have exited. */
export class Job {
  readonly #specs: TaskSpec[];
  readonly #done: (status: number) => void;
  readonly #exited: boolean[];
  readonly #stoppedBy: (number | null)[];
  #stopListener: StopListener | undefined;
  #status = 0;
  #remaining: number;

  /** done receives the pipeline's status (its last command's), once. */
  constructor(specs: TaskSpec[], done: (status: number) => void) {
    this.#specs = specs;
    this.#done = done;
    this.#exited = specs.map(() => false);
    this.#stoppedBy = specs.map(() => null);
    this.#remaining = specs.length;
  }

  /** running is true until every task has exited. */
  get running(): boolean {
    return this.#remaining > 0;
  }

  /** start starts every task, left to right. */
  start(): void {
    if (this.#specs.length === 0) {
      this.#done(0);
      return;
    }
    this.#specs.forEach((spec, i) =>
      spec.task.start(
        (status) => this.#exit(i, status),
        (stoppedBy) => this.#stop(i, stoppedBy),
      ),
    );
  }

  /**
   * stoppedBy is the signal that stopped the job, as bash sees it: set while the job runs and
   * every task still running is a stopped program (the last one's signal), else null.
   */
  get stoppedBy(): number | null {
    let by: number | null = null;
    for (let i = 0; i < this.#specs.length; i++) {
      if (this.#exited[i]) continue;
      const s = this.#stoppedBy[i]!;
      if (s === null) return null;
      by = s;
    }
    return by;
  }

  /** onStop sets the listener that hears the job stop (every task still running stopped) and continue. */
  onStop(listener: StopListener): void {
    this.#stopListener = listener;
  }

  #stop(i: number, stoppedBy: number | null): void {
    const before = this.stoppedBy;
    this.#stoppedBy[i] = stoppedBy;
    const after = this.stoppedBy;
    if (after !== before && this.running) this.#stopListener?.(after);
  }

  /** pids are the process ids of the job's programs (built-ins have none). */
  get pids(): number[] {
    return this.#specs.flatMap((spec) => (spec.task.pid === undefined ? [] : [spec.task.pid]));
  }

  /** foreground tells every task the shell now waits for the job (fg hands the first one the terminal). */
  foreground(terminal?: InStream): void {
    this.#specs.forEach((spec, i) => {
      if (!this.#exited[i]) spec.task.foreground?.(i === 0 ? terminal : undefined);
    });
  }

  /** background tells every task still running the shell took the terminal back (Ctrl-Z stopped the job). */
  background(): void {
    this.#specs.forEach((spec, i) => {
      if (!this.#exited[i]) spec.task.background?.();
    });
  }

  /**
   * signal sends a signal to every task still running (Ctrl-C sends SIGINT); a stopped job that
   * gets SIGTERM or SIGHUP also gets SIGCONT so that it can die of it, as bash's kill_pid does.
   */
  signal(signal: JobSignal): void {
    const stopped = this.stoppedBy !== null;
    this.#specs.forEach((spec, i) => {
      if (!this.#exited[i]) spec.task.signal(signal);
    });
    if (stopped && (signal === 'SIGTERM' || signal === 'SIGHUP')) this.signal('SIGCONT');
  }

  #exit(i: number, status: number): void {
    if (this.#exited[i]) return;
    this.#exited[i] = true;
    for (const end of this.#specs[i]!.owned) end.close();
    if (i === this.#specs.length - 1) this.#status = status;
    if (--this.#remaining === 0) this.#done(this.#status);
  }
}

/**
 * builtinTask runs a built-in command as a task, feeding its InputReader from stdin;
 * brokenPipe tells when its output went to a pipe whose reader has exited (it then dies of SIGPIPE).
 */
export function builtinTask(
  command: ShellCommand,
  argv: readonly string[],
  io: CommandIo,
  brokenPipe: () => boolean = () => false,
): JobTask {
  let exit: ((status: number) => void) | undefined;
  let reader: InputReader | undefined;
  let task: JobTask | undefined;
  const finish = (status: number) => {
    const report = exit;
    exit = undefined;
    reader = undefined;
    report?.(status);
  };
  const pump = () => {
    while (reader && exit) {
      const data = io.stdin.read();
      if (data === undefined) {
        io.stdin.whenReadable(pump);
        return;
      }
      const status = data === null ? reader.end() : reader.data(data);
      if (status !== undefined) finish(status);
      else if (brokenPipe()) {
        io.stdin.close();
        finish(SIGPIPE_STATUS);
      }
    }
  };
  return {
    get pid() {
      return task?.pid;
    },
    foreground(terminal) {
      task?.foreground?.(terminal);
    },
    background() {
      task?.background?.();
    },
    start(onExit, onStop) {
      exit = onExit;
      const result = guard(argv, io, () => command.run(argv, io));
      if (typeof result === 'number') finish(result);
      else if (isJobTask(result)) {
        task = result;
        result.start(finish, onStop);
      } else {
        reader = guardReader(argv, io, result);
        pump();
      }
    },
    signal(signal) {
      if (task !== undefined) return task.signal(signal);
      if (PROCESS_ONLY_SIGNALS.has(signal)) return;
      io.stdin.close();
      finish(128 + SIGNALS[signal]);
    },
  };
}

/** guard turns a bug that throws inside a command into an error message and status 1. */
function guard<T>(argv: readonly string[], io: CommandIo, fn: () => T): T | number {
  try {
    return fn();
  } catch (error) {
    io.err(`${argv[0]}: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

function guardReader(argv: readonly string[], io: CommandIo, reader: InputReader): InputReader {
  return {
    data: (text) => guard(argv, io, () => reader.data(text)),
    end: () => guard(argv, io, () => reader.end()),
  };
}
