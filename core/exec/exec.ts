// The scheduler: C programs as tasks in the simulated world. Runnable programs run in bounded
// instruction slices, round robin in creation order; when none can run, the simulator's next
// event runs (advancing simulated time), and the kernel's wake-ups (host.onWake) and the
// scheduler's own timers make programs runnable again. Nothing here reads real time: the
// caller passes an instruction budget and keeps its window responsive between calls.

import * as k from '../kernel/index';
import type { Block, Host, Task, TaskCreds, World } from '../kernel/index';
import type { CompiledProgram, VmState } from '../lang/index';
import { createVm, deliverSignal, runSlice } from '../lang/index';
import type { RunResult } from '../lang/index';
import { disposition, SA_RESETHAND, SIG, STOP_BY_DEFAULT, type Proc, type ProcIo } from './proc';
import { Services } from './services';
import { TaskHost } from './taskHost';

/** SA_RESTART is sigaction's "restart an interrupted system call" flag (signal() sets it, as glibc's does). */
const SA_RESTART = 0x10000000;
/** EVENT_COST is what one simulator event costs of the instruction budget. */
const EVENT_COST = 20;

/** ExecOptions tune the scheduler. */
export interface ExecOptions {
  /** slice is how many instructions one program runs before the next gets its turn (default 10,000). */
  readonly slice?: number;
}

/** SpawnOptions say where and as whom a program starts, and where its standard streams go. */
export interface SpawnOptions extends ProcIo {
  /** host is the host name (client, server). */
  readonly host: string;
  /** argv is the argument vector, argv[0] the program name (default ["a.out"]). */
  readonly argv?: readonly string[];
  /** creds are the task's credentials (default the student, uid 1000). */
  readonly creds?: TaskCreds;
}

/** RunBudget bounds one call of run. */
export interface RunBudget {
  /** instructions is how many VM instructions may run in total (events count EVENT_COST each). */
  readonly instructions: number;
  /** untilNs stops before any simulator event later than this simulated time. */
  readonly untilNs?: number;
  /** stop is asked after each slice and event; true ends the run with `stopped` (the caller has what it waited for). */
  readonly stop?: () => boolean;
}

/**
 * RunStatus says why run returned: `done` when every program has exited, `idle` when none can
 * run and no simulator event is due (they wait for input, or for ever), `budget` when the
 * budget ran out first (call run again), `stopped` when the budget's stop() said so.
 */
export type RunStatus = 'done' | 'idle' | 'budget' | 'stopped';

/** Exec runs C programs as tasks in one simulated world. */
export class Exec {
  /** world is the simulated world the programs run in. */
  readonly world: World;
  /** procs lists every program not yet reaped, in creation order. */
  readonly procs: Proc[] = [];
  readonly #slice: number;
  readonly #hosts = new Map<Proc, TaskHost>();
  readonly #byPid = new Map<Host, Map<number, Proc>>();
  readonly #svc: Services;
  #next = 0;

  /** constructor attaches the scheduler to every host's wake hook. */
  constructor(world: World, opts: ExecOptions = {}) {
    this.world = world;
    this.#slice = opts.slice ?? 10_000;
    this.#svc = new Services(this);
    for (const h of world.hosts.values()) {
      this.#byPid.set(h, new Map());
      h.onWake = (t: Task) => {
        const p = this.find(h, t.pid);
        if (p !== undefined && p.wait?.k === 'kernel') this.wake(p);
      };
    }
  }

  /** spawn starts a compiled program as a new task on a host and returns its process. */
  spawn(program: CompiledProgram, opts: SpawnOptions): Proc {
    return this.spawnState(createVm(program, { argv: opts.argv ?? ['a.out'] }), opts);
  }

  /** spawnState starts a new task on a host running an existing program state (the REPL's). */
  spawnState(vm: VmState, opts: SpawnOptions): Proc {
    const h = this.world.host(opts.host);
    const argv = opts.argv ?? ['a.out'];
    const comm = (argv[0] ?? 'a.out').split('/').pop() ?? 'a.out';
    const pid = k.spawn(h, { ...(opts.creds ?? k.STUDENT), comm });
    return this.adopt({ pid, host: h, vm, parent: null, io: opts });
  }

  /** runLine makes a parked REPL process run the next line's program state. */
  runLine(p: Proc, vm: VmState): void {
    if (p.repl === null || p.wait?.k !== 'repl')
      throw new Error(`Exec.runLine: pid ${p.pid} is not a parked REPL process`);
    p.vm = vm;
    p.wait = null;
    p.state = 'runnable';
  }

  /** adopt registers a new process (spawned or forked) as runnable. */
  adopt(init: Pick<Proc, 'pid' | 'host' | 'vm' | 'parent' | 'io'>): Proc {
    const p: Proc = {
      ...init,
      repl: null,
      children: [],
      state: 'runnable',
      wait: null,
      pending: [],
      interrupted: false,
      status: null,
      stoppedBy: null,
      pausedAt: null,
      fault: null,
      waitStatus: 0,
      alarm: null,
      sleepUntil: null,
    };
    this.procs.push(p);
    this.#byPid.get(p.host)!.set(p.pid, p);
    this.#hosts.set(p, new TaskHost(p, this.#svc));
    return p;
  }

  /** find returns the live or zombie process pid on host h. */
  find(h: Host, pid: number): Proc | undefined {
    return this.#byPid.get(h)?.get(pid);
  }

  /** reap forgets an exited process (wait(2) collected it). */
  reap(p: Proc): void {
    this.procs.splice(this.procs.indexOf(p), 1);
    this.#byPid.get(p.host)!.delete(p.pid);
    this.#hosts.delete(p);
  }

  /**
   * resume lets a program paused at a line run on: `step` pauses it again before the next source
   * line it reaches, `continue` runs it freely. Resuming a program that is not paused sets the mode
   * (a program started with `step` pauses before its first line).
   */
  resume(p: Proc, mode: 'step' | 'continue'): void {
    p.vm.trap.step = mode === 'step';
    p.pausedAt = null;
  }

  /** run runs programs and simulator events until the budget is spent, all programs exited, or nothing can happen. */
  run(budget: RunBudget): RunStatus {
    const sim = this.world.sim;
    let fuel = budget.instructions;
    while (fuel > 0) {
      if (budget.stop?.() === true) return 'stopped';
      const p = this.#nextRunnable();
      if (p !== undefined) {
        fuel -= this.#runOne(p, Math.min(this.#slice, fuel));
        sim.runUntil(sim.now);
        continue;
      }
      if (this.procs.every((q) => q.state === 'exited')) return 'done';
      const next = sim.queue.peekTime();
      if (next === undefined || (budget.untilNs !== undefined && next > budget.untilNs)) return 'idle';
      sim.step();
      fuel -= EVENT_COST;
    }
    return 'budget';
  }

  /** runOne delivers p's pending signals and runs one slice; it returns the instructions used. */
  #runOne(p: Proc, slice: number): number {
    if (!this.#deliver(p)) return 1;
    if (p.pausedAt !== null) return 1; // it was scheduled only to take its signals
    const before = p.vm.steps;
    const r = runSlice(p.vm, this.#hosts.get(p)!, slice);
    this.#after(p, r);
    return Math.max(1, p.vm.steps - before);
  }

  #nextRunnable(): Proc | undefined {
    const n = this.procs.length;
    for (let i = 0; i < n; i++) {
      const p = this.procs[(this.#next + i) % n]!;
      if (p.state === 'runnable' && p.stoppedBy === null && (p.pausedAt === null || p.pending.length > 0)) {
        this.#next = (this.#next + i + 1) % n;
        return p;
      }
    }
    return undefined;
  }

  #after(p: Proc, r: RunResult): void {
    if (r.k === 'block') {
      // A wake-up may already have come during the call itself; then the program stays runnable.
      if (p.wait !== null) p.state = 'blocked';
    } else if (r.k === 'exit') this.exit(p, r.code, (r.code & 0xff) << 8);
    else if (r.k === 'fault') {
      p.fault = r.fault;
      this.exit(p, 128 + r.fault.signal, r.fault.signal & 0x7f);
    } else if (r.k === 'step') p.pausedAt = r.line;
  }

  /** deliver runs p's pending signals' actions; it returns false when one ended the program. */
  #deliver(p: Proc): boolean {
    while (p.pending.length > 0) {
      const sig = p.pending.shift()!;
      const d = disposition(p, sig);
      if (d.k === 'stop') {
        this.#stop(p, sig);
        return false;
      }
      if (d.k !== 'handler') {
        if (d.k === 'ignore') continue;
        this.exit(p, 128 + sig, sig);
        return false;
      }
      if (((p.vm.libc.sigFlags[sig] ?? 0) & SA_RESETHAND) !== 0) p.vm.libc.handlers[sig] = 0;
      deliverSignal(p.vm, d.addr, sig);
    }
    return true;
  }

  /**
   * signal sends sig to p: a sleeping program wakes to run its handler (its call then fails with
   * EINTR unless SA_RESTART) or to die. A stop signal stops p at once (its other signals wait
   * for SIGCONT, except SIGKILL); SIGCONT resumes it and drops its pending stop signals.
   */
  signal(p: Proc, sig: number): void {
    if (p.state === 'exited') return;
    if (sig === SIG.SIGCONT) this.#continue(p);
    else if (STOP_BY_DEFAULT.has(sig)) {
      const i = p.pending.indexOf(SIG.SIGCONT);
      if (i >= 0) p.pending.splice(i, 1);
    }
    const d = disposition(p, sig);
    if (d.k === 'ignore') return;
    if (d.k === 'stop') return this.#stop(p, sig);
    if (sig === SIG.SIGKILL && p.stoppedBy !== null) return this.exit(p, 128 + sig, sig);
    p.pending.push(sig);
    if (p.state !== 'blocked' || p.wait === null) return;
    const restart = d.k === 'handler' && ((p.vm.libc.sigFlags[sig] ?? 0) & SA_RESTART) !== 0;
    const w = p.wait;
    if (w.k === 'kernel') {
      k.signal(p.host, p.pid, sig); // signal_wake_up: the kernel wakes the task (onWake) …
      const t = p.host.tasks.get(p.pid);
      if (restart && t !== undefined) t.sigpending.length = 0; // … and SA_RESTART makes the call continue its wait.
      this.wake(p);
      return;
    }
    if (d.k === 'handler' && (!restart || w.k === 'sleep' || w.k === 'pause')) p.interrupted = true;
    this.wake(p);
  }

  /** stop stops p (do_signal_stop): it keeps its state and wait, runs no more until SIGCONT, and its parent gets SIGCHLD. */
  #stop(p: Proc, sig: number): void {
    if (p.stoppedBy !== null) return;
    p.stoppedBy = sig;
    this.#notifyParent(p);
  }

  /** continue resumes a stopped p (SIGCONT, whatever its disposition): pending stop signals are dropped. */
  #continue(p: Proc): void {
    for (let i = p.pending.length - 1; i >= 0; i--)
      if (STOP_BY_DEFAULT.has(p.pending[i]!)) p.pending.splice(i, 1);
    if (p.stoppedBy === null) return;
    p.stoppedBy = null;
    if (p.wait?.k === 'stdin') this.wake(p); // it reads again: a background reader of its terminal stops again
    this.#notifyParent(p);
  }

  /** notifyParent sends SIGCHLD to p's live parent (a child stopped or continued, as do_notify_parent_cldstop does). */
  #notifyParent(p: Proc): void {
    const parent = p.parent;
    if (parent !== null && parent.state !== 'exited') this.signal(parent, SIG.SIGCHLD);
  }

  /** interrupt is Ctrl-C: SIGINT to p and every live process it forked (its process group). */
  interrupt(p: Proc): void {
    const group: Proc[] = [];
    const walk = (q: Proc) => {
      group.push(q);
      q.children.forEach(walk);
    };
    walk(p);
    for (const q of group) this.signal(q, SIG.SIGINT);
  }

  /** writeStdin types input on the world's shared terminal, read by programs spawned without their own stdin; those waiting in read(0) wake. */
  writeStdin(bytes: Uint8Array): void {
    this.#svc.terminal.push(bytes);
  }

  /** endStdin ends the shared terminal's input (Ctrl-D): its readers' reads of fd 0 then return 0. */
  endStdin(): void {
    this.#svc.terminal.end();
  }

  /** wake makes a blocked program runnable again (its call is made again) and cancels its timers; a parked REPL process stays parked. */
  wake(p: Proc): void {
    const w = p.wait;
    if (w?.k === 'repl') return;
    if (w?.k === 'sleep') this.world.sim.cancel(w.timer);
    if (w?.k === 'kernel' && w.timer !== null) this.world.sim.cancel(w.timer);
    p.wait = null;
    if (p.state === 'blocked') p.state = 'runnable';
  }

  /** kernelBlocked parks p on a kernel wait queue, arming the queue's timeout when it has one. */
  kernelBlocked(p: Proc, b: Block): void {
    const timer =
      b.timeoutNs === null
        ? null
        : this.world.sim.after(b.timeoutNs, 'sock timeout', () => {
            if (p.wait?.k !== 'kernel') return;
            this.#unsleep(p);
            p.wait = null; // the timer fired; nothing to cancel
            if (p.state === 'blocked') p.state = 'runnable';
          });
    p.wait = { k: 'kernel', timer };
  }

  /** park ends a REPL process's line without ending the process: it waits for the next line. */
  #park(p: Proc, status: number): void {
    const fault = p.fault;
    p.fault = null;
    p.interrupted = false;
    p.sleepUntil = null;
    p.state = 'blocked';
    p.wait = { k: 'repl' };
    p.repl!(status, fault);
  }

  /** unsleep takes p's task off the kernel wait queue it sleeps on. */
  #unsleep(p: Proc): void {
    const t = p.host.tasks.get(p.pid);
    const wq = t?.sleepingOn;
    if (t === undefined || wq == null) return;
    const i = wq.sleepers.indexOf(p.pid);
    if (i >= 0) wq.sleepers.splice(i, 1);
    t.sleepingOn = null;
    t.state = 'TASK_RUNNING';
  }

  /** exit ends p (do_exit): its sockets are closed, its parent gets SIGCHLD and a waiting parent wakes. */
  exit(p: Proc, status: number, waitStatus: number): void {
    if (p.state === 'exited') return;
    if (p.wait !== null) {
      if (p.wait.k === 'kernel') this.#unsleep(p);
      this.wake(p);
    }
    if (p.repl !== null) {
      this.#park(p, status);
      return;
    }
    p.state = 'exited';
    p.status = status;
    p.waitStatus = waitStatus;
    if (p.alarm !== null) this.world.sim.cancel(p.alarm.seq);
    p.alarm = null;
    const t = p.host.tasks.get(p.pid);
    t?.fds.forEach((f, fd) => {
      if (f?.socket != null) k.close(p.host, p.pid, fd);
    });
    const parent = p.parent;
    if (parent !== null && parent.state !== 'exited') {
      if (parent.wait?.k === 'child') this.wake(parent);
      this.signal(parent, SIG.SIGCHLD);
    }
  }
}
