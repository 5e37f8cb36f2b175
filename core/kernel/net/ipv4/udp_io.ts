// net/ipv4/udp.c, data side: udp_sendmsg (autobound by inet_sendmsg, routed, then the era's
// build-and-send tree: ip_make_skb → udp_send_skb → ip_send_skb in 3.10/6.x, ip_append_data →
// udp_push_pending_frames → ip_push_pending_frames in 2.6.32), udp_rcv (lookup, queue,
// sk_data_ready, or icmp_send port unreachable), udp_recvmsg and udp_err (an ICMP error
// becomes sk_err on a connected socket). Reference §2.10–2.11.

import { walkCallTree } from '../../host/calltree';
import { kchain } from '../../host/chain';
import type { Host } from '../../host/host';
import { kset } from '../../host/kstruct';
import type { SkBuff } from '../../include/linux/skbuff';
import type { Sock } from '../../include/net/sock';
import { TCP_STATE } from '../../include/net/tcp_states';
import { ipFromString, ipToString, type SockaddrIn } from '../../include/uapi/in';
import { MSG_PEEK, MSG_TRUNC } from '../../include/uapi/socket';
import type { Task } from '../../sched/task';
import { udp as wireUdp } from '../../../wire';
import { consume_skb, kfree_skb, skb_pull, skb_queue_tail, skbData } from '../core/skbuff';
import { sk_data_ready } from '../core/sock_wake';
import { icmp_send } from './icmp';
import { ICMP_DEST_UNREACH, ICMP_PORT_UNREACH } from '../../../wire/icmp';
import { ip_local_out } from './ip_output';
import { appendData, ipAppendCheck, makeIpHeader, sourceFor, type Datagram } from './ip_make_skb';
import { datagramRoute, sk_error_report, sock_error, takeSkb } from './datagram';
import { ntohs } from './tcp_output';
import { udp_v4_get_port } from './udp';
import { corked, udpAppend, udp_push_pending_frames } from './udp_cork';
import { htons } from './af_inet';

/** udp_sendmsg sends one datagram of data to dst (or the connected peer); bytes sent or -errno. */
export function udp_sendmsg(
  h: Host,
  _task: Task,
  sk: Sock,
  data: Uint8Array,
  flags: number,
  dst: SockaddrIn | null,
): number {
  return h.kcall('udp_sendmsg', `sk=${sk.addr}, len=${data.length} via ${sk.protoName}.sendmsg`, () => {
    if (sk.udpCork !== undefined) {
      const e = udpAppend(h, sk, data, sk.udpCork);
      const r = e < 0 || corked(sk, flags) ? e : udp_push_pending_frames(h, sk);
      return r < 0 ? r : data.length;
    }
    if (dst === null && sk.f.sk_state !== TCP_STATE.TCP_ESTABLISHED)
      return h.kerr('EDESTADDRREQ', 'the socket is not connected and no address was given');
    if (dst !== null && dst.family !== 2)
      return h.kerr(dst.family === 0 ? 'EAFNOSUPPORT' : 'EINVAL', `sin_family ${dst.family} is not AF_INET`);
    const daddr = dst !== null ? ipToString(dst.addr) : sk.f.inet_daddr;
    const dport = dst !== null ? dst.port : ntohs(sk.f.inet_dport);
    if (dport === 0) return h.kerr('EINVAL', 'destination port 0');
    if (data.length > 65507)
      return h.kerr('EMSGSIZE', `${data.length} bytes exceed the largest UDP payload (65507)`);
    const rt = datagramRoute(h, sk, daddr, dst === null);
    if (typeof rt === 'number') return rt;
    const saddr = sourceFor(h, sk, rt, daddr);
    if (corked(sk, flags)) {
      const e = udpAppend(h, sk, data, { saddr, daddr, dport, rt });
      return e < 0 ? e : data.length;
    }
    const d: Datagram = {
      saddr,
      daddr,
      protocol: 17,
      len: 8 + data.length,
      fill: (b) => b.set(data, 8),
      rt,
    };
    let skb: SkBuff | null = null;
    const build = (): number => {
      const e = ipAppendCheck(h, sk, d);
      if (e < 0) return e;
      const se = h.kcall('sock_alloc_send_skb', `sk=${sk.addr}`, () => sock_error(h, sk), 'net/core/sock.c');
      if (se < 0) return se;
      skb = appendData(h, sk, d);
      return 0;
    };
    const udpHeader = (): number => {
      const s = skb!;
      const t = s.f.transport_header;
      wireUdp.emit({ srcPort: sk.f.inet_num, dstPort: dport, payload: data }, s.head.subarray(t, t + d.len), {
        src: ipFromString(saddr)!,
        dst: ipFromString(daddr)!,
      });
      return 0;
    };
    const header = (): number => (makeIpHeader(h, sk, skb!, d), 0);
    let err = 0;
    const actions = {
      __ip_append_data: build,
      ip_append_data: build,
      __ip_make_skb: header,
      ip_send_skb: () => ((err = ip_local_out(h, skb!)), 0),
      ip_push_pending_frames: () => (header(), (err = ip_local_out(h, skb!)), 0),
    };
    // udp_send_skb / udp_push_pending_frames write the UDP header before their child sends the skb.
    const pre = { udp_send_skb: udpHeader, udp_push_pending_frames: udpHeader };
    const r = walkCallTree(h, h.profile.udpSend, actions, () => '', pre);
    if (r < 0 || err < 0) return r < 0 ? r : err;
    // A qdisc drop (NET_XMIT_DROP) is -ENOBUFS in ip_send_skb, which udp_send_skb hides unless IP_RECVERR is set.
    if (err > 0 && Number(sk.f['recverr'] ?? 0) !== 0)
      return h.kerr('ENOBUFS', 'the device queue dropped the datagram (NET_XMIT_DROP) and IP_RECVERR is set');
    return data.length;
  });
}

/** inet_autobind gives an unbound datagram sock an ephemeral port (sk_prot->get_port) before its first send (af_inet.c). */
export function inet_autobind(h: Host, sk: Sock): number {
  if (sk.f.inet_num !== 0) return 0;
  return h.kcall(
    'inet_autobind',
    `sk=${sk.addr}`,
    () => {
      if (udp_v4_get_port(h, sk, 0) !== 0) return h.kerr('EAGAIN', 'autobind found no free port');
      kset(h, sk, 'inet_sport', htons(sk.f.inet_num));
      return 0;
    },
    'net/ipv4/af_inet.c',
  );
}

/** udpLookup is __udp4_lib_lookup: the best-scoring sock bound to dport for a datagram saddr:sport → daddr:dport. */
export function udpLookup(
  h: Host,
  saddr: string,
  sport: number,
  daddr: string,
  dport: number,
): Sock | undefined {
  let best: Sock | undefined;
  let bestScore = -1;
  for (const s of h.bindTables.get(17)?.get(dport) ?? []) {
    let score = 0;
    if (s.f.inet_rcv_saddr !== '0.0.0.0') {
      if (s.f.inet_rcv_saddr !== daddr) continue;
      score += 4;
    }
    if (s.f.inet_daddr !== '0.0.0.0') {
      if (s.f.inet_daddr !== saddr) continue;
      score += 4;
    }
    if (s.f.inet_dport !== 0) {
      if (s.f.inet_dport !== htons(sport)) continue;
      score += 4;
    }
    if (score > bestScore) [best, bestScore] = [s, score];
  }
  return best;
}

/** udp_rcv is inet_protos[IPPROTO_UDP]->handler: find the bound sock and queue the datagram, or answer port unreachable. */
export function udp_rcv(h: Host, skb: SkBuff): number {
  const d = skbData(skb);
  const n = skb.head.subarray(skb.f.network_header);
  const saddr = `${n[12]}.${n[13]}.${n[14]}.${n[15]}`;
  const daddr = `${n[16]}.${n[17]}.${n[18]}.${n[19]}`;
  const sport = (d[0]! << 8) | d[1]!;
  const dport = (d[2]! << 8) | d[3]!;
  const sk = udpLookup(h, saddr, sport, daddr, dport);
  if (sk === undefined) {
    const broadcast = h.net.routes.some((r) => r.type === 'broadcast' && r.dst === daddr);
    if (!broadcast)
      h.kcall('__udp4_lib_rcv', `skb=${skb.addr}`, () =>
        icmp_send(h, skb, ICMP_DEST_UNREACH, ICMP_PORT_UNREACH),
      );
    kfree_skb(h, skb, 'SKB_DROP_REASON_NO_SOCKET', 0x0800);
    return 0;
  }
  return kchain(h, h.profile.udpRcv, `skb=${skb.addr}`, () => {
    if (sk.f.sk_rmem_alloc + skb.f.truesize > sk.f.sk_rcvbuf) {
      kset(h, sk, 'sk_drops', sk.f.sk_drops + 1);
      kfree_skb(h, skb, 'SKB_DROP_REASON_SOCKET_RCVBUFF', 0x0800);
      return 0;
    }
    skb_pull(h, skb, 8);
    skb.cb.seq = ipFromString(saddr)!;
    skb.cb.end_seq = sport;
    skb_queue_tail(h, sk.receiveQueue, 'sk_receive_queue', skb);
    kset(h, sk, 'sk_receive_queue', sk.receiveQueue.length);
    kset(h, sk, 'sk_rmem_alloc', sk.f.sk_rmem_alloc + skb.f.truesize);
    sk_data_ready(h, sk);
    return 0;
  });
}

/** udp_recvmsg takes one datagram (or peeks at it with MSG_PEEK) into buf: its length, -errno, or null when empty. */
export function udp_recvmsg(
  h: Host,
  sk: Sock,
  buf: Uint8Array,
  flags: number,
  info: { addr?: SockaddrIn; msgFlags?: number },
): number | null {
  return h.kcall('udp_recvmsg', `sk=${sk.addr}, len=${buf.length} via ${sk.protoName}.recvmsg`, () => {
    const skb = takeSkb(h, sk, flags);
    if (typeof skb === 'number' || skb === null) return skb;
    const d = skbData(skb);
    const n = Math.min(d.length, buf.length);
    h.kcall(
      h.profile.version === '6.x' ? 'skb_copy_datagram_msg' : 'skb_copy_datagram_iovec',
      `skb=${skb.addr}, ${n}`,
      () => buf.set(d.subarray(0, n)),
    );
    info.addr = { family: 2, port: skb.cb.end_seq, addr: skb.cb.seq };
    info.msgFlags = n < d.length ? MSG_TRUNC : 0;
    const len = (flags & MSG_TRUNC) !== 0 ? d.length : n;
    if ((flags & MSG_PEEK) === 0) consume_skb(h, skb);
    return len;
  });
}

/** udp_err handles an ICMP error quoting one of our datagrams: a connected sock gets sk_err (__udp4_lib_err). */
export function udp_err(h: Host, inner: Uint8Array, errno: number, why: string): void {
  h.kcall('udp_err', `via udp_protocol.err_handler`, () => {
    const ihl = (inner[0]! & 0x0f) * 4;
    if (inner.length < ihl + 8) return;
    const src = `${inner[12]}.${inner[13]}.${inner[14]}.${inner[15]}`;
    const dst = `${inner[16]}.${inner[17]}.${inner[18]}.${inner[19]}`;
    const sport = (inner[ihl]! << 8) | inner[ihl + 1]!;
    const dport = (inner[ihl + 2]! << 8) | inner[ihl + 3]!;
    const sk = udpLookup(h, dst, dport, src, sport);
    // Without IP_RECVERR only a connected socket hears of it; with it every socket does (the
    // error-queue copy ip_icmp_error makes for MSG_ERRQUEUE is not simulated).
    if (sk === undefined) return;
    if (Number(sk.f['recverr'] ?? 0) === 0 && sk.f.sk_state !== TCP_STATE.TCP_ESTABLISHED) return;
    kset(h, sk, 'sk_err', errno);
    sk.errOrigin = { errno, fn: 'udp_err', why };
    sk_error_report(h, sk);
  });
}
