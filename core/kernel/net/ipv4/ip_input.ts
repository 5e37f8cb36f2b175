// net/ipv4/ip_input.c: ip_rcv (header checks, NF_INET_PRE_ROUTING) → ip_rcv_finish (input
// route) → dst_input = ip_local_deliver (NF_INET_LOCAL_IN) → ip_local_deliver_finish →
// raw_local_deliver and inet_protos[protocol]->handler (reference §2.11). Handlers register in
// INET_PROTOS; fragments are reassembled by ip_defrag before NF_INET_LOCAL_IN.

import type { Host } from '../../host/host';
import { kset } from '../../host/kstruct';
import type { SkBuff } from '../../include/linux/skbuff';
import { checksum } from '../../../wire';
import { kfree_skb, skb_pull, skbData } from '../core/skbuff';
import { nf_hook } from '../netfilter/core';
import { tcp_v4_rcv } from './tcp_ipv4';
import { udp_rcv } from './udp_io';
import { icmp_rcv } from './icmp';
import { raw_local_deliver } from './raw';
import { ip_defrag, ip_is_fragment } from './ip_fragment';
import { neigh_confirm } from '../core/neighbour';

/** InetProtocol is a net_protocol handler: tcp_v4_rcv, udp_rcv, icmp_rcv. */
export type InetProtocol = (h: Host, skb: SkBuff) => number;

/** INET_PROTOS is inet_protos[]: IPPROTO_* → handler name and function; protocols are added as rows. */
// prettier-ignore
export const INET_PROTOS: ReadonlyMap<number, readonly [string, InetProtocol]> = new Map<number, readonly [string, InetProtocol]>([
  [1, ['icmp_rcv', (h, skb) => icmp_rcv(h, skb)]], // icmp_protocol
  [6, ['tcp_v4_rcv', (h, skb) => tcp_v4_rcv(h, skb)]], // tcp_protocol
  [17, ['udp_rcv', (h, skb) => udp_rcv(h, skb)]], // udp_protocol
]);

/** ip_rcv validates an IPv4 packet from netif_receive_skb and runs NF_INET_PRE_ROUTING (ip_packet_type.func). */
export function ip_rcv(h: Host, skb: SkBuff): number {
  kset(h, skb, 'network_header', skb.f.data);
  const d = skbData(skb);
  const ihl = (d[0]! & 0x0f) * 4;
  if (d.length < 20 || d[0]! >> 4 !== 4 || ihl < 20 || d.length < ihl) {
    kfree_skb(h, skb, 'SKB_DROP_REASON_IP_INHDR');
    return 0;
  }
  if (!checksum.checksumValid(d, 0, ihl)) {
    kfree_skb(h, skb, 'SKB_DROP_REASON_IP_CSUM');
    return 0;
  }
  return nf_hook(h, 'NF_INET_PRE_ROUTING', skb, () => ip_rcv_finish(h, skb));
}

/** ip_rcv_finish routes the packet on input: local addresses go to ip_local_deliver, others are dropped. */
function ip_rcv_finish(h: Host, skb: SkBuff): number {
  return h.kcall('ip_rcv_finish', `skb=${skb.addr}`, () => {
    const d = skbData(skb);
    const daddr = `${d[16]}.${d[17]}.${d[18]}.${d[19]}`;
    const route = h.profile.version === '2.6.32' ? 'ip_route_input' : 'ip_route_input_noref';
    const local = h.kcall(route, `skb=${skb.addr}, ${daddr}`, () =>
      h.net.routes.some(
        (r) =>
          (r.type === 'local' || r.type === 'broadcast') &&
          (r.dst === daddr || (r.dst === '127.0.0.0' && daddr.startsWith('127.'))),
      ),
    );
    if (!local) {
      kfree_skb(h, skb, 'SKB_DROP_REASON_IP_INADDRERRORS');
      return 0;
    }
    return h.kcall('dst_input', `skb=${skb.addr}`, () => ip_local_deliver(h, skb), 'include/net/dst.h');
  });
}

/** ip_local_deliver runs NF_INET_LOCAL_IN for a packet addressed to this host (dst->input). */
function ip_local_deliver(h: Host, skb: SkBuff): number {
  return h.kcall('ip_local_deliver', `skb=${skb.addr} via dst->input`, () => {
    const whole = ip_is_fragment(skb) ? ip_defrag(h, skb) : skb;
    if (whole === null) return 0;
    return nf_hook(h, 'NF_INET_LOCAL_IN', whole, () => ip_local_deliver_finish(h, whole));
  });
}

/** ip_local_deliver_finish strips the IP header and calls the protocol's handler. */
function ip_local_deliver_finish(h: Host, skb: SkBuff): number {
  return h.kcall('ip_local_deliver_finish', `skb=${skb.addr}`, () => {
    const d = skbData(skb);
    const protocol = d[9]!;
    skb_pull(h, skb, (d[0]! & 0x0f) * 4);
    kset(h, skb, 'transport_header', skb.f.data);
    if (protocol === 6 && (skbData(skb)[13]! & 0x10) !== 0 && skb.f.dev !== null) {
      // tcp_ack's dst_confirm, approximated: an ACK from an on-link peer confirms its neighbour entry.
      const n = skb.head.subarray(skb.f.network_header);
      neigh_confirm(h, `${n[12]}.${n[13]}.${n[14]}.${n[15]}`, skb.f.dev);
    }
    const body = (): number => {
      raw_local_deliver(h, skb, protocol);
      const p = INET_PROTOS.get(protocol);
      if (p === undefined) {
        kfree_skb(h, skb, 'SKB_DROP_REASON_IP_NOPROTO');
        return 0;
      }
      return h.kcall(p[0], `skb=${skb.addr} via inet_protos[${protocol}]->handler`, () => p[1](h, skb));
    };
    return h.profile.version === '6.x'
      ? h.kcall('ip_protocol_deliver_rcu', `protocol=${protocol}`, body)
      : body();
  });
}
