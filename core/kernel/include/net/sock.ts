// struct sock_common and struct sock (include/net/sock.h, reference §4.2–4.3), flattened
// into one field record under the sk_* names kernel code uses. Values: pointers hold the
// target's address or table name, callbacks the function's name, NULL is null; __be16 ports
// hold the network-order number as x86 memory reads it; __be32 addresses are dotted quads.

import type { KStruct } from '../../host/kstruct';
import type { Socket } from '../linux/net';
import type { SkBuff } from '../linux/skbuff';

/** SOCK_COMMON_ZERO is struct sock_common zeroed by sk_prot_alloc, one field per line. */
// prettier-ignore
export const SOCK_COMMON_ZERO = {
  sk_family: 0, // skc_family
  sk_state: 0, // skc_state
  sk_reuse: 0, // skc_reuse
  sk_reuseport: 0, // skc_reuseport (3.10+)
  sk_bound_dev_if: 0, // skc_bound_dev_if
  sk_prot: null as string | null, // skc_prot
  sk_refcnt: 0, // skc_refcnt
  sk_hash: 0, // skc_hash
  inet_daddr: '0.0.0.0', // skc_daddr (2.6.32: inet_sock.daddr)
  inet_rcv_saddr: '0.0.0.0', // skc_rcv_saddr (2.6.32: inet_sock.rcv_saddr)
  inet_dport: 0, // skc_dport, __be16 (2.6.32: inet_sock.dport)
  inet_num: 0, // skc_num, host order (2.6.32: inet_sock.num)
};

/** SOCK_ZERO is the rest of struct sock zeroed by sk_prot_alloc, one field per line. */
// prettier-ignore
export const SOCK_ZERO = {
  sk_shutdown: 0, // RCV_SHUTDOWN 1 | SEND_SHUTDOWN 2
  sk_no_check: 0, // UDP checksum policy (2.6.32, 3.10)
  sk_userlocks: 0, // SOCK_SNDBUF_LOCK …
  sk_protocol: 0, // IPPROTO_*
  sk_type: 0, // SOCK_*
  sk_rcvbuf: 0, // receive buffer limit (bytes)
  sk_sndbuf: 0, // send buffer limit (bytes)
  sk_rmem_alloc: 0, // receive bytes charged
  sk_wmem_alloc: 0, // transmit bytes below TCP (+1 bias from sk_alloc)
  sk_omem_alloc: 0, // option memory
  sk_wmem_queued: 0, // bytes on write and retransmit queues
  sk_forward_alloc: 0, // pre-charged quota
  sk_receive_queue: 0, // sk_buff_head: queue length
  sk_write_queue: 0, // sk_buff_head: queue length
  sk_error_queue: 0, // sk_buff_head: queue length
  sk_send_head: null as string | null, // first unsent skb (2.6.32, 3.10)
  sk_dst_cache: null as string | null, // cached route
  sk_err: 0, // pending error (positive errno)
  sk_err_soft: 0, // soft error
  sk_route_caps: 0, // offload features of the route's device
  sk_rcvlowat: 0, // SO_RCVLOWAT
  sk_rcvtimeo: 0 as number | string, // MAX_SCHEDULE_TIMEOUT after sock_init_data
  sk_sndtimeo: 0 as number | string, // MAX_SCHEDULE_TIMEOUT after sock_init_data
  sk_ack_backlog: 0, // listen queue length
  sk_max_ack_backlog: 0, // listen backlog limit
  sk_priority: 0, // SO_PRIORITY
  sk_mark: 0, // SO_MARK
  sk_flags: '', // sock_flag bits set, by name (SOCK_ZAPPED …)
  sk_allocation: '', // gfp mask name
  sk_write_pending: 0, // writers waiting
  sk_peek_off: 0, // SO_PEEK_OFF (3.10+)
  sk_drops: 0, // dropped packets
  sk_socket: null as string | null, // back-pointer to struct socket
  sk_wq: null as string | null, // 3.10+: struct socket_wq * (2.6.32: sk_sleep)
  sk_prot_creator: null as string | null, // the proto that allocated it
  sk_state_change: null as string | null, // callback
  sk_data_ready: null as string | null, // callback
  sk_write_space: null as string | null, // callback
  sk_error_report: null as string | null, // callback
  sk_backlog_rcv: null as string | null, // callback
  sk_destruct: null as string | null, // callback
};

/** SockBaseFields is the field record of struct sock including sock_common. */
export type SockBaseFields = typeof SOCK_COMMON_ZERO & typeof SOCK_ZERO;

/** MAX_SCHEDULE_TIMEOUT is LONG_MAX, shown by name because it exceeds a JS number's exact range. */
export const MAX_SCHEDULE_TIMEOUT = 'MAX_SCHEDULE_TIMEOUT';

/** Sock is a traced protocol socket (tcp_sock, udp_sock, raw_sock or inet_sock) with its live links. */
export interface Sock extends KStruct<SockBaseFields & Record<string, string | number | boolean | null>> {
  /** socket is the owning struct socket (sk_socket), or null once orphaned. */
  socket: Socket | null;
  /** protoName is the proto table the sock was allocated from (tcp_prot …). */
  readonly protoName: string;
  /** receiveQueue is sk_receive_queue. */
  readonly receiveQueue: SkBuff[];
  /** writeQueue is sk_write_queue. */
  readonly writeQueue: SkBuff[];
  /** errorQueue is sk_error_queue. */
  readonly errorQueue: SkBuff[];
  /** errOrigin explains the pending sk_err: which function set it and why ("errno explained"). */
  errOrigin?: { readonly errno: number; readonly fn: string; readonly why: string };
  /** rtoTimer is the queued retransmit timer event's seq, if armed. */
  rtoTimer?: number | undefined;
  /** queueShrunk is sock_flag(SOCK_QUEUE_SHRUNK): ACKs freed write-queue skbs since tcp_check_space last looked. */
  queueShrunk?: boolean;
  /** acceptQueue is icsk_accept_queue: established children waiting for accept(). */
  readonly acceptQueue: Sock[];
  /** uid is sk_uid: the owner from the socket inode (sock_init_data, sock_graft), copied to children. */
  uid?: number;
}
