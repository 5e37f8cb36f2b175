// getsockopt(TCP_INFO): tcp_get_info (net/ipv4/tcp.c) fills struct tcp_info from the sock —
// states, the timers' counters, sizes, counts of segments, times since the last events (ms),
// RTT and RTO in microseconds — and the syscall copies the first optlen bytes. SockLab gives
// the 104 bytes glibc's <netinet/tcp.h> declares (all of 2.6.32's and 3.10's struct; 6.x's
// later fields, pacing and delivery rates, are not modelled). ss -i reads the same numbers.

import type { Host } from '../../host/host';
import { tcpx } from '../../include/linux/tcp';
import type { Sock } from '../../include/net/sock';
import { tcpTime } from './tcp_output';

/** TCPI_OPT are tcpi_options' bits. */
export const TCPI_OPT = { TIMESTAMPS: 1, SACK: 2, WSCALE: 4, ECN: 8 } as const;

/** TcpInfo is struct tcp_info's fields, by their names without `tcpi_`, in the kernel's units. */
export interface TcpInfo {
  readonly state: number;
  readonly ca_state: number;
  readonly retransmits: number;
  readonly probes: number;
  readonly backoff: number;
  readonly options: number;
  readonly snd_wscale: number;
  readonly rcv_wscale: number;
  /** rto, ato, rtt, rttvar and rcv_rtt are microseconds. */
  readonly rto: number;
  readonly ato: number;
  readonly snd_mss: number;
  readonly rcv_mss: number;
  readonly unacked: number;
  readonly sacked: number;
  readonly lost: number;
  readonly retrans: number;
  readonly fackets: number;
  /** last_* are milliseconds since that event. */
  readonly last_data_sent: number;
  readonly last_ack_sent: number;
  readonly last_data_recv: number;
  readonly last_ack_recv: number;
  readonly pmtu: number;
  readonly rcv_ssthresh: number;
  readonly rtt: number;
  readonly rttvar: number;
  readonly snd_ssthresh: number;
  readonly snd_cwnd: number;
  readonly advmss: number;
  readonly reordering: number;
  readonly rcv_rtt: number;
  readonly rcv_space: number;
  readonly total_retrans: number;
}

/** TCP_INFO_SIZE is sizeof(struct tcp_info) as glibc declares it. */
export const TCP_INFO_SIZE = 104;

/** tcp_get_info reads sk into struct tcp_info's fields (2.6.32 and 3.10 keep srtt and mdev in jiffies, 6.x in microseconds). */
export function tcp_get_info(h: Host, sk: Sock): TcpInfo {
  const f = sk.f;
  const n = (k: string) => Number(f[k] ?? 0);
  const x = tcpx(sk);
  const now = tcpTime(h);
  const us = h.profile.version === '6.x';
  const wscale = n('wscale_ok') !== 0;
  const since = (t: number | undefined) => (t === undefined ? now : now - t);
  return {
    state: f.sk_state,
    ca_state: n('icsk_ca_state'),
    retransmits: n('icsk_retransmits'),
    probes: n('icsk_probes_out'),
    backoff: n('icsk_backoff'),
    options:
      (n('tstamp_ok') ? TCPI_OPT.TIMESTAMPS : 0) |
      (n('sack_ok') ? TCPI_OPT.SACK : 0) |
      (wscale ? TCPI_OPT.WSCALE : 0),
    snd_wscale: wscale ? n('snd_wscale') : 0,
    rcv_wscale: wscale ? n('rcv_wscale') : 0,
    rto: n('icsk_rto') * 1000,
    ato: (x.ack?.ato ?? 0) * 1000,
    snd_mss: n('mss_cache'),
    rcv_mss: x.ack?.rcv_mss ?? 0,
    unacked: n('packets_out'),
    sacked: n('sacked_out'),
    lost: n('lost_out'),
    retrans: n('retrans_out'),
    fackets: 0,
    last_data_sent: since(x.lsndtime),
    last_ack_sent: 0, // "Not remembered, sorry." (tcp.c)
    last_data_recv: since(x.ack?.lrcvtime),
    last_ack_recv: since(x.rcvTstamp),
    pmtu: n('icsk_pmtu_cookie'),
    rcv_ssthresh: n('rcv_ssthresh'),
    rtt: us ? n('srtt') >> 3 : (n('srtt') * 1000) >> 3,
    rttvar: us ? n('mdev') >> 2 : (n('mdev') * 1000) >> 2,
    snd_ssthresh: n('snd_ssthresh'),
    snd_cwnd: n('snd_cwnd'),
    advmss: n('advmss'),
    reordering: n('reordering'),
    rcv_rtt: ((x.rcvRtt ?? 0) * 1000) >> 3,
    rcv_space: x.rcvq?.space ?? 0,
    total_retrans: x.totalRetrans ?? 0,
  };
}

/** encodeTcpInfo lays info out as struct tcp_info's bytes on x86-64 (the two window scales share the byte at offset 6, four bits each). */
export function encodeTcpInfo(info: TcpInfo): Uint8Array {
  const b = new Uint8Array(TCP_INFO_SIZE);
  const v = new DataView(b.buffer);
  [info.state, info.ca_state, info.retransmits, info.probes, info.backoff, info.options].forEach((x, i) =>
    v.setUint8(i, x),
  );
  v.setUint8(6, (info.snd_wscale & 15) | ((info.rcv_wscale & 15) << 4));
  // prettier-ignore
  const words = [info.rto, info.ato, info.snd_mss, info.rcv_mss, info.unacked, info.sacked, info.lost,
    info.retrans, info.fackets, info.last_data_sent, info.last_ack_sent, info.last_data_recv,
    info.last_ack_recv, info.pmtu, info.rcv_ssthresh, info.rtt, info.rttvar, info.snd_ssthresh,
    info.snd_cwnd, info.advmss, info.reordering, info.rcv_rtt, info.rcv_space, info.total_retrans];
  words.forEach((x, i) => v.setUint32(8 + 4 * i, x >>> 0, true));
  return b;
}
