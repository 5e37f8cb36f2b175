// The rule-table API the shell's `iptables` uses (the filter table's INPUT, FORWARD and
// OUTPUT chains plus the PREROUTING and POSTROUTING hooks): append, insert, delete, list and
// flush per chain, with iptables' own checks (REJECT only in INPUT/FORWARD/OUTPUT, ports and
// tcp-reset only with -p tcp/udp) and its `iptables -S` rule format for listing. Each
// function returns null on success or the error text iptables would print.

import type { Host } from '../../host/host';
import { IPPROTO_NAMES, ipFromString } from '../../include/uapi/in';
import type { NfRule } from './core';
import { REJECT_WITH } from './targets';

/** NF_CHAINS are the chains a rule can go into, in hook order. */
export const NF_CHAINS = ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'] as const;

/** NfChain is one chain name. */
export type NfChain = (typeof NF_CHAINS)[number];

const TCP_FLAGS: ReadonlyArray<readonly [number, string]> = [
  [0x01, 'FIN'],
  [0x02, 'SYN'],
  [0x04, 'RST'],
  [0x08, 'PSH'],
  [0x10, 'ACK'],
  [0x20, 'URG'],
];

/** rulesOf returns chain's rule list, or an error for an unknown chain. */
function rulesOf(h: Host, chain: string): NfRule[] | string {
  if (!(NF_CHAINS as readonly string[]).includes(chain))
    return `iptables: No chain/target/match by that name.`;
  let list = h.net.netfilter.get(chain) as NfRule[] | undefined;
  if (list === undefined) h.net.netfilter.set(chain, (list = []));
  return list;
}

/** checkRule returns iptables' complaint about a rule, or null when it is valid in chain. */
export function checkRule(chain: string, r: NfRule): string | null {
  if (r.target === 'REJECT' && !['INPUT', 'FORWARD', 'OUTPUT'].includes(chain))
    return `iptables: REJECT is only valid in the INPUT, FORWARD and OUTPUT chains, not ${chain}.`;
  if (r.rejectWith !== undefined && (r.target !== 'REJECT' || !(r.rejectWith in REJECT_WITH)))
    return `iptables: unknown reject type "${r.rejectWith}"`;
  if (r.rejectWith === 'tcp-reset' && r.protocol !== 6) return 'iptables: TCP_RESET invalid for non-tcp';
  if ((r.sport !== undefined || r.dport !== undefined) && r.protocol !== 6 && r.protocol !== 17)
    return "iptables: port matches need '-p tcp' or '-p udp'";
  if (r.tcpFlags !== undefined && r.protocol !== 6) return "iptables: --tcp-flags needs '-p tcp'";
  for (const p of [r.sport, r.dport])
    if (p !== undefined && (p < 0 || p > 65535 || !Number.isInteger(p))) return `iptables: invalid port ${p}`;
  for (const a of [r.saddr, r.daddr]) {
    if (a === undefined) continue;
    const [ip, len] = a.split('/');
    if (
      ipFromString(ip ?? '') === undefined ||
      (len !== undefined && !(Number(len) >= 0 && Number(len) <= 32))
    )
      return `iptables: host/network \`${a}' not found`;
  }
  if (r.logPrefix !== undefined && (r.target !== 'LOG' || r.logPrefix.length > 29))
    return 'iptables: --log-prefix is for LOG and at most 29 characters';
  return null;
}

/** nfAppend is `iptables -A chain rule`. */
export function nfAppend(h: Host, chain: string, rule: NfRule): string | null {
  const list = rulesOf(h, chain);
  if (typeof list === 'string') return list;
  const bad = checkRule(chain, rule);
  if (bad !== null) return bad;
  list.push(rule);
  return null;
}

/** nfInsert is `iptables -I chain [pos] rule` (pos counts from 1). */
export function nfInsert(h: Host, chain: string, rule: NfRule, pos = 1): string | null {
  const list = rulesOf(h, chain);
  if (typeof list === 'string') return list;
  if (!Number.isInteger(pos) || pos < 1 || pos > list.length + 1)
    return 'iptables: Index of insertion too big.';
  const bad = checkRule(chain, rule);
  if (bad !== null) return bad;
  list.splice(pos - 1, 0, rule);
  return null;
}

/** nfDelete is `iptables -D chain N` (a 1-based number) or `iptables -D chain rule` (the first equal rule). */
export function nfDelete(h: Host, chain: string, which: number | NfRule): string | null {
  const list = rulesOf(h, chain);
  if (typeof list === 'string') return list;
  const i =
    typeof which === 'number'
      ? which - 1
      : list.findIndex((r) => ruleSpec(chain, r) === ruleSpec(chain, which));
  if (i < 0 || i >= list.length)
    return typeof which === 'number'
      ? 'iptables: Index of deletion too big.'
      : 'iptables: Bad rule (does a matching rule exist in that chain?).';
  list.splice(i, 1);
  return null;
}

/** nfFlush is `iptables -F [chain]`: every chain when chain is omitted. */
export function nfFlush(h: Host, chain?: string): string | null {
  for (const c of chain === undefined ? NF_CHAINS : [chain]) {
    const list = rulesOf(h, c);
    if (typeof list === 'string') return list;
    list.length = 0;
  }
  return null;
}

/** nfList is `iptables -S [chain]`: the policy lines, then one `-A` line per rule; an error string for an unknown chain. */
export function nfList(h: Host, chain?: string): string[] | string {
  const chains = chain === undefined ? NF_CHAINS : [chain];
  const out: string[] = [];
  for (const c of chains) {
    const list = rulesOf(h, c);
    if (typeof list === 'string') return list;
    out.push(`-P ${c} ACCEPT`);
  }
  for (const c of chains) for (const r of rulesOf(h, c) as NfRule[]) out.push(ruleSpec(c, r));
  return out;
}

/** flagNames renders TCP flag bits as iptables names them (SYN,ACK …), NONE for none. */
function flagNames(bits: number): string {
  const names = TCP_FLAGS.filter(([b]) => (bits & b) !== 0).map(([, n]) => n);
  return names.length === 0 ? 'NONE' : names.join(',');
}

/** ruleSpec renders a rule as `iptables -S` prints it. */
export function ruleSpec(chain: string, r: NfRule): string {
  const p: string[] = [`-A ${chain}`];
  const cidr = (a: string): string => (a.includes('/') ? a : `${a}/32`);
  if (r.saddr !== undefined) p.push(`-s ${cidr(r.saddr)}`);
  if (r.daddr !== undefined) p.push(`-d ${cidr(r.daddr)}`);
  if (r.inIface !== undefined) p.push(`-i ${r.inIface}`);
  if (r.outIface !== undefined) p.push(`-o ${r.outIface}`);
  if (r.protocol !== undefined) {
    const name = (IPPROTO_NAMES[r.protocol] ?? String(r.protocol)).replace('IPPROTO_', '').toLowerCase();
    p.push(`-p ${name}`);
    if (r.protocol === 6 || r.protocol === 17) p.push(`-m ${name}`);
  }
  if (r.sport !== undefined) p.push(`--sport ${r.sport}`);
  if (r.dport !== undefined) p.push(`--dport ${r.dport}`);
  if (r.tcpFlags !== undefined)
    p.push(`--tcp-flags ${flagNames(r.tcpFlagsMask ?? r.tcpFlags)} ${flagNames(r.tcpFlags)}`);
  p.push(`-j ${r.target}`);
  if (r.target === 'REJECT') p.push(`--reject-with ${r.rejectWith ?? 'icmp-port-unreachable'}`);
  if (r.logPrefix !== undefined) p.push(`--log-prefix "${r.logPrefix}"`);
  return p.join(' ');
}
