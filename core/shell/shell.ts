// The lab shell behind each terminal: it owns the line editor, the history and the working
// directory, runs built-in commands and writes everything the terminal shows. It speaks the
// terminal's language (raw input in, text with ANSI sequences out), so the renderer's xterm,
// the CLI and the tests drive it the same way.
import type { CommandIo, ShellCommand } from './command';
import { builtinCommands } from './commands/index';
import { complete } from './complete';
import { readKeys } from './keys';
import { LineEditor } from './lineEditor';
import type { Workspace } from './workspace';
import { HOME, displayPath } from './workspace';
import { splitWords } from './words';

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

  constructor(options: LabShellOptions) {
    this.#workspace = options.workspace;
    this.#write = options.write;
    this.host = options.host ?? 'client';
    this.user = options.user ?? 'student';
    this.#cols = options.cols ?? 80;
    this.#rows = options.rows ?? 24;
    this.#editor = new LineEditor(this.#write);
    this.#editor.resize(this.#cols);
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

  /** run executes one command line as if typed (without echoing it) and returns its status. */
  run(line: string): number {
    const words = splitWords(line);
    if (!words.ok) {
      this.#print(`socklab: ${words.message}\n`);
      return (this.#lastStatus = 2);
    }
    const [name, ...args] = words.words;
    if (name === undefined) return this.#lastStatus;
    const cmd = this.#commands.get(name);
    if (!cmd) {
      this.#print(`${name}: command not found\n`);
      return (this.#lastStatus = 127);
    }
    return (this.#lastStatus = cmd.run([name, ...args], this.#io()));
  }

  #submit(line: string): void {
    if (line.trim() !== '' && line !== this.#history[this.#history.length - 1]) {
      this.#history.push(line);
      if (this.#history.length > HISTORY_LIMIT) this.#history.shift();
    }
    this.run(line);
    this.#editor.start(this.prompt, this.#history);
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

  #io(): CommandIo {
    return {
      out: (text) => this.#print(text),
      err: (text) => this.#print(text),
      workspace: this.#workspace,
      cwd: this.#cwd,
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
