// The REJECT and LOG targets (net/ipv4/netfilter/ipt_REJECT.c with nf_reject_ipv4.c, and
// net/netfilter/xt_LOG.c with nf_log_syslog.c). REJECT answers with an ICMP destination
// unreachable of the chosen code (icmp_send, port unreachable by default) or, for TCP, a RST
// built from the offending segment (nf_send_reset), then drops the packet. LOG prints the
// packet's headers in the kernel's "IN= OUT= SRC= …" format to the host's kernel log.

import type { Host } from '../../host/host';
import { kset } from '../../host/kstruct';
import type { SkBuff } from '../../include/linux/skbuff';
import { ipFromString } from '../../include/uapi/in';
import { tcp as wireTcp } from '../../../wire';
import { alloc_skb, skb_put, skb_reserve } from '../core/skbuff';
import { icmp_send } from '../ipv4/icmp';
import { pushIpHeader, type Datagram } from '../ipv4/ip_make_skb';
import { ip_local_out } from '../ipv4/ip_output';
import { ip_route_output } from '../ipv4/route';

/** REJECT_WITH maps each --reject-with name to its ICMP unreachable code (null for tcp-reset), one row per type. */
// prettier-ignore
export const REJECT_WITH: Readonly<Record<string, number | null>> = {
  'icmp-net-unreachable': 0, // ICMP_NET_UNREACH
  'icmp-host-unreachable': 1, // ICMP_HOST_UNREACH
  'icmp-proto-unreachable': 2, // ICMP_PROT_UNREACH
  'icmp-port-unreachable': 3, // ICMP_PORT_UNREACH (the default)
  'icmp-net-prohibited': 9, // ICMP_NET_ANO
  'icmp-host-prohibited': 10, // ICMP_HOST_ANO
  'icmp-admin-prohibited': 13, // ICMP_PKT_FILTERED
  'tcp-reset': null, // nf_send_reset
};

/** reject_tg is the REJECT target: an ICMP error or a TCP RST back to the sender; the verdict is NF_DROP. */
export function reject_tg(h: Host, skb: SkBuff, hook: string, rejectWith: string): void {
  h.kcall(
    'reject_tg',
    `skb=${skb.addr}, --reject-with ${rejectWith}`,
    () => {
      const code = REJECT_WITH[rejectWith];
      if (code === null) nf_send_reset(h, skb, hook);
      else
        h.kcall(
          'nf_send_unreach',
          `skb=${skb.addr}, code=${code}`,
          () => icmp_send(h, skb, 3, code ?? 3),
          'net/ipv4/netfilter/nf_reject_ipv4.c',
        );
    },
    'net/ipv4/netfilter/ipt_REJECT.c',
  );
}

/** nf_send_reset answers a TCP segment with a RST: seq = its ack if it had ACK, else ack = seq + its length (+SYN/FIN). */
function nf_send_reset(h: Host, old: SkBuff, hook: string): void {
  h.kcall(
    'nf_send_reset',
    `skb=${old.addr}, hook=${hook}`,
    () => {
      const n = old.f.network_header;
      const b = old.head;
      const ihl = (b[n]! & 0x0f) * 4;
      if (b[n + 9] !== 6) return;
      const tot = (b[n + 2]! << 8) | b[n + 3]!;
      const t = n + ihl;
      const rd32 = (o: number): number =>
        ((b[o]! << 24) | (b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!) >>> 0;
      const flags = b[t + 13]!;
      if ((flags & 0x04) !== 0) return; // never a RST for a RST
      const doff = (b[t + 12]! >> 4) * 4;
      const len = tot - ihl - doff + ((flags & 0x02) !== 0 ? 1 : 0) + ((flags & 0x01) !== 0 ? 1 : 0);
      const hasAck = (flags & 0x10) !== 0;
      const saddr = `${b[n + 16]}.${b[n + 17]}.${b[n + 18]}.${b[n + 19]}`;
      const daddr = `${b[n + 12]}.${b[n + 13]}.${b[n + 14]}.${b[n + 15]}`;
      const rt = ip_route_output(h, ipFromString(daddr)!);
      if (typeof rt === 'number') return;
      const repr: wireTcp.TcpRepr = {
        srcPort: (b[t + 2]! << 8) | b[t + 3]!,
        dstPort: (b[t]! << 8) | b[t + 1]!,
        seq: hasAck ? rd32(t + 8) : 0,
        ack: hasAck ? 0 : (rd32(t + 4) + len) >>> 0,
        flags: hasAck ? 0x04 : 0x14,
        reserved: 0,
        window: 0,
        urgentPtr: 0,
        options: [],
        payload: new Uint8Array(0),
      };
      const d: Datagram = {
        saddr,
        daddr,
        protocol: 6,
        len: 20,
        fill: (buf) => wireTcp.emit(repr, buf, { src: ipFromString(saddr)!, dst: ipFromString(daddr)! }),
        rt,
      };
      const skb = alloc_skb(h, 128 + 20);
      skb_reserve(h, skb, 128);
      const at = skb_put(h, skb, 20);
      kset(h, skb, 'transport_header', at);
      d.fill(skb.head.subarray(at, at + 20));
      pushIpHeader(h, skb, d, { ttl: h.sysctl['net.ipv4.ip_default_ttl'], df: true, id: 0, tos: 0 });
      ip_local_out(h, skb);
    },
    'net/ipv4/netfilter/nf_reject_ipv4.c',
  );
}

/** TCP_FLAG_NAMES are the TCP flags in the order LOG prints them. */
const TCP_FLAG_NAMES: ReadonlyArray<readonly [number, string]> = [
  [0x20, 'URG'],
  [0x10, 'ACK'],
  [0x08, 'PSH'],
  [0x04, 'RST'],
  [0x02, 'SYN'],
  [0x01, 'FIN'],
];

/** logLine formats the packet as the LOG target prints it (nf_log_dump_packet), without the timestamp. */
export function logLine(skb: SkBuff, prefix: string, inDev: string, outDev: string): string {
  const n = skb.f.network_header;
  const b = skb.head;
  const ihl = (b[n]! & 0x0f) * 4;
  const fo = (b[n + 6]! << 8) | b[n + 7]!;
  const ip = (o: number): string => `${b[n + o]}.${b[n + o + 1]}.${b[n + o + 2]}.${b[n + o + 3]}`;
  const hex = (v: number): string => `0x${v.toString(16).padStart(2, '0').toUpperCase()}`;
  const parts = [
    `${prefix}IN=${inDev} OUT=${outDev}`,
    `SRC=${ip(12)} DST=${ip(16)} LEN=${(b[n + 2]! << 8) | b[n + 3]!} TOS=${hex(b[n + 1]! & 0x1e)} PREC=${hex(b[n + 1]! & 0xe0)} TTL=${b[n + 8]} ID=${(b[n + 4]! << 8) | b[n + 5]!}${(fo & 0x4000) !== 0 ? ' DF' : ''}${(fo & 0x2000) !== 0 ? ' MF' : ''}${(fo & 0x1fff) !== 0 ? ` FRAG:${fo & 0x1fff}` : ''}`,
  ];
  const t = n + ihl;
  const proto = b[n + 9]!;
  const port = (o: number): number => (b[t + o]! << 8) | b[t + o + 1]!;
  if (proto === 6) {
    const flags = TCP_FLAG_NAMES.filter(([bit]) => (b[t + 13]! & bit) !== 0).map(([, name]) => name);
    parts.push(
      `PROTO=TCP SPT=${port(0)} DPT=${port(2)} WINDOW=${port(14)} RES=0x00 ${flags.join(' ')}${flags.length > 0 ? ' ' : ''}URGP=${port(18)}`,
    );
  } else if (proto === 17) parts.push(`PROTO=UDP SPT=${port(0)} DPT=${port(2)} LEN=${port(4)}`);
  else if (proto === 1) {
    const echo = b[t] === 0 || b[t] === 8 ? ` ID=${port(4)} SEQ=${port(6)}` : '';
    parts.push(`PROTO=ICMP TYPE=${b[t]} CODE=${b[t + 1]}${echo}`);
  } else parts.push(`PROTO=${proto}`);
  return parts.join(' ');
}

/** log_tg is the LOG target: the packet's line goes to the kernel log as "[seconds] prefix IN=… OUT=…", and the rule walk continues. */
export function log_tg(h: Host, skb: SkBuff, prefix: string, inDev: string, outDev: string): void {
  h.kcall(
    'log_tg',
    `skb=${skb.addr}`,
    () => {
      const line = logLine(skb, prefix, inDev, outDev);
      const ns = h.now;
      const stamp = `[${String(Math.floor(ns / 1e9)).padStart(5, ' ')}.${String(Math.floor((ns % 1e9) / 1000)).padStart(6, '0')}]`;
      h.kcall('nf_log_packet', line, () => h.klog.push(`${stamp} ${line}`), 'net/netfilter/nf_log.c');
    },
    'net/netfilter/xt_LOG.c',
  );
}
