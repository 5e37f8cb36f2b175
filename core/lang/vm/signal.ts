// What the scheduler does to a stopped program from outside: deliver a signal to a C handler
// (the handler runs as if called at the interrupted instruction, which then resumes), and
// complete the call a program is stopped in with a result (fork's child sees 0 this way).
import { BUILTIN_BASE, FUNC_BASE } from './layout';
import type { VmState } from './state';
import { MAX_FRAMES } from './state';
import { views } from './views';

const CALLI = 151;
const CALLB = 152;

/**
 * deliverSignal makes a stopped program run `handler(signo)` next; when the handler returns,
 * the program continues where it stopped (a blocked call is made again). It returns false
 * when `handler` is not the address of one of the program's functions.
 */
export function deliverSignal(s: VmState, handler: number, signo: number): boolean {
  return enterFunction(s, handler, [signo]);
}

/**
 * enterFunction makes a program call the C function at `addr` with int arguments next; it
 * returns to the current pc, so the instruction there (a libc call) runs again afterwards.
 */
export function enterFunction(s: VmState, addr: number, args: readonly number[]): boolean {
  const index = addr - FUNC_BASE;
  const fn = s.chunk.funcs[index];
  if (fn === undefined || addr >= BUILTIN_BASE || s.fsp >= MAX_FRAMES * 3) return false;
  const { si } = views(s);
  for (const a of args) {
    si[s.sp << 1] = a;
    si[(s.sp << 1) + 1] = a < 0 ? -1 : 0;
    s.sp++;
  }
  s.frames[s.fsp] = s.pc;
  s.frames[s.fsp + 1] = s.fp;
  s.frames[s.fsp + 2] = s.csp;
  s.fsp += 3;
  s.pc = fn.entry;
  return true;
}

/**
 * completeCall finishes the libc call a program is stopped in (after `block`, or inside a
 * system call such as fork) as if it had returned `value`: the arguments are dropped, the
 * result pushed and the pc moved past the call. It returns false when the program is not
 * stopped at a call of a built-in.
 */
export function completeCall(s: VmState, value: number): boolean {
  const code = s.chunk.code;
  const op = code[s.pc];
  if (op !== CALLB && op !== CALLI) return false;
  const argc = op === CALLB ? code[s.pc + 2]! : code[s.pc + 1]! + 1;
  const { sl } = views(s);
  s.sp -= argc;
  if (!(op === CALLI && code[s.pc + 2] === 1)) sl[s.sp++] = BigInt(Math.trunc(value));
  s.pc += 3;
  return true;
}
