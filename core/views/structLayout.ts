// Where each traced field lives in the kernel's nested socket structs, its C type, and how its
// value reads. The kernel keeps one object for a TCP socket (struct tcp_sock embeds
// inet_connection_sock, which embeds inet_sock, which embeds struct sock and its
// __sk_common); the trace records it flat, and the inspector splits it back by this table.
// Types and members as in Linux 3.10's include/net/sock.h, inet_sock.h,
// inet_connection_sock.h, include/linux/tcp.h and udp.h.

import { tcpStateName } from '../kernel/include/net/tcp_states';
import { nudName } from '../kernel/include/net/neighbour';
import { SOCK_TYPE_NAMES, SS } from '../kernel/include/uapi/socket';
import type { TraceValue } from '../trace/index';

/** SockPart is one of the structs a socket's sock is made of, outermost last. */
export type SockPart =
  'sock_common' | 'sock' | 'inet_sock' | 'inet_connection_sock' | 'tcp_sock' | 'udp_sock';

/** SOCK_COMMON_FIELDS are the fields of struct sock_common (__sk_common), by their sock.h accessor names. */
const SOCK_COMMON_FIELDS = new Set([
  'sk_family', 'sk_state', 'sk_reuse', 'sk_reuseport', 'sk_bound_dev_if', 'sk_prot', 'sk_refcnt',
  'sk_hash', 'inet_daddr', 'inet_rcv_saddr', 'inet_dport', 'inet_num',
]); // prettier-ignore

/** INET_SOCK_FIELDS are struct inet_sock's own fields that do not start with inet_. */
const INET_SOCK_FIELDS = new Set([
  'uc_ttl', 'tos', 'mc_ttl', 'pmtudisc', 'recverr', 'is_icsk', 'freebind', 'hdrincl', 'mc_loop',
  'transparent', 'mc_all', 'nodefrag', 'mc_index', 'mc_addr', 'rcv_tos',
]); // prettier-ignore

/** sockPart tells which embedded struct of a tcp_sock or udp_sock a flat field belongs to. */
export function sockPart(field: string, outer: 'tcp_sock' | 'udp_sock'): SockPart {
  if (SOCK_COMMON_FIELDS.has(field)) return 'sock_common';
  if (field.startsWith('sk_')) return 'sock';
  if (field.startsWith('inet_') || INET_SOCK_FIELDS.has(field)) return 'inet_sock';
  if (field.startsWith('icsk_')) return 'inet_connection_sock';
  return outer;
}

/** STRUCT_HEADERS names the header that defines each struct the inspector shows. */
export const STRUCT_HEADERS: Readonly<Record<string, string>> = {
  file: 'include/linux/fs.h',
  socket: 'include/linux/net.h',
  sock_common: 'include/net/sock.h',
  sock: 'include/net/sock.h',
  inet_sock: 'include/net/inet_sock.h',
  inet_connection_sock: 'include/net/inet_connection_sock.h',
  tcp_sock: 'include/linux/tcp.h',
  udp_sock: 'include/linux/udp.h',
  proto_ops: 'include/linux/net.h',
  proto: 'include/net/sock.h',
  inet_connection_sock_af_ops: 'include/net/inet_connection_sock.h',
  rtable: 'include/net/route.h',
  dst_entry: 'include/net/dst.h',
  neighbour: 'include/net/neighbour.h',
  net_device: 'include/linux/netdevice.h',
  Qdisc: 'include/net/sch_generic.h',
  sk_buff: 'include/linux/skbuff.h',
};

/** C_TYPES gives the C type of the fields whose type the inspector shows, one row per field. */
// prettier-ignore
export const C_TYPES: Readonly<Record<string, string>> = {
  state: 'socket_state', type: 'short', flags: 'unsigned long', file: 'struct file *', sk: 'struct sock *',
  ops: 'const struct proto_ops *', wq: 'struct socket_wq *',
  f_flags: 'unsigned int', f_mode: 'fmode_t', f_op: 'const struct file_operations *', private_data: 'void *', f_count: 'atomic_long_t',
  sk_family: 'unsigned short', sk_state: 'volatile unsigned char', sk_reuse: 'unsigned char', sk_bound_dev_if: 'int',
  sk_prot: 'struct proto *', sk_refcnt: 'atomic_t', sk_hash: 'unsigned int', inet_daddr: '__be32', inet_rcv_saddr: '__be32',
  inet_dport: '__be16', inet_num: 'unsigned short', sk_protocol: 'unsigned int', sk_type: 'unsigned int',
  sk_rcvbuf: 'int', sk_sndbuf: 'int', sk_rmem_alloc: 'atomic_t', sk_wmem_alloc: 'atomic_t', sk_wmem_queued: 'int',
  sk_forward_alloc: 'int', sk_receive_queue: 'struct sk_buff_head', sk_write_queue: 'struct sk_buff_head',
  sk_error_queue: 'struct sk_buff_head', sk_send_head: 'struct sk_buff *', sk_dst_cache: 'struct dst_entry *', sk_err: 'int',
  sk_ack_backlog: 'unsigned short', sk_max_ack_backlog: 'unsigned short', sk_socket: 'struct socket *', sk_wq: 'struct socket_wq *',
  sk_rcvtimeo: 'long', sk_sndtimeo: 'long', sk_state_change: 'void (*)(struct sock *)', sk_data_ready: 'void (*)(struct sock *, int)',
  sk_write_space: 'void (*)(struct sock *)', sk_backlog_rcv: 'int (*)(struct sock *, struct sk_buff *)',
  inet_saddr: '__be32', inet_sport: '__be16', inet_id: '__u16', uc_ttl: '__s16', tos: '__u8',
  icsk_rto: '__u32', icsk_ca_ops: 'const struct tcp_congestion_ops *', icsk_af_ops: 'const struct inet_connection_sock_af_ops *',
  icsk_ca_state: '__u8', icsk_retransmits: '__u8', icsk_pending: '__u8', icsk_accept_queue: 'struct request_sock_queue',
  snd_una: 'u32', snd_nxt: 'u32', snd_wnd: 'u32', max_window: 'u32', rcv_nxt: 'u32', rcv_wnd: 'u32', write_seq: 'u32',
  pushed_seq: 'u32', copied_seq: 'u32', snd_cwnd: 'u32', snd_ssthresh: 'u32', mss_cache: 'u32', advmss: 'u16',
  srtt: 'u32', mdev: 'u32', rttvar: 'u32', packets_out: 'u32', retrans_out: 'u32', nonagle: 'u8',
  'dst.dev': 'struct net_device *', 'dst.output': 'int (*)(struct sk_buff *)', 'dst.input': 'int (*)(struct sk_buff *)',
  'dst.__refcnt': 'atomic_t', rt_type: 'unsigned short', rt_gateway: '__be32',
  primary_key: 'u8[]', nud_state: 'u8', ha: 'unsigned char[]', output: 'int (*)(struct neighbour *, struct sk_buff *)',
  mtu: 'unsigned int', dev_addr: 'unsigned char *', tx_queue_len: 'unsigned long', qdisc: 'struct Qdisc *',
  len: 'unsigned int', data_len: 'unsigned int', truesize: 'unsigned int', data: 'unsigned char *', tail: 'sk_buff_data_t', end: 'sk_buff_data_t',
};

const TCP_CA_STATES = ['TCP_CA_Open', 'TCP_CA_Disorder', 'TCP_CA_CWR', 'TCP_CA_Recovery', 'TCP_CA_Loss'];
const SS_NAMES: Readonly<Record<number, string>> = Object.fromEntries(
  Object.entries(SS).map(([k, v]) => [v, k]),
);
const FAMILIES: Readonly<Record<number, string>> = {
  0: 'AF_UNSPEC',
  1: 'AF_UNIX',
  2: 'AF_INET',
  10: 'AF_INET6',
};
const PROTOCOLS: Readonly<Record<number, string>> = {
  0: 'IPPROTO_IP',
  1: 'IPPROTO_ICMP',
  6: 'IPPROTO_TCP',
  17: 'IPPROTO_UDP',
  255: 'IPPROTO_RAW',
};
const RT_TYPES: Readonly<Record<number, string>> = {
  0: 'RTN_UNSPEC',
  1: 'RTN_UNICAST',
  2: 'RTN_LOCAL',
  3: 'RTN_BROADCAST',
};

/** ENUM_NAMES decodes a numeric field into its kernel constant name, per struct and field. */
const ENUM_NAMES: Readonly<Record<string, (n: number) => string | undefined>> = {
  'socket.state': (n) => SS_NAMES[n],
  'socket.type': (n) => SOCK_TYPE_NAMES[n],
  'sock.sk_state': (n) => tcpStateName(n),
  'sock.sk_type': (n) => SOCK_TYPE_NAMES[n],
  'sock.sk_family': (n) => FAMILIES[n],
  'sock.sk_protocol': (n) => PROTOCOLS[n],
  'sock.icsk_ca_state': (n) => TCP_CA_STATES[n],
  'neighbour.nud_state': (n) => nudName(n),
  'rtable.rt_type': (n) => RT_TYPES[n],
};

/** ADDRESS is a kernel-style direct-map address as the trace spells it. */
export const ADDRESS = /^0xffff[0-9a-f]{12}$/;

/** formatValue renders one field value as the inspector shows it: NULL, enums by name with their number, ports decoded, strings as they are. */
export function formatValue(struct: string, field: string, value: TraceValue): string {
  if (value === null) return 'NULL';
  if (typeof value !== 'number') return String(value);
  const kind = struct === 'tcp_sock' || struct === 'udp_sock' || struct === 'sock' ? 'sock' : struct;
  const name = ENUM_NAMES[`${kind}.${field}`]?.(value);
  if (name !== undefined && name !== String(value)) return `${name} (${value})`;
  if (field === 'inet_dport' || field === 'inet_sport')
    return `${value} (htons(${((value & 0xff) << 8) | (value >> 8)}))`;
  return String(value);
}
