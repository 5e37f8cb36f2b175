// A frame's decoded fields as one flat record, the names frame checks and frameCount
// questions match on: `summary` (tcpdump's line), `len`, `eth.type` (ip, arp), `ip.src`,
// `ip.dst`, `ip.proto` (tcp, udp, icmp or the number), `ip.len`, `ip.ttl`, `ip.id`, `ip.df`,
// `ip.mf`, `ip.frag` (offset in bytes), `tcp.sport`, `tcp.dport`, `tcp.flags` (tcpdump's
// letters: S, S., P., F.), `tcp.seq`, `tcp.ack`, `tcp.win`, `tcp.len` (payload bytes),
// `tcp.mss`, `tcp.wscale`, `tcp.sackOK`, `tcp.ts`, `udp.sport`, `udp.dport`, `udp.len`,
// `icmp.type`, `icmp.code`, `arp.op` (request, reply). Built on core/wire's views.
import { wire } from '../../core/index';

/** FrameFacts is one frame's decoded fields by name (see the file comment). */
export type FrameFacts = Readonly<Record<string, string | number | boolean>>;

/** frameFacts decodes a whole Ethernet frame into its FrameFacts; what cannot be decoded is left out. */
export function frameFacts(bytes: Uint8Array): FrameFacts {
  const f: Record<string, string | number | boolean> = {
    summary: wire.describeFrame(bytes),
    len: bytes.length,
  };
  const eth = new wire.ethernet.EthernetFrame(bytes);
  if (eth.checkLen()) return f;
  if (eth.etherType === wire.ethernet.ETH_P_ARP) {
    f['eth.type'] = 'arp';
    const arp = new wire.arp.ArpPacket(eth.payload);
    if (!arp.checkLen()) f['arp.op'] = arp.operation === wire.arp.ARPOP_REQUEST ? 'request' : 'reply';
    return f;
  }
  if (eth.etherType !== wire.ethernet.ETH_P_IP) return f;
  f['eth.type'] = 'ip';
  const ip = new wire.ipv4.Ipv4Packet(eth.payload);
  if (ip.checkHeaderLen()) return f;
  const protoNames: Record<number, string> = { 1: 'icmp', 6: 'tcp', 17: 'udp' };
  Object.assign(f, {
    'ip.src': wire.formatIpv4Addr(ip.src),
    'ip.dst': wire.formatIpv4Addr(ip.dst),
    'ip.proto': protoNames[ip.protocol] ?? ip.protocol,
    'ip.len': ip.totalLen,
    'ip.ttl': ip.ttl,
    'ip.id': ip.id,
    'ip.df': ip.df,
    'ip.mf': ip.mf,
    'ip.frag': ip.fragOffset,
  });
  if (ip.fragOffset > 0) return f;
  if (ip.protocol === wire.ipv4.IPPROTO_TCP) tcpFacts(f, ip.payload);
  else if (ip.protocol === wire.ipv4.IPPROTO_UDP) {
    const u = new wire.udp.UdpDatagram(ip.payload);
    // A first fragment holds the whole UDP header but not the whole datagram its length names.
    const headerOnly = ip.mf && ip.payload.length >= 8;
    if (!u.checkLen() || headerOnly)
      Object.assign(f, { 'udp.sport': u.srcPort, 'udp.dport': u.dstPort, 'udp.len': u.length - 8 });
  } else if (ip.protocol === wire.ipv4.IPPROTO_ICMP) {
    const m = new wire.icmp.IcmpMessage(ip.payload);
    if (!m.checkLen()) Object.assign(f, { 'icmp.type': m.type, 'icmp.code': m.code });
  }
  return f;
}

function tcpFacts(f: Record<string, string | number | boolean>, bytes: Uint8Array): void {
  const t = new wire.tcp.TcpSegment(bytes);
  if (t.checkLen()) return;
  Object.assign(f, {
    'tcp.sport': t.srcPort,
    'tcp.dport': t.dstPort,
    'tcp.flags': wire.tcp.formatTcpFlags(t.flags),
    'tcp.seq': t.seq,
    'tcp.ack': t.ack,
    'tcp.win': t.window,
    'tcp.len': t.payload.length,
    'tcp.sackOK': false,
    'tcp.ts': false,
  });
  const opts = wire.tcpOptions.parseOptions(t.optionBytes);
  if (wire.isWireError(opts)) return;
  for (const o of opts) {
    if (o.kind === 'mss') f['tcp.mss'] = o.mss;
    else if (o.kind === 'wscale') f['tcp.wscale'] = o.shift;
    else if (o.kind === 'sackPerm') f['tcp.sackOK'] = true;
    else if (o.kind === 'timestamp') f['tcp.ts'] = true;
  }
}
