// The part of tcpdump's filter language (pcap-filter(7)) a lab needs: `tcp`, `udp`, `icmp`,
// `arp`, `ip`, `[src|dst] host ADDR`, `[src|dst] port N`, joined by `and`/`&&`, `or`/`||` and
// `not`/`!`, with `and` binding tighter than `or` as in pcap. A frame is matched on the facts
// frameFacts reads from its headers.
import { ETH_P_ARP, ETH_P_IP, EthernetFrame } from '../../wire/ethernet';
import { ArpPacket } from '../../wire/arp';
import { IPPROTO_ICMP, IPPROTO_TCP, IPPROTO_UDP, Ipv4Packet, formatIpv4Addr } from '../../wire/ipv4';

/** FrameFacts are what a filter can ask about a frame. */
export interface FrameFacts {
  readonly proto: 'arp' | 'tcp' | 'udp' | 'icmp' | 'ip' | 'other';
  readonly src?: string;
  readonly dst?: string;
  readonly sport?: number;
  readonly dport?: number;
}

/** frameFacts decodes the protocol, addresses and ports of an Ethernet frame. */
export function frameFacts(frame: Uint8Array): FrameFacts {
  const eth = new EthernetFrame(frame);
  if (eth.checkLen()) return { proto: 'other' };
  if (eth.etherType === ETH_P_ARP) {
    const a = new ArpPacket(eth.payload);
    if (a.checkLen()) return { proto: 'arp' };
    return { proto: 'arp', src: formatIpv4Addr(a.senderIp), dst: formatIpv4Addr(a.targetIp) };
  }
  if (eth.etherType !== ETH_P_IP) return { proto: 'other' };
  const ip = new Ipv4Packet(eth.payload);
  if (ip.checkLen()) return { proto: 'ip' };
  const base = { src: formatIpv4Addr(ip.src), dst: formatIpv4Addr(ip.dst) };
  const p = ip.payload;
  const ports = p.length >= 4 ? { sport: (p[0]! << 8) | p[1]!, dport: (p[2]! << 8) | p[3]! } : {};
  if (ip.protocol === IPPROTO_TCP) return { proto: 'tcp', ...base, ...ports };
  if (ip.protocol === IPPROTO_UDP) return { proto: 'udp', ...base, ...ports };
  return { proto: ip.protocol === IPPROTO_ICMP ? 'icmp' : 'ip', ...base };
}

/** FrameFilter tells whether a frame's facts match. */
export type FrameFilter = (f: FrameFacts) => boolean;

/** compileFilter parses a filter expression; a string is tcpdump's error message. */
export function compileFilter(
  words: readonly string[],
  resolve: (name: string) => string | undefined,
): FrameFilter | string {
  const tokens = words.flatMap((w) => w.split(/(\(|\)|!)/).filter((t) => t !== ''));
  let i = 0;
  const error = 'syntax error in filter expression: syntax error';
  const primary = (): FrameFilter | string => {
    const t = tokens[i++];
    if (t === undefined) return error;
    if (t === 'not' || t === '!') {
      const inner = primary();
      return typeof inner === 'string' ? inner : (f) => !inner(f);
    }
    if (t === '(') {
      const inner = or();
      if (typeof inner === 'string' || tokens[i++] !== ')') return error;
      return inner;
    }
    if (t === 'tcp' || t === 'udp' || t === 'icmp' || t === 'arp') {
      const next = tokens[i];
      if (next !== 'port' && next !== 'src' && next !== 'dst') return (f) => f.proto === t;
      const rest = primary(); // `tcp port 80` is `tcp and port 80`
      return typeof rest === 'string' ? rest : (f) => f.proto === t && rest(f);
    }
    if (t === 'ip') return (f) => f.proto !== 'arp' && f.proto !== 'other';
    let dir: 'src' | 'dst' | undefined;
    let kind = t;
    if (t === 'src' || t === 'dst') {
      dir = t;
      kind = tokens[i++] ?? '';
    }
    if (kind === 'host') {
      const name = tokens[i++];
      const addr = name === undefined ? undefined : resolve(name);
      if (name === undefined) return error;
      if (addr === undefined) return `can't resolve host '${name}'`;
      return (f) => (dir !== 'dst' && f.src === addr) || (dir !== 'src' && f.dst === addr);
    }
    if (kind === 'port') {
      const n = Number(tokens[i++]);
      if (!Number.isInteger(n) || n < 0 || n > 65535) return 'illegal port number';
      return (f) =>
        (f.proto === 'tcp' || f.proto === 'udp') &&
        ((dir !== 'dst' && f.sport === n) || (dir !== 'src' && f.dport === n));
    }
    return error;
  };
  const and = (): FrameFilter | string => {
    let left = primary();
    while (typeof left !== 'string' && (tokens[i] === 'and' || tokens[i] === '&&')) {
      i++;
      const right = primary();
      if (typeof right === 'string') return right;
      const l = left;
      left = (f) => l(f) && right(f);
    }
    return left;
  };
  const or = (): FrameFilter | string => {
    let left = and();
    while (typeof left !== 'string' && (tokens[i] === 'or' || tokens[i] === '||')) {
      i++;
      const right = and();
      if (typeof right === 'string') return right;
      const l = left;
      left = (f) => l(f) || right(f);
    }
    return left;
  };
  if (tokens.length === 0) return () => true;
  const filter = or();
  if (typeof filter !== 'string' && i < tokens.length) return error;
  return filter;
}
