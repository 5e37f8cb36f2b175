// net/netfilter/core.c (nf_hook_slow) with an iptables-like rule walk: each hook evaluates
// its chain's rules in order against the packet's IPv4/TCP/UDP header; the first matching
// ACCEPT/DROP/REJECT decides, LOG writes the kernel log and continues, no match is the
// chain's policy (ACCEPT). Every verdict is recorded as an nf_hook event naming the rule. A
// DROP or REJECT frees the skb with SKB_DROP_REASON_NETFILTER_DROP and returns -EPERM, as
// nf_hook_slow does; REJECT first answers the sender (targets.ts).

import type { Host } from '../../host/host';
import type { SkBuff } from '../../include/linux/skbuff';
import type { Rtable } from '../../include/net/route';
import { HOOK_CHAIN, type NfHook } from '../../include/uapi/netfilter';
import { ipFromString } from '../../include/uapi/in';
import { kfree_skb } from '../core/skbuff';
import { log_tg, reject_tg } from './targets';

/** NfRule is one iptables-like rule: optional matches and a target. */
export interface NfRule {
  /** protocol is -p: IPPROTO_* number. */
  readonly protocol?: number;
  /** saddr / daddr are -s / -d: a dotted quad, optionally with a /prefix. */
  readonly saddr?: string;
  readonly daddr?: string;
  /** sport / dport are --sport / --dport (needs -p tcp or udp). */
  readonly sport?: number;
  readonly dport?: number;
  /** tcpFlags are the TCPHDR_* bits that must be set (--tcp-flags MASK COMP: COMP). */
  readonly tcpFlags?: number;
  /** tcpFlagsMask is --tcp-flags' MASK: the bits examined (default: tcpFlags itself). */
  readonly tcpFlagsMask?: number;
  /** inIface / outIface are -i / -o. */
  readonly inIface?: string;
  readonly outIface?: string;
  readonly target: 'ACCEPT' | 'DROP' | 'REJECT' | 'LOG';
  /** rejectWith is REJECT's --reject-with (icmp-port-unreachable when absent). */
  readonly rejectWith?: string;
  /** logPrefix is LOG's --log-prefix. */
  readonly logPrefix?: string;
}

/** PacketKey is what rules match on, read from the skb's headers. */
interface PacketKey {
  protocol: number;
  saddr: number;
  daddr: number;
  sport: number;
  dport: number;
  flags: number;
  inDev: string;
  outDev: string;
}

/** keyOf reads the packet key from the IPv4 header at skb->network_header. */
function keyOf(skb: SkBuff, inDev: string, outDev: string): PacketKey {
  const b = skb.head;
  const n = skb.f.network_header;
  const ihl = (b[n]! & 0x0f) * 4;
  const rd32 = (o: number): number =>
    ((b[o]! << 24) | (b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!) >>> 0;
  const t = n + ihl;
  const protocol = b[n + 9]!;
  const ports = (protocol === 6 || protocol === 17) && (((b[n + 6]! << 8) | b[n + 7]!) & 0x1fff) === 0;
  return {
    protocol,
    saddr: rd32(n + 12),
    daddr: rd32(n + 16),
    sport: ports ? (b[t]! << 8) | b[t + 1]! : -1,
    dport: ports ? (b[t + 2]! << 8) | b[t + 3]! : -1,
    flags: protocol === 6 ? b[t + 13]! : 0,
    inDev,
    outDev,
  };
}

/** addrMatches tells whether address a is inside "x.x.x.x[/len]". */
function addrMatches(spec: string, a: number): boolean {
  const [ip, len] = spec.split('/');
  const prefix = len === undefined ? 32 : Number(len);
  const mask = prefix === 0 ? 0 : (~0 << (32 - prefix)) >>> 0;
  return ((ipFromString(ip ?? '') ?? -1) & mask) >>> 0 === (a & mask) >>> 0;
}

/** ruleMatches tells whether rule r matches packet key k. */
export function ruleMatches(r: NfRule, k: PacketKey): boolean {
  const mask = r.tcpFlagsMask ?? r.tcpFlags ?? 0;
  return (
    (r.protocol === undefined || r.protocol === k.protocol) &&
    (r.saddr === undefined || addrMatches(r.saddr, k.saddr)) &&
    (r.daddr === undefined || addrMatches(r.daddr, k.daddr)) &&
    (r.sport === undefined || r.sport === k.sport) &&
    (r.dport === undefined || r.dport === k.dport) &&
    (r.tcpFlags === undefined || (k.protocol === 6 && (k.flags & mask) === r.tcpFlags)) &&
    (r.inIface === undefined || r.inIface === k.inDev) &&
    (r.outIface === undefined || r.outIface === k.outDev)
  );
}

/** devsAt returns the in and out device names a hook sees (LOG's IN= / OUT=, -i / -o). */
function devsAt(h: Host, hook: NfHook, skb: SkBuff): [string, string] {
  if (hook === 'NF_INET_PRE_ROUTING' || hook === 'NF_INET_LOCAL_IN') return [skb.f.dev ?? '', ''];
  const rt = h.live.get(skb.f.dst ?? '') as Rtable | undefined;
  return ['', skb.f.dev ?? rt?.f['dst.dev'] ?? ''];
}

/** nf_hook runs the hook's chain on skb; on accept it returns okfn(), on drop or reject -EPERM. */
export function nf_hook(h: Host, hook: NfHook, skb: SkBuff, okfn: () => number): number {
  const chain = HOOK_CHAIN[hook];
  const rules = (h.net.netfilter.get(chain) ?? []) as NfRule[];
  const r = h.kcall(
    'nf_hook_slow',
    `${hook}, skb=${skb.addr}`,
    () => {
      if (nfWalk(h, hook, chain, rules, skb) === 'NF_ACCEPT') return 1;
      kfree_skb(h, skb, 'SKB_DROP_REASON_NETFILTER_DROP');
      return h.kerr('EPERM', `netfilter ${chain} dropped the packet (NF_DROP)`);
    },
    'net/netfilter/core.c',
  );
  return r === 1 ? okfn() : r;
}

/** nfWalk evaluates chain's rules on skb in order at hook and returns the verdict (NF_ACCEPT or NF_DROP). */
function nfWalk(h: Host, hook: NfHook, chain: string, rules: readonly NfRule[], skb: SkBuff): string {
  const [inDev, outDev] = devsAt(h, hook, skb);
  const k = rules.length > 0 ? keyOf(skb, inDev, outDev) : null;
  for (const [i, r] of rules.entries()) {
    if (k === null || !ruleMatches(r, k)) continue;
    const ruleName = `${chain}#${i + 1} -j ${r.target}`;
    if (r.target === 'LOG') {
      record(h, hook, skb, 'LOG', ruleName);
      log_tg(h, skb, r.logPrefix ?? '', inDev, outDev);
      continue;
    }
    const v = r.target === 'ACCEPT' ? 'NF_ACCEPT' : 'NF_DROP';
    record(
      h,
      hook,
      skb,
      v,
      r.target === 'REJECT'
        ? `${ruleName} --reject-with ${r.rejectWith ?? 'icmp-port-unreachable'}`
        : ruleName,
    );
    if (r.target === 'REJECT') reject_tg(h, skb, hook, r.rejectWith ?? 'icmp-port-unreachable');
    return v;
  }
  record(h, hook, skb, 'NF_ACCEPT', `${chain} policy ACCEPT`);
  return 'NF_ACCEPT';
}

/** record adds one nf_hook verdict event. */
function record(h: Host, hook: NfHook, skb: SkBuff, verdict: string, rule: string): void {
  if (!h.trace.wants('nf_hook')) return;
  h.trace.record('nf_hook', h.now, h.name, { hook, pf: 2, skbaddr: skb.addr, verdict, rule });
}
