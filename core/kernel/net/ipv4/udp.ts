// net/ipv4/udp.c, port side: udp_v4_get_port (udp_lib_get_port with the IPv4 address
// comparison), which binds a UDP sock to a port or picks an ephemeral one.

import type { Host } from '../../host/host';
import { kset } from '../../host/kstruct';
import type { Sock } from '../../include/net/sock';
import { addrsOverlap, bindTable, pickEphemeral } from './inet_hashtables';

/** udpConflict finds a sock on port that sk may not share it with (both need SO_REUSEADDR), or null. */
function udpConflict(h: Host, sk: Sock, port: number): Sock | null {
  for (const sk2 of bindTable(h, 17).get(port) ?? []) {
    if (sk2 === sk) continue;
    if (
      (sk.f.sk_reuse === 0 || sk2.f.sk_reuse === 0) &&
      addrsOverlap(sk.f.inet_rcv_saddr, sk2.f.inet_rcv_saddr)
    ) {
      return sk2;
    }
  }
  return null;
}

/** udp_v4_get_port binds sk to snum (ephemeral when 0); 0 on success, 1 on conflict (net/ipv4/udp.c). */
export function udp_v4_get_port(h: Host, sk: Sock, snum: number): number {
  return h.kcall('udp_v4_get_port', `sk=${sk.addr}, snum=${snum} via ${sk.protoName}.get_port`, () => {
    const port = snum !== 0 ? snum : pickEphemeral(h, (p) => udpConflict(h, sk, p) === null);
    if (port === 0) {
      h.kerr('EADDRINUSE', 'no free port in net.ipv4.ip_local_port_range');
      return 1;
    }
    const other = udpConflict(h, sk, port);
    if (other !== null) {
      h.kerr('EADDRINUSE', `port ${port} is bound by sock ${other.addr} and SO_REUSEADDR is not set on both`);
      return 1;
    }
    const owners = bindTable(h, 17).get(port) ?? [];
    owners.push(sk);
    bindTable(h, 17).set(port, owners);
    kset(h, sk, 'inet_num', port);
    return 0;
  });
}

/** udp_put_port releases sk's UDP port (udp_lib_unhash). */
export function udp_put_port(h: Host, sk: Sock): void {
  const owners = bindTable(h, 17).get(sk.f.inet_num);
  if (owners === undefined) return;
  const i = owners.indexOf(sk);
  if (i >= 0) owners.splice(i, 1);
  if (owners.length === 0) bindTable(h, 17).delete(sk.f.inet_num);
}
