// Netfilter hook numbers and verdicts (include/uapi/linux/netfilter.h; reference §5.2).

/** NF_INET_HOOKS lists the IPv4 hooks by number, one row per hook. */
// prettier-ignore
export const NF_INET_HOOKS = [
  'NF_INET_PRE_ROUTING', // 0: ip_rcv
  'NF_INET_LOCAL_IN', // 1: ip_local_deliver
  'NF_INET_FORWARD', // 2: ip_forward
  'NF_INET_LOCAL_OUT', // 3: __ip_local_out
  'NF_INET_POST_ROUTING', // 4: ip_output
] as const;

/** NfHook is one IPv4 hook name. */
export type NfHook = (typeof NF_INET_HOOKS)[number];

/** NF_VERDICTS lists the verdicts by number: NF_DROP 0 … NF_STOP 5. */
export const NF_VERDICTS = ['NF_DROP', 'NF_ACCEPT', 'NF_STOLEN', 'NF_QUEUE', 'NF_REPEAT', 'NF_STOP'] as const;

/** HOOK_CHAIN maps each hook to the iptables chain SockLab evaluates there (filter table, or nat/mangle name). */
// prettier-ignore
export const HOOK_CHAIN: Readonly<Record<NfHook, string>> = {
  NF_INET_PRE_ROUTING: 'PREROUTING', // raw/mangle/nat PREROUTING
  NF_INET_LOCAL_IN: 'INPUT', // filter INPUT
  NF_INET_FORWARD: 'FORWARD', // filter FORWARD
  NF_INET_LOCAL_OUT: 'OUTPUT', // filter OUTPUT
  NF_INET_POST_ROUTING: 'POSTROUTING', // mangle/nat POSTROUTING
};
