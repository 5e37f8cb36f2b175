// sendmsg(2), recvmsg(2) and socketpair(2) (net/socket.c). sendmsg/recvmsg copy the msghdr in
// (___sys_sendmsg / ___sys_recvmsg: iovec count ≤ UIO_MAXIOV, msg_namelen ≤ sizeof(struct
// sockaddr_storage)), gather or scatter the iovecs and go through sock_sendmsg /
// sock_recvmsg like send and recv. socketpair creates both sockets and then calls
// sock1->ops->socketpair, which every AF_INET ops table sets to sock_no_socketpair.

import type { Host } from '../host/host';
import type { SockaddrIn } from '../include/uapi/in';
import { O_CLOEXEC, SOCK_NONBLOCK, SOCK_TYPE_MASK } from '../include/uapi/socket';
import { sock_create, sock_recvmsg, sock_release, sock_sendmsg, type RecvInfo } from '../net/socket';
import { sockfd_lookup_light, syscall, type SysResult } from './entry';

/** UIO_MAXIOV is the most iovecs one call may pass (include/uapi/linux/uio.h). */
export const UIO_MAXIOV = 1024;
/** SOCKADDR_STORAGE_LEN is sizeof(struct sockaddr_storage), the longest msg_namelen. */
const SOCKADDR_STORAGE_LEN = 128;

/** MsgHdr is struct msghdr as the caller fills it for sendmsg: destination (or null) and the iovecs. */
export interface MsgHdr {
  readonly name: SockaddrIn | null;
  readonly namelen?: number;
  readonly iov: readonly Uint8Array[];
}

/** RecvMsgHdr is struct msghdr for recvmsg: iovecs to fill; name and flags (MSG_TRUNC …) come back, and discarded when nothing was copied (see RecvInfo). */
export interface RecvMsgHdr {
  readonly iov: readonly Uint8Array[];
  name?: SockaddrIn;
  flags?: number;
  discarded?: boolean;
}

/** MSG_CHAIN names sendmsg's and recvmsg's entry functions per era (net/socket.c). */
// prettier-ignore
const MSG_CHAIN: Readonly<Record<string, readonly [readonly string[], readonly string[]]>> = {
  '2.6.32': [['sys_sendmsg'], ['sys_recvmsg']], // SYSCALL_DEFINE3 does the copy itself
  '3.10': [['sys_sendmsg', '__sys_sendmsg', '___sys_sendmsg'], ['sys_recvmsg', '__sys_recvmsg', '___sys_recvmsg']], // shared with sendmmsg
  '6.x': [['__sys_sendmsg', '___sys_sendmsg', '____sys_sendmsg'], ['__sys_recvmsg', '___sys_recvmsg', '____sys_recvmsg']],
};

/** nest runs body inside the chain of calls names (each traced, in net/socket.c). */
function nest<T>(h: Host, names: readonly string[], args: string, body: () => T, i = 0): T {
  if (i === names.length) return body();
  return h.kcall(names[i]!, i === 0 ? args : '', () => nest(h, names, args, body, i + 1), 'net/socket.c');
}

/** checkMsg validates the msghdr like copy_msghdr_from_user: -EMSGSIZE for too many iovecs, -EINVAL for a bad namelen. */
function checkMsg(h: Host, iovlen: number, namelen: number): number {
  if (iovlen > UIO_MAXIOV) return h.kerr('EMSGSIZE', `msg_iovlen ${iovlen} exceeds UIO_MAXIOV (1024)`);
  if (namelen < 0 || namelen > SOCKADDR_STORAGE_LEN)
    return h.kerr('EINVAL', `msg_namelen ${namelen} is outside 0..sizeof(struct sockaddr_storage)`);
  return 0;
}

/** sendmsg is sendmsg(2): the iovecs are sent as one message to msg.name (or the peer); bytes, -errno or a Block. */
export function sendmsg(h: Host, pid: number, fd: number, msg: MsgHdr, flags = 0): SysResult {
  const total = msg.iov.reduce((a, b) => a + b.length, 0);
  return syscall(
    h,
    pid,
    'sendmsg',
    `${fd}, {iovlen=${msg.iov.length}, len=${total}}, 0x${flags.toString(16)}`,
    (t) =>
      nest(h, MSG_CHAIN[h.profile.version]![0], `${fd}, msg, 0x${flags.toString(16)}`, () => {
        const sock = sockfd_lookup_light(h, t, fd);
        if (typeof sock === 'number') return sock;
        const e = checkMsg(h, msg.iov.length, msg.name === null ? 0 : (msg.namelen ?? 16));
        if (e < 0) return e;
        const data = new Uint8Array(total);
        let at = 0;
        for (const v of msg.iov) {
          data.set(v, at);
          at += v.length;
        }
        return sock_sendmsg(h, t, sock, data, flags, msg.name);
      }),
  );
}

/** recvmsg is recvmsg(2): fills the iovecs in order, msg.name with the sender and msg.flags; bytes, -errno or a Block. */
export function recvmsg(h: Host, pid: number, fd: number, msg: RecvMsgHdr, flags = 0): SysResult {
  const total = msg.iov.reduce((a, b) => a + b.length, 0);
  return syscall(
    h,
    pid,
    'recvmsg',
    `${fd}, {iovlen=${msg.iov.length}, len=${total}}, 0x${flags.toString(16)}`,
    (t) =>
      nest(h, MSG_CHAIN[h.profile.version]![1], `${fd}, msg, 0x${flags.toString(16)}`, () => {
        const sock = sockfd_lookup_light(h, t, fd);
        if (typeof sock === 'number') return sock;
        const e = checkMsg(h, msg.iov.length, 16);
        if (e < 0) return e;
        // buf stands for the user's iovecs: gathered first so bytes the kernel does not write
        // (TCP's MSG_TRUNC) stay as they were, scattered back also when the call sleeps, since a
        // MSG_WAITALL read already copied its first part to user memory.
        const buf = new Uint8Array(total);
        let at = 0;
        for (const v of msg.iov) {
          buf.set(v, at);
          at += v.length;
        }
        const info: RecvInfo = {};
        const r = sock_recvmsg(h, t, sock, buf, flags, info);
        if (typeof r === 'number' && r < 0) return r;
        at = 0;
        for (const v of msg.iov) {
          v.set(buf.subarray(at, at + v.length));
          at += v.length;
        }
        if (typeof r !== 'number') return r;
        if (info.addr !== undefined) msg.name = info.addr;
        msg.flags = info.msgFlags ?? 0;
        if (info.discarded) msg.discarded = true;
        return r;
      }),
  );
}

/** socketpair is socketpair(2): for AF_INET both sockets are made and sock_no_socketpair refuses with EOPNOTSUPP. */
export function socketpair(
  h: Host,
  pid: number,
  family: number,
  typeIn: number,
  protocol: number,
  sv: number[],
): number {
  return syscall(h, pid, 'socketpair', `${family}, ${typeIn}, ${protocol}, sv`, (t) =>
    h.kcall(
      h.profile.version === '6.x' ? '__sys_socketpair' : 'sys_socketpair',
      `${family}, ${typeIn}, ${protocol}`,
      () => {
        const flags = typeIn & ~SOCK_TYPE_MASK;
        if ((flags & ~(O_CLOEXEC | SOCK_NONBLOCK)) !== 0)
          return h.kerr('EINVAL', `type flags 0x${flags.toString(16)} other than SOCK_NONBLOCK|SOCK_CLOEXEC`);
        const type = typeIn & SOCK_TYPE_MASK;
        const a = sock_create(h, t, family, type, protocol);
        if (typeof a === 'number') return a;
        const b = sock_create(h, t, family, type, protocol);
        if (typeof b === 'number') {
          const saved = h.lastErr;
          sock_release(h, a);
          h.lastErr = saved;
          return b;
        }
        const op = h.profile.protoOps[a.f.ops ?? '']?.['socketpair'] ?? 'sock_no_socketpair';
        const err = h.kcall(
          op,
          `sock1=${a.addr}, sock2=${b.addr} via ${a.f.ops}.socketpair`,
          () =>
            h.kerr(
              'EOPNOTSUPP',
              `${a.f.ops}.socketpair is sock_no_socketpair: AF_INET sockets cannot be paired`,
            ),
          'net/core/sock.c',
        );
        const saved = h.lastErr;
        sock_release(h, b);
        sock_release(h, a);
        h.lastErr = saved;
        sv.length = 0;
        return err;
      },
      'net/socket.c',
    ),
  ) as number;
}
