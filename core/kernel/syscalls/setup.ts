// System calls that create, name, bind, configure and close sockets.

import type { Host } from '../host/host';
import { ipFromString, type SockaddrIn } from '../include/uapi/in';
import * as sockopt from '../net/core/sockopt';
import { intOf } from '../net/core/sockopt_ip';
import { inet_bind, inet_listen } from '../net/ipv4/af_inet';
import { sys_socket } from '../net/socket';
import { fdget } from '../sched/task';
import { sock_close } from '../vfs/close';
import { sockfd_lookup_light, syscall } from './entry';
import '../net/socket/wait';

/** socket is socket(2): it returns the new fd or -errno. */
export function socket(h: Host, pid: number, family: number, type: number, protocol: number): number {
  return syscall(h, pid, 'socket', `${family}, ${type}, ${protocol}`, (t) =>
    sys_socket(h, t, family, type, protocol),
  ) as number;
}

/** close is close(2) on a socket fd: it returns 0 or -EBADF. */
export function close(h: Host, pid: number, fd: number): number {
  return syscall(h, pid, 'close', `${fd}`, (t) => {
    const file = fdget(t, fd);
    if (file === null)
      return h.kcall('sys_close', `${fd}`, () => h.kerr('EBADF', `fd ${fd} is not open`), 'fs/open.c');
    return h.kcall(
      'sys_close',
      `${fd}`,
      () => {
        t.fds[fd] = null;
        if (t.closeOnExec !== undefined) t.closeOnExec[fd] = false;
        return sock_close(h, file);
      },
      'fs/open.c',
    );
  }) as number;
}

/** bind is bind(2): 0 or -errno. */
export function bind(h: Host, pid: number, fd: number, addr: SockaddrIn, addrLen = 16): number {
  return syscall(
    h,
    pid,
    'bind',
    `${fd}, {${addr.family}, ${addr.port}, ${addr.addr >>> 0}}, ${addrLen}`,
    (t) =>
      h.kcall('sys_bind', `${fd}`, () => {
        const sock = sockfd_lookup_light(h, t, fd);
        return typeof sock === 'number' ? sock : inet_bind(h, t, sock, addr, addrLen);
      }),
  ) as number;
}

/** listen is listen(2): backlog is clamped to net.core.somaxconn; 0 or -errno. */
export function listen(h: Host, pid: number, fd: number, backlog: number): number {
  return syscall(h, pid, 'listen', `${fd}, ${backlog}`, (t) =>
    h.kcall('sys_listen', `${fd}, ${backlog}`, () => {
      const sock = sockfd_lookup_light(h, t, fd);
      if (typeof sock === 'number') return sock;
      const somaxconn = h.sysctl['net.core.somaxconn'];
      const b = backlog >>> 0 > somaxconn ? somaxconn : backlog;
      if (sock.f.ops !== 'inet_stream_ops') {
        return h.kcall(
          'sock_no_listen',
          `via ${sock.f.ops}.listen`,
          () => h.kerr('EOPNOTSUPP', `${sock.f.ops}.listen is sock_no_listen`),
          'net/core/sock.c',
        );
      }
      return inet_listen(h, sock, b);
    }),
  ) as number;
}

/** setsockopt is setsockopt(2): val is an int, or the raw optval bytes (struct timeval …); 0 or -errno. */
export function setsockopt(
  h: Host,
  pid: number,
  fd: number,
  level: number,
  name: number,
  val: number | Uint8Array,
  optlen = typeof val === 'number' ? 4 : val.length,
): number {
  return syscall(h, pid, 'setsockopt', `${fd}, ${level}, ${name}, ${optSummary(val)}, ${optlen}`, (t) =>
    h.kcall(
      h.profile.version === '6.x' ? '__sys_setsockopt' : 'sys_setsockopt',
      `${fd}`,
      () => {
        const sock = sockfd_lookup_light(h, t, fd);
        return typeof sock === 'number' ? sock : sockopt.setsockopt(h, sock, level, name, val, optlen);
      },
      'net/socket.c',
    ),
  ) as number;
}

/** getsockopt is getsockopt(2): an int option's value (>= 0) or -errno; struct options (SO_RCVTIMEO …) return 0 and fill out.val. */
export function getsockopt(
  h: Host,
  pid: number,
  fd: number,
  level: number,
  name: number,
  out?: { val?: Uint8Array },
): number {
  return syscall(h, pid, 'getsockopt', `${fd}, ${level}, ${name}`, (t) =>
    h.kcall(
      h.profile.version === '6.x' ? '__sys_getsockopt' : 'sys_getsockopt',
      `${fd}`,
      () => {
        const sock = sockfd_lookup_light(h, t, fd);
        return typeof sock === 'number' ? sock : sockopt.getsockopt(h, sock, level, name, out);
      },
      'net/socket.c',
    ),
  ) as number;
}

/** getsockname / getpeername (peer = true): 0 and the address in out, or -errno (ENOTCONN for an unconnected peer). */
export function getname(h: Host, pid: number, fd: number, peer: boolean, out: { addr?: SockaddrIn }): number {
  const name = peer ? 'getpeername' : 'getsockname';
  return syscall(h, pid, name, `${fd}`, (t) =>
    h.kcall(
      `sys_${name}`,
      `${fd}`,
      () => {
        const sock = sockfd_lookup_light(h, t, fd);
        if (typeof sock === 'number') return sock;
        return h.kcall(
          'inet_getname',
          `sock=${sock.addr}, peer=${peer ? 1 : 0} via ${sock.f.ops}.getname`,
          () => {
            const sk = sock.sk!;
            const be = (v: number): number => ((v & 0xff) << 8) | (v >>> 8);
            if (peer) {
              if (sk.f.inet_dport === 0) return h.kerr('ENOTCONN', 'inet_dport is 0: the socket has no peer');
              out.addr = { family: 2, port: be(sk.f.inet_dport), addr: ipFromString(sk.f.inet_daddr)! };
            } else {
              const a = sk.f.inet_rcv_saddr !== '0.0.0.0' ? sk.f.inet_rcv_saddr : String(sk.f['inet_saddr']);
              out.addr = { family: 2, port: be(Number(sk.f['inet_sport'])), addr: ipFromString(a)! };
            }
            return 0;
          },
          'net/ipv4/af_inet.c',
        );
      },
      'net/socket.c',
    ),
  ) as number;
}

/** optSummary shows an option value in the syscall's arguments: an int as its value (from a program, its four bytes), anything else as its size. */
function optSummary(val: number | Uint8Array): string {
  return typeof val === 'number' || val.length === 4 ? String(intOf(val)) : `[${val.length} bytes]`;
}
