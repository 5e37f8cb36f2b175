// socketpair, sendmsg and recvmsg onto the host: struct msghdr and its iovec array are read
// with gcc's x86-64 layout (msghdr: name 0, namelen 8, iov 16, iovlen 24, control 32,
// controllen 40, flags 48; iovec: base 0, len 8, 16 bytes each), the host gets plain buffers,
// and recvmsg scatters the bytes back, stores the sender's address and sets msg_flags.
import type { SockAddr } from '../vm/host';
import type { Builtin, Call } from '../vm/views';
import { argI, argU, retN } from '../vm/views';
import { decodeSockaddr, encodeSockaddr } from './sockaddr';
import { fail, hostCall, isFailed, rd32, rd64, readBytes, wr32, writeBytes } from './sys';

const EFAULT = 14;
const EINVAL = 22;
const EMSGSIZE = 90;
/** UIO_MAXIOV is the most iovecs one call takes (include/uapi/linux/uio.h). */
const UIO_MAXIOV = 1024;

/** Iov is one iovec read from memory. */
interface Iov {
  readonly base: number;
  readonly len: number;
}

/** readMsg reads a struct msghdr's name, namelen and iovecs, or returns an errno. */
function readMsg(c: Call, msg: number): { name: number; namelen: number; iov: Iov[] } | number {
  const name = rd64(c, msg);
  const namelen = rd32(c, msg + 8);
  const iovAddr = rd64(c, msg + 16);
  const iovlen = rd64(c, msg + 24);
  if (name === undefined || namelen === undefined || iovAddr === undefined || iovlen === undefined)
    return EFAULT;
  if (iovlen < 0 || iovlen > UIO_MAXIOV) return EMSGSIZE;
  const iov: Iov[] = [];
  for (let i = 0; i < iovlen; i++) {
    const base = rd64(c, iovAddr + i * 16);
    const len = rd64(c, iovAddr + i * 16 + 8);
    if (base === undefined || len === undefined) return EFAULT;
    if (len < 0) return EINVAL;
    iov.push({ base, len });
  }
  return { name, namelen, iov };
}

const socketpair: Builtin = (c) => {
  const sv = argU(c, 3);
  const r = hostCall(c, 'socketpair', { family: argI(c, 0), type: argI(c, 1), protocol: argI(c, 2) });
  if (isFailed(r)) return r.status;
  const pair = typeof r === 'number' ? [] : r.sv;
  if (!wr32(c, sv, pair[0] ?? -1) || !wr32(c, sv + 4, pair[1] ?? -1)) return fail(c, EFAULT);
  return retN(c, 0);
};

const sendmsg: Builtin = (c) => {
  const m = readMsg(c, argU(c, 1));
  if (typeof m === 'number') return fail(c, m);
  const iov: Uint8Array[] = [];
  for (const v of m.iov) {
    const b = readBytes(c, v.base, v.len);
    if (b === undefined) return fail(c, EFAULT);
    iov.push(b);
  }
  let to: SockAddr | undefined;
  if (m.name !== 0 && m.namelen > 0) {
    const raw = m.namelen > 128 ? undefined : readBytes(c, m.name, m.namelen);
    if (raw === undefined) return fail(c, m.namelen > 128 ? EINVAL : EFAULT);
    to = decodeSockaddr(raw);
    if (to === undefined) return fail(c, EINVAL);
  }
  const args = { fd: argI(c, 0), iov, flags: argI(c, 2) };
  const r = hostCall(c, 'sendmsg', to === undefined ? args : { ...args, to });
  return isFailed(r) ? r.status : retN(c, r as number);
};

const recvmsg: Builtin = (c) => {
  const msg = argU(c, 1);
  const m = readMsg(c, msg);
  if (typeof m === 'number') return fail(c, m);
  const r = hostCall(c, 'recvmsg', { fd: argI(c, 0), lens: m.iov.map((v) => v.len), flags: argI(c, 2) });
  if (isFailed(r)) return r.status;
  const reply = typeof r === 'number' ? { ret: r, iov: [], msgFlags: 0 } : r;
  for (const [i, v] of m.iov.entries()) {
    const data = reply.iov[i];
    if (data !== undefined && !writeBytes(c, v.base, data.subarray(0, v.len))) return fail(c, EFAULT);
  }
  if (m.name !== 0) {
    const bytes = reply.addr === undefined ? new Uint8Array(0) : encodeSockaddr(reply.addr);
    if (!writeBytes(c, m.name, bytes.subarray(0, Math.min(m.namelen, bytes.length)))) return fail(c, EFAULT);
    if (!wr32(c, msg + 8, bytes.length)) return fail(c, EFAULT);
  }
  if (!wr32(c, msg + 48, reply.msgFlags)) return fail(c, EFAULT);
  return retN(c, reply.ret);
};

/** msgBuiltins implements socketpair, sendmsg and recvmsg. */
export const msgBuiltins: Record<string, Builtin> = { socketpair, sendmsg, recvmsg };
