// Port ownership: the bind hash (inet_bind_bucket per port, net/ipv4/inet_hashtables.c) for
// TCP, where accepted children join their listener's bucket (__inet_inherit_port) and a
// connection in TIME_WAIT stays until its timer ends it, and the UDP port table (udp_table, net/ipv4/udp.c), kept per host and protocol, and
// the ephemeral-port pick of inet_csk_get_port / udp_lib_get_port over the seeded Rng.

import type { Host } from '../../host/host';
import type { Sock } from '../../include/net/sock';

/** BindTable maps a local port to the socks bound to it, per protocol number. */
export type BindTable = Map<number, Map<number, Sock[]>>;

/** bindTable returns the host's bind table for protocol (6 TCP, 17 UDP), creating it on first use. */
export function bindTable(h: Host, protocol: number): Map<number, Sock[]> {
  let t = h.bindTables.get(protocol);
  if (t === undefined) {
    t = new Map();
    h.bindTables.set(protocol, t);
  }
  return t;
}

/** addrsOverlap tells whether two bound addresses clash: equal, or either is INADDR_ANY. */
export function addrsOverlap(a: string, b: string): boolean {
  return a === '0.0.0.0' || b === '0.0.0.0' || a === b;
}

/** pickEphemeral walks ip_local_port_range from a random start and returns the first port free() accepts, or 0. */
export function pickEphemeral(h: Host, free: (port: number) => boolean): number {
  const [low, high] = h.sysctl['net.ipv4.ip_local_port_range'];
  const remaining = high - low + 1;
  const start = h.sim.rng.nextInt(remaining);
  for (let i = 0; i < remaining; i++) {
    const port = low + ((start + i) % remaining);
    if (free(port)) return port;
  }
  return 0;
}

/** __inet_inherit_port puts an accepted child in its listener's bind bucket, so the connection holds the port after the listener closes. */
export function __inet_inherit_port(h: Host, lsk: Sock, child: Sock): void {
  h.kcall(
    '__inet_inherit_port',
    `sk=${lsk.addr}, child=${child.addr}`,
    () => {
      const t = bindTable(h, 6);
      const owners = t.get(lsk.f.inet_num) ?? [];
      if (!owners.includes(child)) owners.push(child);
      t.set(lsk.f.inet_num, owners);
    },
    'net/ipv4/inet_hashtables.c',
  );
}
