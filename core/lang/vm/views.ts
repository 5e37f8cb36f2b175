// Typed views over a VM state's buffers, cached per state outside it (so the state stays plain
// data), and the calling convention libc built-ins use to read arguments and return values.
import type { Host } from './host';
import type { VmState } from './state';

/** Views are the typed arrays the interpreter and built-ins read memory and the stack through. */
export interface Views {
  readonly m8: Uint8Array;
  readonly m32: Int32Array;
  readonly dv: DataView;
  readonly si: Int32Array;
  readonly sf: Float64Array;
  readonly sl: BigInt64Array;
  readonly sul: BigUint64Array;
}

const cache = new WeakMap<VmState, Views>();

/** views returns (and caches) the typed views of a state. */
export function views(s: VmState): Views {
  let v = cache.get(s);
  if (v === undefined) {
    const mb = s.mem.buffer;
    const sb = s.stack.buffer;
    v = {
      m8: s.mem,
      m32: new Int32Array(mb, s.mem.byteOffset, s.mem.byteLength >> 2),
      dv: new DataView(mb, s.mem.byteOffset, s.mem.byteLength),
      si: new Int32Array(sb),
      sf: s.stack,
      sl: new BigInt64Array(sb),
      sul: new BigUint64Array(sb),
    };
    cache.set(s, v);
  }
  return v;
}

/** Status codes a built-in returns to the interpreter. */
export const B_VALUE = 0;
export const B_BLOCK = 1;
export const B_EXIT = 2;
export const B_FAULT = 3;
/** B_JUMP: the built-in moved the pc itself (it called a C function that returns to the call). */
export const B_JUMP = 4;

/** Call is one invocation of a built-in: its arguments are slots base .. base+argc-1. */
export interface Call {
  readonly s: VmState;
  readonly v: Views;
  readonly host: Host;
  readonly base: number;
  readonly argc: number;
  readonly line: number;
}

/** Builtin is a libc function implemented in TypeScript over VM memory; it returns a status. */
export type Builtin = (c: Call) => number;

/** argI reads argument i as an int32. */
export const argI = (c: Call, i: number): number => c.v.si[(c.base + i) << 1]!;
/** argU reads argument i as a uint32 (also pointers). */
export const argU = (c: Call, i: number): number => c.v.si[(c.base + i) << 1]! >>> 0;
/** argL reads argument i as an int64. */
export const argL = (c: Call, i: number): bigint => c.v.sl[c.base + i]!;
/** argN reads argument i as an int64 converted to a number. */
export const argN = (c: Call, i: number): number => {
  const lo = c.v.si[(c.base + i) << 1]!;
  const hi = c.v.si[((c.base + i) << 1) + 1]!;
  return hi * 4294967296 + (lo >>> 0);
};
/** argF reads argument i as a double. */
export const argF = (c: Call, i: number): number => c.v.sf[c.base + i]!;

/** retI returns an int32 (or pointer). */
export function retI(c: Call, v: number): number {
  c.v.si[c.base << 1] = v;
  c.v.si[(c.base << 1) + 1] = v < 0 ? -1 : 0;
  return B_VALUE;
}
/** retL returns an int64 given as a number. */
export function retN(c: Call, v: number): number {
  c.v.sl[c.base] = BigInt(Math.trunc(v));
  return B_VALUE;
}
/** retF returns a double. */
export function retF(c: Call, v: number): number {
  c.v.sf[c.base] = v;
  return B_VALUE;
}
