// Processes, signals and time: fork/wait/kill onto the host; the signal handler table lives in
// the program's libc state (plain data, copied by fork) and the scheduler asks signalAction
// what a signal does; exit runs atexit functions by calling into the program; sleep and the
// clocks use the host's simulated time.
import { makeFault } from '../vm/fault';
import type { RunResult } from '../vm/result';
import { enterFunction } from '../vm/signal';
import type { VmState } from '../vm/state';
import type { Builtin, Call } from '../vm/views';
import { B_BLOCK, B_EXIT, B_FAULT, B_JUMP, argI, argU, retI, retN } from '../vm/views';
import { flushStdout, setErrno } from './stdio';
import { memoryAccess } from './mem';
import { fail, hostCall, isFailed, rd64, readBytes, wr32, wr64, writeBytes } from './sys';

const EINVAL = 22;
const SIGCHLD = 17;
const SIGKILL = 9;
const SIGSTOP = 19;
/** Signals whose default action is to be ignored (SIGCHLD, SIGCONT, SIGURG, SIGWINCH). */
const IGNORED_BY_DEFAULT = new Set([SIGCHLD, 18, 23, 28]);

/** SignalAction is what delivering a signal to a program does. */
export type SignalAction =
  { readonly k: 'handler'; readonly addr: number } | { readonly k: 'ignore' | 'terminate' };

/** signalAction tells the scheduler what signal `sig` does to the program now. */
export function signalAction(s: VmState, sig: number): SignalAction {
  const h = s.libc.handlers[sig] ?? 0;
  if (sig === SIGKILL || sig === SIGSTOP) return { k: 'terminate' };
  if (h === 1) return { k: 'ignore' };
  if (h === 0) return IGNORED_BY_DEFAULT.has(sig) ? { k: 'ignore' } : { k: 'terminate' };
  return { k: 'handler', addr: h };
}

/** killBySignal ends a program as signal `sig`'s default action does (exit status 128+sig). */
export function killBySignal(s: VmState, sig: number): RunResult {
  const line = s.chunk.lines[Math.min(s.pc, s.chunk.lines.length - 1)] ?? 0;
  return makeFault(s, 'signal', line, sig);
}

/** returnThenCall finishes the current libc call with `value`, then calls the C function at addr. */
function returnThenCall(c: Call, value: number, addr: number, args: number[]): number {
  retN(c, value);
  const code = c.s.chunk.code;
  const pc = c.s.pc;
  c.s.sp = c.base + (code[pc] === 151 && code[pc + 2] === 1 ? 0 : 1);
  c.s.pc = pc + 3;
  enterFunction(c.s, addr, args);
  return B_JUMP;
}

/** STOP_BY_DEFAULT are the signals whose default action stops the program (SIGSTOP always does). */
const STOP_BY_DEFAULT = new Set([SIGSTOP, 20, 21, 22]);

/** raiseHere delivers a signal the program sent itself, at once, as Linux does before kill returns. */
function raiseHere(c: Call, sig: number): number {
  if (sig === SIGSTOP || (STOP_BY_DEFAULT.has(sig) && (c.s.libc.handlers[sig] ?? 0) === 0))
    return raiseStop(c, sig);
  const a = signalAction(c.s, sig);
  if (a.k !== 'handler') {
    if (a.k === 'ignore') return retI(c, 0);
    killBySignal(c.s, sig);
    return B_FAULT;
  }
  if ((c.s.libc.sigFlags[sig]! & 0x80000000) !== 0) c.s.libc.handlers[sig] = 0;
  return returnThenCall(c, 0, a.addr, [sig]);
}

/**
 * raiseStop stops the program before raise() returns: the signal goes to this process through
 * kill, and the call ends the time slice (as a blocking call does) so the scheduler delivers it;
 * when SIGCONT resumes the program the call runs again and returns 0.
 */
function raiseStop(c: Call, sig: number): number {
  if (c.s.libc.stopRaised) {
    c.s.libc.stopRaised = false;
    return retI(c, 0);
  }
  const pid = c.host.syscall('getpid', [], memoryAccess(c.s));
  const r = hostCall(c, 'kill', { pid: typeof pid === 'number' ? pid : 0, sig });
  if (isFailed(r)) return r.status;
  c.s.libc.stopRaised = true;
  c.s.blockToken = undefined;
  return B_BLOCK;
}

function setHandler(c: Call, sig: number, handler: number, flags: number): number | undefined {
  if (sig < 1 || sig > 64 || sig === SIGKILL || sig === SIGSTOP) return undefined;
  const old = c.s.libc.handlers[sig] ?? 0;
  c.s.libc.handlers[sig] = handler;
  c.s.libc.sigFlags[sig] = flags;
  const disp = handler === 0 ? 'default' : handler === 1 ? 'ignore' : 'catch';
  c.host.call('sigdisp', { sig, disp });
  return old;
}

function sigsetOp(op: (bits: Uint8Array, sig: number) => number): Builtin {
  return (c) => {
    const set = argU(c, 0);
    const sig = c.argc > 1 ? argI(c, 1) : 1;
    if (sig < 1 || sig > 64) return fail(c, EINVAL);
    const bits = readBytes(c, set, 128);
    if (bits === undefined) return fail(c, 14);
    const r = op(bits, sig);
    return writeBytes(c, set, bits) ? retI(c, r) : fail(c, 14);
  };
}

function sleepNs(c: Call, ns: number, done: (leftNs: number, interrupted: boolean) => number): number {
  const r = c.host.call('nanosleep', { ns });
  if (typeof r === 'object' && 'block' in r) {
    c.s.blockToken = r.block;
    return B_BLOCK;
  }
  const ret = typeof r === 'number' ? r : r.ret;
  if (ret < 0) setErrno(c.s, -ret);
  return done(ret < 0 && typeof r !== 'number' ? r.remainingNs : 0, ret < 0);
}

function clockNs(c: Call, clock: number): number | undefined {
  const r = hostCall(c, 'clock', { clock });
  return isFailed(r) ? undefined : (r as number);
}

/** procBuiltins implements processes, signals, exit and time. */
export const procBuiltins: Record<string, Builtin> = {
  fork: (c) => {
    const r = hostCall(c, 'fork', {});
    return isFailed(r) ? r.status : retN(c, r as number);
  },
  waitpid: (c) => waitFor(c, argI(c, 0), argU(c, 1), argI(c, 2)),
  wait: (c) => waitFor(c, -1, argU(c, 0), 0),
  kill: (c) => {
    const r = hostCall(c, 'kill', { pid: argI(c, 0), sig: argI(c, 1) });
    return isFailed(r) ? r.status : retN(c, r as number);
  },
  raise: (c) => raiseHere(c, argI(c, 0)),
  signal: (c) => {
    const old = setHandler(c, argI(c, 0), argU(c, 1), 0x10000000);
    return old === undefined ? (fail(c, EINVAL), retI(c, -1)) : retI(c, old);
  },
  sigaction: (c) => {
    const sig = argI(c, 0);
    const act = argU(c, 1);
    const oldAct = argU(c, 2);
    const prev = c.s.libc.handlers[sig] ?? 0;
    const prevFlags = c.s.libc.sigFlags[sig] ?? 0;
    if (act !== 0) {
      const h = rd64(c, act);
      const flags = readBytes(c, act + 136, 4);
      if (h === undefined || flags === undefined) return fail(c, 14);
      const f = new DataView(flags.buffer).getInt32(0, true);
      if (setHandler(c, sig, h, f) === undefined) return fail(c, EINVAL);
    } else if (sig < 1 || sig > 64) return fail(c, EINVAL);
    if (oldAct !== 0 && !(wr64(c, oldAct, prev) && wr32(c, oldAct + 136, prevFlags))) return fail(c, 14);
    return retI(c, 0);
  },
  sigemptyset: sigsetOp((b) => (b.fill(0), 0)),
  sigfillset: sigsetOp((b) => (b.fill(0xff), 0)),
  sigaddset: sigsetOp((b, sig) => ((b[(sig - 1) >> 3]! |= 1 << ((sig - 1) & 7)), 0)),
  sigdelset: sigsetOp((b, sig) => ((b[(sig - 1) >> 3]! &= ~(1 << ((sig - 1) & 7))), 0)),
  sigismember: sigsetOp((b, sig) => (b[(sig - 1) >> 3]! >> ((sig - 1) & 7)) & 1),
  sigprocmask: (c) => retI(c, 0),
  alarm: (c) => {
    const r = hostCall(c, 'alarm', { seconds: argU(c, 0) });
    return isFailed(r) ? r.status : retN(c, r as number);
  },
  pause: (c) => sleepNs(c, -1, () => fail(c, 4)),
  atexit: (c) => {
    c.s.libc.atexit.push(argU(c, 0));
    return retI(c, 0);
  },
  exit: (c) => {
    const fn = c.s.libc.atexit.pop();
    if (fn !== undefined && enterFunction(c.s, fn, [])) return B_JUMP;
    if (!flushStdout(c)) return B_BLOCK;
    c.s.exitCode = argI(c, 0) & 0xff;
    return B_EXIT;
  },
  abort: (c) => {
    flushStdout(c);
    makeFault(c.s, 'abort', c.line);
    return B_FAULT;
  },
  sleep: (c) => sleepNs(c, argU(c, 0) * 1e9, (left) => retN(c, Math.ceil(left / 1e9))),
  usleep: (c) => sleepNs(c, argU(c, 0) * 1e3, (_, intr) => (intr ? fail(c, 4) : retI(c, 0))),
  nanosleep: (c) => {
    const req = argU(c, 0);
    const sec = rd64(c, req);
    const nsec = rd64(c, req + 8);
    if (sec === undefined || nsec === undefined) return fail(c, 14);
    if (sec < 0 || nsec < 0 || nsec > 999_999_999) return fail(c, EINVAL);
    const rem = argU(c, 1);
    return sleepNs(c, sec * 1e9 + nsec, (left, intr) => {
      if (!intr) return retI(c, 0);
      if (rem !== 0 && wr64(c, rem, Math.floor(left / 1e9))) wr64(c, rem + 8, left % 1e9);
      return fail(c, 4);
    });
  },
  time: (c) => {
    const ns = clockNs(c, 0);
    if (ns === undefined) return B_BLOCK;
    const t = Math.floor(ns / 1e9);
    if (argU(c, 0) !== 0 && !wr64(c, argU(c, 0), t)) return fail(c, 14);
    return retN(c, t);
  },
  clock_gettime: (c) => {
    const ns = clockNs(c, argI(c, 0));
    if (ns === undefined) return B_BLOCK;
    const tp = argU(c, 1);
    if (!(wr64(c, tp, Math.floor(ns / 1e9)) && wr64(c, tp + 8, ns % 1e9))) return fail(c, 14);
    return retI(c, 0);
  },
  gettimeofday: (c) => {
    const ns = clockNs(c, 0);
    if (ns === undefined) return B_BLOCK;
    const tv = argU(c, 0);
    if (tv !== 0 && !(wr64(c, tv, Math.floor(ns / 1e9)) && wr64(c, tv + 8, Math.floor((ns % 1e9) / 1e3))))
      return fail(c, 14);
    return retI(c, 0);
  },
};

function waitFor(c: Call, pid: number, statusPtr: number, options: number): number {
  const r = hostCall(c, 'wait', { pid, options });
  if (isFailed(r)) return r.status;
  const reply = typeof r === 'number' ? { ret: r, status: 0 } : r;
  if (statusPtr !== 0 && reply.ret > 0 && !wr32(c, statusPtr, reply.status)) return fail(c, 14);
  return retN(c, reply.ret);
}
