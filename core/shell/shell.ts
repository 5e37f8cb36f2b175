// The lab shell behind each terminal: it owns the line editor, the history and the working
// directory, runs built-in commands and writes everything the terminal shows. It speaks the
// terminal's language (raw input in, text with ANSI sequences out), so the renderer's xterm,
// the CLI and the tests drive it the same way.
import type { CommandIo, ShellCommand } from './command';
import { builtinCommands } from './commands/index';
import { complete } from './complete';
import { Executor } from './exec';
import type { Stdio, JobTask } from './job';
import { readKeys } from './keys';
import { LineEditor } from './lineEditor';
import { parseLine } from './parse';
import type { OutStream } from './streams';
import { CookedLine, TerminalInput } from './tty';
import type { Workspace } from './workspace';
import { HOME, displayPath } from './workspace';

/** HISTORY_LIMIT is how many lines the shell remembers (bash's default HISTSIZE). */
export const HISTORY_LIMIT = 500;

/** LabShellOptions configures one shell. */
export interface LabShellOptions {
  workspace: Workspace;
  /** write receives everything the terminal should display. */
  write: (data: string) => void;
  host?: string;
  user?: string;
  cols?: number;
  rows?: number;
  /**
   * spawn starts a command that is not a built-in (a student's program, later a task in the
   * simulated kernel) with the job's streams; undefined means "command not found".
   */
  spawn?: (argv: readonly string[], stdio: Stdio, cwd: string) => JobTask | undefined;
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
  #busy = false;
  #typedAhead = '';

  constructor(options: LabShellOptions) {
    this.#workspace = options.workspace;
    this.#write = options.write;
    this.host = options.host ?? 'client';
    this.user = options.user ?? 'student';
    this.#cols = options.cols ?? 80;
    this.#rows = options.rows ?? 24;
    this.#editor = new LineEditor(this.#write);
    this.#editor.resize(this.#cols);
    this.#cooked = new CookedLine(this.#write, this.#ttyInput);
    this.#terminalOut = {
      isTerminal: true,
      write: (text) => {
        this.#print(text);
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
        stderr: this.#terminalOut,
      }),
      lookup: (name) => this.#commands.get(name),
      makeIo: (stdio) => this.#io(stdio),
      spawn: (argv, stdio) => options.spawn?.(argv, stdio, this.#cwd),
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
        if (this.#cooked.handle(key) === 'interrupt') {
          this.#ttyInput.drain(); // Ctrl-C flushes the input queue too (n_tty, without NOFLSH)
          this.#executor.interrupt();
        }
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
        case 'none':
          break;
      }
    }
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
    this.#executor.run(parsed.list, (status) => {
      this.#busy = false;
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
    this.#write(text.replace(/\r?\n/g, '\r\n'));
  }

  #io(stdio: Stdio): CommandIo {
    const cwd = this.#cwd;
    return {
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
