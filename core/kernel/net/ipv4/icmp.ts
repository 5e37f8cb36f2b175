// net/ipv4/icmp.c: icmp_rcv dispatches on the message type (icmp_pointers[]): echo requests
// are answered (icmp_echo → icmp_reply), echo replies go to ping sockets (ping_rcv, 3.10+),
// destination-unreachable errors go to the quoting protocol's err_handler (icmp_unreach →
// udp_err, tcp_v4_err). icmp_send builds an error about a received packet, quoting its IP header and
// as much of its data as fits in 576 bytes. The kernel's ICMP socket uses IP_PMTUDISC_DONT,
// so replies and errors leave without DF. Errors to a peer are rate limited per destination
// (icmp_ratelimit 1 s with a burst of 6; loopback is exempt).

import type { Host } from '../../host/host';
import type { SkBuff } from '../../include/linux/skbuff';
import { checksum, icmp as wireIcmp } from '../../../wire';
import { ICMP_DEST_UNREACH, ICMP_ECHO, ICMP_ECHOREPLY, ICMP_TIME_EXCEEDED } from '../../../wire/icmp';
import { ipFromString } from '../../include/uapi/in';
import { consume_skb, kfree_skb, skbData, alloc_skb, skb_put, skb_reserve } from '../core/skbuff';
import { kset } from '../../host/kstruct';
import { pushIpHeader, type Datagram } from './ip_make_skb';
import { ip_local_out } from './ip_output';
import { ip_route_output, routeSource } from './route';
import { udp_err } from './udp_io';
import { tcp_v4_err } from './tcp_err';
import { ping_rcv } from './ping';

/** ICMP_ERR_CONVERT is icmp_err_convert[]: destination-unreachable code → errno, one row per code. */
// prettier-ignore
const ICMP_ERR_CONVERT: Readonly<Record<number, readonly [string, number]>> = {
  0: ['ENETUNREACH', 101], // ICMP_NET_UNREACH
  1: ['EHOSTUNREACH', 113], // ICMP_HOST_UNREACH
  2: ['ENOPROTOOPT', 92], // ICMP_PROT_UNREACH
  3: ['ECONNREFUSED', 111], // ICMP_PORT_UNREACH
  4: ['EMSGSIZE', 90], // ICMP_FRAG_NEEDED
  5: ['EOPNOTSUPP', 95], // ICMP_SR_FAILED
  6: ['ENETUNREACH', 101], // ICMP_NET_UNKNOWN
  7: ['EHOSTDOWN', 112], // ICMP_HOST_UNKNOWN
  8: ['ENONET', 64], // ICMP_HOST_ISOLATED
  9: ['ENETUNREACH', 101], // ICMP_NET_ANO
  10: ['EHOSTUNREACH', 113], // ICMP_HOST_ANO
  11: ['ENETUNREACH', 101], // ICMP_NET_UNR_TOS
  12: ['EHOSTUNREACH', 113], // ICMP_HOST_UNR_TOS
  13: ['EHOSTUNREACH', 113], // ICMP_PKT_FILTERED
  14: ['EHOSTUNREACH', 113], // ICMP_PREC_VIOLATION
  15: ['EHOSTUNREACH', 113], // ICMP_PREC_CUTOFF
};

/** ICMP_RATELIMIT_NS is net.ipv4.icmp_ratelimit, 1 s; XRLIM_BURST_FACTOR allows bursts of 6. */
const ICMP_RATELIMIT_NS = 1_000_000_000;
const XRLIM_BURST_FACTOR = 6;
/** ICMP_RATEMASK is net.ipv4.icmp_ratemask 0x1818: destination unreachable, source quench, time exceeded, parameter problem. */
const ICMP_RATEMASK = 0x1818;

/** peers holds each host's inet_peer rate state per destination: tokens (ns) and the last refill time. */
const peers = new WeakMap<Host, Map<string, { tokens: number; last: number }>>();

/** icmpv4_xrlim_allow is the per-destination token bucket (inet_peer_xrlim_allow): a burst of 6 errors, then one per icmp_ratelimit; loopback is exempt. */
function icmpv4_xrlim_allow(h: Host, type: number, daddr: string, dev: string): boolean {
  if (((ICMP_RATEMASK >> type) & 1) === 0 || dev === 'lo') return true;
  let m = peers.get(h);
  if (m === undefined) peers.set(h, (m = new Map()));
  const p = m.get(daddr) ?? { tokens: XRLIM_BURST_FACTOR * ICMP_RATELIMIT_NS, last: h.now }; // a new inet_peer: rate_last 0, long ago
  m.set(daddr, p);
  let token = Math.min(p.tokens + (h.now - p.last), XRLIM_BURST_FACTOR * ICMP_RATELIMIT_NS);
  p.last = h.now;
  const ok = token >= ICMP_RATELIMIT_NS;
  if (ok) token -= ICMP_RATELIMIT_NS;
  p.tokens = token;
  return ok;
}

/** icmpIds holds each host's IP id counter for packets its ICMP socket sends (ip_select_ident without DF). */
const icmpIds = new WeakMap<Host, number>();

/** icmpXmit routes and sends one ICMP message from saddr to daddr through ip_local_out, without DF. */
function icmpXmit(h: Host, saddr: string, daddr: string, repr: wireIcmp.IcmpRepr): number {
  const rt = ip_route_output(h, ipFromString(daddr)!);
  if (typeof rt === 'number') return rt;
  const len = wireIcmp.bufferLen(repr);
  const d: Datagram = { saddr, daddr, protocol: 1, len, fill: (b) => wireIcmp.emit(repr, b), rt };
  const skb = alloc_skb(h, 128 + len);
  skb_reserve(h, skb, 128);
  const t = skb_put(h, skb, len);
  kset(h, skb, 'transport_header', t);
  d.fill(skb.head.subarray(t, t + len));
  const id = icmpIds.get(h) ?? 1;
  icmpIds.set(h, (id + 1) & 0xffff);
  pushIpHeader(h, skb, d, { ttl: h.sysctl['net.ipv4.ip_default_ttl'], df: false, id, tos: 0 });
  return h.kcall('icmp_push_reply', `skb=${skb.addr}`, () => ip_local_out(h, skb));
}

/** addrsOf reads the source and destination of the IPv4 header at skb->network_header. */
function addrsOf(skb: SkBuff): { saddr: string; daddr: string } {
  const n = skb.head.subarray(skb.f.network_header);
  return { saddr: `${n[12]}.${n[13]}.${n[14]}.${n[15]}`, daddr: `${n[16]}.${n[17]}.${n[18]}.${n[19]}` };
}

/** icmp_send sends an ICMP error of type/code about the received skb_in back to its sender (net/ipv4/icmp.c). */
export function icmp_send(h: Host, skbIn: SkBuff, type: number, code: number, info = 0): void {
  h.kcall('icmp_send', `skb=${skbIn.addr}, type=${type}, code=${code}`, () => {
    const n = skbIn.head.subarray(skbIn.f.network_header, skbIn.f.tail);
    const fragOff = ((n[6]! << 8) | n[7]!) & 0x1fff;
    if (fragOff !== 0) return;
    const ihl = (n[0]! & 0x0f) * 4;
    if (n[9] === 1 && n[ihl] !== ICMP_ECHO && n[ihl] !== ICMP_ECHOREPLY) return; // never an error about an error
    const { saddr, daddr } = addrsOf(skbIn);
    // The error leaves from the address the packet was sent to when that is ours; a packet we
    // were sending (REJECT in OUTPUT) is answered from our own address towards us.
    const local = h.net.routes.some((r) => r.type === 'local' && r.dst === daddr) || daddr.startsWith('127.');
    const from = local ? daddr : (routeSource(h, ipFromString(saddr)!) ?? saddr);
    const rt = ip_route_output(h, ipFromString(saddr)!);
    const allowed = h.kcall('icmpv4_xrlim_allow', `type=${type}, ${saddr}`, () =>
      icmpv4_xrlim_allow(h, type, saddr, typeof rt === 'number' ? '' : (rt.f['dst.dev'] ?? '')),
    );
    if (!allowed) return;
    const original = n.slice(0, Math.min(n.length, 576 - 20 - 8));
    const repr: wireIcmp.IcmpRepr =
      type === ICMP_DEST_UNREACH
        ? { kind: 'destUnreachable', code, mtu: info, original }
        : { kind: 'timeExceeded', code, original };
    icmpXmit(h, from, saddr, repr);
  });
}

/** icmp_rcv is inet_protos[IPPROTO_ICMP]->handler: check the checksum and dispatch on the type. */
export function icmp_rcv(h: Host, skb: SkBuff): number {
  const d = skbData(skb);
  if (d.length < 8 || !checksum.checksumValid(d, 0, d.length)) {
    kfree_skb(h, skb, 'SKB_DROP_REASON_ICMP_CSUM');
    return 0;
  }
  const type = d[0]!;
  if (type === ICMP_ECHO)
    return h.kcall('icmp_echo', `skb=${skb.addr} via icmp_pointers[ICMP_ECHO]`, () => icmp_echo(h, skb));
  if (type === ICMP_ECHOREPLY && h.profile.version !== '2.6.32')
    return h.kcall('ping_rcv', `skb=${skb.addr} via icmp_pointers[ICMP_ECHOREPLY]`, () => ping_rcv(h, skb));
  if (type === ICMP_DEST_UNREACH || type === ICMP_TIME_EXCEEDED)
    return h.kcall('icmp_unreach', `skb=${skb.addr} via icmp_pointers[${type}]`, () => icmp_unreach(h, skb));
  consume_skb(h, skb);
  return 0;
}

/** icmp_echo answers an echo request with an echo reply carrying the same id, sequence and data (icmp_reply). */
function icmp_echo(h: Host, skb: SkBuff): number {
  const d = skbData(skb);
  const { saddr, daddr } = addrsOf(skb);
  const repr: wireIcmp.IcmpRepr = {
    kind: 'echoReply',
    id: (d[4]! << 8) | d[5]!,
    seq: (d[6]! << 8) | d[7]!,
    data: d.slice(8),
  };
  h.kcall('icmp_reply', `skb=${skb.addr}`, () => icmpXmit(h, daddr, saddr, repr));
  consume_skb(h, skb);
  return 0;
}

/** icmp_unreach converts the code to an errno and hands the quoted datagram to its protocol's err_handler. */
function icmp_unreach(h: Host, skb: SkBuff): number {
  const d = skbData(skb);
  const inner = d.subarray(8);
  const [name, errno] =
    d[0] === ICMP_DEST_UNREACH ? (ICMP_ERR_CONVERT[d[1]!] ?? ['EHOSTUNREACH', 113]) : ['EHOSTUNREACH', 113];
  const { saddr } = addrsOf(skb);
  const why = `ICMP type ${d[0]} code ${d[1]} from ${saddr} → ${name}`;
  if (inner.length >= 20 && inner[9] === 17) udp_err(h, inner, errno, why);
  if (inner.length >= 20 && inner[9] === 6) tcp_v4_err(h, inner, d[0]!, d[1]!, errno, why);
  consume_skb(h, skb);
  return 0;
}
