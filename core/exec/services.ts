// The process calls a task makes that belong to the scheduler rather than the socket layer:
// fork (forkVm plus a copy of the kernel task and its fd table), wait4, kill, nanosleep and
// pause in simulated time, alarm, the clocks, the hosts table, and each program's stdin.

import * as k from '../kernel/index';
import type { Block } from '../kernel/index';
import { completeCall, forkVm } from '../lang/index';
import { kset } from '../kernel/host/kstruct';
import type { HostEntry } from '../lang/vm/host';
import type { Exec } from './exec';
import { disposition, SIG, type Proc } from './proc';
import { StdinQueue } from './stdin';
import type { ProcServices } from './taskHost';

const ESRCH = 3;
const EINTR = 4;
const EIO = 5;
const ECHILD = 10;
const EINVAL = 22;
const WNOHANG = 1;
/** REALTIME_EPOCH_NS is CLOCK_REALTIME at simulated time 0 (2024-01-01T00:00:00Z), fixed so runs repeat. */
const REALTIME_EPOCH_NS = 1_704_067_200 * 1e9;

/** Services answers a task's process calls for the scheduler. */
export class Services implements ProcServices {
  readonly #x: Exec;
  readonly #terminal = new StdinQueue();
  readonly #watched = new WeakSet<StdinQueue>();

  /** constructor binds the services to their scheduler. */
  constructor(x: Exec) {
    this.#x = x;
  }

  /** fork copies p: a new task with the same credentials sharing p's open files, and a copy of its VM whose fork() returns 0. */
  fork(p: Proc): number {
    const h = p.host;
    const t = h.tasks.get(p.pid)!;
    h.trace.record('syscall_enter', h.now, h.name, { pid: p.pid, name: 'fork', args: '' });
    const creds = { comm: t.comm, uid: t.uid, gid: t.gid, groups: t.groups, caps: [...t.caps] };
    const pid = k.spawn(h, creds);
    const child = h.tasks.get(pid)!;
    t.fds.forEach((f, fd) => {
      child.fds[fd] = f; // dup_fd: the child shares each open file, one more reference each
      if (f?.socket != null)
        h.kcall('get_file', `file=${f.addr}`, () => kset(h, f, 'f_count', f.f.f_count + 1));
    });
    const vm = forkVm(p.vm);
    vm.trap.step = false; // a debugger follows the parent: a stepped program's child runs freely
    completeCall(vm, 0);
    const c = this.#x.adopt({ pid, host: h, vm, parent: p, io: p.io });
    p.children.push(c);
    h.trace.record('syscall_exit', h.now, h.name, {
      pid: p.pid,
      name: 'fork',
      ret: pid,
      errno: '',
      errfn: '',
      errwhy: '',
    });
    return pid;
  }

  /** wait reaps an exited child matching pid (-1 or 0 for any). */
  wait(p: Proc, pid: number, options: number): { ret: number; status: number } | number | { block: unknown } {
    const mine = p.children.filter((c) => pid <= 0 || c.pid === pid);
    if (mine.length === 0) return -ECHILD;
    const z = mine.find((c) => c.state === 'exited');
    if (z !== undefined) {
      p.children.splice(p.children.indexOf(z), 1);
      this.#x.reap(z);
      return { ret: z.pid, status: z.waitStatus };
    }
    if (p.interrupted) {
      p.interrupted = false;
      return -EINTR;
    }
    if ((options & WNOHANG) !== 0) return 0;
    p.wait = { k: 'child' };
    return { block: 'wait4' };
  }

  /** kill sends sig to pid on p's host (0 and -1: every process of p's family there). */
  kill(p: Proc, pid: number, sig: number): number {
    if (sig < 0 || sig > 64) return -EINVAL;
    let targets: Proc[];
    if (pid > 0) {
      const q = this.#x.find(p.host, pid);
      targets = q === undefined || q.state === 'exited' ? [] : [q];
    } else {
      let root = p;
      while (root.parent !== null) root = root.parent;
      targets = this.#x.procs.filter((q) => q.host === p.host && q.state !== 'exited' && rootOf(q) === root);
    }
    if (targets.length === 0) return -ESRCH;
    if (sig !== 0) for (const q of targets) this.#x.signal(q, sig);
    return 0;
  }

  /** sleep is nanosleep (ns >= 0) or pause (ns < 0) in simulated time; a handled signal ends it with EINTR and the time left. */
  sleep(p: Proc, ns: number): { ret: number; remainingNs: number } | { block: unknown } {
    const sim = this.#x.world.sim;
    if (p.interrupted) {
      p.interrupted = false;
      const left = p.sleepUntil === null ? 0 : Math.max(0, p.sleepUntil - sim.now);
      p.sleepUntil = null;
      return { ret: -EINTR, remainingNs: left };
    }
    if (ns < 0) {
      p.wait = { k: 'pause' };
      return { block: 'pause' };
    }
    const until = p.sleepUntil ?? sim.now + ns;
    if (sim.now >= until) {
      p.sleepUntil = null;
      return { ret: 0, remainingNs: 0 };
    }
    p.sleepUntil = until;
    const timer = sim.at(until, 'hrtimer_wakeup', () => {
      if (p.wait?.k === 'sleep') this.#x.wake(p);
    });
    p.wait = { k: 'sleep', until, timer };
    return { block: 'nanosleep' };
  }

  /** alarm arms SIGALRM for p in seconds (0 cancels) and returns the seconds left on the previous alarm. */
  alarm(p: Proc, seconds: number): number {
    const sim = this.#x.world.sim;
    let left = 0;
    if (p.alarm !== null) {
      left = Math.max(1, Math.ceil((p.alarm.at - sim.now) / 1e9));
      sim.cancel(p.alarm.seq);
      p.alarm = null;
    }
    if (seconds > 0) {
      const at = sim.now + seconds * 1e9;
      const seq = sim.at(at, 'alarm', () => {
        p.alarm = null;
        this.#x.signal(p, SIG.SIGALRM);
      });
      p.alarm = { seq, at };
    }
    return left;
  }

  /** readStdin takes at most len bytes of p's input; empty at end of input. */
  readStdin(p: Proc, len: number): Uint8Array | number | { block: unknown } {
    if (p.interrupted) {
      p.interrupted = false;
      return -EINTR;
    }
    const q = this.stdinOf(p);
    if (q.background) {
      // job_control in n_tty: a background reader of its terminal gets SIGTTIN (-EIO when ignored).
      const d = disposition(p, SIG.SIGTTIN);
      if (d.k === 'ignore') return -EIO;
      this.#x.signal(p, SIG.SIGTTIN);
      if (d.k === 'handler') return -EINTR;
      p.wait = { k: 'stdin' };
      return { block: 'stdin' };
    }
    const got = q.read(len);
    if (got === null) return new Uint8Array(0);
    if (got !== undefined) return got;
    p.wait = { k: 'stdin' };
    return { block: 'stdin' };
  }

  /** terminal is the world's shared terminal input, read by programs spawned without their own stdin. */
  get terminal(): StdinQueue {
    return this.#terminal;
  }

  /** stdinOf is p's input: its own, or the world's shared terminal; reading programs wake when it gets input. */
  stdinOf(p: Proc): StdinQueue {
    const q = p.io.stdin ?? this.#terminal;
    if (!this.#watched.has(q)) {
      this.#watched.add(q);
      q.whenReadable(() => this.#wakeReaders(q));
    }
    return q;
  }

  /** stdinReadable tells whether reading p's input would return at once (input waiting, or its end). */
  stdinReadable(p: Proc): boolean {
    return this.stdinOf(p).readable;
  }

  /** wakeReaders wakes the programs reading q and those in poll/select, which may be watching fd 0. */
  #wakeReaders(q: StdinQueue): void {
    for (const p of this.#x.procs) {
      if ((p.io.stdin ?? this.#terminal) !== q) continue;
      const restart = p.host.tasks.get(p.pid)?.restart;
      if (p.wait?.k === 'stdin' || (p.wait?.k === 'kernel' && (restart === 'poll' || restart === 'select')))
        this.#x.wake(p);
    }
  }

  /** hosts is the world's hosts table as the resolver reads it. */
  hosts(): readonly HostEntry[] {
    return [...this.#x.world.hostsTable].map(([name, addr]) => ({ name, v4: [k.ipFromString(addr)! >>> 0] }));
  }

  /** clock is CLOCK_REALTIME (0) from a fixed epoch, or the simulated time since boot for the others. */
  clock(id: number): number {
    const now = this.#x.world.sim.now;
    return id === 0 ? REALTIME_EPOCH_NS + now : now;
  }

  /** kernelBlocked hands a kernel Block to the scheduler. */
  kernelBlocked(p: Proc, b: Block): void {
    this.#x.kernelBlocked(p, b);
  }
}

function rootOf(p: Proc): Proc {
  let r = p;
  while (r.parent !== null) r = r.parent;
  return r;
}
