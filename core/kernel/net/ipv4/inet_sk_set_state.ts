// The one place a sock's state changes after creation. Linux 4.16+ funnels this through
// inet_sk_set_state (net/ipv4/af_inet.c), which fires the sock:inet_sock_set_state
// tracepoint; SockLab does the same in every era so the trace always shows the transition,
// while the call trace shows only the era's own functions (tcp_set_state …).

import type { Host } from '../../host/host';
import { kset } from '../../host/kstruct';
import type { Sock } from '../../include/net/sock';
import { tcpStateName } from '../../include/net/tcp_states';
import { IPPROTO_NAMES } from '../../include/uapi/in';

/** inet_sk_set_state records inet_sock_set_state and sets sk_state (net/ipv4/af_inet.c, 4.16+). */
export function inet_sk_set_state(h: Host, sk: Sock, state: number): void {
  const old = sk.f.sk_state;
  if (h.trace.wants('inet_sock_set_state')) {
    h.trace.record('inet_sock_set_state', h.now, h.name, {
      skaddr: sk.addr,
      protocol: IPPROTO_NAMES[sk.f.sk_protocol] ?? String(sk.f.sk_protocol),
      sport: sk.f.inet_num,
      dport: ((sk.f.inet_dport & 0xff) << 8) | (sk.f.inet_dport >>> 8),
      saddr: String(sk.f['inet_saddr'] ?? '0.0.0.0'),
      daddr: sk.f.inet_daddr,
      oldstate: tcpStateName(old),
      newstate: tcpStateName(state),
    });
  }
  kset(h, sk, 'sk_state', state);
}
