// step: compile a C file and run it one source line at a time, as gdb's `step` does. The
// program starts paused before the first line of main; at each pause the shell prints the line
// (number and text, as gdb does) and a `(step) ` prompt on the terminal. Enter (or `s`) runs to
// the next source line, `c` runs on freely, `q` kills the program. While the program runs, the
// terminal is its stdin as with `run`; while it is paused, what is typed goes to the prompt.
// Anyone holding the session (the editor's Step and Continue buttons) may resume it too: the
// prompt follows the program wherever it pauses next.
import type { Proc } from '../../exec/index';
import type { ShellCommand } from '../command';
import type { JobTask } from '../job';
import type { InStream, OutStream } from '../streams';
import { errStream, outStream } from './cc';
import { compileSource, readSource } from './load';
import { programTask } from './programTask';

/** STEP_PROMPT is what the shell shows while a stepped program is paused. */
export const STEP_PROMPT = '(step) ';

/** STEP_HELP lists the prompt's commands, printed after one it does not know. */
export const STEP_HELP = 'Enter or s: run to the next line; c: continue; q: kill the program\n';

/** step compiles a C file and runs it paused before each source line. */
export const step: ShellCommand = {
  name: 'step',
  summary: 'run a C file one source line at a time: step FILE.c [ARG]...',
  usage: 'step FILE.c [ARG]...',
  example: 'step hello.c',
  completesFiles: true,
  run(argv, io) {
    const lab = io.lab;
    const fail = (text: string) => (io.err(text), 1);
    if (lab === undefined) return fail('step: this shell has no simulated world to run programs in\n');
    const file = argv[1];
    if (file === undefined) return fail('step: usage: step FILE.c [ARG]...\n');
    if (lab.background || !io.stdin.isTerminal)
      return fail('step: a stepped program needs the terminal: run it in the foreground, without <\n');
    const src = readSource(io.workspace, io.cwd, file);
    if (typeof src === 'string') return fail(src + 'compilation terminated.\n');
    const session = lab.session;
    const sourceLines = src.source.split('\n');
    const out = outStream(io);
    const gate = new PromptGate(io.stdin);
    let proc: Proc | undefined;
    /** atPrompt is set while the prompt is the terminal's last output (a resume from elsewhere then starts a new row). */
    let atPrompt = false;
    const leavePrompt = () => {
      if (atPrompt) out.write('\n');
      atPrompt = false;
    };
    /** belowPrompt is a stream for the program whose output starts below a prompt left by a resume from elsewhere. */
    const belowPrompt = (stream: OutStream): OutStream => ({
      isTerminal: stream.isTerminal,
      write: (text) => (leavePrompt(), stream.write(text)),
      close: () => stream.close(),
    });
    const inner: JobTask = programTask({
      session,
      host: lab.host,
      root: lab.root,
      foreground: true,
      argv: [`./${file.split('/').pop()!.replace(/\.c$/, '')}`, ...argv.slice(2)],
      stdio: { stdin: gate.stdin, stdout: belowPrompt(out), stderr: belowPrompt(errStream(io)) },
      load: (done) =>
        compileSource(lab, io.workspace, src, errStream(io), (loaded) => {
          done(loaded);
          // programTask spawned it just now; it has not run an instruction yet.
          const pid = inner.pid;
          proc = pid === undefined ? undefined : session.exec.find(session.world.host(lab.host), pid);
          if (proc !== undefined) session.stepFrom(proc, src.sourcePath);
        }),
    });
    gate.onCommand = (line) => {
      if (proc === undefined) return;
      const command = line.trim();
      atPrompt = false; // Enter ended the prompt's row
      if (command === '' || command === 's' || command === 'step') session.resume(proc, 'step');
      else if (command === 'c' || command === 'continue') session.resume(proc, 'continue');
      else if (command === 'q' || command === 'quit') inner.signal('SIGKILL');
      else {
        out.write(`step: unknown command ${JSON.stringify(command)}; ${STEP_HELP}${STEP_PROMPT}`);
        atPrompt = true;
        return false;
      }
      return true;
    };
    let unsubscribe: (() => void) | undefined;
    return {
      get pid() {
        return inner.pid;
      },
      start(onExit, onStop) {
        unsubscribe = session.onPause(({ proc: p, line }) => {
          if (p !== proc || p.state === 'exited') return; // its end is reported by its exit status
          leavePrompt();
          if (line === null) return gate.open();
          out.write(`${line}\t${sourceLines[line - 1] ?? ''}\n${STEP_PROMPT}`);
          atPrompt = true;
          gate.close();
        });
        inner.start((status) => {
          unsubscribe?.();
          leavePrompt();
          gate.open();
          onExit(status);
        }, onStop);
      },
      signal(signal) {
        if (signal === 'SIGINT') atPrompt = false; // the terminal echoed ^C and a newline
        inner.signal(signal);
      },
      foreground: (terminal) => inner.foreground?.(terminal),
      background: () => inner.background?.(),
    };
  },
};

/**
 * PromptGate stands between the terminal and a stepped program's stdin: while open, the
 * program reads the terminal; while closed (paused), each line typed goes to onCommand, which
 * returns whether it resumed the program (else the next line is read as a command too).
 */
class PromptGate {
  onCommand: (line: string) => boolean | void = () => {};
  readonly #terminal: InStream;
  #open = true;
  #reader: (() => void) | undefined;
  #typed = '';

  constructor(terminal: InStream) {
    this.#terminal = terminal;
  }

  /** stdin is the program's view of the terminal: nothing to read while the gate is closed. */
  readonly stdin: InStream = {
    isTerminal: true,
    read: () => (this.#open ? this.#terminal.read() : undefined),
    whenReadable: (callback) => {
      this.#reader = callback;
      if (this.#open) this.#terminal.whenReadable(callback);
    },
    close: () => this.#terminal.close(),
  };

  /** close pauses the program's input and reads the prompt's commands from the terminal. */
  close(): void {
    this.#open = false;
    this.#readCommands();
  }

  /** open gives the terminal back to the program. */
  open(): void {
    if (this.#open) return;
    this.#open = true;
    if (this.#reader !== undefined) this.#terminal.whenReadable(this.#reader);
  }

  #readCommands(): void {
    while (!this.#open) {
      const newline = this.#typed.indexOf('\n');
      if (newline >= 0) {
        const line = this.#typed.slice(0, newline);
        this.#typed = this.#typed.slice(newline + 1);
        if (this.onCommand(line) === true) return;
        continue;
      }
      const data = this.#terminal.read();
      if (data === undefined) return this.#terminal.whenReadable(() => this.#readCommands());
      this.#typed += data === null ? 'c\n' : data; // Ctrl-D at the prompt continues
    }
  }
}
