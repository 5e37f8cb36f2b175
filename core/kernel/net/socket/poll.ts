// sock_poll (net/socket.c, socket_file_ops.poll) → sock->ops->poll: tcp_poll for
// inet_stream_ops (net/ipv4/tcp.c), udp_poll / datagram_poll for the datagram ops
// (net/core/datagram.c). Each returns the POLL* mask of what the socket can do now.

import type { Host } from '../../host/host';
import type { Socket } from '../../include/linux/net';
import { TCP_STATE } from '../../include/net/tcp_states';
import { sk_stream_memory_free, sk_stream_min_wspace, sk_stream_wspace } from '../core/stream';

/** POLL maps the poll event bits (include/uapi/asm-generic/poll.h), one row per bit. */
// prettier-ignore
export const POLL = {
  POLLIN: 0x1, // data to read
  POLLPRI: 0x2, // urgent data
  POLLOUT: 0x4, // writing will not block
  POLLERR: 0x8, // error pending (always reported)
  POLLHUP: 0x10, // hung up (always reported)
  POLLNVAL: 0x20, // fd not open (always reported)
  POLLRDNORM: 0x40, // normal data to read
  POLLRDBAND: 0x80, // priority band data to read
  POLLWRNORM: 0x100, // writing normal data will not block
  POLLWRBAND: 0x200, // writing priority data will not block
  POLLRDHUP: 0x2000, // peer closed its sending side
} as const;

/** POLL_FILES names the file of each poll handler. */
const POLL_FILES: Readonly<Record<string, string>> = {
  tcp_poll: 'net/ipv4/tcp.c',
  udp_poll: 'net/ipv4/udp.c',
  datagram_poll: 'net/core/datagram.c',
};

const RCV_SHUTDOWN = 1;
const SEND_SHUTDOWN = 2;
const SHUTDOWN_MASK = 3;

/** tcp_poll is inet_stream_ops.poll: listen → accept queue, else data, shutdown, error and write space. */
function tcp_poll(sock: Socket): number {
  const sk = sock.sk!;
  const st = sk.f.sk_state;
  if (st === TCP_STATE.TCP_LISTEN) return sk.acceptQueue.length > 0 ? POLL.POLLIN | POLL.POLLRDNORM : 0;
  let mask = 0;
  const shut = sk.f.sk_shutdown;
  if (shut === SHUTDOWN_MASK || st === TCP_STATE.TCP_CLOSE) mask |= POLL.POLLHUP;
  if ((shut & RCV_SHUTDOWN) !== 0) mask |= POLL.POLLIN | POLL.POLLRDNORM | POLL.POLLRDHUP;
  if (st !== TCP_STATE.TCP_SYN_SENT && st !== TCP_STATE.TCP_SYN_RECV) {
    const unread = Number(sk.f['rcv_nxt']) - Number(sk.f['copied_seq']);
    if (sk.receiveQueue.length > 0 && unread > 0) mask |= POLL.POLLIN | POLL.POLLRDNORM;
    if ((shut & SEND_SHUTDOWN) === 0) {
      if (sk_stream_wspace(sk) >= sk_stream_min_wspace(sk) && sk_stream_memory_free(sk))
        mask |= POLL.POLLOUT | POLL.POLLWRNORM;
    } else mask |= POLL.POLLOUT | POLL.POLLWRNORM;
  }
  if (sk.f.sk_err !== 0) mask |= POLL.POLLERR;
  return mask;
}

/** datagram_poll is udp_poll / datagram_poll: errors, shutdown, queued datagrams, and write space (sock_writeable). */
function datagram_poll(sock: Socket): number {
  const sk = sock.sk!;
  let mask = 0;
  if (sk.f.sk_err !== 0 || sk.errorQueue.length > 0) mask |= POLL.POLLERR;
  if ((sk.f.sk_shutdown & RCV_SHUTDOWN) !== 0) mask |= POLL.POLLRDHUP | POLL.POLLIN | POLL.POLLRDNORM;
  if (sk.f.sk_shutdown === SHUTDOWN_MASK) mask |= POLL.POLLHUP;
  if (sk.receiveQueue.length > 0) mask |= POLL.POLLIN | POLL.POLLRDNORM;
  if (sk.f.sk_wmem_alloc < sk.f.sk_sndbuf >> 1) mask |= POLL.POLLOUT | POLL.POLLWRNORM | POLL.POLLWRBAND;
  return mask;
}

/** sock_poll calls sock->ops->poll (traced under the table's handler name) and returns the mask. */
export function sock_poll(h: Host, sock: Socket): number {
  return h.kcall(
    'sock_poll',
    `sock=${sock.addr} via socket_file_ops.poll`,
    () => {
      const op = h.profile.protoOps[sock.f.ops ?? '']?.['poll'] ?? 'datagram_poll';
      return h.kcall(
        op,
        `sock=${sock.addr} via ${sock.f.ops}.poll`,
        () => (sock.f.ops === 'inet_stream_ops' ? tcp_poll(sock) : datagram_poll(sock)),
        POLL_FILES[op] ?? 'net/core/datagram.c',
      );
    },
    'net/socket.c',
  );
}
