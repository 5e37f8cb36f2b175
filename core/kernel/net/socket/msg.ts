// net/socket.c sock_sendmsg / sock_recvmsg and the inet layer under them: the era's
// socket-layer chain, then sock->ops->sendmsg (inet_sendmsg, or tcp_sendmsg directly in
// 2.6.32) → sk_prot->sendmsg. Stream sockets go to tcp_sendmsg / tcp_recvmsg; datagram
// protocols (udp_prot, ping_prot, raw_prot) register their handlers in DGRAM_PROTOS. Waits
// follow sk_sndtimeo / sk_rcvtimeo (wait.ts); a call that must wait returns a Block.

import { kchain } from '../../host/chain';
import type { Host } from '../../host/host';
import type { Block } from '../../host/wait';
import type { Socket } from '../../include/linux/net';
import type { Sock } from '../../include/net/sock';
import { MSG_DONTWAIT, MSG_NOSIGNAL, MSG_TRUNC } from '../../include/uapi/socket';
import type { SockaddrIn } from '../../include/uapi/in';
import type { Task } from '../../sched/task';
import { tcp_recvmsg, tcp_sendmsg } from '../ipv4/tcp';
import { DGRAM_PROTOS, type RecvInfo } from './dgram';
import { finish, interrupted, nonblocking, sleep, timedOut } from './wait';

declare module '../../sched/task' {
  interface Task {
    /** recvPartial holds the bytes a MSG_WAITALL recv() sleeping in sk_wait_data already copied, so its re-invocation (whose buffer may be a fresh one) continues after them. */
    recvPartial?: Uint8Array;
  }
}

/** SIGPIPE is signal 13, sent by sk_stream_error for EPIPE unless MSG_NOSIGNAL. */
const SIGPIPE = 13;

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
    const dgram = DGRAM_PROTOS[sk.protoName];
    if (dgram !== undefined) {
      return h.kcall(
        'inet_sendmsg',
        `sock=${sock.addr}, size=${data.length} via ${sock.f.ops}.sendmsg`,
        () => {
          const e = dgram.autobind ? dgram.autobind(h, sk) : 0;
          return e < 0 ? e : dgram.sendmsg(h, task, sk, data, flags, dst);
        },
        'net/ipv4/af_inet.c',
      );
    }
    const op = h.profile.protoOps[sock.f.ops ?? '']?.['sendmsg'];
    const run = (): number | Block => tcpSend(h, task, sock, data, flags);
    if (op === 'tcp_sendmsg') return run();
    return h.kcall(
      'inet_sendmsg',
      `sock=${sock.addr}, size=${data.length} via ${sock.f.ops}.sendmsg`,
      run,
      'net/ipv4/af_inet.c',
    );
  });
}

/** tcpSend runs tcp_sendmsg, sleeping in sk_stream_wait_connect / sk_stream_wait_memory up to sk_sndtimeo. */
function tcpSend(h: Host, task: Task, sock: Socket, data: Uint8Array, flags: number): number | Block {
  const sk = sock.sk!;
  const restarted = task.restart === 'send';
  const done = restarted ? (task.sendProgress ?? 0) : 0;
  const e = restarted ? interrupted(h, task, task.sendWait ?? 'sk_stream_wait_connect') : 0;
  if (e < 0) {
    task.sendProgress = 0;
    if (done > 0) h.lastErr = null;
    return done > 0 ? done : e;
  }
  const nonblock = nonblocking(sock) || (flags & MSG_DONTWAIT) !== 0;
  const r = tcp_sendmsg(h, sk, data, flags, { nonblock, done });
  if (typeof r === 'object') {
    if (timedOut(h, task, 'send')) {
      finish(task);
      task.sendProgress = 0;
      if (r.copied > 0) return r.copied;
      return h.kerr('EAGAIN', `SO_SNDTIMEO (${sk.f.sk_sndtimeo} jiffies) ran out in ${r.wait}`);
    }
    task.sendProgress = r.copied;
    task.sendWait = r.wait;
    return sleep(h, task, sock, r.wait, 'send', sk.f.sk_sndtimeo);
  }
  finish(task);
  task.sendProgress = 0;
  if (r === -32 && (flags & MSG_NOSIGNAL) === 0) send_sig(h, task, SIGPIPE);
  return r;
}

/** send_sig queues sig for task, as sk_stream_error does for EPIPE (kernel/signal.c). */
function send_sig(h: Host, task: Task, sig: number): void {
  h.kcall('send_sig', `SIGPIPE, pid=${task.pid}`, () => h.onSignal(task, sig), 'kernel/signal.c');
}

/** sock_recvmsg runs sock->ops->recvmsg down to tcp_recvmsg or the datagram protocol; bytes, -errno or a Block. */
export function sock_recvmsg(
  h: Host,
  task: Task,
  sock: Socket,
  buf: Uint8Array,
  flags: number,
  from: RecvInfo = {},
): number | Block {
  return h.kcall('sock_recvmsg', `sock=${sock.addr}, size=${buf.length}`, () => {
    const sk = sock.sk!;
    const dgram = DGRAM_PROTOS[sk.protoName];
    const where = dgram !== undefined ? '__skb_recv_datagram' : 'sk_wait_data';
    const partial = task.restart === 'recv' ? task.recvPartial : undefined;
    task.recvPartial = undefined;
    const done = Math.min(partial?.length ?? 0, buf.length);
    if (partial !== undefined) buf.set(partial.subarray(0, done));
    const e = task.restart === 'recv' ? interrupted(h, task, where) : 0;
    if (e < 0) {
      // A signal ends a MSG_WAITALL read that already copied bytes with that count, not EINTR.
      if (done > 0) h.lastErr = null;
      return done > 0 ? done : e;
    }
    const op = h.profile.protoOps[sock.f.ops ?? '']?.['recvmsg'] ?? 'inet_recvmsg';
    const nonblock = nonblocking(sock) || (flags & MSG_DONTWAIT) !== 0;
    return h.kcall(op, `sock=${sock.addr} via ${sock.f.ops}.recvmsg`, () => {
      if (dgram !== undefined) {
        const n = dgram.recvmsg(h, sk, buf, flags, from);
        if (n !== null || (sk.f.sk_shutdown & 1) !== 0) {
          // RCV_SHUTDOWN: __skb_wait_for_more_packets gives up without an error, so recv returns 0.
          finish(task);
          return n ?? 0;
        }
        if (nonblock) return h.kerr('EAGAIN', 'no datagram queued on a non-blocking socket');
        return h.kcall(
          '__skb_wait_for_more_packets',
          `sk=${sk.addr}`,
          () => wait(h, task, sock, sk, '__skb_wait_for_more_packets'),
          'net/core/datagram.c',
        );
      }
      if ((flags & MSG_TRUNC) !== 0) from.discarded = true;
      const r = tcp_recvmsg(h, sk, buf, { nonblock, flags, done });
      if (typeof r === 'object') {
        if (r.copied > 0) task.recvPartial = buf.slice(0, r.copied);
        const w = h.kcall('sk_wait_data', `sk=${sk.addr}`, () => wait(h, task, sock, sk, 'sk_wait_data'));
        if (typeof w === 'object' || r.copied === 0) return w;
        task.recvPartial = undefined; // SO_RCVTIMEO ran out: the bytes copied so far are the result
        h.lastErr = null;
        return r.copied;
      }
      finish(task);
      return r;
    });
  });
}

/** wait sleeps a receiver on the socket up to sk_rcvtimeo, or returns -EAGAIN once that ran out. */
function wait(h: Host, task: Task, sock: Socket, sk: Sock, by: string): number | Block {
  if (timedOut(h, task, 'recv')) {
    finish(task);
    return h.kerr('EAGAIN', `SO_RCVTIMEO (${sk.f.sk_rcvtimeo} jiffies) ran out in ${by}`);
  }
  return sleep(h, task, sock, by, 'recv', sk.f.sk_rcvtimeo);
}
