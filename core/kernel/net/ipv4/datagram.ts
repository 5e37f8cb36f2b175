// Datagram helpers shared by UDP, ping and raw sockets: ip4_datagram_connect
// (net/ipv4/datagram.c: the route, the peer, TCP_ESTABLISHED), the route a send uses
// (sk_dst_cache when connected), sock_error (take sk_err once), sk_error_report, and
// __skb_recv_datagram (net/core/datagram.c: dequeue or peek, pending errors first).

import type { Host } from '../../host/host';
import { kset } from '../../host/kstruct';
import type { SkBuff } from '../../include/linux/skbuff';
import type { Rtable } from '../../include/net/route';
import type { Sock } from '../../include/net/sock';
import { TCP_STATE } from '../../include/net/tcp_states';
import { errnoName, type ErrnoName } from '../../include/uapi/errno';
import { ipFromString, ipToString, type SockaddrIn } from '../../include/uapi/in';
import { MSG_PEEK, MSG_TRUNC, SS } from '../../include/uapi/socket';
import { consume_skb, kfree_skb, skb_dequeue, skb_queue_tail } from '../core/skbuff';
import { sk_data_ready, wake_up_interruptible } from '../core/sock_wake';
import { ip_route_output, sk_dst_check } from './route';
import { sourceFor } from './ip_make_skb';
import { sk_setup_caps } from './ip_output';
import { htons } from './af_inet';

/** RTN_BROADCAST is rt_type 3: a broadcast destination. */
export const RTN_BROADCAST = 3;

/** sock_error takes the pending sk_err (xchg to 0) and returns it as -errno with its origin, or 0. */
export function sock_error(h: Host, sk: Sock): number {
  const e = sk.f.sk_err;
  if (e === 0) return 0;
  kset(h, sk, 'sk_err', 0);
  const r = h.kerr(errnoName(e) as ErrnoName, 'a pending socket error (sk_err) is reported once');
  if (sk.errOrigin !== undefined && sk.errOrigin.errno === e) h.lastErr = sk.errOrigin;
  return r;
}

/** sk_error_report wakes the socket's waiters after sk_err was set (sock_def_error_report). */
export function sk_error_report(h: Host, sk: Sock): void {
  h.kcall(
    String(sk.f.sk_error_report ?? 'sock_def_error_report'),
    `sk=${sk.addr} via sk->sk_error_report`,
    () => {
      if (sk.socket !== null) wake_up_interruptible(h, sk.socket.wait);
    },
    'net/core/sock.c',
  );
}

/** datagramRoute returns the route for a datagram to daddr: the cached one when connected, else a lookup; -errno on failure. */
export function datagramRoute(h: Host, sk: Sock, daddr: string, connected: boolean): Rtable | number {
  if (connected) {
    const ok = sk_dst_check(h, sk, 'sk_dst_check');
    if (ok !== undefined) return ok;
  }
  const rt = ip_route_output(h, ipFromString(daddr)!);
  if (typeof rt === 'number') return rt;
  if (rt.f.rt_type === RTN_BROADCAST && !sk.f.sk_flags.includes('SOCK_BROADCAST'))
    return h.kerr('EACCES', `${daddr} is a broadcast address and SO_BROADCAST is not set`);
  // udp_sendmsg: a connected socket whose cached route was obsolete keeps the new one (sk_dst_set).
  if (connected)
    h.kcall(
      'sk_dst_set',
      `sk=${sk.addr}, dst=${rt.addr}`,
      () => kset(h, sk, 'sk_dst_cache', rt.addr),
      'include/net/sock.h',
    );
  return rt;
}

/** ip4_datagram_connect is udp_prot/ping_prot/raw_prot.connect: route to the peer and remember it (net/ipv4/datagram.c). */
export function ip4_datagram_connect(h: Host, sk: Sock, addr: SockaddrIn, addrLen: number): number {
  return h.kcall(
    'ip4_datagram_connect',
    `sk=${sk.addr} via ${sk.protoName}.connect`,
    () => {
      if (addrLen < 16) return h.kerr('EINVAL', `addrlen ${addrLen} < sizeof(struct sockaddr_in)`);
      if (addr.family !== 2) return h.kerr('EAFNOSUPPORT', `sin_family ${addr.family} is not AF_INET`);
      const daddr = ipToString(addr.addr);
      const rt = datagramRoute(h, sk, daddr, false);
      if (typeof rt === 'number') return rt;
      const saddr = sourceFor(h, sk, rt, daddr);
      if (String(sk.f['inet_saddr']) === '0.0.0.0') kset(h, sk, 'inet_saddr', saddr);
      if (sk.f.inet_rcv_saddr === '0.0.0.0') kset(h, sk, 'inet_rcv_saddr', saddr);
      kset(h, sk, 'inet_daddr', daddr);
      kset(h, sk, 'inet_dport', htons(addr.port));
      kset(h, sk, 'sk_state', TCP_STATE.TCP_ESTABLISHED);
      sk_setup_caps(h, sk, rt);
      return 0;
    },
    'net/ipv4/datagram.c',
  );
}

/** inet_dgram_connect is inet_dgram_ops.connect: AF_UNSPEC disconnects, otherwise autobind and sk_prot->connect (af_inet.c). */
export function inet_dgram_connect(
  h: Host,
  sk: Sock,
  addr: SockaddrIn,
  addrLen: number,
  autobind: (h: Host, sk: Sock) => number,
): number {
  return h.kcall(
    'inet_dgram_connect',
    `sk=${sk.addr} via ${sk.socket?.f.ops ?? 'inet_dgram_ops'}.connect`,
    () => {
      if (addrLen < 2) return h.kerr('EINVAL', `addrlen ${addrLen} is shorter than sa_family`);
      if (addr.family === 0) {
        return h.kcall('udp_disconnect', `sk=${sk.addr} via ${sk.protoName}.disconnect`, () => {
          kset(h, sk, 'sk_state', TCP_STATE.TCP_CLOSE);
          kset(h, sk, 'inet_daddr', '0.0.0.0');
          kset(h, sk, 'inet_dport', 0);
          kset(h, sk, 'sk_dst_cache', null);
          if (sk.socket !== null) kset(h, sk.socket, 'state', SS.SS_UNCONNECTED);
          return 0;
        });
      }
      const e = autobind(h, sk);
      if (e < 0) return e;
      const r = ip4_datagram_connect(h, sk, addr, addrLen);
      if (r === 0 && sk.socket !== null) kset(h, sk.socket, 'state', SS.SS_CONNECTED);
      return r;
    },
    'net/ipv4/af_inet.c',
  );
}

/** takeSkb is __skb_recv_datagram: a pending error first, then the head of sk_receive_queue (left there by MSG_PEEK), or null. */
export function takeSkb(h: Host, sk: Sock, flags: number): SkBuff | number | null {
  return h.kcall(
    '__skb_recv_datagram',
    `sk=${sk.addr}, flags=0x${flags.toString(16)}`,
    () => {
      const e = sock_error(h, sk);
      if (e < 0) return e;
      if ((flags & MSG_PEEK) !== 0) return sk.receiveQueue[0] ?? null;
      const skb = skb_dequeue(h, sk.receiveQueue, 'sk_receive_queue');
      if (skb === null) return null;
      kset(h, sk, 'sk_receive_queue', sk.receiveQueue.length);
      kset(h, sk, 'sk_rmem_alloc', sk.f.sk_rmem_alloc - skb.f.truesize);
      return skb;
    },
    'net/core/datagram.c',
  );
}

/** sock_queue_rcv_skb charges skb to sk and queues it, waking readers; a full receive buffer drops it (net/core/sock.c). */
export function sock_queue_rcv_skb(h: Host, sk: Sock, skb: SkBuff): number {
  return h.kcall(
    'sock_queue_rcv_skb',
    `sk=${sk.addr}, skb=${skb.addr}`,
    () => {
      if (sk.f.sk_rmem_alloc + skb.f.truesize > sk.f.sk_rcvbuf) {
        kset(h, sk, 'sk_drops', sk.f.sk_drops + 1);
        kfree_skb(h, skb, 'SKB_DROP_REASON_SOCKET_RCVBUFF');
        return h.kerr('ENOMEM', `sk_rmem_alloc ${sk.f.sk_rmem_alloc} + ${skb.f.truesize} > sk_rcvbuf`);
      }
      skb_queue_tail(h, sk.receiveQueue, 'sk_receive_queue', skb);
      kset(h, sk, 'sk_receive_queue', sk.receiveQueue.length);
      kset(h, sk, 'sk_rmem_alloc', sk.f.sk_rmem_alloc + skb.f.truesize);
      sk_data_ready(h, sk);
      return 0;
    },
    'net/core/sock.c',
  );
}

/** datagramRecv copies the next queued datagram (from skb->data) into buf for ping and raw sockets; null when none is queued. */
export function datagramRecv(
  h: Host,
  sk: Sock,
  buf: Uint8Array,
  flags: number,
  info: { addr?: SockaddrIn; msgFlags?: number },
): number | null {
  const skb = takeSkb(h, sk, flags);
  if (typeof skb === 'number' || skb === null) return skb;
  const d = skb.head.subarray(skb.f.data, skb.f.tail);
  const n = Math.min(d.length, buf.length);
  h.kcall(
    h.profile.version === '6.x' ? 'skb_copy_datagram_msg' : 'skb_copy_datagram_iovec',
    `skb=${skb.addr}, ${n}`,
    () => buf.set(d.subarray(0, n)),
  );
  info.addr = { family: 2, port: 0, addr: skb.cb.seq };
  info.msgFlags = n < d.length ? MSG_TRUNC : 0;
  const len = (flags & MSG_TRUNC) !== 0 ? d.length : n;
  if ((flags & MSG_PEEK) === 0) consume_skb(h, skb);
  return len;
}
