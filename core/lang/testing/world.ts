// TestWorld: a tiny operating system for libc's tests. It runs several C processes round-robin
// in simulated time over LoopNet, gives each an fd table, and does what the real scheduler
// will: fork copies the VM (forkVm + completeCall), a blocked call is simply made again on the
// next round, signals are delivered through the program's own handler table (signalAction),
// a child's exit sends SIGCHLD and leaves a zombie for wait, and when every process is asleep
// the clock jumps to the next timer.
import { createVm, runSlice } from '../index';
import type { CompiledProgram } from '../index';
import { killBySignal, signalAction } from '../libc';
import type {
  Blocked,
  Host,
  HostCallName,
  HostCalls,
  HostEntry,
  MemoryAccess,
  SyscallResult,
} from '../vm/host';
import { DEFAULT_HOSTS } from '../vm/memoryHost';
import type { RunResult } from '../vm/result';
import { completeCall, deliverSignal } from '../vm/signal';
import type { VmState } from '../vm/state';
import { forkVm } from '../vm/state';
import type { LoopSock } from './loopNet';
import { LoopNet, WOULD_BLOCK } from './loopNet';
import { procCall } from './procCalls';

/** Proc is one process of the test world. */
export interface Proc {
  readonly pid: number;
  readonly ppid: number;
  readonly vm: VmState;
  readonly fds: Map<number, LoopSock>;
  result?: RunResult;
  /** Zombie status for wait (exit code << 8, or the signal number). */
  waitStatus?: number;
  reaped: boolean;
  pending: number[];
  wakeAt?: number;
  alarmAt?: number;
  /** Set when a signal cut a sleep or a poll short: the time that was left. */
  interruptedLeft?: number;
}

/** TestWorld runs C processes over a toy network in simulated time. */
export class TestWorld {
  readonly net = new LoopNet();
  readonly procs: Proc[] = [];
  readonly out: number[] = [];
  readonly err: number[] = [];
  hosts: readonly HostEntry[] = DEFAULT_HOSTS;
  /** now is the simulated time in nanoseconds. */
  now = 0;
  /** progress counts host calls that did not block, to tell a stuck round from a busy one. */
  progress = 0;
  private nextPid = 100;
  private input: number[];

  constructor(stdin = '') {
    this.input = Array.from(stdin, (c) => c.charCodeAt(0) & 0xff);
  }

  /** spawn starts a program as a new process and returns it. */
  spawn(program: CompiledProgram, argv: readonly string[] = ['a.out']): Proc {
    return this.add(createVm(program, { argv }), 1, new Map());
  }

  private add(vm: VmState, ppid: number, fds: Map<number, LoopSock>): Proc {
    const p: Proc = { pid: this.nextPid++, ppid, vm, fds, reaped: false, pending: [] };
    this.procs.push(p);
    return p;
  }

  /** text is everything written to stdout, as Latin-1 text. */
  get text(): string {
    return String.fromCharCode(...this.out);
  }

  /** run runs all processes until they are all finished or stuck, or the budget is spent. */
  run(budget = 50_000_000, slice = 20_000): void {
    while (budget > 0) {
      const alive = this.procs.filter((p) => p.result === undefined);
      if (alive.length === 0) return;
      const before = this.progress;
      let ran = false;
      for (const p of alive) {
        if (p.result !== undefined) continue;
        this.deliver(p);
        if (p.result !== undefined) continue;
        const r = runSlice(p.vm, this.host(p), slice);
        budget -= slice;
        if (r.k === 'yield') ran = true;
        else if (r.k === 'exit' || r.k === 'fault') this.finish(p, r);
        if (this.net.sigpipe) {
          this.net.sigpipe = false;
          p.pending.push(13);
        }
      }
      if (!ran && this.progress === before && !this.advanceClock()) return;
    }
  }

  private advanceClock(): boolean {
    const times = this.procs
      .filter((p) => p.result === undefined)
      .flatMap((p) => [p.wakeAt, p.alarmAt])
      .filter((t): t is number => t !== undefined && Number.isFinite(t));
    if (times.length === 0) return false;
    this.now = Math.max(this.now, Math.min(...times));
    for (const p of this.procs) {
      if (p.alarmAt !== undefined && p.alarmAt <= this.now) {
        p.alarmAt = undefined;
        p.pending.push(14);
      }
    }
    this.progress++;
    return true;
  }

  private deliver(p: Proc): void {
    while (p.pending.length > 0 && p.result === undefined) {
      const sig = p.pending.shift()!;
      const a = signalAction(p.vm, sig);
      if (a.k === 'terminate') this.finish(p, killBySignal(p.vm, sig));
      else if (a.k === 'handler') {
        if (p.wakeAt !== undefined) p.interruptedLeft = p.wakeAt - this.now;
        p.wakeAt = undefined;
        deliverSignal(p.vm, a.addr, sig);
      }
    }
  }

  private finish(p: Proc, r: RunResult): void {
    p.result = r;
    p.waitStatus = r.k === 'exit' ? (r.code & 0xff) << 8 : r.k === 'fault' ? r.fault.signal : 0;
    for (const s of p.fds.values()) this.net.release(s);
    p.fds.clear();
    const parent = this.procs.find((q) => q.pid === p.ppid);
    if (parent !== undefined && parent.result === undefined) parent.pending.push(17);
    this.progress++;
  }

  /** fork copies process p (the child's fork() returns 0) and returns the child's pid. */
  fork(p: Proc): number {
    const vm = forkVm(p.vm);
    completeCall(vm, 0);
    for (const s of p.fds.values()) s.refs++;
    return this.add(vm, p.pid, new Map(p.fds)).pid;
  }

  /** host is process p's door to this world. */
  host(p: Proc): Host {
    return {
      syscall: (name: string, args: readonly number[], mem: MemoryAccess): SyscallResult =>
        this.count(this.syscall(p, name, args, mem)),
      call: <N extends HostCallName>(name: N, args: HostCalls[N]['args']) =>
        this.count(procCall(this, p, name, args)) as HostCalls[N]['reply'] | number | Blocked,
    };
  }

  private count<T>(r: T): T {
    if (r !== WOULD_BLOCK) this.progress++;
    return r;
  }

  private syscall(p: Proc, name: string, args: readonly number[], mem: MemoryAccess): SyscallResult {
    const [fd = -1, addr = 0, len = 0] = args;
    switch (name) {
      case 'write': {
        const bytes = mem.read(addr, len);
        if (bytes === undefined) return -14;
        if (fd === 1 || fd === 2) {
          (fd === 1 ? this.out : this.err).push(...bytes);
          return len;
        }
        const s = p.fds.get(fd);
        return s === undefined ? -9 : this.net.send(s, { fd, data: bytes, flags: 0 });
      }
      case 'read': {
        if (fd === 0) {
          const part = this.input.splice(0, len);
          return mem.write(addr, Uint8Array.from(part)) ? part.length : -14;
        }
        const s = p.fds.get(fd);
        if (s === undefined) return -9;
        const r = this.net.recv(s, len, 0);
        if (typeof r !== 'object' || 'block' in r) return r;
        return mem.write(addr, r.data ?? new Uint8Array(0)) ? r.ret : -14;
      }
      case 'close': {
        const s = p.fds.get(fd);
        if (s === undefined) return -9;
        p.fds.delete(fd);
        this.net.release(s);
        return 0;
      }
      case 'isatty':
        return fd <= 2 ? 1 : 0;
      case 'getpid':
        return p.pid;
      case 'getppid':
        return p.ppid;
      default:
        return -38;
    }
  }

  /** stdinLeft tells whether unread stdin remains (poll on fd 0). */
  stdinLeft(): boolean {
    return this.input.length > 0;
  }
}
