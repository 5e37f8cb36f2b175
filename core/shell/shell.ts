// The lab shell behind each terminal: it owns the line editor, the history and the working
// directory, runs built-in commands and writes everything the terminal shows. It speaks the
// terminal's language (raw input in, text with ANSI sequences out), so the renderer's xterm,
// the CLI and the tests drive it the same way.
import type { LabSession } from '../session/index';
import type { CommandIo, LabIo, ShellCommand } from './command';
import { builtinCommands } from './commands/index';
import { complete } from './complete';
import { Executor, type Placement } from './exec';
import type { Stdio, JobTask } from './job';
import { JobTable, type ShellJob } from './jobTable';
import { readKeys } from './keys';
import { LineEditor } from './lineEditor';
import { parseLine } from './parse';
import { programTask } from './programs/programTask';
import { compileSource, readExecutable } from './programs/load';
import type { InStream, OutStream } from './streams';
import { CookedLine, TerminalInput } from './tty';
import type { Workspace } from './workspace';
import type { Job } from './job';
import { HOME, displayPath } from './workspace';

/** HISTORY_LIMIT is how many lines the shell remembers (bash's default HISTSIZE). */
export const HISTORY_LIMIT = 500;

/** LabShellOptions configures one shell. */
export interface LabShellOptions {
  workspace: Workspace;
  /** write receives everything the terminal should display. */
  write: (data: string) => void;
  /** session is the simulated world the shell's programs and network tools work on. */
  session?: LabSession;
  host?: string;
  user?: string;
  cols?: number;
  rows?: number;
  /**
   * spawn starts a command that is neither a built-in nor a path to a program (tests use it)
   * with the job's streams; undefined means "command not found".
   */
  spawn?: (argv: readonly string[], stdio: Stdio, cwd: string) => JobTask | undefined;
  /** openEditor asks the window to open a workspace file in its editor (absent in the CLI). */
  openEditor?: (path: string) => void;
  /** writeErr receives standard error separately (the CLI's scripts); by default it goes to write. */
  writeErr?: (data: string) => void;
  /** tty is false when the output is not a terminal (a script's output: no colours); default true. */
  tty?: boolean;
  /** onLogout runs on Ctrl-D at an empty prompt (the CLI exits); without it Ctrl-D there does nothing. */
  onLogout?: () => void;
}

/** LabShell is one interactive shell session on a simulated host. */
export class LabShell {
  readonly host: string;
  readonly user: string;
  readonly #workspace: Workspace;
  readonly #write: (data: string) => void;
  readonly #editor: LineEditor;
  readonly #history: string[] = [];
  readonly #commands: ReadonlyMap<string, ShellCommand> = builtinCommands;
  #cwd = HOME;
  #cols: number;
  #rows: number;
  #pending = '';
  #lastStatus = 0;
  readonly #ttyInput = new TerminalInput();
  readonly #cooked: CookedLine;
  readonly #executor: Executor;
  readonly #terminalOut: OutStream;
  readonly #terminalErr: OutStream;
  readonly #session: LabSession | undefined;
  readonly #jobs = new JobTable();
  readonly #openEditor: ((path: string) => void) | undefined;
  readonly #onLogout: (() => void) | undefined;
  #held: string[] | undefined;
  #busy = false;
  #typedAhead = '';

  constructor(options: LabShellOptions) {
    this.#workspace = options.workspace;
    this.#write = options.write;
    this.host = options.host ?? 'client';
    this.user = options.user ?? 'student';
    this.#cols = options.cols ?? 80;
    this.#rows = options.rows ?? 24;
    this.#session = options.session;
    this.#openEditor = options.openEditor;
    this.#editor = new LineEditor(this.#write);
    this.#editor.resize(this.#cols);
    this.#cooked = new CookedLine(this.#write, this.#ttyInput);
    this.#onLogout = options.onLogout;
    this.#terminalOut = {
      isTerminal: options.tty ?? true,
      write: (text) => {
        this.#print(text);
        return true;
      },
      close: () => {},
    };
    const writeErr = options.writeErr;
    this.#terminalErr =
      writeErr === undefined
        ? this.#terminalOut
        : {
            isTerminal: options.tty ?? true,
            write: (text) => {
              writeErr(text.replace(/\r?\n/g, '\r\n'));
              return true;
            },
            close: () => {},
          };
    this.#executor = new Executor({
      workspace: this.#workspace,
      cwd: () => this.#cwd,
      param: (name) => this.#param(name),
      setStatus: (status) => {
        this.#lastStatus = status;
      },
      terminal: () => ({
        stdin: this.#ttyInput.reader(),
        stdout: this.#terminalOut,
        stderr: this.#terminalErr,
      }),
      lookup: (name) => this.#commands.get(name),
      makeIo: (stdio, placement) => this.#io(stdio, placement),
      spawn: (argv, stdio, placement) =>
        argv[0]!.includes('/')
          ? this.#program(argv, stdio, placement)
          : options.spawn?.(argv, stdio, this.#cwd),
      host: this.host,
      ...(this.#session === undefined
        ? {}
        : {
            hostExists: (name: string) => this.#session!.world.hosts.has(name),
            background: (job, command, start) => this.#background(job, command, start),
            stopped: (job, command) => this.#stopped(job, command),
          }),
    });
  }

  /** busy is true while a command line runs (its foreground job holds the terminal). */
  get busy(): boolean {
    return this.#busy;
  }

  /** cwd is the shell's working directory as a virtual path. */
  get cwd(): string {
    return this.#cwd;
  }

  /** history is the list of commands typed, oldest first. */
  get history(): readonly string[] {
    return this.#history;
  }

  /** size is the terminal's size in cells, as last reported. */
  get size(): { cols: number; rows: number } {
    return { cols: this.#cols, rows: this.#rows };
  }

  /** lastStatus is the exit status of the last command ($?). */
  get lastStatus(): number {
    return this.#lastStatus;
  }

  /** prompt is the bash-style prompt, coloured as Debian's default .bashrc colours it. */
  get prompt(): string {
    return `\x1b[01;32m${this.user}@${this.host}\x1b[0m:\x1b[01;34m${displayPath(this.#cwd)}\x1b[0m$ `;
  }

  /** start greets the student and shows the first prompt. */
  start(): void {
    this.#write(`SockLab lab shell on ${this.host}. Type 'help' for the commands.\r\n`);
    this.#editor.start(this.prompt, this.#history);
  }

  /** input feeds what the student typed (raw terminal bytes as a string). */
  input(data: string): void {
    const { keys, rest } = readKeys(this.#pending + data);
    this.#pending = rest;
    for (const key of keys) {
      if (this.#busy) {
        const action = this.#cooked.handle(key);
        // Ctrl-C and Ctrl-Z flush the input queue too (n_tty's isig, without NOFLSH).
        if (action !== 'none') this.#ttyInput.drain();
        if (action === 'interrupt') this.#executor.interrupt();
        if (action === 'suspend') this.#executor.suspend();
        continue;
      }
      const result = this.#editor.handle(key);
      switch (result.type) {
        case 'submit':
          this.#submit(result.line);
          break;
        case 'interrupt':
          this.#lastStatus = 130;
          this.#editor.start(this.prompt, this.#history);
          break;
        case 'clearScreen':
          this.#write('\x1b[H\x1b[2J');
          this.#editor.redraw();
          break;
        case 'complete':
          this.#complete(result.line, result.cursor);
          break;
        case 'eof':
          if (this.#onLogout !== undefined) {
            this.#write('exit\r\n');
            this.#onLogout();
          }
          break;
        case 'none':
          break;
      }
    }
  }

  /** hangup is the terminal closing: SIGHUP to the foreground job and every background job, as bash sends on exit. */
  hangup(): void {
    this.#executor.hangup();
    for (const job of this.#jobs.list()) if (job.status === null) job.job.signal('SIGHUP');
  }

  /** resize tells the shell the terminal's size in cells. */
  resize(cols: number, rows: number): void {
    this.#cols = cols;
    this.#rows = rows;
    this.#editor.resize(cols);
  }

  /**
   * run executes one command line as if typed (without echoing it or showing a prompt);
   * done receives its status when it has ended, which is later when a job reads the terminal.
   */
  run(line: string, done: (status: number) => void = () => {}): void {
    if (this.#busy) {
      this.#print('socklab: a command is still running; wait for it to end\n');
      return done(1);
    }
    const parsed = parseLine(line);
    if (!parsed.ok) {
      this.#print(`socklab: ${parsed.message}\n`);
      this.#lastStatus = 2;
      return done(2);
    }
    this.#busy = true;
    const logged = this.#session?.logCommand(this.host, line);
    this.#executor.run(parsed.list, (status) => {
      this.#busy = false;
      if (logged !== undefined) logged.status = status;
      // What was typed while the job ran but never read belongs to the shell, as in bash.
      this.#typedAhead = this.#ttyInput.drain().replace(/\n/g, '\r') + this.#cooked.take();
      done(status);
    });
  }

  #submit(line: string): void {
    if (line.trim() !== '' && line !== this.#history[this.#history.length - 1]) {
      this.#history.push(line);
      if (this.#history.length > HISTORY_LIMIT) this.#history.shift();
    }
    this.run(line, () => {
      this.#print(this.#jobs.takeFinished());
      this.#editor.start(this.prompt, this.#history);
      const ahead = this.#typedAhead;
      this.#typedAhead = '';
      if (ahead) this.input(ahead);
    });
  }

  #param(name: string): string {
    const values: Record<string, string> = {
      '?': String(this.#lastStatus),
      HOME,
      USER: this.user,
      LOGNAME: this.user,
      HOSTNAME: this.host,
      PWD: this.#cwd,
    };
    return values[name] ?? '';
  }

  #complete(line: string, cursor: number): void {
    const result = complete(line, cursor, this.#cwd, this.#workspace, this.#commands);
    if (result.candidates.length === 0) {
      if (result.line !== line) this.#editor.replace(result.line, result.cursor);
      else this.#write('\x07');
      return;
    }
    this.#editor.replace(line, cursor);
    this.#write('\r\n' + result.candidates.join('  ') + '\r\n');
    this.#editor.redraw();
  }

  #print(text: string): void {
    if (this.#held !== undefined) {
      this.#held.push(text);
      return;
    }
    this.#write(text.replace(/\r?\n/g, '\r\n'));
  }

  /** jobs are the shell's background jobs. */
  get jobs(): JobTable {
    return this.#jobs;
  }

  #background(job: Job, command: string, start: () => void): (status: number) => void {
    const entry = this.#jobs.add(job, command);
    // bash announces `[N] PID` before the job prints anything, but a program's pid exists only
    // once it started: hold what the job prints while it starts.
    const held: string[] = [];
    this.#held = held;
    try {
      start();
    } finally {
      this.#held = undefined;
    }
    this.#print(`[${entry.id}]${job.pids.length > 0 ? ` ${job.pids.at(-1)}` : ''}\n`);
    for (const text of held) this.#print(text);
    return (status) => this.#jobs.ended(entry, status);
  }

  /** #stopped makes a stopped foreground job a background one and announces it as bash does. */
  #stopped(job: Job, command: string): (status: number) => void {
    const entry = this.#jobs.add(job, command);
    entry.reportedStop = job.stoppedBy;
    this.#print(this.#jobs.line(entry));
    return (status) => this.#jobs.ended(entry, status);
  }

  /** #program starts `./name`: the executable cc wrote, compiled from the source it carries. */
  #program(argv: readonly string[], stdio: Stdio, placement: Placement): JobTask | undefined {
    const session = this.#session;
    if (session === undefined) return undefined;
    const lab = this.#lab(placement);
    const found = readExecutable(this.#workspace, this.#cwd, argv[0]!);
    return programTask({
      session,
      host: placement.host,
      root: placement.root,
      foreground: !placement.background,
      argv,
      stdio,
      load: (done) => {
        if ('error' in found) {
          stdio.stderr.write(found.error);
          return done(found.status);
        }
        compileSource(lab!, this.#workspace, found.exe, stdio.stderr, done);
      },
    });
  }

  #lab(placement: Placement): LabIo | undefined {
    const session = this.#session;
    if (session === undefined) return undefined;
    return {
      session,
      ...placement,
      jobs: this.#jobs,
      foreground: (job, terminal) => this.#fg(job, terminal),
      ...(this.#openEditor === undefined ? {} : { openEditor: this.#openEditor }),
    };
  }

  /** #fg is the task that waits for a background job in the foreground, passing signals on to it. */
  #fg(job: ShellJob, terminal?: InStream): JobTask {
    return {
      start: (exit) => {
        this.#jobs.forget(job);
        if (job.status !== null) return exit(job.status);
        job.waiters.push(exit);
        job.job.foreground(terminal);
      },
      signal: (signal) => job.job.signal(signal),
    };
  }

  #io(stdio: Stdio, placement: Placement): CommandIo {
    const cwd = this.#cwd;
    const lab = this.#lab(placement);
    return {
      ...(lab === undefined ? {} : { lab }),
      out: (text) => void stdio.stdout.write(text),
      err: (text) => void stdio.stderr.write(text),
      stdin: stdio.stdin,
      isatty: (fd) => [stdio.stdin, stdio.stdout, stdio.stderr][fd]!.isTerminal,
      workspace: this.#workspace,
      cwd,
      cols: this.#cols,
      history: this.#history,
      commands: this.#commands,
      clearScreen: () => this.#write('\x1b[H\x1b[2J\x1b[3J'),
      chdir: (path) => {
        this.#cwd = path;
      },
    };
  }
}
