// Which layer of the network stack a kernel function belongs to (by its source file), and how
// a dispatch through an ops table reads as the pointer the kernel follows
// (`inet_stream_ops.sendmsg` is `sock->ops->sendmsg`).

/** Layer is one band of the transmit path view, top to bottom. */
export type Layer =
  'socket' | 'inet' | 'tcp' | 'udp' | 'route' | 'ip' | 'netfilter' | 'neigh' | 'dev' | 'wire' | 'other';

/** LAYER_BY_FILE maps a source file prefix to its layer; the first matching row wins. */
// prettier-ignore
const LAYER_BY_FILE: readonly (readonly [string, Layer])[] = [
  ['net/socket.c', 'socket'], ['fs/', 'socket'], ['security/', 'socket'],
  ['net/ipv4/af_inet.c', 'inet'],
  ['net/ipv4/tcp', 'tcp'], ['include/net/tcp.h', 'tcp'],
  ['net/ipv4/udp', 'udp'],
  ['net/ipv4/route.c', 'route'], ['include/net/route.h', 'route'], ['include/net/ip_fib.h', 'route'], ['net/ipv4/fib', 'route'], ['net/xfrm/', 'route'],
  ['net/ipv4/ip_', 'ip'], ['include/net/ip.h', 'ip'], ['include/net/dst.h', 'ip'], ['net/ipv4/icmp.c', 'ip'], ['net/ipv4/raw.c', 'ip'],
  ['net/netfilter/', 'netfilter'], ['net/ipv4/netfilter', 'netfilter'],
  ['net/core/neighbour.c', 'neigh'], ['include/net/neighbour.h', 'neigh'], ['net/ipv4/arp.c', 'neigh'], ['include/net/arp.h', 'neigh'],
  ['net/core/dev.c', 'dev'], ['net/sched/', 'dev'], ['include/linux/netdevice.h', 'dev'], ['net/ethernet/', 'dev'], ['(SockLab NIC driver)', 'dev'], ['drivers/', 'dev'],
];

/** layerOf returns the layer of a function defined in file, or null for helpers (sock.c, skbuff.c) that take their caller's layer. */
export function layerOf(file: string): Layer | null {
  for (const [prefix, layer] of LAYER_BY_FILE) if (file.startsWith(prefix)) return layer;
  return null;
}

/** TABLE_POINTERS names the pointer each ops table is reached through. */
// prettier-ignore
const TABLE_POINTERS: Readonly<Record<string, string>> = {
  inet_stream_ops: 'sock->ops', inet_dgram_ops: 'sock->ops', inet_sockraw_ops: 'sock->ops',
  tcp_prot: 'sk->sk_prot', udp_prot: 'sk->sk_prot', raw_prot: 'sk->sk_prot', ping_prot: 'sk->sk_prot',
  ipv4_specific: 'icsk->icsk_af_ops', socklab_eth_ops: 'dev->netdev_ops', loopback_ops: 'dev->netdev_ops', arp_hh_ops: 'neigh->ops',
};

/** splitVia separates a call's arguments from its " via <dispatch>" suffix. */
export function splitVia(args: string): { args: string; via: string | null } {
  const m = /(?:^|,?\s+)via (\S+)$/.exec(args);
  if (!m) return { args, via: null };
  return { args: args.slice(0, m.index), via: m[1]! };
}

/** dispatchHop renders a dispatch as the pointer chain the kernel follows: `sock->ops->sendmsg → inet_sendmsg`. */
export function dispatchHop(via: string, fn: string): string {
  const dot = via.indexOf('.');
  if (dot > 0) {
    const table = via.slice(0, dot);
    const pointer = TABLE_POINTERS[table];
    if (pointer) return `${pointer}->${via.slice(dot + 1)} (${table}) → ${fn}`;
  }
  return `${via} → ${fn}`;
}
