// net/netfilter/core.c (nf_hook_slow) with an iptables-like rule walk: each hook evaluates
// its chain's rules in order against the packet's IPv4/TCP/UDP header; the first matching
// ACCEPT/DROP/REJECT decides, LOG records and continues, no match is the chain's ACCEPT
// policy. The verdict is recorded as an nf_hook event; a DROP frees the skb with
// SKB_DROP_REASON_NETFILTER_DROP and returns -EPERM, as nf_hook_slow does.

import type { Host } from '../../host/host';
import type { SkBuff } from '../../include/linux/skbuff';
import { HOOK_CHAIN, type NfHook } from '../../include/uapi/netfilter';
import { ipToString } from '../../include/uapi/in';
import { kfree_skb } from '../core/skbuff';

/** NfRule is one iptables-like rule: optional matches and a target. */
export interface NfRule {
  readonly protocol?: number;
  readonly saddr?: string;
  readonly daddr?: string;
  readonly sport?: number;
  readonly dport?: number;
  /** tcpFlags matches when all these TCPHDR_* bits are set. */
  readonly tcpFlags?: number;
  readonly target: 'ACCEPT' | 'DROP' | 'REJECT' | 'LOG';
}

/** PacketKey is what rules match on, read from the skb's headers. */
interface PacketKey {
  protocol: number;
  saddr: string;
  daddr: string;
  sport: number;
  dport: number;
  flags: number;
}

/** keyOf reads the packet key from the IPv4 header at skb->network_header. */
function keyOf(skb: SkBuff): PacketKey {
  const b = skb.head;
  const n = skb.f.network_header;
  const ihl = (b[n]! & 0x0f) * 4;
  const rd32 = (o: number): number =>
    ((b[o]! << 24) | (b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!) >>> 0;
  const t = n + ihl;
  const protocol = b[n + 9]!;
  const ports = protocol === 6 || protocol === 17;
  return {
    protocol,
    saddr: ipToString(rd32(n + 12)),
    daddr: ipToString(rd32(n + 16)),
    sport: ports ? (b[t]! << 8) | b[t + 1]! : 0,
    dport: ports ? (b[t + 2]! << 8) | b[t + 3]! : 0,
    flags: protocol === 6 ? b[t + 13]! : 0,
  };
}

/** ruleMatches tells whether rule r matches packet key k. */
function ruleMatches(r: NfRule, k: PacketKey): boolean {
  return (
    (r.protocol === undefined || r.protocol === k.protocol) &&
    (r.saddr === undefined || r.saddr === k.saddr) &&
    (r.daddr === undefined || r.daddr === k.daddr) &&
    (r.sport === undefined || r.sport === k.sport) &&
    (r.dport === undefined || r.dport === k.dport) &&
    (r.tcpFlags === undefined || (k.flags & r.tcpFlags) === r.tcpFlags)
  );
}

/** nf_hook runs the hook's chain on skb; on accept it returns okfn(), on drop -EPERM. */
export function nf_hook(h: Host, hook: NfHook, skb: SkBuff, okfn: () => number): number {
  const chain = HOOK_CHAIN[hook];
  const rules = (h.net.netfilter.get(chain) ?? []) as NfRule[];
  const verdict = h.kcall(
    'nf_hook_slow',
    `${hook}, skb=${skb.addr}`,
    () => {
      const k = rules.length > 0 ? keyOf(skb) : null;
      for (const [i, r] of rules.entries()) {
        if (k === null || !ruleMatches(r, k)) continue;
        const ruleName = `${chain}#${i + 1} -j ${r.target}`;
        const v = r.target === 'LOG' ? 'LOG' : r.target === 'ACCEPT' ? 'NF_ACCEPT' : 'NF_DROP';
        record(h, hook, skb, v, ruleName);
        if (r.target !== 'LOG') return v;
      }
      record(h, hook, skb, 'NF_ACCEPT', `${chain} policy ACCEPT`);
      return 'NF_ACCEPT';
    },
    'net/netfilter/core.c',
  );
  if (verdict === 'NF_ACCEPT') return okfn();
  kfree_skb(h, skb, 'SKB_DROP_REASON_NETFILTER_DROP');
  return h.kerr('EPERM', `netfilter ${chain} dropped the packet (NF_DROP)`);
}

/** record adds one nf_hook verdict event. */
function record(h: Host, hook: NfHook, skb: SkBuff, verdict: string, rule: string): void {
  if (!h.trace.wants('nf_hook')) return;
  h.trace.record('nf_hook', h.now, h.name, { hook, pf: 2, skbaddr: skb.addr, verdict, rule });
}
