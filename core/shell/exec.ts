// Runs a parsed command line: each pipeline of the list becomes a Job (job.ts) whose tasks
// are joined by pipes, after parameter expansion and redirection, the order XCU 2.9.1 gives.
// The list moves on when a job ends, which may be at once or after the student has typed
// input, so the whole walk is written as callbacks rather than a loop that waits.
import type { CommandIo, ShellCommand } from './command';
import type { Closable, Stdio, JobTask, TaskSpec } from './job';
import { Job, SIGINT_STATUS, builtinTask } from './job';
import { signalDeathText } from './jobTable';
import type { ListItem, Redirect, SimpleCommand, Word } from './parse';
import type { InStream, OutStream } from './streams';
import { expandGlob, globEscape, hasGlob } from './glob';
import { FileOutput, Pipe, nullInput, textInput } from './streams';
import type { Workspace } from './workspace';
import { fsErrorText, resolvePath } from './workspace';

/** Placement is where and how one command runs: its host (`on HOST`), as root (`sudo`), in the background (`&`). */
export interface Placement {
  readonly host: string;
  readonly root: boolean;
  readonly background: boolean;
}

/** ExecContext is what the executor needs from the shell that owns it. */
export interface ExecContext {
  readonly workspace: Workspace;
  /** cwd is the working directory now (cd may change it between commands). */
  cwd(): string;
  /** param gives a parameter's value ('?' is the last status); unknown names are ''. */
  param(name: string): string;
  /** setStatus records the status of the pipeline that just ended ($?). */
  setStatus(status: number): void;
  /** terminal gives the terminal's streams; stdin is a fresh reader each time. */
  terminal(): Stdio;
  /** lookup finds a built-in by name. */
  lookup(name: string): ShellCommand | undefined;
  /** makeIo builds the CommandIo a built-in runs with. */
  makeIo(stdio: Stdio, placement: Placement): CommandIo;
  /** spawn starts a command that is not a built-in (a program); undefined when none is found. */
  spawn?(argv: readonly string[], stdio: Stdio, placement: Placement): JobTask | undefined;
  /** host is the shell's own host. */
  readonly host: string;
  /** hostExists tells whether `on HOST` names a host of the world (undefined: no world, `on` is refused). */
  hostExists?(name: string): boolean;
  /**
   * background registers a job started with `&` (command is its text), calls start, announces
   * it, and returns the listener for the job's status.
   */
  background?(job: Job, command: string, start: () => void): (status: number) => void;
  /**
   * stopped registers a foreground job that stopped (Ctrl-Z) as a background job, announces it
   * (`[1]+  Stopped  ./prog`), and returns the listener for the job's status.
   */
  stopped?(job: Job, command: string): (status: number) => void;
}

/** DEV_NULL is the one device path redirections accept outside the workspace. */
export const DEV_NULL = '/dev/null';

/** Executor runs command lists for one shell, one foreground job at a time. */
export class Executor {
  readonly #ctx: ExecContext;
  #job: Job | undefined;
  #aborted = false;
  #interrupted = false;

  constructor(ctx: ExecContext) {
    this.#ctx = ctx;
  }

  /** run executes the list; done receives the last status when the whole list has ended. */
  run(list: readonly ListItem[], done: (status: number) => void): void {
    this.#aborted = false;
    this.#interrupted = false;
    let i = 0;
    let status = Number(this.#ctx.param('?'));
    const next = (): void => {
      while (i < list.length && !this.#aborted) {
        const item = list[i]!;
        const before = list[i - 1]?.connector;
        i++;
        if ((before === '&&' && status !== 0) || (before === '||' && status === 0)) continue;
        let ended = false;
        let waiting = false;
        this.#pipeline(item, (s) => {
          status = s;
          this.#ctx.setStatus(s);
          // bash reports a foreground job killed by a signal (other than SIGINT and SIGPIPE).
          const death = item.connector === '&' || this.#job === undefined ? '' : signalDeathText(s);
          if (death !== '') this.#ctx.terminal().stderr.write(`${death}\n`);
          this.#job = undefined;
          ended = true;
          // bash abandons the rest of the list only when the job died of the Ctrl-C.
          if (this.#interrupted && s === SIGINT_STATUS) this.#aborted = true;
          this.#interrupted = false;
          if (waiting) next();
        });
        if (!ended) {
          waiting = true;
          return;
        }
      }
      done(status);
    };
    next();
  }

  /** interrupt sends SIGINT to the foreground job and abandons the rest of the list (Ctrl-C). */
  interrupt(): void {
    this.#interrupted = true;
    this.#job?.signal('SIGINT');
  }

  /** suspend sends SIGTSTP to the foreground job (Ctrl-Z); once it has stopped the list goes on. */
  suspend(): void {
    this.#job?.signal('SIGTSTP');
  }

  /** hangup sends SIGHUP to the foreground job and abandons the rest of the list (the terminal closed). */
  hangup(): void {
    this.#aborted = true;
    this.#job?.signal('SIGHUP');
  }

  #pipeline(item: ListItem, done: (status: number) => void): void {
    const terminal = this.#ctx.terminal();
    const background = item.connector === '&';
    if (background && this.#ctx.background === undefined) {
      terminal.stderr.write('socklab: background jobs (&) need the simulated world\n');
      return done(1);
    }
    // A background job does not read the terminal: its reads wait for ever, as after SIGTTIN.
    if (background) terminal.stdin = neverInput;
    const commands = item.pipeline;
    const pipes = commands.slice(1).map(() => new Pipe());
    const specs = commands.map((command, k) => {
      const stdio: Stdio = {
        stdin: k === 0 ? terminal.stdin : pipes[k - 1]!.reader,
        stdout: k === commands.length - 1 ? terminal.stdout : pipes[k]!.writer,
        stderr: terminal.stderr,
      };
      const owned: Closable[] = [];
      if (k > 0) owned.push(stdio.stdin);
      if (k < commands.length - 1) owned.push(stdio.stdout);
      return this.#prepare(command, stdio, owned, terminal.stderr, background);
    });
    if (background) {
      const ended: { listener?: (status: number) => void; early?: number } = {}; // the job may end inside start
      const job = new Job(specs, (status) =>
        ended.listener ? ended.listener(status) : (ended.early = status),
      );
      ended.listener = this.#ctx.background!(job, pipelineText(item), () => job.start());
      if (ended.early !== undefined) ended.listener(ended.early);
      return done(0);
    }
    let stopped: ((status: number) => void) | undefined;
    const job = new Job(specs, (status) => (stopped === undefined ? done(status) : stopped(status)));
    job.onStop((by) => {
      // bash takes the terminal back from a stopped foreground job and goes on with its status 128+N.
      if (by === null || stopped !== undefined || this.#job !== job || this.#ctx.stopped === undefined)
        return;
      this.#job = undefined;
      job.background();
      stopped = this.#ctx.stopped(job, pipelineText(item));
      done(128 + by);
    });
    this.#job = job;
    job.start();
  }

  /** #prepare expands words, opens redirections and finds the command, as a task ready to start. */
  #prepare(
    command: SimpleCommand,
    stdio: Stdio,
    owned: Closable[],
    shellErr: OutStream,
    background: boolean,
  ): TaskSpec {
    const words = command.words.flatMap((word) => this.#expand(word));
    const placed = this.#place(words, background);
    if (typeof placed === 'string') {
      stdio.stderr.write(placed);
      return { task: exited(1), owned };
    }
    const { argv, placement } = placed;
    for (const redirect of command.redirects) {
      const error = this.#redirect(redirect, stdio, owned);
      if (error) {
        shellErr.write(`socklab: ${error}\n`);
        return { task: exited(1), owned };
      }
    }
    const name = argv[0];
    if (name === undefined) return { task: exited(0), owned };
    const builtin = this.#ctx.lookup(name);
    if (builtin) {
      let broken = false;
      const stdout = stdio.stdout;
      const watched: OutStream = {
        isTerminal: stdout.isTerminal,
        write: (text) => {
          const written = stdout.write(text);
          if (!written) broken = true;
          return written;
        },
        close: () => stdout.close(),
      };
      const io = this.#ctx.makeIo({ ...stdio, stdout: watched }, placement);
      return { task: builtinTask(builtin, argv, io, () => broken), owned };
    }
    const program = this.#ctx.spawn?.(argv, stdio, placement);
    if (program) return { task: program, owned };
    stdio.stderr.write(`${name}: command not found\n`);
    return { task: exited(127), owned };
  }

  /** #place strips the `sudo` and `on HOST` prefixes off argv; a string is the error to print. */
  #place(words: string[], background: boolean): { argv: string[]; placement: Placement } | string {
    let argv = words;
    let host = this.#ctx.host;
    let root = false;
    for (;;) {
      if (argv[0] === 'sudo') {
        if (argv.length === 1) return 'usage: sudo command\n';
        root = true;
        argv = argv.slice(1);
      } else if (argv[0] === 'on') {
        const name = argv[1];
        if (name === undefined || argv.length < 3) return 'on: usage: on HOST COMMAND [ARG]...\n';
        if (this.#ctx.hostExists === undefined) return 'on: no simulated world in this shell\n';
        if (!this.#ctx.hostExists(name)) return `on: ${name}: unknown host\n`;
        host = name;
        argv = argv.slice(2);
      } else return { argv, placement: { host, root, background } };
    }
  }

  /**
   * #expand gives a word's fields: its value after parameter expansion, the paths its
   * unquoted `*`, `?` or `[` match, or none for an unquoted parameter that expands to nothing.
   */
  #expand(word: Word): string[] {
    let text = '';
    let pattern = '';
    let quoted = false;
    for (const part of word.parts) {
      const value = 'text' in part ? part.text : this.#ctx.param(part.param);
      const literal = !('text' in part) || part.quoted;
      text += value;
      pattern += literal ? globEscape(value) : value.replace(/\\/g, '\\\\');
      if ('text' in part) quoted ||= part.quoted;
    }
    if (text === '' && !quoted) return [];
    if (!hasGlob(pattern)) return [text];
    const matches = expandGlob(pattern, this.#ctx.cwd(), this.#ctx.workspace);
    return matches.length > 0 ? matches : [text];
  }

  /** #redirect applies one redirection to stdio; it returns bash's error text when it cannot. */
  #redirect(redirect: Redirect, stdio: Stdio, owned: Closable[]): string | undefined {
    const fields = this.#expand(redirect.target);
    const target = fields[0];
    if (target === undefined || fields.length > 1) return `${wordText(redirect.target)}: ambiguous redirect`;
    const { fd, op } = redirect;
    if (op === '>&' || op === '<&') {
      if (target === String(fd) || (op === '<&' && fd === 0 && target === '0')) return undefined;
      if (op === '>&' && (fd === 1 || fd === 2) && (target === '1' || target === '2')) {
        const stream = target === '1' ? stdio.stdout : stdio.stderr;
        if (fd === 1) stdio.stdout = stream;
        else stdio.stderr = stream;
        return undefined;
      }
      return `${target}: redirection not supported in the lab shell`;
    }
    if ((op === '<') !== (fd === 0) || fd > 2)
      return `${fd}${op}: redirection not supported in the lab shell`;
    if (target === DEV_NULL) {
      const sink: OutStream = { isTerminal: false, write: () => true, close: () => {} };
      if (op === '<') stdio.stdin = nullInput;
      else this.#setOut(stdio, fd, sink);
      if (op === '&>' || op === '&>>') this.#setOut(stdio, 2, sink);
      return undefined;
    }
    const rel = resolvePath(this.#ctx.cwd(), target);
    if (!rel.ok) return `${target}: ${fsErrorText[rel.errno]}`;
    if (op === '<') {
      const text = this.#ctx.workspace.readText(rel.value);
      if (!text.ok) return `${target}: ${fsErrorText[text.errno]}`;
      const stat = this.#ctx.workspace.stat(rel.value);
      stdio.stdin = textInput(text.value, stat.ok ? stat.value.size : undefined);
      return undefined;
    }
    const opened =
      op === '>'
        ? this.#ctx.workspace.writeText(rel.value, '')
        : this.#ctx.workspace.appendText(rel.value, '');
    if (!opened.ok) return `${target}: ${fsErrorText[opened.errno]}`;
    const file = new FileOutput(this.#ctx.workspace, rel.value, (failed) => {
      if (!failed.ok) this.#ctx.terminal().stderr.write(`socklab: ${target}: ${fsErrorText[failed.errno]}\n`);
    });
    owned.push(file);
    this.#setOut(stdio, fd, file);
    if (op === '&>' || op === '&>>') this.#setOut(stdio, 2, file);
    return undefined;
  }

  #setOut(stdio: Stdio, fd: number, stream: OutStream): void {
    if (fd === 1) stdio.stdout = stream;
    else stdio.stderr = stream;
  }
}

/** neverInput is the standard input of a background job: nothing ever arrives. */
const neverInput: InStream = {
  isTerminal: true,
  read: () => undefined,
  whenReadable: () => {},
  close: () => {},
};

/** pipelineText is a pipeline written back as text, as `jobs` shows it. */
function pipelineText(item: ListItem): string {
  return item.pipeline
    .map((c) =>
      [
        ...c.words.map(wordText),
        ...c.redirects.map(
          (r) => `${r.fd === (r.op === '<' ? 0 : 1) ? '' : r.fd}${r.op} ${wordText(r.target)}`,
        ),
      ].join(' '),
    )
    .join(' | ');
}

/** exited is a task that has already ended with a status (a failed redirection, an unknown command). */
function exited(status: number): JobTask {
  return { start: (exit) => exit(status), signal: () => {} };
}

function wordText(word: Word): string {
  return word.parts.map((p) => ('text' in p ? p.text : p.param === '?' ? '$?' : `$${p.param}`)).join('');
}
