// Whole frames from reprs in one call: Ethernet II around ARP, or around IPv4 carrying TCP, UDP
// or ICMP, with every length and checksum filled in. The kernel builds frames layer by layer
// on an sk_buff instead; this serves tests, labs and the frame checker.
import * as arp from './arp';
import { type WireError, wireError } from './error';
import * as ethernet from './ethernet';
import * as icmp from './icmp';
import * as ipv4 from './ipv4';
import * as tcp from './tcp';
import * as udp from './udp';

/** FrameSpec describes a whole frame: link addresses and one of ARP, or IPv4 with TCP, UDP or ICMP. */
export type FrameSpec = { src: string; dst: string; padTo?: number } & (
  | { arp: arp.ArpRepr }
  | { ip: Omit<ipv4.Ipv4Repr, 'protocol' | 'payloadLen'>; tcp: tcp.TcpRepr }
  | { ip: Omit<ipv4.Ipv4Repr, 'protocol' | 'payloadLen'>; udp: udp.UdpRepr }
  | { ip: Omit<ipv4.Ipv4Repr, 'protocol' | 'payloadLen'>; icmp: icmp.IcmpRepr }
);

/** ipv4Defaults is the header Linux sends on a fresh socket: TTL 64, tos 0, DF set, no options. */
export const ipv4Defaults = {
  ttl: 64,
  tos: 0,
  id: 0,
  reservedFlag: false,
  df: true,
  mf: false,
  fragOffset: 0,
  options: new Uint8Array(0),
} as const;

/** composeFrame builds the frame a spec describes, zero-padded to padTo bytes (e.g. ETH_ZLEN) if given. */
export function composeFrame(spec: FrameSpec): Uint8Array | WireError {
  const H = ethernet.ETH_HLEN;
  const macs =
    'arp' in spec ? [spec.src, spec.dst, spec.arp.senderMac, spec.arp.targetMac] : [spec.src, spec.dst];
  for (const mac of macs) {
    const ok = ethernet.parseMac(mac);
    if (!(ok instanceof Uint8Array)) return wireError(ok.reason);
  }
  let inner: Uint8Array;
  let etherType: number;
  if ('arp' in spec) {
    etherType = ethernet.ETH_P_ARP;
    inner = new Uint8Array(arp.bufferLen(spec.arp));
    arp.emit(spec.arp, inner);
  } else {
    etherType = ethernet.ETH_P_IP;
    const addrs = { src: spec.ip.src, dst: spec.ip.dst };
    let protocol: number;
    let l4: Uint8Array;
    if ('tcp' in spec) {
      protocol = ipv4.IPPROTO_TCP;
      l4 = new Uint8Array(tcp.bufferLen(spec.tcp));
      tcp.emit(spec.tcp, l4, addrs);
    } else if ('udp' in spec) {
      protocol = ipv4.IPPROTO_UDP;
      l4 = new Uint8Array(udp.bufferLen(spec.udp));
      udp.emit(spec.udp, l4, addrs);
    } else {
      protocol = ipv4.IPPROTO_ICMP;
      l4 = new Uint8Array(icmp.bufferLen(spec.icmp));
      icmp.emit(spec.icmp, l4);
    }
    const ip: ipv4.Ipv4Repr = { ...spec.ip, protocol, payloadLen: l4.length };
    inner = new Uint8Array(ipv4.bufferLen(ip));
    ipv4.emit(ip, inner);
    inner.set(l4, ipv4.headerLen(ip));
  }
  const frame = new Uint8Array(Math.max(H + inner.length, spec.padTo ?? 0));
  ethernet.emit({ src: spec.src, dst: spec.dst, etherType }, frame);
  frame.set(inner, H);
  return frame;
}
