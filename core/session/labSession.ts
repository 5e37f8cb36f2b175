// LabSession is the simulated world one app window (or one `socklab shell`) works in, shared by
// all of its terminals, the inspector views and the labs.
//
// API:
// - `world` (World) and `exec` (Exec, the scheduler of C programs): replaced whole by `reset()`
//   (same kernel, same seed, files untouched) and `switchKernel(v)`; read them afresh each time.
// - `kernel`, `seed`, `traceLevel` (`setTraceLevel(l)` changes it live), `parser` (the C parser
//   once loaded; `whenParser(cb)` waits for it).
// - `spawn(program, opts, watch)` starts a compiled program on a host; `watch.onExit(status)` runs
//   once when it ends (after the round in which it ended, never inside the scheduler). A
//   `foreground` program lets simulated time run ahead while it waits (a client waiting for a
//   retransmission); a background one only runs while something else moves time.
// - `sleep(ns, done, foreground)` is `sleep N`: done() runs at now + ns of simulated time; a
//   foreground sleep makes time run there. It returns a SleepHandle: cancel (Ctrl-C), and
//   foreground (fg, wait on a background sleep).
// - `evalRepl(repl, line, done)` runs one line of the shell's C REPL (`c`): while it runs, time
//   runs as for a foreground program; done(result) hears its end after the round.
// - `interrupt(proc)` is Ctrl-C for a program and every process it forked. `watch.onStop` hears
//   a program stop (SIGTSTP, SIGSTOP) and continue (SIGCONT); a stopped foreground program does
//   not make time run. `resume(proc, 'step' | 'continue')` single-steps a program by source
//   line (it pauses before each new line, and a paused program does not make time run) or lets
//   it run freely; `stepFrom(proc, path)` starts a new program paused before main's first line;
//   `onPause(listener)` hears it pause at a line (and run on: line null).
// - The pump: work happens in rounds of at most ROUND_INSTRUCTIONS instructions, each round on
//   its own macrotask through the injected `defer` (main passes setImmediate), so the window
//   never freezes and a Ctrl-C typed between rounds is handled within one round. Without
//   `defer` nothing runs by itself: `settle()` runs rounds synchronously (CLI scripts, tests).
//   Simulated time policy: while a foreground program or a `sleep` waits, time advances to the
//   next event; otherwise only events due within SETTLE_NS after the last foreground job ended
//   run (the FIN exchange after a client exits completes; TIME_WAIT and keepalive timers wait).
// - `onChange(listener)` reports {kind:'trace', seq} (the last recorded event's seq, at most once
//   per round, only when events were recorded) and {kind:'reset'} (new world); it returns the
//   unsubscribe function.
// - `log` lists the shell commands run (host, line, status once ended) and the programs' output
//   and exits, in order, for the labs' checks; `logCommand` adds to it.
import * as k from '../kernel/index';
import type { KernelVersion, World } from '../kernel/index';
import {
  Exec,
  type ExecRepl,
  type Proc,
  type ReplEval,
  type ReplLineResult,
  type SpawnOptions,
} from '../exec/index';
import type { CParser, CompiledProgram } from '../lang/index';
import { decodeUtf8 } from '../shell/utf8';
import type { TraceLevel } from '../trace/index';

/** ROUND_INSTRUCTIONS bounds the work of one pump round (a few milliseconds of VM time). */
export const ROUND_INSTRUCTIONS = 200_000;
/** SETTLE_NS is how far simulated time may run after a foreground job ends with nothing waiting (100 ms). */
export const SETTLE_NS = 100_000_000;
/** KILLED_STATUS is the status a program gets when reset() or switchKernel() ends it (128 + SIGKILL). */
export const KILLED_STATUS = 137;
/** MAX_LOG bounds the session log (oldest entries go first). */
const MAX_LOG = 10_000;
/** EVENTS_PER_ROUND bounds the kernel events one round runs once every program has exited. */
const EVENTS_PER_ROUND = 10_000;

/** LabSessionOptions configure a session. */
export interface LabSessionOptions {
  /** parser is the C parser, or a promise of it while its WebAssembly loads. */
  readonly parser?: CParser | Promise<CParser>;
  readonly kernel?: KernelVersion;
  readonly seed?: number;
  readonly trace?: TraceLevel;
  /** defer runs fn on a later macrotask (setImmediate in main); without it use settle(). */
  readonly defer?: (fn: () => void) => void;
}

/** LabSessionChange is what onChange listeners hear. */
export type LabSessionChange = { readonly kind: 'trace'; readonly seq: number } | { readonly kind: 'reset' };

/** SessionLogEntry is one line of the session log. */
export type SessionLogEntry =
  | { readonly kind: 'command'; readonly host: string; readonly line: string; status: number | null }
  | {
      readonly kind: 'output';
      readonly host: string;
      readonly pid: number;
      readonly stream: 'stdout' | 'stderr';
      readonly text: string;
    }
  | { readonly kind: 'exit'; readonly host: string; readonly pid: number; readonly status: number };

/** ProgramPause says a single-stepped program paused before a source line of a file, or ran on (line null). */
export interface ProgramPause {
  readonly proc: Proc;
  /** path is the C file's workspace-relative path (as given to stepFrom). */
  readonly path: string;
  readonly line: number | null;
}

/** PauseListener hears single-stepped programs pause and run on. */
export type PauseListener = (pause: ProgramPause) => void;

/** ProcWatch says how the session treats a spawned program. */
export interface ProcWatch {
  /** foreground programs let simulated time run ahead while they wait (setForeground turns it on). */
  readonly foreground: boolean;
  /** onExit receives the program's status once, after the round it ended in. */
  readonly onExit: (status: number) => void;
  /** onStop hears, after the round, that the program stopped (the signal that stopped it) or continued (null). */
  readonly onStop?: (stoppedBy: number | null) => void;
}

interface Watched {
  proc: Proc;
  watch: ProcWatch;
  /** stoppedBy is the stop state last reported to onStop. */
  stoppedBy: number | null;
  /** pausedAt is the paused line last reported to the onPause listeners. */
  pausedAt: number | null;
}

interface Sleeper {
  until: number;
  done: () => void;
  timer: number;
  foreground: boolean;
}

/** SleepHandle controls a sleep: cancel ends it early, foreground makes simulated time run to its end. */
export interface SleepHandle {
  cancel(): void;
  foreground(): void;
}

/** LabSession is one window's simulated world, its scheduler and the pump that runs them. */
export class LabSession {
  #world!: World;
  #exec!: Exec;
  #kernel: KernelVersion;
  readonly seed: number;
  #traceLevel: TraceLevel;
  #parser: CParser | undefined;
  readonly #parserWaiters: ((p: CParser | Error) => void)[] = [];
  #parserError: Error | undefined;
  readonly #defer: ((fn: () => void) => void) | undefined;
  readonly #listeners = new Set<(c: LabSessionChange) => void>();
  readonly #pauseListeners = new Set<PauseListener>();
  readonly #stepPaths = new WeakMap<Proc, string>();
  readonly #log: SessionLogEntry[] = [];
  #watched: Watched[] = [];
  #sleepers: Sleeper[] = [];
  #replLines: { readonly repl: ExecRepl; readonly done: (r: ReplLineResult | null) => void }[] = [];
  #settleUntil = 0;
  #scheduled = false;
  #traceSeen = 0;
  #disposed = false;

  /** constructor builds the first world; with a promised parser, whenParser waits for it. */
  constructor(opts: LabSessionOptions = {}) {
    this.#kernel = opts.kernel ?? k.DEFAULT_KERNEL;
    this.seed = opts.seed ?? 1;
    this.#traceLevel = opts.trace ?? 'syscalls';
    this.#defer = opts.defer;
    const p = opts.parser;
    if (p instanceof Promise) {
      p.then(
        (parser) => this.#parserReady(parser),
        (e: unknown) => this.#parserReady(e instanceof Error ? e : new Error(String(e))),
      );
    } else this.#parser = p;
    this.#build();
  }

  /** world is the current simulated world (a new one after reset or switchKernel). */
  get world(): World {
    return this.#world;
  }

  /** exec is the current world's program scheduler. */
  get exec(): Exec {
    return this.#exec;
  }

  /** kernel is the kernel era the world runs. */
  get kernel(): KernelVersion {
    return this.#kernel;
  }

  /** traceLevel is how much the world records (off, syscalls, full). */
  get traceLevel(): TraceLevel {
    return this.#traceLevel;
  }

  /** parser is the C parser, undefined while it loads. */
  get parser(): CParser | undefined {
    return this.#parser;
  }

  /** log is the commands run and the programs' output and exits, oldest first. */
  get log(): readonly SessionLogEntry[] {
    return this.#log;
  }

  /** whenParser calls back with the parser (at once when loaded) or the error that stopped it loading. */
  whenParser(callback: (p: CParser | Error) => void): void {
    if (this.#parser !== undefined) callback(this.#parser);
    else if (this.#parserError !== undefined) callback(this.#parserError);
    else this.#parserWaiters.push(callback);
  }

  /** setTraceLevel changes what the world records from now on. */
  setTraceLevel(level: TraceLevel): void {
    this.#traceLevel = level;
    this.#world.trace.level = level;
  }

  /** reset replaces the world with a fresh one of the same kernel and seed; running programs are killed. */
  reset(): void {
    this.#build();
    this.#emit({ kind: 'reset' });
    this.#killAll();
  }

  /** switchKernel resets the world under another kernel era. */
  switchKernel(version: KernelVersion): void {
    this.#kernel = version;
    this.reset();
  }

  /** onChange subscribes to trace progress and resets; it returns the unsubscribe function. */
  onChange(listener: (c: LabSessionChange) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** onPause subscribes to single-stepped programs pausing at a line (or running on: null), heard after the round; it returns the unsubscribe function. */
  onPause(listener: PauseListener): () => void {
    this.#pauseListeners.add(listener);
    return () => this.#pauseListeners.delete(listener);
  }

  /** stepFrom single-steps a program that has not run yet, from sourcePath (workspace-relative): it pauses before the first line of main. */
  stepFrom(proc: Proc, sourcePath: string): void {
    this.#stepPaths.set(proc, sourcePath);
    this.resume(proc, 'step');
  }

  /** resume lets a program paused at a line run to the next line (`step`) or freely (`continue`); see Exec.resume. */
  resume(proc: Proc, mode: 'step' | 'continue'): void {
    if (proc.state === 'exited') return;
    this.#exec.resume(proc, mode);
    this.wake();
  }

  /** logCommand records a shell command line run on host; the returned entry's status is set when it ends. */
  logCommand(host: string, line: string): { status: number | null } {
    const entry = { kind: 'command' as const, host, line, status: null };
    this.#append(entry);
    return entry;
  }

  /** spawn starts a compiled program; its output is logged and watch.onExit hears its end. */
  spawn(program: CompiledProgram, opts: SpawnOptions, watch: ProcWatch): Proc {
    const host = opts.host;
    const spawned: { proc?: Proc } = {}; // the sinks are made before the pid exists
    const tee =
      (stream: 'stdout' | 'stderr', sink: (b: Uint8Array) => void) =>
      (bytes: Uint8Array): void => {
        sink(bytes);
        this.#append({ kind: 'output', host, pid: spawned.proc?.pid ?? 0, stream, text: decodeUtf8(bytes) });
      };
    const proc = this.#exec.spawn(program, {
      ...opts,
      stdout: tee('stdout', opts.stdout),
      stderr: tee('stderr', opts.stderr),
    });
    spawned.proc = proc;
    this.#watched.push({ proc, watch, stoppedBy: null, pausedAt: null });
    this.wake();
    return proc;
  }

  /** setForeground marks a program as waited for (fg, wait: time may now run ahead for it) or no longer (Ctrl-Z). */
  setForeground(proc: Proc, foreground = true): void {
    const w = this.#watched.find((x) => x.proc === proc);
    if (w !== undefined) w.watch = { ...w.watch, foreground };
    this.wake();
  }

  /** interrupt sends SIGINT to a program and every process it forked (Ctrl-C). */
  interrupt(proc: Proc): void {
    if (proc.state === 'exited') return;
    this.#exec.interrupt(proc);
    this.wake();
  }

  /** sleep calls done after ns of simulated time; a foreground sleep lets time run to its end. */
  sleep(ns: number, done: () => void, foreground = true): SleepHandle {
    const until = this.#world.sim.now + Math.max(0, ns);
    const sleeper: Sleeper = { until, done, timer: -1, foreground };
    sleeper.timer = this.#world.sim.at(until, 'shell sleep', () => {});
    this.#sleepers.push(sleeper);
    this.wake();
    return {
      cancel: () => {
        this.#sleepers = this.#sleepers.filter((s) => s !== sleeper);
        this.#world.sim.cancel(sleeper.timer);
      },
      foreground: () => {
        sleeper.foreground = true;
        this.wake();
      },
    };
  }

  /**
   * evalRepl evaluates one line in a C REPL process of this session's exec; when the line runs,
   * the world runs (time flows, as for a foreground program) until it ends, and done hears how
   * (null when the world was reset under it).
   */
  evalRepl(repl: ExecRepl, line: string, done: (r: ReplLineResult | null) => void): ReplEval {
    const e = repl.eval(line);
    if (e.k === 'running') {
      this.#replLines.push({ repl, done });
      this.wake();
    }
    return e;
  }

  /** wake asks for a pump round on the next macrotask (new input, a new program, a signal). */
  wake(): void {
    if (this.#scheduled || this.#defer === undefined || this.#disposed) return;
    this.#scheduled = true;
    this.#defer(() => {
      this.#scheduled = false;
      if (!this.#disposed && this.round()) this.wake();
    });
  }

  /** settle runs rounds now until nothing more can happen or maxRounds ran; it returns whether work is left. */
  settle(maxRounds = 5_000): boolean {
    for (let i = 0; i < maxRounds; i++) if (!this.round()) return false;
    return true;
  }

  /** round runs one bounded round of programs and events; it returns whether more work is due. */
  round(): boolean {
    const sim = this.#world.sim;
    const horizon = this.#horizon();
    const untilNs = horizon === Infinity ? undefined : horizon;
    let status = this.#exec.run({
      instructions: ROUND_INSTRUCTIONS,
      ...(untilNs === undefined ? {} : { untilNs }),
    });
    let more = this.#reportExits();
    if (status === 'done') {
      // Every program has exited: only kernel events remain, up to the horizon as it is now.
      const limit = this.#horizon();
      for (let n = 0; n < EVENTS_PER_ROUND; n++) {
        const next = sim.queue.peekTime();
        if (next === undefined || next > limit) break;
        sim.step();
      }
      const next = sim.queue.peekTime();
      if (next !== undefined && next <= limit) status = 'budget';
    }
    more = this.#afterRound() || more;
    return status === 'budget' || more;
  }

  /** dispose stops the pump and forgets the listeners (the window closed). */
  dispose(): void {
    this.#disposed = true;
    this.#listeners.clear();
    for (const s of this.#sleepers) this.#world.sim.cancel(s.timer);
    this.#sleepers = [];
    this.#watched = [];
  }

  #horizon(): number {
    const waited = (w: Watched) =>
      w.watch.foreground &&
      w.proc.state !== 'exited' &&
      w.proc.stoppedBy === null &&
      w.proc.pausedAt === null;
    if (this.#watched.some(waited) || this.#replLines.length > 0) return Infinity;
    const sleep = Math.min(...this.#sleepers.filter((s) => s.foreground).map((s) => s.until));
    return Math.max(this.#settleUntil, Number.isFinite(sleep) ? sleep : 0);
  }

  /** reportExits tells the watchers of programs that ended; true when there were any. */
  #reportExits(): boolean {
    const now = this.#world.sim.now;
    const ended = this.#watched.filter((w) => w.proc.state === 'exited');
    if (ended.length === 0) return false;
    this.#watched = this.#watched.filter((w) => w.proc.state !== 'exited');
    for (const w of ended) {
      const status = w.proc.status ?? 0;
      this.#append({ kind: 'exit', host: w.proc.host.name, pid: w.proc.pid, status });
      if (w.pausedAt !== null) this.#tellPause(w.proc, null); // it ended while paused (q, Ctrl-C)
      if (w.proc.parent === null) this.#exec.reap(w.proc);
      if (w.watch.foreground) this.#settleUntil = now + SETTLE_NS;
      w.watch.onExit(status);
    }
    return true;
  }

  /** reportStops tells the watchers of programs that stopped or continued since the last report; true when there were any. */
  #reportStops(): boolean {
    const changed = this.#watched.filter((w) => w.proc.stoppedBy !== w.stoppedBy);
    for (const w of changed) {
      w.stoppedBy = w.proc.stoppedBy;
      w.watch.onStop?.(w.stoppedBy);
    }
    return changed.length > 0;
  }

  /** reportPauses tells the onPause listeners of programs that paused at a line or ran on; true when there were any. */
  #reportPauses(): boolean {
    const changed = this.#watched.filter((w) => w.proc.pausedAt !== w.pausedAt);
    for (const w of changed) {
      w.pausedAt = w.proc.pausedAt;
      this.#tellPause(w.proc, w.pausedAt);
    }
    return changed.length > 0;
  }

  #tellPause(proc: Proc, line: number | null): void {
    const pause = { proc, path: this.#stepPaths.get(proc) ?? proc.vm.chunk.file, line };
    for (const l of this.#pauseListeners) l(pause);
  }

  /** afterRound reports exits, ended sleeps and trace progress; true when a callback started new work. */
  #afterRound(): boolean {
    const now = this.#world.sim.now;
    const exits = this.#reportExits();
    let more = this.#reportStops() || exits;
    more = this.#reportPauses() || more;
    const lines = this.#replLines.filter((l) => !l.repl.busy);
    if (lines.length > 0) {
      this.#replLines = this.#replLines.filter((l) => l.repl.busy);
      for (const l of lines) l.done(l.repl.take());
      more = true;
    }
    const woke = this.#sleepers.filter((s) => s.until <= now);
    if (woke.length > 0) {
      this.#sleepers = this.#sleepers.filter((s) => s.until > now);
      for (const s of woke) s.done();
      more = true;
    }
    const length = this.#world.trace.length;
    if (length > this.#traceSeen) {
      this.#traceSeen = length;
      this.#emit({ kind: 'trace', seq: length - 1 });
    }
    return more;
  }

  #build(): void {
    this.#world = new k.World({ seed: this.seed, kernel: this.#kernel, trace: this.#traceLevel });
    this.#exec = new Exec(this.#world);
    this.#settleUntil = 0;
    this.#traceSeen = this.#world.trace.length;
    for (const s of this.#sleepers) s.done();
    this.#sleepers = [];
  }

  #killAll(): void {
    const lines = this.#replLines;
    this.#replLines = [];
    for (const l of lines) l.done(null);
    const watched = this.#watched;
    this.#watched = [];
    for (const w of watched) {
      if (w.pausedAt !== null) this.#tellPause(w.proc, null);
      w.watch.onExit(KILLED_STATUS);
    }
  }

  #emit(change: LabSessionChange): void {
    for (const l of [...this.#listeners]) l(change);
  }

  #append(entry: SessionLogEntry): void {
    this.#log.push(entry);
    if (this.#log.length > MAX_LOG) this.#log.splice(0, this.#log.length - MAX_LOG);
  }

  #parserReady(p: CParser | Error): void {
    if (p instanceof Error) this.#parserError = p;
    else this.#parser = p;
    for (const w of this.#parserWaiters.splice(0)) w(p);
  }
}
