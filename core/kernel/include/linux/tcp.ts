// struct tcp_sock (include/linux/tcp.h, reference §4.6): TCP's state. 6.x renames srtt,
// mdev and rttvar to *_us (profile fieldNames).

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
