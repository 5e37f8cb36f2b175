// System calls that connect, accept and move data; each may return a Block (see index.ts).

import type { Host } from '../host/host';
import type { SockaddrIn } from '../include/uapi/in';
import { inet_shutdown, inet_stream_connect, sock_recvmsg, sock_sendmsg, sys_accept4 } from '../net/socket';
import { sockfd_lookup_light, syscall, type SysResult } from './entry';
import { inet_dgram_connect } from '../net/ipv4/datagram';
import { inet_autobind } from '../net/ipv4/udp_io';
import { ping_autobind } from '../net/ipv4/ping';
import type { RecvInfo } from '../net/socket';

/** connect is connect(2): 0, -errno, or a Block until the handshake ends (then call again); datagram sockets connect at once. */
export function connect(h: Host, pid: number, fd: number, addr: SockaddrIn, addrLen = 16): SysResult {
  return syscall(
    h,
    pid,
    'connect',
    `${fd}, {${addr.family}, ${addr.port}, ${addr.addr >>> 0}}, ${addrLen}`,
    (t) => {
      const name = h.profile.version === '6.x' ? '__sys_connect' : 'sys_connect';
      return h.kcall(
        name,
        `${fd}`,
        () => {
          const sock = sockfd_lookup_light(h, t, fd);
          if (typeof sock === 'number') return sock;
          if (addrLen < 0 || addrLen > 128)
            return h.kerr('EINVAL', `addrlen ${addrLen} is outside 0..sizeof(struct sockaddr_storage)`);
          const sk = sock.sk!;
          if (sock.f.ops !== 'inet_stream_ops') {
            const autobind =
              sk.protoName === 'ping_prot'
                ? ping_autobind
                : sk.protoName === 'udp_prot'
                  ? inet_autobind
                  : () => 0;
            return inet_dgram_connect(h, sk, addr, addrLen, autobind);
          }
          return inet_stream_connect(h, t, sock, addr, t.restart === 'connect');
        },
        'net/socket.c',
      );
    },
  );
}

/** accept4 is accept4(2): the new fd, -errno, or a Block until a connection is ready; peer receives the address. */
export function accept4(
  h: Host,
  pid: number,
  fd: number,
  flags = 0,
  peer: { addr?: SockaddrIn } = {},
): SysResult {
  return syscall(h, pid, 'accept4', `${fd}, 0x${flags.toString(16)}`, (t) =>
    h.kcall(
      h.profile.version === '6.x' ? '__sys_accept4' : 'sys_accept4',
      `${fd}`,
      () => {
        const sock = sockfd_lookup_light(h, t, fd);
        return typeof sock === 'number' ? sock : sys_accept4(h, t, sock, flags, peer);
      },
      'net/socket.c',
    ),
  );
}

/** send is send(2) = sendto(fd, buf, len, flags, NULL, 0): bytes sent, -errno or a Block. */
export function send(h: Host, pid: number, fd: number, data: Uint8Array, flags = 0): SysResult {
  return sendto(h, pid, fd, data, flags, null);
}

/** sendto is sendto(2); dst is the destination address or null: bytes sent, -errno or a Block. */
export function sendto(
  h: Host,
  pid: number,
  fd: number,
  data: Uint8Array,
  flags: number,
  dst: SockaddrIn | null,
): SysResult {
  const name = dst === null ? 'send' : 'sendto';
  return syscall(h, pid, name, `${fd}, ${data.length}, 0x${flags.toString(16)}`, (t) =>
    h.kcall(
      h.profile.sendmsgEntry[0]!,
      `${fd}, buf, ${data.length}, 0x${flags.toString(16)}, ${dst === null ? 'NULL, 0' : 'addr, 16'}`,
      () => {
        const sock = sockfd_lookup_light(h, t, fd);
        return typeof sock === 'number' ? sock : sock_sendmsg(h, t, sock, data, flags, dst);
      },
      'net/socket.c',
    ),
  );
}

/** recv is recv(2) = recvfrom(fd, buf, len, flags, NULL, NULL): bytes read, 0 at EOF, -errno or a Block. */
export function recv(h: Host, pid: number, fd: number, buf: Uint8Array, flags = 0): SysResult {
  return recvfrom(h, pid, fd, buf, flags, {});
}

/** recvfrom is recvfrom(2); from receives the sender's address for datagram sockets. */
export function recvfrom(
  h: Host,
  pid: number,
  fd: number,
  buf: Uint8Array,
  flags: number,
  from: RecvInfo,
): SysResult {
  return syscall(h, pid, 'recv', `${fd}, ${buf.length}, 0x${flags.toString(16)}`, (t) =>
    h.kcall(
      h.profile.version === '6.x' ? '__sys_recvfrom' : 'sys_recvfrom',
      `${fd}, buf, ${buf.length}`,
      () => {
        const sock = sockfd_lookup_light(h, t, fd);
        return typeof sock === 'number' ? sock : sock_recvmsg(h, t, sock, buf, flags, from);
      },
      'net/socket.c',
    ),
  );
}

/** write is write(2) on a socket fd: sock_aio_write (2.6.32, 3.10) or sock_write_iter (6.x) → sock_sendmsg. */
export function write(h: Host, pid: number, fd: number, data: Uint8Array): SysResult {
  return syscall(h, pid, 'write', `${fd}, ${data.length}`, (t) =>
    h.kcall(
      'sys_write',
      `${fd}, buf, ${data.length}`,
      () => {
        const sock = sockfd_lookup_light(h, t, fd);
        if (typeof sock === 'number') return sock;
        const fn = h.profile.version === '6.x' ? 'sock_write_iter' : 'sock_aio_write';
        return h.kcall(fn, `via socket_file_ops`, () => sock_sendmsg(h, t, sock, data, 0), 'net/socket.c');
      },
      'fs/read_write.c',
    ),
  );
}

/** read is read(2) on a socket fd: sock_aio_read (2.6.32, 3.10) or sock_read_iter (6.x) → sock_recvmsg. */
export function read(h: Host, pid: number, fd: number, buf: Uint8Array): SysResult {
  return syscall(h, pid, 'read', `${fd}, ${buf.length}`, (t) =>
    h.kcall(
      'sys_read',
      `${fd}, buf, ${buf.length}`,
      () => {
        const sock = sockfd_lookup_light(h, t, fd);
        if (typeof sock === 'number') return sock;
        const fn = h.profile.version === '6.x' ? 'sock_read_iter' : 'sock_aio_read';
        return h.kcall(fn, `via socket_file_ops`, () => sock_recvmsg(h, t, sock, buf, 0), 'net/socket.c');
      },
      'fs/read_write.c',
    ),
  );
}

/** shutdown is shutdown(2): how is SHUT_RD 0, SHUT_WR 1 or SHUT_RDWR 2; 0 or -errno. */
export function shutdown(h: Host, pid: number, fd: number, how: number): number {
  return syscall(h, pid, 'shutdown', `${fd}, ${how}`, (t) =>
    h.kcall(
      'sys_shutdown',
      `${fd}, ${how}`,
      () => {
        const sock = sockfd_lookup_light(h, t, fd);
        return typeof sock === 'number' ? sock : inet_shutdown(h, sock, how);
      },
      'net/socket.c',
    ),
  ) as number;
}
