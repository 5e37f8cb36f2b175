// struct inet_connection_sock (include/net/inet_connection_sock.h, reference §4.5): the
// connection-oriented part TCP adds. icsk_rto is in jiffies; SockLab runs HZ = 1000.

/** HZ is the simulated kernel's tick rate (CONFIG_HZ_1000): one jiffy is one millisecond. */
export const HZ = 1000;

/** ICSK_ZERO is struct inet_connection_sock zeroed by sk_prot_alloc, one field per line. */
// prettier-ignore
export const ICSK_ZERO = {
  icsk_rto: 0, // retransmit timeout (jiffies)
  icsk_pmtu_cookie: 0, // last PMTU given to tcp_sync_mss
  icsk_ca_ops: null as string | null, // congestion control ops
  icsk_af_ops: null as string | null, // ipv4_specific
  icsk_ca_state: 0, // TCP_CA_Open …
  icsk_retransmits: 0, // unrecovered RTO count
  icsk_pending: 0, // ICSK_TIME_* pending
  icsk_backoff: 0, // RTO backoff
  icsk_syn_retries: 0, // per-socket SYN retries
  icsk_probes_out: 0, // unanswered probes
  icsk_ext_hdr_len: 0, // IP options length
  icsk_accept_queue: 0, // request_sock_queue: children ready for accept
};
