// net/socket.c, the connection and data system calls: connect (→ sock->ops->connect =
// inet_stream_connect → sk_prot->connect), accept4 (→ inet_accept → inet_csk_accept),
// sendto (→ sock_sendmsg chain → ops->sendmsg) and recvfrom. A call that must wait returns a
// Block; task.restart remembers which call is waiting, so its re-invocation continues the
// wait instead of starting over (see syscalls.ts).

import { kchain } from '../../host/chain';
import type { Host } from '../../host/host';
import { kset } from '../../host/kstruct';
import type { Block } from '../../host/wait';
import type { Socket } from '../../include/linux/net';
import { TCP_STATE } from '../../include/net/tcp_states';
import { AF_INET, MSG_DONTWAIT, O_NONBLOCK, SS } from '../../include/uapi/socket';
import type { SockaddrIn } from '../../include/uapi/in';
import type { Task } from '../../sched/task';
import { tcp_v4_connect } from '../ipv4/tcp_connect';
import { tcp_recvmsg, tcp_sendmsg } from '../ipv4/tcp';
import { sock_alloc, sock_map_fd } from './create';
import { tcp_send_fin } from '../ipv4/tcp_close';
import { tcp_set_state } from '../ipv4/tcp_connect';
import { sk_state_change } from '../core/sock_wake';
import { inet_autobind, udp_recvmsg, udp_sendmsg } from '../ipv4/udp_io';

/** nonblocking tells whether the socket's file has O_NONBLOCK. */
function nonblocking(sock: Socket): boolean {
  return sock.file !== null && (sock.file.f.f_flags & O_NONBLOCK) !== 0;
}

/** sleep records the task going to sleep on the socket's wait queue and returns the Block. */
function sleep(h: Host, task: Task, sock: Socket, by: string, restart: string): Block {
  task.state = 'TASK_INTERRUPTIBLE';
  task.sleepingOn = sock.wait;
  task.restart = restart;
  sock.wait.sleepers.push(task.pid);
  h.trace.record('wait', h.now, h.name, { pid: task.pid, wq: sock.wait.addr, by });
  return { block: sock.wait, timeoutNs: null };
}

/** interrupted returns -EINTR when a signal is pending for a restarted wait, else 0. */
function interrupted(h: Host, task: Task, where: string): number {
  if (task.sigpending.length === 0) return 0;
  task.restart = null;
  return h.kerr('EINTR', `signal ${task.sigpending[0]} arrived while sleeping in ${where}`);
}

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
    if (!restart) {
      if (addr.family !== AF_INET) return h.kerr('EAFNOSUPPORT', `sin_family ${addr.family} is not AF_INET`);
      if (sock.f.state === SS.SS_CONNECTED) return h.kerr('EISCONN', 'sock->state is SS_CONNECTED');
      if (sock.f.state === SS.SS_CONNECTING) return h.kerr('EALREADY', 'a connect is already in progress');
      if (sk.f.sk_state !== TCP_STATE.TCP_CLOSE)
        return h.kerr('EISCONN', `sk_state ${sk.f.sk_state} is not TCP_CLOSE`);
      const err = tcp_v4_connect(h, sk, addr);
      if (err < 0) return err;
      kset(h, sock, 'state', SS.SS_CONNECTING);
    } else {
      const e = interrupted(h, task, 'inet_wait_for_connect');
      if (e < 0) return e;
    }
    if (sk.f.sk_state === TCP_STATE.TCP_SYN_SENT || sk.f.sk_state === TCP_STATE.TCP_SYN_RECV) {
      if (nonblocking(sock))
        return h.kerr('EINPROGRESS', 'non-blocking socket: the handshake continues in the background');
      return h.kcall('inet_wait_for_connect', `sk=${sk.addr}`, () =>
        sleep(h, task, sock, 'inet_wait_for_connect', 'connect'),
      );
    }
    task.restart = null;
    if (sk.f.sk_state === TCP_STATE.TCP_CLOSE) {
      const err = sk.f.sk_err || 111;
      const origin = sk.errOrigin;
      kset(h, sk, 'sk_err', 0);
      kset(h, sock, 'state', SS.SS_UNCONNECTED);
      const r = h.kerr(
        err === 110 ? 'ETIMEDOUT' : 'ECONNREFUSED',
        'the connection attempt failed (sock_error)',
      );
      if (origin !== undefined && origin.errno === err) h.lastErr = origin;
      return r;
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
  if (lsock.f.ops !== 'inet_stream_ops')
    return h.kerr('EOPNOTSUPP', `${lsock.f.ops}.accept is sock_no_accept`);
  if (lsk.f.sk_state !== TCP_STATE.TCP_LISTEN) return h.kerr('EINVAL', 'the socket is not listening');
  if (lsk.acceptQueue.length === 0) {
    const e = task.restart === 'accept' ? interrupted(h, task, 'inet_csk_wait_for_connect') : 0;
    if (e < 0) return e;
    return h.kcall('inet_csk_accept', `sk=${lsk.addr} via tcp_prot.accept`, () =>
      nonblocking(lsock) || (flags & O_NONBLOCK) !== 0
        ? h.kerr('EAGAIN', 'accept queue is empty on a non-blocking socket')
        : h.kcall('inet_csk_wait_for_connect', `sk=${lsk.addr}`, () =>
            sleep(h, task, lsock, 'inet_csk_wait_for_connect', 'accept'),
          ),
    );
  }
  task.restart = null;
  const newsock = sock_alloc(h);
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
  return err < 0 ? err : sock_map_fd(h, task, newsock, flags & O_NONBLOCK);
}

/** sock_sendmsg runs the era's socket-layer chain and sock->ops->sendmsg (tcp_sendmsg directly in 2.6.32). */
export function sock_sendmsg(
  h: Host,
  task: Task,
  sock: Socket,
  data: Uint8Array,
  flags: number,
  dst: SockaddrIn | null = null,
): number | Block {
  return kchain(h, h.profile.sockSendmsg, `sock=${sock.addr}, size=${data.length}`, () => {
    const sk = sock.sk!;
    if (sk.protoName === 'udp_prot') {
      return h.kcall(
        'inet_sendmsg',
        `sock=${sock.addr}, size=${data.length} via ${sock.f.ops}.sendmsg`,
        () => {
          const e = inet_autobind(h, sk);
          return e < 0 ? e : udp_sendmsg(h, sk, data, dst);
        },
        'net/ipv4/af_inet.c',
      );
    }
    if (sk.protoName !== 'tcp_prot')
      return h.kerr('EOPNOTSUPP', `sendmsg on ${sk.protoName} is not simulated yet`);
    const op = h.profile.protoOps[sock.f.ops ?? '']?.['sendmsg'];
    const restarted = task.restart === 'send';
    const done = restarted ? (task.sendProgress ?? 0) : 0;
    const e = restarted ? interrupted(h, task, task.sendWait ?? 'sk_stream_wait_connect') : 0;
    if (e < 0) {
      task.sendProgress = 0;
      if (done > 0) h.lastErr = null;
      return done > 0 ? done : e;
    }
    const nonblock = nonblocking(sock) || (flags & MSG_DONTWAIT) !== 0;
    const run = (): number | Block => {
      const r = tcp_sendmsg(h, sk, data, flags, { nonblock, done });
      if (typeof r === 'object') {
        task.sendProgress = r.copied;
        task.sendWait = r.wait;
        return sleep(h, task, sock, r.wait, 'send');
      }
      task.restart = null;
      task.sendProgress = 0;
      return r;
    };
    if (op === 'tcp_sendmsg') return run();
    return h.kcall(
      'inet_sendmsg',
      `sock=${sock.addr}, size=${data.length} via ${sock.f.ops}.sendmsg`,
      run,
      'net/ipv4/af_inet.c',
    );
  });
}

/** sock_recvmsg runs sock->ops->recvmsg down to tcp_recvmsg; bytes, -errno or a Block. */
export function sock_recvmsg(
  h: Host,
  task: Task,
  sock: Socket,
  buf: Uint8Array,
  flags: number,
  from: { addr?: SockaddrIn } = {},
): number | Block {
  return h.kcall('sock_recvmsg', `sock=${sock.addr}, size=${buf.length}`, () => {
    const sk = sock.sk!;
    if (sk.protoName === 'udp_prot') {
      const e = task.restart === 'recv' ? interrupted(h, task, '__skb_recv_datagram') : 0;
      if (e < 0) return e;
      const op = h.profile.protoOps[sock.f.ops ?? '']?.['recvmsg'] ?? 'inet_recvmsg';
      return h.kcall(op, `sock=${sock.addr} via ${sock.f.ops}.recvmsg`, () => {
        const n = udp_recvmsg(h, sk, buf, from);
        if (n !== null) {
          task.restart = null;
          return n;
        }
        if (nonblocking(sock) || (flags & MSG_DONTWAIT) !== 0)
          return h.kerr('EAGAIN', 'no datagram queued on a non-blocking socket');
        return sleep(h, task, sock, '__skb_recv_datagram', 'recv');
      });
    }
    if (sk.protoName !== 'tcp_prot')
      return h.kerr('EOPNOTSUPP', `recvmsg on ${sk.protoName} is not simulated yet`);
    const e = task.restart === 'recv' ? interrupted(h, task, 'sk_wait_data') : 0;
    if (e < 0) return e;
    const op = h.profile.protoOps[sock.f.ops ?? '']?.['recvmsg'] ?? 'inet_recvmsg';
    return h.kcall(op, `sock=${sock.addr} via ${sock.f.ops}.recvmsg`, () => {
      const r = tcp_recvmsg(h, sk, buf, nonblocking(sock) || (flags & MSG_DONTWAIT) !== 0);
      if (typeof r === 'object')
        return h.kcall('sk_wait_data', `sk=${sk.addr}`, () => sleep(h, task, sock, 'sk_wait_data', 'recv'));
      task.restart = null;
      return r;
    });
  });
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
