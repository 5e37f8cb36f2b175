// tcp_v4_connect (net/ipv4/tcp_ipv4.c, reference §2.9 step 3): route, addresses, SYN_SENT,
// ephemeral port via inet_hash_connect, sk_setup_caps, the ISN from the seeded generator,
// inet_id, then tcp_connect. tcp_set_state is the TCP entry to inet_sk_set_state.

import type { Host } from '../../host/host';
import { kset } from '../../host/kstruct';
import type { Sock } from '../../include/net/sock';
import { TCP_STATE } from '../../include/net/tcp_states';
import { ipToString, type SockaddrIn } from '../../include/uapi/in';
import { htons } from './af_inet';
import { bindTable, pickEphemeral } from './inet_hashtables';
import { inet_sk_set_state } from './inet_sk_set_state';
import { sk_setup_caps } from './ip_output';
import { ip_route_output, routeSource } from './route';
import { tcp_connect, tcpTime } from './tcp_output';

/** tcp_set_state changes a TCP sock's state through inet_sk_set_state (net/ipv4/tcp.c). */
export function tcp_set_state(h: Host, sk: Sock, state: number): void {
  h.kcall('tcp_set_state', `sk=${sk.addr}, ${state}`, () => inet_sk_set_state(h, sk, state));
}

/** estKey is the established-hash key of a connection seen from the local side. */
export function estKey(laddr: string, lport: number, raddr: string, rport: number): string {
  return `${laddr}:${lport}-${raddr}:${rport}`;
}

/** tcp_v4_connect starts an active open to addr (tcp_prot.connect); 0 or -errno. */
export function tcp_v4_connect(h: Host, sk: Sock, addr: SockaddrIn): number {
  return h.kcall(
    'tcp_v4_connect',
    `sk=${sk.addr}, ${ipToString(addr.addr)}:${addr.port} via ${sk.protoName}.connect`,
    () => {
      const daddr = ipToString(addr.addr);
      const rt = h.kcall(
        'ip_route_connect',
        `daddr=${daddr}`,
        () => ip_route_output(h, addr.addr),
        'include/net/route.h',
      );
      if (typeof rt === 'number') return rt;
      if (String(sk.f['inet_saddr']) === '0.0.0.0') {
        const src = routeSource(h, addr.addr) ?? '0.0.0.0';
        kset(h, sk, 'inet_saddr', src);
        kset(h, sk, 'inet_rcv_saddr', src);
      }
      kset(h, sk, 'inet_dport', htons(addr.port));
      kset(h, sk, 'inet_daddr', daddr);
      kset(h, sk, 'mss_clamp', 536);
      tcp_set_state(h, sk, TCP_STATE.TCP_SYN_SENT);
      const err = h.kcall(
        'inet_hash_connect',
        `sk=${sk.addr}`,
        () => {
          const saddr = String(sk.f['inet_saddr']);
          if (sk.f.inet_num === 0) {
            const port = pickEphemeral(
              h,
              (p) => !bindTable(h, 6).has(p) && !h.established.has(estKey(saddr, p, daddr, addr.port)),
            );
            if (port === 0) return h.kerr('EADDRNOTAVAIL', 'no free ephemeral port for this destination');
            bindTable(h, 6).set(port, [sk]);
            kset(h, sk, 'inet_num', port);
            kset(h, sk, 'inet_sport', htons(port));
          }
          h.established.set(estKey(saddr, sk.f.inet_num, daddr, addr.port), sk);
          return 0;
        },
        'net/ipv4/inet_hashtables.c',
      );
      if (err < 0) {
        tcp_set_state(h, sk, TCP_STATE.TCP_CLOSE);
        return err;
      }
      sk_setup_caps(h, sk, rt);
      const isn = h.kcall(
        'secure_tcp_sequence_number',
        '',
        () => h.sim.rng.nextU32(),
        'net/core/secure_seq.c',
      );
      kset(h, sk, 'write_seq', isn);
      kset(h, sk, 'inet_id', (isn ^ tcpTime(h)) & 0xffff);
      return tcp_connect(h, sk);
    },
  );
}
