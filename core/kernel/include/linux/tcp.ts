// struct tcp_sock (include/linux/tcp.h, reference §4.6): TCP's state. 6.x renames srtt,
// mdev and rttvar to *_us (profile fieldNames). Untraced per-segment state (out_of_order_queue,
// icsk_ca_priv, PRR and delayed-ACK bookkeeping) lives beside the fields (TcpSockExtra).

import type { SkBuff } from './skbuff';
import type { Sock } from '../net/sock';

/** TCP_SOCK_ZERO is struct tcp_sock zeroed by sk_prot_alloc, one field per line. */
// prettier-ignore
export const TCP_SOCK_ZERO = {
  snd_una: 0, // oldest unacknowledged sequence
  snd_nxt: 0, // next sequence to send
  snd_wnd: 0, // peer's advertised window (scaled)
  snd_wl1: 0, // sequence of the last window update
  max_window: 0, // largest window the peer offered
  rcv_nxt: 0, // next expected sequence
  rcv_wnd: 0, // current receive window
  rcv_wup: 0, // rcv_nxt at the last window update
  rcv_ssthresh: 0, // receive window clamp for slow start
  window_clamp: 0, // largest window to advertise
  snd_cwnd: 0, // congestion window (packets)
  snd_ssthresh: 0, // slow-start threshold
  snd_cwnd_cnt: 0, // linear-increase counter
  snd_cwnd_clamp: 0, // cwnd upper bound
  mss_cache: 0, // current effective MSS
  advmss: 0, // MSS we advertise
  mss_clamp: 0, // rx_opt.mss_clamp
  srtt: 0, // smoothed RTT << 3 (jiffies; 6.x srtt_us in µs)
  mdev: 0, // RTT deviation (jiffies; 6.x mdev_us)
  rttvar: 0, // smoothed mdev_max (6.x rttvar_us)
  packets_out: 0, // segments in flight
  retrans_out: 0, // retransmitted segments in flight
  sacked_out: 0, // SACKed segments
  lost_out: 0, // segments marked lost
  write_seq: 0, // end of data queued by the user
  pushed_seq: 0, // last pushed sequence
  copied_seq: 0, // next byte the user will read
  snd_sml: 0, // end of the last small segment sent
  nonagle: 0, // TCP_NAGLE_OFF 1 | CORK 2 | PUSH 4
  reordering: 0, // packet reordering metric
  tcp_header_len: 0, // bytes of TCP header to send
  rcv_wscale: 0, // rx_opt.rcv_wscale: our window scale
  snd_wscale: 0, // rx_opt.snd_wscale: the peer's window scale
  tstamp_ok: 0, // rx_opt.tstamp_ok: timestamps negotiated
  sack_ok: 0, // rx_opt.sack_ok: SACK negotiated
  wscale_ok: 0, // rx_opt.wscale_ok: window scaling negotiated
  ts_recent: 0, // rx_opt.ts_recent: the peer's last TSval
  keepalive_time: 0, // TCP_KEEPIDLE in jiffies (0: tcp_keepalive_time)
  keepalive_intvl: 0, // TCP_KEEPINTVL in jiffies (0: tcp_keepalive_intvl)
  keepalive_probes: 0, // TCP_KEEPCNT (0: tcp_keepalive_probes)
};

/** TCP_INFINITE_SSTHRESH is the initial snd_ssthresh, 0x7fffffff. */
export const TCP_INFINITE_SSTHRESH = 0x7fffffff;
/** TCP_MSS_DEFAULT is the initial mss_cache, 536. */
export const TCP_MSS_DEFAULT = 536;
/** TCP_NAGLE_OFF is nonagle bit 1 (TCP_NODELAY). */
export const TCP_NAGLE_OFF = 1;
/** TCP_NAGLE_CORK is nonagle bit 2 (TCP_CORK). */
export const TCP_NAGLE_CORK = 2;
/** TCP_NAGLE_PUSH is nonagle bit 4 (push now). */
export const TCP_NAGLE_PUSH = 4;

/** TCP_CA_STATE numbers enum tcp_ca_state (include/net/tcp.h): Open 0, Disorder 1, CWR 2, Recovery 3, Loss 4. */
// prettier-ignore
export const TCP_CA = {
  Open: 0, // nothing outstanding looks lost
  Disorder: 1, // duplicate ACKs or SACKs seen
  CWR: 2, // cwnd reduced by ECN or a local congestion signal
  Recovery: 3, // fast retransmit and recovery
  Loss: 4, // after a retransmission timeout
} as const;

/** TCPCB_* are the per-skb `sacked` bits of TCP_SKB_CB (include/net/tcp.h). */
// prettier-ignore
export const TCPCB = {
  SACKED_ACKED: 0x01, // the peer SACKed this skb
  SACKED_RETRANS: 0x02, // retransmitted and not yet acknowledged
  LOST: 0x04, // marked lost, waiting for retransmission
  EVER_RETRANS: 0x80, // retransmitted at least once
} as const;

/** TcpSkbExtra is per-skb TCP state kept beside TCP_SKB_CB on write-queue skbs. */
export interface TcpSkbExtra {
  /** sacked holds TCPCB_* bits. */
  sacked?: number;
  /** mstampNs is the send time in ns (skb_mstamp / skb->skb_mstamp_ns), 0 once retransmitted (Karn). */
  mstampNs?: number;
}

/** TcpSockExtra is tcp_sock state SockLab keeps untraced beside the traced fields, because it changes on nearly every segment or is not a field students inspect. */
export interface TcpSockExtra {
  /** ooo is out_of_order_queue: segments beyond rcv_nxt, sorted by sequence number. */
  ooo?: SkBuff[];
  /** caPriv is icsk_ca_priv: the congestion-control module's private state. */
  caPriv?: Record<string, number>;
  /** highSeq is high_seq: snd_nxt when recovery or loss began. */
  highSeq?: number;
  /** priorCwnd, prrDelivered and prrOut drive proportional rate reduction (tcp_cwnd_reduction). */
  priorCwnd?: number;
  prrDelivered?: number;
  prrOut?: number;
  /** rttSeq and mdevMax are tcp_rtt_estimator's rtt_seq and mdev_max (mdev_max_us in 6.x). */
  rttSeq?: number;
  mdevMax?: number;
  /** maxPacketsOut, isCwndLimited and cwndUsageSeq are tcp_cwnd_validate's bookkeeping (6.x). */
  maxPacketsOut?: number;
  isCwndLimited?: boolean;
  cwndUsageSeq?: number;
  /** rtoExpires is when the retransmit timer is due (ns); rtoQueuedAt when its queued event runs. */
  rtoExpires?: number | undefined;
  rtoQueuedAt?: number;
  /** twExpires is when the TIME_WAIT timer destroys the sock (ns), once in TIME_WAIT. */
  twExpires?: number;
  /** delackTimer is the queued icsk_delack_timer event, if armed. */
  delackTimer?: number | undefined;
  /** probeTimer is the queued zero-window probe timer event, if armed; probeExpires when it is due (ns). */
  probeTimer?: number | undefined;
  probeExpires?: number | undefined;
  /** keepaliveTimer is the queued sk_timer (keepalive) event, if armed; keepaliveExpires when it is due (ns). */
  keepaliveTimer?: number | undefined;
  keepaliveExpires?: number | undefined;
  /** lsndtime is when new data was last sent (jiffies); totalRetrans counts every retransmitted segment (tcp_info). */
  lsndtime?: number;
  totalRetrans?: number;
  /** rcvTstamp is rcv_tstamp: when tcp_ack last accepted an ACK from the peer (jiffies). */
  rcvTstamp?: number;
  /** ack holds icsk_ack: pending, quick, pingpong, ato (jiffies), lrcvtime (jiffies), rcv_mss. */
  ack?: { pending: number; quick: number; pingpong: number; ato: number; lrcvtime: number; rcv_mss: number };
  /** rcvRtt is rcv_rtt_est.rtt: the receiver's RTT estimate (jiffies << 3). */
  rcvRtt?: number;
  /** rcvq holds tcp_rcv_space_adjust's rcvq_space: space, seq, time (jiffies). */
  rcvq?: { space: number; seq: number; time: number };
  /** sackBlocks is selective_acks: the SACK blocks the receiver reports, newest first. */
  sackBlocks?: { left: number; right: number }[];
  /** synackRetries counts SYN-ACK retransmissions of a passive open (req->num_timeout). */
  synackRetries?: number;
}

/** tcpx returns sk's untraced TCP state (the TcpSockExtra view of the same object). */
export function tcpx(sk: Sock): TcpSockExtra {
  return sk as unknown as TcpSockExtra;
}

/** skbx returns skb's per-skb TCP state (the TcpSkbExtra view of the same object). */
export function skbx(skb: SkBuff): TcpSkbExtra {
  return skb as unknown as TcpSkbExtra;
}
