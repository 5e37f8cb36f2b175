// Shared plumbing for libc's OS functions: calling the host's structured calls with glibc's
// wrapper conventions (-errno → errno and -1, block → stop and retry), and checked reads and
// writes of C integers and pointers in the program's memory.
import type { HostCallName, HostCalls } from '../vm/host';
import type { Call } from '../vm/views';
import { B_BLOCK, retN } from '../vm/views';
import { badRead, badWrite, segv } from './mem';
import { setErrno } from './stdio';

/** Failed is what hostCall returns when the built-in is already finished (block, errno or fault). */
export interface Failed {
  readonly status: number;
}

/** isFailed tells a finished built-in's status from a host reply. */
export const isFailed = (r: unknown): r is Failed =>
  typeof r === 'object' && r !== null && 'status' in r && Object.keys(r).length === 1;

/**
 * hostCall makes a structured host call. A block stops the program; a negative `ret` (or a
 * negative number) sets errno and makes the C call return -1. Otherwise the reply comes back.
 */
export function hostCall<N extends HostCallName>(
  c: Call,
  name: N,
  args: HostCalls[N]['args'],
): HostCalls[N]['reply'] | number | Failed {
  const r = c.host.call(name, args);
  if (typeof r === 'object' && r !== null && 'block' in r) {
    c.s.blockToken = r.block;
    return { status: B_BLOCK };
  }
  const ret = typeof r === 'number' ? r : (r as { ret?: number }).ret;
  if (ret !== undefined && ret < 0 && ret > -4096) {
    setErrno(c.s, -ret);
    return { status: retN(c, -1) };
  }
  return r as HostCalls[N]['reply'] | number;
}

/** fail sets errno and makes the C call return -1. */
export function fail(c: Call, errno: number): number {
  setErrno(c.s, errno);
  return retN(c, -1);
}

const dv = (c: Call): DataView => c.v.dv;

/** readBytes copies n bytes at addr, or undefined when they are not all readable. */
export function readBytes(c: Call, addr: number, n: number): Uint8Array | undefined {
  return n < 0 || badRead(c.s, addr, n) >= 0 ? undefined : c.s.mem.slice(addr, addr + n);
}

/** writeBytes stores bytes at addr; false when they are not all writable. */
export function writeBytes(c: Call, addr: number, bytes: ArrayLike<number>): boolean {
  if (badWrite(c.s, addr, bytes.length) >= 0) return false;
  c.s.mem.set(bytes, addr);
  return true;
}

/** rd32 reads an int32 at addr, or undefined when unreadable. */
export function rd32(c: Call, addr: number): number | undefined {
  return badRead(c.s, addr, 4) >= 0 ? undefined : dv(c).getInt32(addr, true);
}

/** rd64 reads an int64 at addr as a number, or undefined when unreadable. */
export function rd64(c: Call, addr: number): number | undefined {
  return badRead(c.s, addr, 8) >= 0 ? undefined : Number(dv(c).getBigInt64(addr, true));
}

/** wr32 stores an int32; false when unwritable. */
export function wr32(c: Call, addr: number, v: number): boolean {
  if (badWrite(c.s, addr, 4) >= 0) return false;
  dv(c).setInt32(addr, v, true);
  return true;
}

/** wr64 stores an int64 (also pointers); false when unwritable. */
export function wr64(c: Call, addr: number, v: number): boolean {
  if (badWrite(c.s, addr, 8) >= 0) return false;
  dv(c).setBigInt64(addr, BigInt(Math.trunc(v)), true);
  return true;
}

/** fault faults the program at the first bad byte of [addr, addr+n). */
export function fault(c: Call, addr: number, n: number): number {
  const bad = badWrite(c.s, addr, Math.max(n, 1));
  return segv(c, bad >= 0 ? bad : addr);
}
