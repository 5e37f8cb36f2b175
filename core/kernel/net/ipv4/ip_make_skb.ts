// net/ipv4/ip_output.c, the datagram side: __ip_append_data (allocate the skb and copy the
// transport bytes in) and __ip_make_skb / ip_push_pending_frames (push the IPv4 header). UDP,
// ping and raw sockets build their packets with these two steps; ip_finish_output fragments
// whatever exceeds the device MTU (ip_fragment.ts). DF follows __ip_make_skb: set with
// IP_PMTUDISC_DO/PROBE, or with IP_PMTUDISC_WANT when the packet fits the route's MTU.

import type { Host } from '../../host/host';
import { kset } from '../../host/kstruct';
import type { SkBuff } from '../../include/linux/skbuff';
import { IP_PMTUDISC_WANT } from '../../include/net/inet_sock';
import type { Rtable } from '../../include/net/route';
import type { Sock } from '../../include/net/sock';
import { IP_PMTUDISC_DO, ipFromString } from '../../include/uapi/in';
import { ipv4 } from '../../../wire';
import { alloc_skb, skb_push, skb_put, skb_reserve } from '../core/skbuff';

/** LL_RESERVE is the headroom __ip_append_data leaves for the link and IP headers (LL_RESERVED_SPACE + IP header). */
const LL_RESERVE = 128;

/** Datagram describes one IPv4 datagram a socket sends. */
export interface Datagram {
  readonly saddr: string;
  readonly daddr: string;
  readonly protocol: number;
  /** len is the transport length (header and payload) that fill writes. */
  readonly len: number;
  /** fill writes the transport bytes into buf (len bytes). */
  readonly fill: (buf: Uint8Array) => void;
  readonly rt: Rtable;
}

/** routeMtu is the MTU of the device a route leaves on. */
export function routeMtu(h: Host, rt: Rtable): number {
  return h.net.devices.get(rt.f['dst.dev'] ?? '')?.f.mtu ?? 1500;
}

/** ipAppendCheck is __ip_append_data's size check: -EMSGSIZE past 64 KiB, or past the MTU under IP_PMTUDISC_DO. */
export function ipAppendCheck(h: Host, sk: Sock, d: Datagram): number {
  const mtu = routeMtu(h, d.rt);
  const pmtudisc = Number(sk.f['pmtudisc']);
  const max = pmtudisc >= IP_PMTUDISC_DO ? mtu : 0xffff;
  if (20 + d.len > max)
    return h.kerr(
      'EMSGSIZE',
      pmtudisc >= IP_PMTUDISC_DO
        ? `${20 + d.len} bytes exceed MTU ${mtu} and IP_PMTUDISC_DO forbids fragments`
        : `${20 + d.len} bytes exceed the largest IPv4 packet (65535)`,
    );
  return 0;
}

/** appendData allocates the skb and copies the transport bytes in (__ip_append_data's work). */
export function appendData(h: Host, sk: Sock, d: Datagram): SkBuff {
  const skb = alloc_skb(h, LL_RESERVE + d.len);
  skb_reserve(h, skb, LL_RESERVE);
  const t = skb_put(h, skb, d.len);
  kset(h, skb, 'transport_header', t);
  kset(h, skb, 'sk', sk.addr);
  d.fill(skb.head.subarray(t, t + d.len));
  return skb;
}

/** makeIpHeader pushes the IPv4 header (__ip_make_skb): TTL from uc_ttl or the sysctl, DF per pmtudisc, the next inet_id. */
export function makeIpHeader(h: Host, sk: Sock, skb: SkBuff, d: Datagram): void {
  const pmtudisc = Number(sk.f['pmtudisc']);
  const df = pmtudisc >= IP_PMTUDISC_DO || (pmtudisc === IP_PMTUDISC_WANT && 20 + d.len <= routeMtu(h, d.rt));
  const id = Number(sk.f['inet_id']);
  kset(h, sk, 'inet_id', (id + 1) & 0xffff);
  const uc = Number(sk.f['uc_ttl']);
  const ttl = uc >= 0 ? uc : h.sysctl['net.ipv4.ip_default_ttl'];
  pushIpHeader(h, skb, d, { ttl, df, id, tos: Number(sk.f['tos'] ?? 0) });
}

/** pushIpHeader pushes and fills a 20-byte IPv4 header in front of d's transport bytes and attaches d's route. */
export function pushIpHeader(
  h: Host,
  skb: SkBuff,
  d: Datagram,
  o: { readonly ttl: number; readonly df: boolean; readonly id: number; readonly tos: number },
): void {
  const n = skb_push(h, skb, 20);
  kset(h, skb, 'network_header', n);
  kset(h, skb, 'dst', d.rt.addr);
  ipv4.emit(
    {
      src: ipFromString(d.saddr)!,
      dst: ipFromString(d.daddr)!,
      protocol: d.protocol,
      ttl: o.ttl,
      tos: o.tos,
      id: o.id,
      reservedFlag: false,
      df: o.df,
      mf: false,
      fragOffset: 0,
      options: new Uint8Array(0),
      payloadLen: d.len,
    },
    skb.head.subarray(n),
  );
}

/** sourceFor is the source address a datagram to route rt leaves with: the bound address, else the route's preferred source. */
export function sourceFor(h: Host, sk: Sock, rt: Rtable, daddr: string): string {
  if (sk.f.inet_rcv_saddr !== '0.0.0.0') return sk.f.inet_rcv_saddr;
  if (rt.f['dst.dev'] === 'lo' && daddr.startsWith('127.')) return '127.0.0.1';
  if (rt.f['dst.dev'] === 'lo') return daddr;
  return h.net.routes.find((r) => r.dev === rt.f['dst.dev'] && r.type !== 'broadcast')?.src ?? '0.0.0.0';
}
