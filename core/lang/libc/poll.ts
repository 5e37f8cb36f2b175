// poll, select and fcntl onto the host. select is built on the host's poll, as the kernel's
// core_sys_select and do_poll share one readiness check: fd_set bits (glibc's layout, longs of
// 64 bits) become pollfd entries and the revents come back as bits.
import type { Builtin, Call } from '../vm/views';
import { argI, argN, argU, retN } from '../vm/views';
import { fail, hostCall, isFailed, rd64, readBytes, wr64, writeBytes } from './sys';

const EFAULT = 14;
const EINVAL = 22;
const POLLIN = 0x001;
const POLLPRI = 0x002;
const POLLOUT = 0x004;
const POLLERR = 0x008;
const POLLHUP = 0x010;
const POLLNVAL = 0x020;
/** What makes an fd readable, writable or exceptional for select (fs/select.c's POLL*_SET). */
const IN_SET = POLLIN | 0x040 | POLLHUP | POLLERR;
const OUT_SET = POLLOUT | 0x100 | POLLERR;
const EX_SET = POLLPRI;

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

function readSet(c: Call, addr: number, nfds: number): boolean[] | undefined {
  if (addr === 0) return [];
  const b = readBytes(c, addr, Math.ceil(nfds / 64) * 8);
  if (b === undefined) return undefined;
  return Array.from({ length: nfds }, (_, fd) => (b[fd >> 3]! & (1 << (fd & 7))) !== 0);
}

function writeSet(c: Call, addr: number, nfds: number, bits: boolean[]): boolean {
  if (addr === 0) return true;
  const b = new Uint8Array(Math.ceil(nfds / 64) * 8);
  bits.forEach((on, fd) => {
    if (on) b[fd >> 3]! |= 1 << (fd & 7);
  });
  return writeBytes(c, addr, b);
}

const select: Builtin = (c) => {
  const nfds = argI(c, 0);
  if (nfds < 0 || nfds > 1024) return fail(c, EINVAL);
  const sets = [1, 2, 3].map((i) => readSet(c, argU(c, i), nfds));
  if (sets.some((x) => x === undefined)) return fail(c, EFAULT);
  const [rd, wr, ex] = sets as boolean[][];
  let timeoutMs = -1;
  const tv = argU(c, 4);
  if (tv !== 0) {
    const sec = rd64(c, tv);
    const usec = rd64(c, tv + 8);
    if (sec === undefined || usec === undefined) return fail(c, EFAULT);
    if (sec < 0 || usec < 0) return fail(c, EINVAL);
    timeoutMs = sec * 1000 + Math.ceil(usec / 1000);
  }
  const fds: { fd: number; events: number }[] = [];
  for (let fd = 0; fd < nfds; fd++) {
    const events = (rd![fd] ? POLLIN : 0) | (wr![fd] ? POLLOUT : 0) | (ex![fd] ? POLLPRI : 0);
    if (events !== 0) fds.push({ fd, events });
  }
  const r = hostCall(c, 'poll', { fds, timeoutMs });
  if (isFailed(r)) return r.status;
  const revents = typeof r === 'number' ? [] : r.revents;
  if (revents.some((e) => (e & POLLNVAL) !== 0)) return fail(c, 9);
  const outs: boolean[][] = [[], [], []];
  let count = 0;
  fds.forEach(({ fd, events }, i) => {
    const e = revents[i] ?? 0;
    const hits = [
      (events & POLLIN) !== 0 && (e & IN_SET) !== 0,
      (events & POLLOUT) !== 0 && (e & OUT_SET) !== 0,
      (events & POLLPRI) !== 0 && (e & EX_SET) !== 0,
    ];
    hits.forEach((h, k) => {
      outs[k]![fd] = h;
      if (h) count++;
    });
  });
  for (let k = 0; k < 3; k++) if (!writeSet(c, argU(c, k + 1), nfds, outs[k]!)) return fail(c, EFAULT);
  if (tv !== 0 && count === 0) {
    wr64(c, tv, 0);
    wr64(c, tv + 8, 0);
  }
  return retN(c, count);
};

const fcntl: Builtin = (c) => {
  const r = hostCall(c, 'fcntl', { fd: argI(c, 0), cmd: argI(c, 1), arg: c.argc > 2 ? argI(c, 2) : 0 });
  return isFailed(r) ? r.status : retN(c, r as number);
};

/** pollBuiltins implements poll, select and fcntl. */
export const pollBuiltins: Record<string, Builtin> = { poll, select, fcntl };
