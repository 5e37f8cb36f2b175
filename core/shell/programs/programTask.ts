// A student's C program as a job's task: spawned through the LabSession on the command's host
// (as root under sudo), its stdout and stderr written to the job's streams, its stdin fed from
// the job's standard input (the terminal, a pipe or a file), Ctrl-C and `kill` delivered as
// signals, and its exit status (128+N after signal N) reported when the session sees it end.
// The program has its own stdin queue: what its job's standard input delivers goes to it alone,
// and the end of that input (Ctrl-D, the end of a file or pipe) ends only its input.
import type { Proc } from '../../exec/index';
import { StdinQueue, credsFor } from '../../exec/index';
import type { CompiledProgram } from '../../lang/index';
import type { LabSession } from '../../session/index';
import type { JobSignal, JobTask, Stdio } from '../job';
import { PROCESS_ONLY_SIGNALS, SIGNALS } from '../job';
import { decodeUtf8, encodeUtf8 } from '../utf8';

/** ProgramStart describes one program to start. */
export interface ProgramStart {
  readonly session: LabSession;
  readonly host: string;
  /** root runs the program as uid 0 with every capability (sudo). */
  readonly root: boolean;
  readonly foreground: boolean;
  readonly argv: readonly string[];
  readonly stdio: Stdio;
  /** load compiles or finds the program; a number is the status to exit with (it printed why). */
  readonly load: (done: (program: CompiledProgram | number) => void) => void;
}

/** programTask returns the task that loads, spawns and follows one program. */
export function programTask(o: ProgramStart): JobTask {
  let proc: Proc | undefined;
  let exit: ((status: number) => void) | undefined;
  let stdinOpen = false;
  let stdin = o.stdio.stdin;
  const input = new StdinQueue();
  const finish = (status: number) => {
    const report = exit;
    exit = undefined;
    stdinOpen = false;
    report?.(status);
  };
  const sink = (stream: Stdio['stdout']) => (bytes: Uint8Array) => {
    if (!stream.write(decodeUtf8(bytes)) && proc !== undefined) {
      o.session.exec.signal(proc, SIGNALS.SIGPIPE);
      o.session.wake();
    }
  };
  const feed = (): void => {
    while (stdinOpen) {
      const data = stdin.read();
      if (data === undefined) return stdin.whenReadable(feed);
      if (data === null) {
        stdinOpen = false;
        input.end();
      } else input.push(encodeUtf8(data));
      o.session.wake();
    }
  };
  return {
    get pid() {
      return proc?.pid;
    },
    start(onExit, onStop) {
      exit = onExit;
      o.load((program) => {
        if (exit === undefined) return; // interrupted while it compiled
        if (typeof program === 'number') return finish(program);
        proc = o.session.spawn(
          program,
          {
            host: o.host,
            argv: o.argv,
            creds: credsFor(o.root ? 0 : 1000),
            stdout: sink(o.stdio.stdout),
            stderr: sink(o.stdio.stderr),
            stdin: input,
            tty: o.stdio.stdout.isTerminal,
          },
          {
            foreground: o.foreground,
            onStop: (stoppedBy) => onStop?.(stoppedBy),
            onExit: (status) => {
              const fault = proc?.fault;
              if (fault != null) o.stdio.stderr.write(`${fault.message}\n`);
              finish(status);
            },
          },
        );
        stdinOpen = o.foreground || !stdin.isTerminal;
        input.background = !stdinOpen;
        feed();
      });
    },
    foreground(terminal) {
      if (proc === undefined) return;
      o.session.setForeground(proc);
      // fg: a program started in the background with the terminal as stdin now reads it.
      if (terminal !== undefined && stdin.isTerminal && !stdinOpen) {
        stdin = terminal;
        stdinOpen = true;
        input.background = false;
        feed();
      }
    },
    background() {
      if (proc === undefined) return;
      o.session.setForeground(proc, false);
      // Ctrl-Z: the shell has the terminal again; reading it now stops the program with SIGTTIN.
      if (stdin.isTerminal && stdinOpen) {
        stdinOpen = false;
        input.background = true;
      }
    },
    signal(signal: JobSignal) {
      if (proc === undefined) {
        if (!PROCESS_ONLY_SIGNALS.has(signal)) finish(128 + SIGNALS[signal]); // it ends before it ever started
        return;
      }
      if (signal === 'SIGINT') o.session.interrupt(proc);
      else {
        o.session.exec.signal(proc, SIGNALS[signal]);
        o.session.wake();
      }
    },
  };
}
