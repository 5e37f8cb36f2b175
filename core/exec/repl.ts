// The C REPL as a process: one task on a host (so `socket()` returns fd 3 and the fds persist
// between lines) that runs each typed line's program (core/lang/repl.ts) under the scheduler,
// so blocking calls block, the simulated world runs meanwhile, and Ctrl-C ends only the line.
//
// For the lab shell's `c` command:
//   const repl = new ExecRepl(exec, { parser, host: 'client', stdout, stderr, tty: true });
//   const r = repl.eval(line);        // more (prompt `...`; repl.cancel() drops it) | empty | error (text) | running
//   … while repl.busy: exec.run({ instructions }) (Ctrl-C: exec.interrupt(repl.proc)) …
//   const done = repl.take();         // { k: 'done', text } | { k: 'fault', text } | { k: 'killed', status } | { k: 'exit', code }
// Print `text` to the terminal after the program's own output (error and fault texts belong on
// stderr). After `exit`, the process is gone; make a new ExecRepl for a fresh scope.
// evalSync(line, instructions) does both steps for callers that can run the world at once.

import type { CParser, Fault, VmState } from '../lang/index';
import { ReplSession, type ReplFinished } from '../lang/repl';
import type { Exec, SpawnOptions } from './exec';
import type { Proc } from './proc';

/** ExecReplOptions say where the REPL's process runs and how it reads the student's headers. */
export interface ExecReplOptions extends SpawnOptions {
  readonly parser: CParser;
  readonly readFile?: (path: string) => string | undefined;
  /** name is the file name error messages give the typed lines (default `<stdin>`). */
  readonly name?: string;
}

/** ReplEval is what eval did with a line: wait for more, nothing, a compile error, or started running it. */
export type ReplEval =
  | { readonly k: 'more' }
  | { readonly k: 'empty' }
  | { readonly k: 'error'; readonly text: string }
  | { readonly k: 'running' };

/** ReplLineResult is how a line that ran ended. */
export type ReplLineResult =
  | { readonly k: 'done'; readonly text: string }
  | { readonly k: 'fault'; readonly text: string }
  | { readonly k: 'killed'; readonly status: number }
  | { readonly k: 'exit'; readonly code: number };

/** ExecRepl is a C REPL running as a process of an Exec. */
export class ExecRepl {
  /** proc is the REPL's process (send it Ctrl-C with exec.interrupt(proc)). */
  readonly proc: Proc;
  readonly #exec: Exec;
  readonly #session: ReplSession;
  #finish: ((vm: VmState) => ReplFinished) | null = null;
  #result: ReplLineResult | null = null;

  /** constructor starts the REPL's process, parked until the first line. */
  constructor(exec: Exec, o: ExecReplOptions) {
    this.#exec = exec;
    this.#session = new ReplSession({
      parser: o.parser,
      ...(o.readFile === undefined ? {} : { readFile: o.readFile }),
      ...(o.name === undefined ? {} : { name: o.name }),
    });
    this.proc = exec.spawnState(this.#session.state, { ...o, argv: o.argv ?? ['c'] });
    this.proc.repl = (status, fault) => this.#lineEnded(status, fault);
    this.proc.state = 'blocked';
    this.proc.wait = { k: 'repl' };
  }

  /** busy tells whether a line is still running. */
  get busy(): boolean {
    return this.#finish !== null;
  }

  /** eval reads one line; a complete, correct line starts running as the REPL's process. */
  eval(line: string): ReplEval {
    if (this.busy) return { k: 'error', text: 'c: the previous line is still running\n' };
    if (this.proc.state === 'exited')
      return { k: 'error', text: 'c: this REPL has ended (exit was called)\n' };
    const p = this.#session.prepare(line);
    if (p.k !== 'run') return p;
    this.#finish = p.finish;
    this.#result = null;
    this.#exec.runLine(this.proc, p.vm);
    return { k: 'running' };
  }

  /** continuing tells whether earlier lines wait for more (open brackets): prompt with `...`. */
  get continuing(): boolean {
    return this.#session.continuing;
  }

  /** cancel drops lines waiting for more (Ctrl-C at the continuation prompt); a running line is interrupted with exec.interrupt(proc) instead. */
  cancel(): void {
    this.#session.cancel();
  }

  /** take returns the result of the line that finished, once; null while it runs. */
  take(): ReplLineResult | null {
    const r = this.#result;
    this.#result = null;
    return r;
  }

  /** evalSync evaluates a line and runs the world until it finishes, `instructions` run out or nothing can happen (then it is still busy: `running`). */
  evalSync(line: string, instructions = 50_000_000): ReplEval | ReplLineResult {
    const e = this.eval(line);
    if (e.k !== 'running') return e;
    this.#exec.run({ instructions, stop: () => !this.busy });
    return this.take() ?? e;
  }

  /** close ends the REPL's process (its sockets close, as at exit). */
  close(): void {
    this.#end(0);
  }

  #lineEnded(status: number, fault: Fault | null): void {
    const finish = this.#finish;
    this.#finish = null;
    const p = this.proc;
    if (finish === null) return;
    if (fault !== null) this.#result = { k: 'fault', text: `${withoutLine(fault.message)}\n` };
    else if (status > 128 && p.vm.status !== 'exited') this.#result = { k: 'killed', status };
    else {
      const f = finish(p.vm);
      if (f.k === 'exit') {
        this.#result = f;
        this.#end(f.code);
        return;
      }
      this.#result = f;
    }
    if (this.#result.k !== 'done') p.vm = this.#session.state;
  }

  #end(code: number): void {
    const p = this.proc;
    if (p.state === 'exited') return;
    p.repl = null;
    p.wait = null;
    this.#exec.exit(p, code, (code & 0xff) << 8);
  }
}

/** withoutLine drops the line number from a fault message: in the REPL it is always the line just typed. */
function withoutLine(message: string): string {
  return message.replace(/, line \d+\)/, ')').replace(/ \(line \d+\)/, '');
}
