// The packet detail pane's model: a tree of fields for a whole Ethernet frame, each with its
// name (the kernel struct's field name where there is one), a value text, and the byte range it
// covers in the frame, so the pane can link a field to its hex bytes and back (fieldPath).
// Checksums are verified and shown as correct or not. Never throws on malformed bytes: what
// cannot be decoded becomes a `malformed` node covering the rest of the frame.
import { ArpPacket, ARPOP_REPLY, ARPOP_REQUEST } from './arp';
import { checksumAdd, checksumFinish, pseudoHeaderSum } from './checksum';
import { ETH_HLEN, ETH_P_ARP, ETH_P_IP, EthernetFrame } from './ethernet';
import {
  ICMP_DEST_UNREACH,
  ICMP_ECHO,
  ICMP_ECHOREPLY,
  ICMP_FRAG_NEEDED,
  ICMP_TIME_EXCEEDED,
  IcmpMessage,
} from './icmp';
import { IPPROTO_ICMP, IPPROTO_TCP, IPPROTO_UDP, Ipv4Packet, formatIpv4Addr } from './ipv4';
import { TCP_HEADER_LEN, TcpSegment, formatTcpFlags } from './tcp';
import { formatOption, optionLen, parseOptions } from './tcpOptions';
import { UdpDatagram } from './udp';

/** FieldNode is one field of the tree: its name, value text, byte range [offset, offset + length) in the frame, and sub-fields. */
export interface FieldNode {
  name: string;
  value: string;
  offset: number;
  length: number;
  children: FieldNode[];
}

const node = (
  name: string,
  value: string,
  offset: number,
  length: number,
  children: FieldNode[] = [],
): FieldNode => ({
  name,
  value,
  offset,
  length,
  children,
});

const hex = (v: number, digits: number): string => `0x${v.toString(16).padStart(digits, '0')}`;
const flag = (set: boolean): string => (set ? 'set' : 'not set');
const malformed = (reason: string, offset: number, length: number): FieldNode =>
  node('malformed', reason, offset, length);

function checksumText(stored: number, computed: number): string {
  return stored === computed
    ? `${hex(stored, 4)} [correct]`
    : `${hex(stored, 4)} [incorrect, should be ${hex(computed, 4)}]`;
}

/** checksumWithZeroField computes the checksum bytes[0, len) would carry, reading the 16-bit field at fieldAt as zero. */
function checksumWithZeroField(initial: number, bytes: Uint8Array, len: number, fieldAt: number): number {
  const sum = checksumAdd(checksumAdd(initial, bytes, 0, fieldAt), bytes, fieldAt + 2, len);
  return checksumFinish(sum);
}

/** frameTree decodes a whole Ethernet frame into top-level nodes: Ethernet II, then ARP or IPv4, then TCP, UDP or ICMP. */
export function frameTree(frame: Uint8Array): FieldNode[] {
  const eth = new EthernetFrame(frame);
  const bad = eth.checkLen();
  if (bad) return [malformed(bad.reason, 0, frame.length)];
  const type = eth.etherType;
  const typeName = type === ETH_P_IP ? 'IPv4' : type === ETH_P_ARP ? 'ARP' : 'unknown';
  const out = [
    node('Ethernet II', `${eth.src} > ${eth.dst}`, 0, ETH_HLEN, [
      node('h_dest', eth.dst, 0, 6),
      node('h_source', eth.src, 6, 6),
      node('h_proto', `${hex(type, 4)} (${typeName})`, 12, 2),
    ]),
  ];
  if (type === ETH_P_ARP) out.push(arpTree(eth.payload, ETH_HLEN));
  else if (type === ETH_P_IP) out.push(...ipv4Tree(eth.payload, ETH_HLEN));
  else if (eth.payload.length > 0)
    out.push(node('data', `${eth.payload.length} bytes`, ETH_HLEN, eth.payload.length));
  return out;
}

function arpTree(bytes: Uint8Array, at: number): FieldNode {
  const arp = new ArpPacket(bytes);
  const bad = arp.checkLen();
  if (bad) return malformed(bad.reason, at, bytes.length);
  const op =
    arp.operation === ARPOP_REQUEST ? 'request' : arp.operation === ARPOP_REPLY ? 'reply' : 'unknown';
  const children = [
    node('ar_hrd', String(arp.hardwareType), at, 2),
    node('ar_pro', hex(arp.protocolType, 4), at + 2, 2),
    node('ar_hln', String(arp.hardwareLen), at + 4, 1),
    node('ar_pln', String(arp.protocolLen), at + 5, 1),
    node('ar_op', `${arp.operation} (${op})`, at + 6, 2),
  ];
  if (arp.isEthernetIpv4) {
    children.push(
      node('ar_sha', arp.senderMac, at + 8, 6),
      node('ar_sip', formatIpv4Addr(arp.senderIp), at + 14, 4),
      node('ar_tha', arp.targetMac, at + 18, 6),
      node('ar_tip', formatIpv4Addr(arp.targetIp), at + 24, 4),
    );
  }
  return node('ARP', op, at, arp.packetLen, children);
}

/** ipv4Tree decodes an IPv4 packet starting at frame offset `at`; quoted datagrams inside ICMP reuse it. */
function ipv4Tree(bytes: Uint8Array, at: number, quoted = false): FieldNode[] {
  const ip = new Ipv4Packet(bytes);
  const bad = ip.checkHeaderLen();
  if (bad) return [malformed(bad.reason, at, bytes.length)];
  const hl = ip.headerLen;
  const fo = ip.fragOffField;
  const flags = [ip.reservedFlag && 'CE', ip.df && 'DF', ip.mf && 'MF'].filter(Boolean).join(', ') || 'none';
  const children = [
    node('version', String(ip.version), at, 1),
    node('ihl', `${ip.ihl} (${hl} bytes)`, at, 1),
    node('tos', `${hex(ip.tos, 2)} (DSCP ${ip.dscp}, ECN ${ip.ecn})`, at + 1, 1),
    node('tot_len', String(ip.totalLen), at + 2, 2),
    node('id', `${hex(ip.id, 4)} (${ip.id})`, at + 4, 2),
    node('frag_off', `${hex(fo, 4)} (flags ${flags}, offset ${ip.fragOffset})`, at + 6, 2, [
      node('reserved (CE)', flag(ip.reservedFlag), at + 6, 1),
      node("don't fragment (DF)", flag(ip.df), at + 6, 1),
      node('more fragments (MF)', flag(ip.mf), at + 6, 1),
      node('fragment offset', `${ip.fragOffset} bytes`, at + 6, 2),
    ]),
    node('ttl', String(ip.ttl), at + 8, 1),
    node('protocol', String(ip.protocol), at + 9, 1),
    node('check', checksumText(ip.checksum, checksumWithZeroField(0, bytes, hl, 10)), at + 10, 2),
    node('saddr', formatIpv4Addr(ip.src), at + 12, 4),
    node('daddr', formatIpv4Addr(ip.dst), at + 16, 4),
  ];
  if (hl > 20) children.push(node('options', `${hl - 20} bytes`, at + 20, hl - 20));
  const name = quoted ? 'quoted IPv4' : 'IPv4';
  const end = Math.min(ip.totalLen, bytes.length);
  const summary = `${formatIpv4Addr(ip.src)} > ${formatIpv4Addr(ip.dst)}`;
  const out = [node(name, summary, at, hl, children)];
  if (!quoted && ip.checkLen()) {
    out.push(malformed(ip.checkLen()?.reason ?? '', at + hl, bytes.length - hl));
    return out;
  }
  const payload = bytes.subarray(hl, Math.max(hl, end));
  const pat = at + hl;
  if (ip.fragOffset > 0 || payload.length === 0) {
    if (payload.length > 0) out.push(node('fragment data', `${payload.length} bytes`, pat, payload.length));
  } else if (ip.protocol === IPPROTO_TCP) out.push(tcpTree(payload, pat, ip, quoted));
  else if (ip.protocol === IPPROTO_UDP) out.push(udpTree(payload, pat, ip, quoted));
  else if (ip.protocol === IPPROTO_ICMP) out.push(icmpTree(payload, pat, quoted));
  else out.push(node('data', `${payload.length} bytes`, pat, payload.length));
  return out;
}

function tcpTree(bytes: Uint8Array, at: number, ip: Ipv4Packet, quoted: boolean): FieldNode {
  const tcp = new TcpSegment(bytes);
  if (quoted && bytes.length >= 8) {
    const s = new TcpSegment(bytes);
    return node('quoted TCP', `${s.srcPort} > ${s.dstPort}`, at, bytes.length, [
      node('source', String(s.srcPort), at, 2),
      node('dest', String(s.dstPort), at + 2, 2),
      node('seq', String(s.seq), at + 4, 4),
    ]);
  }
  const bad = tcp.checkLen();
  if (bad) return malformed(bad.reason, at, bytes.length);
  const hl = tcp.headerLen;
  const pseudo = pseudoHeaderSum(ip.src, ip.dst, IPPROTO_TCP, bytes.length);
  const children = [
    node('source', String(tcp.srcPort), at, 2),
    node('dest', String(tcp.dstPort), at + 2, 2),
    node('seq', String(tcp.seq), at + 4, 4),
    node('ack_seq', String(tcp.ack), at + 8, 4),
    node('doff', `${tcp.dataOffset} (${hl} bytes)`, at + 12, 1),
    node('res1', String(tcp.reserved), at + 12, 1),
    node(
      'flags',
      `${hex(tcp.flags, 3)} [${formatTcpFlags(tcp.flags)}]`,
      at + 12,
      2,
      flagNodes(tcp.flags, at),
    ),
    node('window', String(tcp.window), at + 14, 2),
    node(
      'check',
      checksumText(tcp.checksum, checksumWithZeroField(pseudo, bytes, bytes.length, 16)),
      at + 16,
      2,
    ),
    node('urg_ptr', String(tcp.urgentPtr), at + 18, 2),
  ];
  if (hl > TCP_HEADER_LEN) children.push(optionsTree(tcp.optionBytes, at + TCP_HEADER_LEN));
  const len = tcp.payload.length;
  if (len > 0) children.push(node('payload', `${len} bytes`, at + hl, len));
  return node(
    'TCP',
    `${tcp.srcPort} > ${tcp.dstPort} [${formatTcpFlags(tcp.flags)}]`,
    at,
    bytes.length,
    children,
  );
}

const FLAG_NAMES = ['FIN', 'SYN', 'RST', 'PSH', 'ACK', 'URG', 'ECE', 'CWR', 'AE'];

function flagNodes(flags: number, at: number): FieldNode[] {
  return FLAG_NAMES.map((name, bit) =>
    node(name, flag((flags & (1 << bit)) !== 0), bit === 8 ? at + 12 : at + 13, 1),
  );
}

function optionsTree(area: Uint8Array, at: number): FieldNode {
  const options = parseOptions(area);
  if (!Array.isArray(options))
    return node('options', `${area.length} bytes`, at, area.length, [
      malformed(options.reason, at, area.length),
    ]);
  const children: FieldNode[] = [];
  let off = at;
  for (const o of options) {
    const n = optionLen(o);
    children.push(node(o.kind, formatOption(o), off, n));
    off += n;
  }
  if (off < at + area.length)
    children.push(node('padding', `${at + area.length - off} bytes`, off, at + area.length - off));
  return node('options', `${area.length} bytes`, at, area.length, children);
}

function udpTree(bytes: Uint8Array, at: number, ip: Ipv4Packet, quoted: boolean): FieldNode {
  const udp = new UdpDatagram(bytes);
  const bad = quoted ? udp.checkHeaderLen() : udp.checkLen();
  if (bad) return malformed(bad.reason, at, bytes.length);
  const children = [
    node('source', String(udp.srcPort), at, 2),
    node('dest', String(udp.dstPort), at + 2, 2),
    node('len', String(udp.length), at + 4, 2),
  ];
  if (quoted || udp.checksum === 0) {
    children.push(node('check', udp.checksum === 0 ? '0x0000 [none]' : hex(udp.checksum, 4), at + 6, 2));
  } else {
    const computed = checksumWithZeroField(
      pseudoHeaderSum(ip.src, ip.dst, IPPROTO_UDP, udp.length),
      bytes,
      udp.length,
      6,
    );
    children.push(node('check', checksumText(udp.checksum, computed === 0 ? 0xffff : computed), at + 6, 2));
  }
  const len = udp.payload.length;
  if (len > 0) children.push(node('payload', `${len} bytes`, at + 8, len));
  return node(quoted ? 'quoted UDP' : 'UDP', `${udp.srcPort} > ${udp.dstPort}`, at, bytes.length, children);
}

function icmpTree(bytes: Uint8Array, at: number, quoted: boolean): FieldNode {
  const icmp = new IcmpMessage(bytes);
  const bad = icmp.checkLen();
  if (bad) return malformed(bad.reason, at, bytes.length);
  const check = quoted
    ? hex(icmp.checksum, 4)
    : checksumText(icmp.checksum, checksumWithZeroField(0, bytes, bytes.length, 2));
  const children = [
    node('type', String(icmp.type), at, 1),
    node('code', String(icmp.code), at + 1, 1),
    node('checksum', check, at + 2, 2),
  ];
  const data = icmp.data;
  if (icmp.type === ICMP_ECHO || icmp.type === ICMP_ECHOREPLY) {
    children.push(
      node('un.echo.id', String(icmp.echoId), at + 4, 2),
      node('un.echo.sequence', String(icmp.echoSeq), at + 6, 2),
    );
    if (data.length > 0) children.push(node('data', `${data.length} bytes`, at + 8, data.length));
  } else if ((icmp.type === ICMP_DEST_UNREACH || icmp.type === ICMP_TIME_EXCEEDED) && !quoted) {
    if (icmp.type === ICMP_DEST_UNREACH && icmp.code === ICMP_FRAG_NEEDED) {
      children.push(node('un.frag.mtu', String(icmp.nextHopMtu), at + 6, 2));
    }
    children.push(...ipv4Tree(data, at + 8, true));
  } else {
    children.push(node('un', hex(icmp.rest, 8), at + 4, 4));
    if (data.length > 0) children.push(node('data', `${data.length} bytes`, at + 8, data.length));
  }
  return node(
    quoted ? 'quoted ICMP' : 'ICMP',
    `type ${icmp.type} code ${icmp.code}`,
    at,
    bytes.length,
    children,
  );
}

/** fieldPath returns the chain of nodes, outermost first, whose byte range covers `offset`; the pane highlights the last one. */
export function fieldPath(tree: readonly FieldNode[], offset: number): FieldNode[] {
  for (const n of tree) {
    if (offset >= n.offset && offset < n.offset + n.length) return [n, ...fieldPath(n.children, offset)];
  }
  return [];
}
