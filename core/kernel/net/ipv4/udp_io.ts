// net/ipv4/udp.c, data side: udp_sendmsg (autobound by inet_sendmsg, routed, then the era's
// build-and-send tree: ip_make_skb → udp_send_skb → ip_send_skb in 3.10/6.x, ip_append_data →
// udp_push_pending_frames → ip_push_pending_frames in 2.6.32), udp_rcv (lookup, queue,
// sk_data_ready) and udp_recvmsg. Reference §2.10–2.11.

import { walkCallTree } from '../../host/calltree';
import { kchain } from '../../host/chain';
import type { Host } from '../../host/host';
import { kset } from '../../host/kstruct';
import type { SkBuff } from '../../include/linux/skbuff';
import type { Sock } from '../../include/net/sock';
import { ipFromString, ipToString, type SockaddrIn } from '../../include/uapi/in';
import { ipv4, udp as wireUdp } from '../../../wire';
import {
  alloc_skb,
  consume_skb,
  kfree_skb,
  skb_pull,
  skb_push,
  skb_put,
  skb_queue_tail,
  skb_reserve,
  skbData,
} from '../core/skbuff';
import { sk_data_ready } from '../core/sock_wake';
import { ip_local_out } from './ip_output';
import { ip_route_output } from './route';
import { ntohs } from './tcp_output';
import { udp_v4_get_port } from './udp';
import { htons } from './af_inet';

/** udp_sendmsg sends one datagram of data to dst (or the connected peer); bytes sent or -errno. */
export function udp_sendmsg(h: Host, sk: Sock, data: Uint8Array, dst: SockaddrIn | null): number {
  return h.kcall('udp_sendmsg', `sk=${sk.addr}, len=${data.length} via ${sk.protoName}.sendmsg`, () => {
    const daddr = dst !== null ? ipToString(dst.addr) : sk.f.inet_daddr;
    const dport = dst !== null ? dst.port : ntohs(sk.f.inet_dport);
    if (dst === null && daddr === '0.0.0.0')
      return h.kerr('EDESTADDRREQ', 'the socket is not connected and no address was given');
    if (data.length > 65507)
      return h.kerr('EMSGSIZE', `${data.length} bytes exceed the largest UDP payload (65507)`);
    const rt = ip_route_output(h, ipFromString(daddr)!);
    if (typeof rt === 'number') return rt;
    const saddr =
      sk.f.inet_rcv_saddr !== '0.0.0.0'
        ? sk.f.inet_rcv_saddr
        : (h.net.routes.find((r) => r.dev === rt.f['dst.dev'])?.src ?? '0.0.0.0');
    let skb: SkBuff | null = null;
    const build = (): number => {
      skb = alloc_skb(h, 128 + 8 + data.length);
      skb_reserve(h, skb, 128);
      const t = skb_put(h, skb, 8 + data.length);
      kset(h, skb, 'transport_header', t);
      skb.head.set(data, t + 8);
      return 0;
    };
    const udpHeader = (): number => {
      const s = skb!;
      const t = s.f.transport_header;
      const repr = { srcPort: sk.f.inet_num, dstPort: dport, payload: data };
      wireUdp.emit(repr, s.head.subarray(t, t + 8 + data.length), {
        src: ipFromString(saddr)!,
        dst: ipFromString(daddr)!,
      });
      return 0;
    };
    const ipHeader = (): number => {
      const s = skb!;
      const n = skb_push(h, s, 20);
      kset(h, s, 'network_header', n);
      kset(h, s, 'dst', rt.addr);
      const id = Number(sk.f['inet_id']);
      kset(h, sk, 'inet_id', (id + 1) & 0xffff);
      ipv4.emit(
        {
          src: ipFromString(saddr)!,
          dst: ipFromString(daddr)!,
          protocol: 17,
          ttl: h.sysctl['net.ipv4.ip_default_ttl'],
          tos: 0,
          id,
          reservedFlag: false,
          df: true,
          mf: false,
          fragOffset: 0,
          options: new Uint8Array(0),
          payloadLen: 8 + data.length,
        },
        s.head.subarray(n),
      );
      return 0;
    };
    let err = 0;
    const actions = {
      __ip_append_data: build,
      ip_append_data: build,
      __ip_make_skb: ipHeader,
      ip_send_skb: () => ((err = ip_local_out(h, skb!)), 0),
      ip_push_pending_frames: () => (ipHeader(), (err = ip_local_out(h, skb!)), 0),
    };
    // udp_send_skb / udp_push_pending_frames write the UDP header before their child sends the skb.
    const pre = { udp_send_skb: udpHeader, udp_push_pending_frames: udpHeader };
    const r = walkCallTree(h, h.profile.udpSend, actions, () => '', pre);
    return r < 0 ? r : err < 0 ? err : data.length;
  });
}

/** inet_autobind gives an unbound UDP sock an ephemeral port before its first send (af_inet.c). */
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

/** udp_rcv is inet_protos[IPPROTO_UDP]->handler: find the bound sock and queue the datagram, or drop it. */
export function udp_rcv(h: Host, skb: SkBuff): number {
  const d = skbData(skb);
  const n = skb.head.subarray(skb.f.network_header);
  const saddr = `${n[12]}.${n[13]}.${n[14]}.${n[15]}`;
  const daddr = `${n[16]}.${n[17]}.${n[18]}.${n[19]}`;
  const sport = (d[0]! << 8) | d[1]!;
  const dport = (d[2]! << 8) | d[3]!;
  const sk = (h.bindTables.get(17)?.get(dport) ?? []).find(
    (s) => s.f.inet_rcv_saddr === '0.0.0.0' || s.f.inet_rcv_saddr === daddr,
  );
  if (sk === undefined) {
    kfree_skb(h, skb, 'SKB_DROP_REASON_NO_SOCKET', 0x0800);
    return 0;
  }
  return kchain(h, h.profile.udpRcv, `skb=${skb.addr}`, () => {
    if (sk.f.sk_rmem_alloc + skb.f.truesize > sk.f.sk_rcvbuf) {
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

/** udp_recvmsg takes one datagram off the receive queue into buf; its length (truncated to buf), or null when empty. */
export function udp_recvmsg(h: Host, sk: Sock, buf: Uint8Array, from: { addr?: SockaddrIn }): number | null {
  return h.kcall('udp_recvmsg', `sk=${sk.addr}, len=${buf.length} via ${sk.protoName}.recvmsg`, () => {
    const skb = h.kcall(
      '__skb_recv_datagram',
      `sk=${sk.addr}`,
      () => sk.receiveQueue.shift() ?? null,
      'net/core/datagram.c',
    );
    if (skb === null) return null;
    kset(h, sk, 'sk_receive_queue', sk.receiveQueue.length);
    kset(h, sk, 'sk_rmem_alloc', sk.f.sk_rmem_alloc - skb.f.truesize);
    const d = skbData(skb);
    const n = Math.min(d.length, buf.length);
    h.kcall(
      h.profile.version === '6.x' ? 'skb_copy_datagram_msg' : 'skb_copy_datagram_iovec',
      `skb=${skb.addr}, ${n}`,
      () => buf.set(d.subarray(0, n)),
    );
    from.addr = { family: 2, port: skb.cb.end_seq, addr: skb.cb.seq };
    consume_skb(h, skb);
    return n;
  });
}
