// The socket API onto the host: each function decodes its C arguments (struct sockaddr and
// its length, `socklen_t *` in/out, buffers) from program memory, makes one structured host
// call with plain data, and encodes the reply back, as glibc's thin syscall wrappers do.
import type { SockAddr } from '../vm/host';
import type { Builtin, Call } from '../vm/views';
import { argI, argN, argU, retN } from '../vm/views';
import { decodeSockaddr, encodeSockaddr } from './sockaddr';
import { fail, hostCall, isFailed, rd32, readBytes, wr32, writeBytes } from './sys';

const EFAULT = 14;
const EINVAL = 22;

/** addrArg decodes a (const struct sockaddr *, socklen_t) pair, or returns an errno. */
function addrArg(c: Call, ptr: number, len: number): SockAddr | number {
  if (len < 0 || len > 128) return EINVAL;
  const b = readBytes(c, ptr, len);
  if (b === undefined) return EFAULT;
  return decodeSockaddr(b) ?? EINVAL;
}

/**
 * storeAddr writes an address to (struct sockaddr *, socklen_t *) as the kernel's
 * move_addr_to_user does: truncated to the caller's length, which is set to the full length.
 * It returns an errno, or 0.
 */
function storeAddr(c: Call, ptr: number, lenPtr: number, a: SockAddr | undefined): number {
  if (ptr === 0 || lenPtr === 0) return 0;
  const have = rd32(c, lenPtr);
  if (have === undefined) return EFAULT;
  if (have < 0) return EINVAL;
  const bytes = a === undefined ? new Uint8Array(0) : encodeSockaddr(a);
  if (!writeBytes(c, ptr, bytes.subarray(0, Math.min(have, bytes.length)))) return EFAULT;
  return wr32(c, lenPtr, bytes.length) ? 0 : EFAULT;
}

function connectLike(name: 'bind' | 'connect'): Builtin {
  return (c) => {
    const addr = addrArg(c, argU(c, 1), argI(c, 2));
    if (typeof addr === 'number') return fail(c, addr);
    const r = hostCall(c, name, { fd: argI(c, 0), addr, addrlen: argI(c, 2) });
    return isFailed(r) ? r.status : retN(c, r as number);
  };
}

function acceptLike(flagsArg: boolean): Builtin {
  return (c) => {
    const r = hostCall(c, 'accept', { fd: argI(c, 0), flags: flagsArg ? argI(c, 3) : 0 });
    if (isFailed(r)) return r.status;
    const reply = typeof r === 'number' ? { ret: r } : r;
    const e = storeAddr(c, argU(c, 1), argU(c, 2), reply.addr);
    return e !== 0 ? fail(c, e) : retN(c, reply.ret);
  };
}

/** sendLike implements send (toArg < 0) and sendto (toArg = 4). */
function sendLike(toArg: number): Builtin {
  return (c) => {
    const data = readBytes(c, argU(c, 1), argN(c, 2));
    if (data === undefined) return fail(c, EFAULT);
    let to: SockAddr | undefined;
    if (toArg >= 0 && argU(c, toArg) !== 0) {
      const a = addrArg(c, argU(c, toArg), argI(c, toArg + 1));
      if (typeof a === 'number') return fail(c, a);
      to = a;
    }
    const args = { fd: argI(c, 0), data, flags: toArg === -2 ? 0 : argI(c, 3) };
    const r = hostCall(c, 'send', to === undefined ? args : { ...args, to });
    return isFailed(r) ? r.status : retN(c, r as number);
  };
}

/** recvLike implements recv (fromArg < 0) and recvfrom (fromArg = 4). */
function recvLike(fromArg: number): Builtin {
  return (c) => {
    const buf = argU(c, 1);
    const len = argN(c, 2);
    const r = hostCall(c, 'recv', { fd: argI(c, 0), len, flags: fromArg === -2 ? 0 : argI(c, 3) });
    if (isFailed(r)) return r.status;
    const reply = typeof r === 'number' ? { ret: r } : r;
    const data = reply.data ?? new Uint8Array(0);
    if (!writeBytes(c, buf, data.subarray(0, len))) return fail(c, EFAULT);
    if (fromArg >= 0) {
      const e = storeAddr(c, argU(c, fromArg), argU(c, fromArg + 1), reply.addr);
      if (e !== 0) return fail(c, e);
    }
    return retN(c, reply.ret);
  };
}

function simple(f: (c: Call) => ReturnType<typeof hostCall>): Builtin {
  return (c) => {
    const r = f(c);
    return isFailed(r) ? r.status : retN(c, r as number);
  };
}

/** sockBuiltins implements the BSD socket calls. */
export const sockBuiltins: Record<string, Builtin> = {
  socket: simple((c) =>
    hostCall(c, 'socket', { family: argI(c, 0), type: argI(c, 1), protocol: argI(c, 2) }),
  ),
  bind: connectLike('bind'),
  connect: connectLike('connect'),
  listen: simple((c) => hostCall(c, 'listen', { fd: argI(c, 0), backlog: argI(c, 1) })),
  accept: acceptLike(false),
  accept4: acceptLike(true),
  send: sendLike(-1),
  sendto: sendLike(4),
  recv: recvLike(-1),
  recvfrom: recvLike(4),
  shutdown: simple((c) => hostCall(c, 'shutdown', { fd: argI(c, 0), how: argI(c, 1) })),
  setsockopt: (c) => {
    const value = readBytes(c, argU(c, 3), argI(c, 4));
    if (value === undefined) return fail(c, EFAULT);
    const r = hostCall(c, 'setsockopt', { fd: argI(c, 0), level: argI(c, 1), name: argI(c, 2), value });
    return isFailed(r) ? r.status : retN(c, r as number);
  },
  getsockopt: (c) => {
    const have = rd32(c, argU(c, 4));
    if (have === undefined) return fail(c, EFAULT);
    const r = hostCall(c, 'getsockopt', { fd: argI(c, 0), level: argI(c, 1), name: argI(c, 2), len: have });
    if (isFailed(r)) return r.status;
    const data = (typeof r === 'number' ? undefined : r.data) ?? new Uint8Array(0);
    const n = Math.min(have, data.length);
    if (!writeBytes(c, argU(c, 3), data.subarray(0, n)) || !wr32(c, argU(c, 4), n)) return fail(c, EFAULT);
    return retN(c, 0);
  },
  getsockname: getName(false),
  getpeername: getName(true),
};

function getName(peer: boolean): Builtin {
  return (c) => {
    const r = hostCall(c, 'getname', { fd: argI(c, 0), peer });
    if (isFailed(r)) return r.status;
    const reply = typeof r === 'number' ? { ret: r } : r;
    const e = storeAddr(c, argU(c, 1), argU(c, 2), reply.addr);
    return e !== 0 ? fail(c, e) : retN(c, 0);
  };
}
