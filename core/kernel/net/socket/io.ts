// net/socket.c and af_inet.c, the connection calls: connect (→ sock->ops->connect =
// inet_stream_connect → sk_prot->connect), accept4 (→ inet_accept → inet_csk_accept) and
// shutdown (inet_shutdown); data moves in msg.ts. A call that must wait returns a Block;
// task.restart remembers which call is waiting, so its re-invocation continues the wait
// instead of starting over (see syscalls/index.ts).

import type { Host } from '../../host/host';
import { kset } from '../../host/kstruct';
import type { Block } from '../../host/wait';
import type { Socket } from '../../include/linux/net';
import { TCP_STATE } from '../../include/net/tcp_states';
import { AF_INET, O_CLOEXEC, O_NONBLOCK, SS } from '../../include/uapi/socket';
import type { SockaddrIn } from '../../include/uapi/in';
import type { Task } from '../../sched/task';
import { tcp_v4_connect } from '../ipv4/tcp_connect';
import { sock_alloc, sock_map_fd } from './create';
import { tcp_send_fin } from '../ipv4/tcp_close';
import { tcp_set_state } from '../ipv4/tcp_connect';
import { sk_state_change } from '../core/sock_wake';
import { finish, interrupted, nonblocking, sleep, timedOut } from './wait';
import { sock_error } from '../ipv4/datagram';

/** inet_stream_connect is inet_stream_ops.connect; 0, -errno or a Block while the handshake runs. */
export function inet_stream_connect(
  h: Host,
  task: Task,
  sock: Socket,
  addr: SockaddrIn,
  restart: boolean,
): number | Block {
  const via = `${sock.f.ops}.connect`;
  return h.kcall('inet_stream_connect', `sock=${sock.addr} via ${via}`, () => {
    const sk = sock.sk!;
    // SS_CONNECTING falls through with EALREADY set, as __inet_stream_connect does: a second
    // connect() reports the first one's outcome once the handshake has ended.
    let already = false;
    if (!restart) {
      if (addr.family !== AF_INET) return h.kerr('EAFNOSUPPORT', `sin_family ${addr.family} is not AF_INET`);
      if (sock.f.state === SS.SS_CONNECTED) return h.kerr('EISCONN', 'sock->state is SS_CONNECTED');
      if (sock.f.state === SS.SS_CONNECTING) already = true;
      else {
        if (sk.f.sk_state !== TCP_STATE.TCP_CLOSE)
          return h.kerr('EISCONN', `sk_state ${sk.f.sk_state} is not TCP_CLOSE`);
        const err = tcp_v4_connect(h, sk, addr);
        if (err < 0) return err;
        kset(h, sock, 'state', SS.SS_CONNECTING);
      }
    } else {
      const e = interrupted(h, task, 'inet_wait_for_connect');
      if (e < 0) return e;
    }
    if (sk.f.sk_state === TCP_STATE.TCP_SYN_SENT || sk.f.sk_state === TCP_STATE.TCP_SYN_RECV) {
      if (nonblocking(sock))
        return already
          ? h.kerr('EALREADY', 'a connect is already in progress on this non-blocking socket')
          : h.kerr('EINPROGRESS', 'non-blocking socket: the handshake continues in the background');
      if (timedOut(h, task, 'connect')) {
        finish(task);
        return h.kerr(
          'EINPROGRESS',
          `SO_SNDTIMEO (${sk.f.sk_sndtimeo} jiffies) ran out in inet_wait_for_connect`,
        );
      }
      return h.kcall('inet_wait_for_connect', `sk=${sk.addr}`, () =>
        sleep(h, task, sock, 'inet_wait_for_connect', 'connect', sk.f.sk_sndtimeo),
      );
    }
    finish(task);
    if (sk.f.sk_state === TCP_STATE.TCP_CLOSE) {
      kset(h, sock, 'state', SS.SS_UNCONNECTED);
      const e = sock_error(h, sk);
      return e < 0
        ? e
        : h.kerr('ECONNABORTED', 'the socket closed and its error was already taken (sock_error is 0)');
    }
    kset(h, sock, 'state', SS.SS_CONNECTED);
    return 0;
  });
}

/** sys_accept4 takes an established child off the listener's accept queue and gives it an fd. */
export function sys_accept4(
  h: Host,
  task: Task,
  lsock: Socket,
  flags: number,
  peer: { addr?: SockaddrIn },
): number | Block {
  const lsk = lsock.sk!;
  if ((flags & ~(O_CLOEXEC | O_NONBLOCK)) !== 0)
    return h.kerr('EINVAL', `accept4 flags 0x${flags.toString(16)} other than SOCK_NONBLOCK|SOCK_CLOEXEC`);
  if (lsock.f.ops !== 'inet_stream_ops')
    return h.kerr('EOPNOTSUPP', `${lsock.f.ops}.accept is sock_no_accept`);
  if (lsk.f.sk_state !== TCP_STATE.TCP_LISTEN) return h.kerr('EINVAL', 'the socket is not listening');
  if (lsk.acceptQueue.length === 0) {
    const e = task.restart === 'accept' ? interrupted(h, task, 'inet_csk_wait_for_connect') : 0;
    if (e < 0) return e;
    return h.kcall('inet_csk_accept', `sk=${lsk.addr} via tcp_prot.accept`, () => {
      if (nonblocking(lsock) || (flags & O_NONBLOCK) !== 0)
        return h.kerr('EAGAIN', 'accept queue is empty on a non-blocking socket');
      if (timedOut(h, task, 'accept')) {
        finish(task);
        return h.kerr(
          'EAGAIN',
          `SO_RCVTIMEO (${lsk.f.sk_rcvtimeo} jiffies) ran out in inet_csk_wait_for_connect`,
        );
      }
      return h.kcall('inet_csk_wait_for_connect', `sk=${lsk.addr}`, () =>
        sleep(h, task, lsock, 'inet_csk_wait_for_connect', 'accept', lsk.f.sk_rcvtimeo),
      );
    });
  }
  finish(task);
  const newsock = sock_alloc(h, task.uid);
  kset(h, newsock, 'type', lsock.f.type);
  kset(h, newsock, 'ops', lsock.f.ops);
  const err = h.kcall(
    'inet_accept',
    `sock=${lsock.addr}, newsock=${newsock.addr} via ${lsock.f.ops}.accept`,
    () => {
      const child = h.kcall('inet_csk_accept', `sk=${lsk.addr} via tcp_prot.accept`, () => {
        const c = lsk.acceptQueue.shift()!;
        kset(h, lsk, 'sk_ack_backlog', lsk.f.sk_ack_backlog - 1);
        return c;
      });
      h.kcall(
        'sock_graft',
        `sk=${child.addr}, parent=${newsock.addr}`,
        () => {
          kset(h, child, 'sk_socket', newsock.addr);
          kset(h, child, 'sk_wq', newsock.wait.addr);
          child.socket = newsock;
          child.uid = newsock.uid;
          newsock.sk = child;
          kset(h, newsock, 'sk', child.addr);
        },
        'include/net/sock.h',
      );
      kset(h, newsock, 'state', SS.SS_CONNECTED);
      const ip = child.f.inet_daddr.split('.').reduce((a, x) => ((a << 8) | Number(x)) >>> 0, 0);
      peer.addr = {
        family: AF_INET,
        port: ((child.f.inet_dport & 0xff) << 8) | (child.f.inet_dport >>> 8),
        addr: ip,
      };
      return 0;
    },
  );
  return err < 0 ? err : sock_map_fd(h, task, newsock, flags & (O_NONBLOCK | O_CLOEXEC));
}

/** inet_shutdown is sock->ops->shutdown: sets sk_shutdown and, for SEND_SHUTDOWN on TCP, sends the FIN (tcp_shutdown). */
export function inet_shutdown(h: Host, sock: Socket, howIn: number): number {
  return h.kcall(
    'inet_shutdown',
    `sock=${sock.addr}, how=${howIn} via ${sock.f.ops}.shutdown`,
    () => {
      const how = howIn + 1;
      if (how < 1 || how > 3) return h.kerr('EINVAL', `how ${howIn} is not SHUT_RD, SHUT_WR or SHUT_RDWR`);
      const sk = sock.sk!;
      const closed = sk.f.sk_state === TCP_STATE.TCP_CLOSE;
      kset(h, sk, 'sk_shutdown', sk.f.sk_shutdown | how);
      if (!closed && sk.protoName === 'tcp_prot' && (how & 2) !== 0) {
        h.kcall('tcp_shutdown', `sk=${sk.addr}, how=${how} via tcp_prot.shutdown`, () => {
          const st = sk.f.sk_state;
          const to =
            st === TCP_STATE.TCP_ESTABLISHED || st === TCP_STATE.TCP_SYN_RECV
              ? TCP_STATE.TCP_FIN_WAIT1
              : st === TCP_STATE.TCP_CLOSE_WAIT
                ? TCP_STATE.TCP_LAST_ACK
                : 0;
          if (to === 0) return;
          h.kcall('tcp_close_state', `sk=${sk.addr}`, () => tcp_set_state(h, sk, to));
          tcp_send_fin(h, sk);
        });
      }
      sk_state_change(h, sk);
      return closed ? h.kerr('ENOTCONN', 'the socket is in TCP_CLOSE') : 0;
    },
    'net/ipv4/af_inet.c',
  );
}
