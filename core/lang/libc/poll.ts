// poll, select and fcntl onto the host: struct pollfd arrays and fd_sets (glibc's layout,
// longs of 64 bits) are read from memory, the host gets plain fd lists, and the results are
// written back (revents; the fd_sets reduced to the ready fds).
import type { Builtin, Call } from '../vm/views';
import { argI, argN, argU, retN } from '../vm/views';
import { fail, hostCall, isFailed, rd64, readBytes, wr64, writeBytes } from './sys';

const EFAULT = 14;
const EINVAL = 22;

const poll: Builtin = (c) => {
  const base = argU(c, 0);
  const n = argN(c, 1);
  const raw = readBytes(c, base, n * 8);
  if (raw === undefined || n < 0) return fail(c, n < 0 ? EINVAL : EFAULT);
  const d = new DataView(raw.buffer);
  const fds = Array.from({ length: n }, (_, i) => ({
    fd: d.getInt32(i * 8, true),
    events: d.getInt16(i * 8 + 4, true),
  }));
  const r = hostCall(c, 'poll', { fds, timeoutMs: argI(c, 2) });
  if (isFailed(r)) return r.status;
  const reply = typeof r === 'number' ? { ret: r, revents: [] } : r;
  const out = new DataView(c.s.mem.buffer, c.s.mem.byteOffset);
  fds.forEach((_, i) => out.setInt16(base + i * 8 + 6, reply.revents[i] ?? 0, true));
  return retN(c, reply.ret);
};

/** readSet lists the fds below nfds whose bits are set in the fd_set at addr (null for a NULL pointer), or undefined when unreadable. */
function readSet(c: Call, addr: number, nfds: number): number[] | null | undefined {
  if (addr === 0) return null;
  const b = readBytes(c, addr, Math.ceil(nfds / 64) * 8);
  if (b === undefined) return undefined;
  const fds: number[] = [];
  for (let fd = 0; fd < nfds; fd++) if ((b[fd >> 3]! & (1 << (fd & 7))) !== 0) fds.push(fd);
  return fds;
}

/** writeSet stores the ready fds as the fd_set at addr (whole longs, as the kernel copies them back). */
function writeSet(c: Call, addr: number, nfds: number, fds: readonly number[]): boolean {
  if (addr === 0) return true;
  const b = new Uint8Array(Math.ceil(nfds / 64) * 8);
  for (const fd of fds) b[fd >> 3]! |= 1 << (fd & 7);
  return writeBytes(c, addr, b);
}

const select: Builtin = (c) => {
  const nfds = argI(c, 0);
  if (nfds < 0 || nfds > 1024) return fail(c, EINVAL);
  const sets = [1, 2, 3].map((i) => readSet(c, argU(c, i), nfds));
  if (sets.some((x) => x === undefined)) return fail(c, EFAULT);
  const [read, write, except] = sets as (number[] | null)[];
  let timeout: { sec: number; usec: number } | null = null;
  const tv = argU(c, 4);
  if (tv !== 0) {
    const sec = rd64(c, tv);
    const usec = rd64(c, tv + 8);
    if (sec === undefined || usec === undefined) return fail(c, EFAULT);
    timeout = { sec, usec };
  }
  const r = hostCall(c, 'select', { nfds, read: read!, write: write!, except: except!, timeout });
  if (isFailed(r)) return r.status;
  const reply = typeof r === 'number' ? { ret: r, read: [], write: [], except: [] } : r;
  const back = [reply.read, reply.write, reply.except];
  for (let k = 0; k < 3; k++) if (!writeSet(c, argU(c, k + 1), nfds, back[k]!)) return fail(c, EFAULT);
  if (tv !== 0 && reply.ret === 0) {
    wr64(c, tv, 0);
    wr64(c, tv + 8, 0);
  }
  return retN(c, reply.ret);
};

const fcntl: Builtin = (c) => {
  const r = hostCall(c, 'fcntl', { fd: argI(c, 0), cmd: argI(c, 1), arg: c.argc > 2 ? argI(c, 2) : 0 });
  return isFailed(r) ? r.status : retN(c, r as number);
};

/** pollBuiltins implements poll, select and fcntl. */
export const pollBuiltins: Record<string, Builtin> = { poll, select, fcntl };
