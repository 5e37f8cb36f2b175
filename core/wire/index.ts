// core/wire turns packets into bytes and back: Ethernet II, ARP, IPv4, TCP with its options,
// UDP and ICMP, the Internet checksum, and the pcap and pcapng capture formats, plus the
// tcpdump-style one-line summary and the field tree the packet pane shows. Each format is a
// pure module after smoltcp's `src/wire/` (CONVENTIONS §4): a field table, a view over a
// Uint8Array with checkLen(), and a plain repr with parse / bufferLen / emit; decoders return a
// WireError instead of throwing. It imports nothing else of SockLab, so the renderer may use it.

export { type WireError, type Field, wireError, isWireError } from './error';
export * as checksum from './checksum';
export * as ethernet from './ethernet';
export * as arp from './arp';
export * as ipv4 from './ipv4';
export * as tcp from './tcp';
export * as tcpOptions from './tcpOptions';
export * as udp from './udp';
export * as icmp from './icmp';
export * as pcap from './pcap';
export * as pcapng from './pcapng';
export { formatMac, parseMac, type EthernetRepr } from './ethernet';
export { formatIpv4Addr, parseIpv4Addr, type Ipv4Repr } from './ipv4';
export type { ArpRepr } from './arp';
export type { TcpRepr, TcpAddrs } from './tcp';
export type { TcpOption, SackBlock, LinuxOptionSet } from './tcpOptions';
export type { UdpRepr } from './udp';
export type { IcmpRepr } from './icmp';
export { describeFrame, describeArp, describeIpv4, describeIcmp } from './summary';
export { frameTree, fieldPath, type FieldNode } from './fieldTree';
export { frameComment, type FrameOrigin } from './pcapng';
export type { PcapRecord } from './pcap';
export type { PcapngCapture, PcapngInterface, PcapngPacket } from './pcapng';
export { toHex, fromHex } from './hex';
export { composeFrame, ipv4Defaults, type FrameSpec } from './compose';
