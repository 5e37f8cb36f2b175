// One-line summaries of whole Ethernet frames in the style of `tcpdump -n -S -t` (tcpdump's
// print-arp.c, print-ip.c, print-tcp.c, print-udp.c, print-icmp.c): absolute sequence numbers,
// no link-layer addresses, no checksum verification. Used by the packet list and the CLI.
// Never throws: malformed headers print tcpdump's `[|proto]` marker or the decoder's reason.
import { ARPOP_REPLY, ARPOP_REQUEST, ArpPacket } from './arp';
import { ETH_P_ARP, ETH_P_IP, ETH_P_IPV6, EthernetFrame, MAC_ZERO } from './ethernet';
import {
  ICMP_DEST_UNREACH,
  ICMP_ECHO,
  ICMP_ECHOREPLY,
  ICMP_EXC_FRAGTIME,
  ICMP_EXC_TTL,
  ICMP_FRAG_NEEDED,
  ICMP_HOST_UNREACH,
  ICMP_NET_UNREACH,
  ICMP_PKT_FILTERED,
  ICMP_PORT_UNREACH,
  ICMP_PROT_UNREACH,
  ICMP_TIME_EXCEEDED,
  IcmpMessage,
} from './icmp';
import { IPPROTO_ICMP, IPPROTO_TCP, IPPROTO_UDP, Ipv4Packet, formatIpv4Addr } from './ipv4';
import {
  TCPHDR_ACK,
  TCPHDR_FIN,
  TCPHDR_RST,
  TCPHDR_SYN,
  TCPHDR_URG,
  TcpSegment,
  formatTcpFlags,
} from './tcp';
import { formatOptions, parseOptions } from './tcpOptions';
import { UdpDatagram } from './udp';

/** describeFrame prints a whole Ethernet frame as one tcpdump-style line. */
export function describeFrame(frame: Uint8Array): string {
  const eth = new EthernetFrame(frame);
  if (eth.checkLen()) return `[|ether] length ${frame.length}`;
  switch (eth.etherType) {
    case ETH_P_ARP:
      return describeArp(eth.payload);
    case ETH_P_IP:
      return describeIpv4(eth.payload);
    case ETH_P_IPV6:
      return `ethertype IPv6 (0x86dd), length ${frame.length}`;
    default:
      return `ethertype Unknown (0x${eth.etherType.toString(16).padStart(4, '0')}), length ${frame.length}`;
  }
}

/** describeArp prints an ARP packet as tcpdump does. */
export function describeArp(bytes: Uint8Array): string {
  const arp = new ArpPacket(bytes);
  if (arp.checkLen()) return 'ARP, [|arp]';
  if (!arp.isEthernetIpv4) {
    return `ARP, hardware type ${arp.hardwareType}, protocol 0x${arp.protocolType.toString(16).padStart(4, '0')}, length ${bytes.length}`;
  }
  const spa = formatIpv4Addr(arp.senderIp);
  const tpa = formatIpv4Addr(arp.targetIp);
  if (arp.operation === ARPOP_REQUEST) {
    const tha = arp.targetMac === MAC_ZERO ? '' : ` (${arp.targetMac})`;
    return `ARP, Request who-has ${tpa}${tha} tell ${spa}, length ${bytes.length}`;
  }
  if (arp.operation === ARPOP_REPLY)
    return `ARP, Reply ${spa} is-at ${arp.senderMac}, length ${bytes.length}`;
  return `ARP, Unknown (${arp.operation}), length ${bytes.length}`;
}

/** describeIpv4 prints an IPv4 packet and its TCP, UDP or ICMP content as tcpdump does. */
export function describeIpv4(bytes: Uint8Array): string {
  const ip = new Ipv4Packet(bytes);
  const bad = ip.checkHeaderLen();
  if (bad) return `IP [|ip] ${bad.reason}`;
  const src = formatIpv4Addr(ip.src);
  const dst = formatIpv4Addr(ip.dst);
  const payload = ip.payload;
  if (ip.fragOffset > 0) return `IP ${src} > ${dst}: ip-proto-${ip.protocol}`;
  switch (ip.protocol) {
    case IPPROTO_TCP:
      return `IP ${describeTcp(src, dst, payload)}`;
    case IPPROTO_UDP:
      return `IP ${describeUdp(src, dst, payload)}`;
    case IPPROTO_ICMP:
      return `IP ${src} > ${dst}: ${describeIcmp(payload)}`;
    default:
      return `IP ${src} > ${dst}: ip-proto-${ip.protocol} ${payload.length}`;
  }
}

function describeTcp(src: string, dst: string, bytes: Uint8Array): string {
  const tcp = new TcpSegment(bytes);
  if (tcp.checkLen()) return `${src} > ${dst}: [|tcp]`;
  const parts = [`${src}.${tcp.srcPort} > ${dst}.${tcp.dstPort}: Flags [${formatTcpFlags(tcp.flags)}]`];
  const len = tcp.payload.length;
  if (len > 0 || tcp.flags & (TCPHDR_SYN | TCPHDR_FIN | TCPHDR_RST)) {
    parts.push(len > 0 ? `seq ${tcp.seq}:${(tcp.seq + len) >>> 0}` : `seq ${tcp.seq}`);
  }
  if (tcp.flags & TCPHDR_ACK) parts.push(`ack ${tcp.ack}`);
  parts.push(`win ${tcp.window}`);
  if (tcp.flags & TCPHDR_URG) parts.push(`urg ${tcp.urgentPtr}`);
  if (tcp.optionBytes.length > 0) {
    const options = parseOptions(tcp.optionBytes);
    parts.push(Array.isArray(options) ? `options [${formatOptions(options)}]` : 'options [bad opt]');
  }
  parts.push(`length ${len}`);
  return parts.join(', ');
}

function describeUdp(src: string, dst: string, bytes: Uint8Array): string {
  const udp = new UdpDatagram(bytes);
  if (udp.checkHeaderLen()) return `${src} > ${dst}: [|udp]`;
  const head = `${src}.${udp.srcPort} > ${dst}.${udp.dstPort}: UDP, `;
  if (udp.length < 8) return `${head}bad length ${udp.length} < 8`;
  return `${head}length ${udp.length - 8}`;
}

const PROTO_NAMES: Record<number, string> = {
  [IPPROTO_TCP]: 'tcp',
  [IPPROTO_UDP]: 'udp',
  [IPPROTO_ICMP]: 'icmp',
};

function describeUnreachable(code: number, mtu: number, quoted: Uint8Array): string {
  const orig = new Ipv4Packet(quoted);
  if (orig.checkHeaderLen()) return `unreachable - code ${code}`;
  const dst = formatIpv4Addr(orig.dst);
  switch (code) {
    case ICMP_NET_UNREACH:
      return `net ${dst} unreachable`;
    case ICMP_HOST_UNREACH:
      return `host ${dst} unreachable`;
    case ICMP_PROT_UNREACH:
      return `${dst} protocol ${orig.protocol} unreachable`;
    case ICMP_PORT_UNREACH: {
      const transport = quoted.subarray(orig.headerLen);
      const name = PROTO_NAMES[orig.protocol] ?? `ip-proto-${orig.protocol}`;
      if (transport.length < 4) return `${dst} ${name} port unreachable`;
      return `${dst} ${name} port ${(transport[2] << 8) | transport[3]} unreachable`;
    }
    case ICMP_FRAG_NEEDED:
      return `${dst} unreachable - need to frag (mtu ${mtu})`;
    case ICMP_PKT_FILTERED:
      return `host ${dst} unreachable - admin prohibited filter`;
    default:
      return `${dst} unreachable - code ${code}`;
  }
}

/** describeIcmp prints an ICMP message as tcpdump does after `ICMP`. */
export function describeIcmp(bytes: Uint8Array): string {
  const icmp = new IcmpMessage(bytes);
  if (icmp.checkLen()) return 'ICMP [|icmp]';
  let text: string;
  switch (icmp.type) {
    case ICMP_ECHO:
    case ICMP_ECHOREPLY: {
      const what = icmp.type === ICMP_ECHO ? 'request' : 'reply';
      text = `echo ${what}, id ${icmp.echoId}, seq ${icmp.echoSeq}`;
      break;
    }
    case ICMP_DEST_UNREACH:
      text = describeUnreachable(icmp.code, icmp.nextHopMtu, icmp.data);
      break;
    case ICMP_TIME_EXCEEDED:
      text =
        icmp.code === ICMP_EXC_TTL
          ? 'time exceeded in-transit'
          : icmp.code === ICMP_EXC_FRAGTIME
            ? 'ip reassembly time exceeded'
            : `time exceeded - code ${icmp.code}`;
      break;
    default:
      text = `type-#${icmp.type}`;
  }
  return `ICMP ${text}, length ${bytes.length}`;
}
