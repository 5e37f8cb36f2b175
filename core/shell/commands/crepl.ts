// `c`: SockLab's C one line at a time, in a persistent scope on the command's host, the system
// headers pre-included: `int fd = socket(AF_INET, SOCK_STREAM, 0);` prints `fd = 3`, and the fd
// stays open for the next line. The REPL is one process (core/exec/repl.ts), so blocking calls
// block while the world runs, and Ctrl-C ends only the running line (at the prompt it drops a
// half-typed statement). Lines come from the terminal with a `c> ` prompt (`...> ` while
// brackets are open), or from a pipe or file without prompts; Ctrl-D, end of input or `exit()`
// leaves it.
import type { ExecRepl, ReplLineResult } from '../../exec/index';
import { ExecRepl as Repl, credsFor } from '../../exec/index';
import type { CParser } from '../../lang/index';
import type { CommandIo, LabIo, ShellCommand } from '../command';
import type { JobSignal } from '../job';
import { PROCESS_ONLY_SIGNALS, SIGNALS } from '../job';
import { decodeUtf8 } from '../utf8';
import { resolvePath } from '../workspace';

const PROMPT = 'c> ';
const MORE = '...> ';

/** c is the C REPL command. */
export const c: ShellCommand = {
  name: 'c',
  summary: 'evaluate C one line at a time (headers included; Ctrl-D leaves)',
  usage: 'c',
  example: 'c   then   int fd = socket(AF_INET, SOCK_STREAM, 0);',
  completesFiles: false,
  run(argv, io) {
    const lab = io.lab;
    if (lab === undefined) {
      io.err('c: this shell has no simulated world\n');
      return 1;
    }
    if (argv.length > 1) {
      io.err("c: too many arguments (type C lines after starting 'c', or pipe them in)\n");
      return 2;
    }
    return replTask(lab, io);
  },
};

/** replTask reads lines from the command's stdin and evaluates them until end of input. */
function replTask(lab: LabIo, io: CommandIo) {
  const session = lab.session;
  const prompts = io.stdin.isTerminal;
  let repl: ExecRepl | undefined;
  let exit: ((status: number) => void) | undefined;
  let pending = ''; // input received but not yet evaluated (lines typed ahead of a running line)
  let running = false;
  let status = 0;
  let parser: CParser | undefined;

  const finish = (code: number): void => {
    repl?.close();
    repl = undefined;
    const report = exit;
    exit = undefined;
    report?.(code);
  };
  const prompt = (): void => {
    if (prompts && exit !== undefined) io.out(repl?.continuing === true ? MORE : PROMPT);
  };
  const ended = (r: ReplLineResult | null): void => {
    running = false;
    if (r === null) return finish(137); // the world was reset under the REPL
    if (r.k === 'done') io.out(r.text);
    else if (r.k === 'fault') io.err(r.text);
    else if (r.k !== 'killed') return finish(r.code); // killed: the terminal already echoed ^C

    prompt();
    pump();
  };
  /** pump evaluates complete lines from pending, one at a time, then reads more input. */
  const pump = (): void => {
    while (exit !== undefined && !running && parser !== undefined) {
      const nl = pending.indexOf('\n');
      if (nl < 0) return read();
      const line = pending.slice(0, nl);
      pending = pending.slice(nl + 1);
      repl ??= start(lab, io, parser);
      const e = session.evalRepl(repl, line, ended);
      if (e.k === 'running') {
        running = true;
        return;
      }
      if (e.k === 'error') {
        status = 1;
        io.err(e.text);
      }
      prompt();
    }
  };
  const read = (): void => {
    const data = io.stdin.read();
    if (data === undefined) return io.stdin.whenReadable(pump);
    if (data === null) {
      if (pending !== '') {
        pending += '\n';
        return pump();
      }
      if (prompts) io.out('\n');
      return finish(status);
    }
    pending += data;
    pump();
  };

  return {
    start(onExit: (code: number) => void) {
      exit = onExit;
      session.whenParser((p) => {
        if (p instanceof Error) {
          io.err(`c: the C compiler could not start: ${p.message}\n`);
          return finish(1);
        }
        parser = p;
        prompt();
        read();
      });
    },
    signal(signal: JobSignal) {
      if (PROCESS_ONLY_SIGNALS.has(signal)) return;
      if (signal === 'SIGINT') {
        if (running && repl !== undefined) return session.interrupt(repl.proc);
        repl?.cancel();
        pending = '';
        prompt();
        return read(); // the terminal flushed its input on ^C: wait for it afresh
      }
      finish(128 + SIGNALS[signal]);
    },
  };
}

/** start begins the REPL's process on the command's host, as root under sudo. */
function start(lab: LabIo, io: CommandIo, parser: CParser): ExecRepl {
  const sink = (write: (text: string) => void) => (bytes: Uint8Array) => write(decodeUtf8(bytes));
  return new Repl(lab.session.exec, {
    parser,
    host: lab.host,
    creds: credsFor(lab.root ? 0 : 1000),
    stdout: sink((t) => io.out(t)),
    stderr: sink((t) => io.err(t)),
    tty: io.isatty(1),
    readFile: (path) => {
      const rel = resolvePath(io.cwd, path);
      const text = rel.ok ? io.workspace.readText(rel.value) : rel;
      return text.ok ? text.value : undefined;
    },
  });
}
