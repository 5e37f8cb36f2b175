// net/ipv4/tcp_input.c, the sender's side of an incoming ACK: tcp_ack (window update,
// snd_una, tcp_clean_rtx_queue freeing acknowledged skbs, the RTT sample and
// tcp_rtt_estimator / tcp_set_rto exactly as Linux computes icsk_rto, duplicate-ACK
// detection, tcp_fastretrans_alert for a dubious ACK, then tcp_cong_control: PRR in
// recovery, icsk_ca_ops->cong_avoid otherwise). RTT samples are jiffies from the TCP
// timestamp echo in 2.6.32 and 3.10 (tcp_ack_saw_tstamp; the skb's send time when the echo is
// 0, tcp_ack_no_tstamp) and µs from the skb's send time in 6.x (srtt_us, with the echo as a
// fallback after retransmissions).

import type { Host } from '../../host/host';
import { kset } from '../../host/kstruct';
import { TCP_CA, TCPCB, skbx, tcpx } from '../../include/linux/tcp';
import type { Sock } from '../../include/net/sock';
import type { TcpRepr } from '../../../wire';
import { consume_skb } from '../core/skbuff';
import { caOps, tcp_cong_avoid } from './tcp_cong';
import { tcp_sacktag_write_queue } from './tcp_sack';
import {
  tcp_cwnd_reduction,
  tcp_fastretrans_alert,
  tcp_in_cwnd_reduction,
  tcp_xmit_recovery,
} from './tcp_recovery';
import { tcpTime } from './tcp_output';
import {
  inet_csk_clear_xmit_timer,
  inet_csk_reset_xmit_timer,
  tcp_clear_probe_timer,
  TCP_RTO_MAX_MS,
  windowFitsHead,
} from './tcp_timer';

/** FLAG_* are tcp_ack's flag bits (tcp_input.c). */
// prettier-ignore
export const FLAG = {
  DATA: 0x01, // the incoming segment carried data
  WIN_UPDATE: 0x02, // it updated the send window
  DATA_ACKED: 0x04, // it acknowledged new data
  RETRANS_DATA_ACKED: 0x08, // some of that data had been retransmitted
  SYN_ACKED: 0x10, // it acknowledged our SYN
  DATA_SACKED: 0x20, // its SACK blocks covered new data
  SND_UNA_ADVANCED: 0x400, // snd_una moved
} as const;

/** FLAG_NOT_DUP is what makes an ACK not a duplicate: data, a window update or newly acked data. */
const FLAG_NOT_DUP = FLAG.DATA | FLAG.WIN_UPDATE | FLAG.DATA_ACKED | FLAG.SYN_ACKED;

/** before is before(a, b) on 32-bit sequence numbers. */
export function before(a: number, b: number): boolean {
  return ((a - b) | 0) < 0;
}

/** tsecrOf returns the segment's timestamp echo, or 0. */
function tsecrOf(seg: TcpRepr): number {
  for (const o of seg.options) if (o.kind === 'timestamp') return o.tsecr;
  return 0;
}

/** tcp_packets_in_flight is packets_out − (sacked_out + lost_out) + retrans_out (include/net/tcp.h). */
export function tcp_packets_in_flight(sk: Sock): number {
  const f = sk.f;
  return (
    Number(f['packets_out']) - (Number(f['sacked_out']) + Number(f['lost_out'])) + Number(f['retrans_out'])
  );
}

/** tcp_rtt_estimator folds a sample (jiffies; µs in 6.x) into srtt (<< 3), mdev, mdev_max and rttvar (RFC 6298 as tcp_input.c does it). */
export function tcp_rtt_estimator(h: Host, sk: Sock, mrtt: number): void {
  h.kcall('tcp_rtt_estimator', `sk=${sk.addr}, mrtt=${mrtt}`, () => {
    const x = tcpx(sk);
    const rtoMin = h.profile.version === '6.x' ? 200_000 : 200;
    let m = h.profile.version === '6.x' ? mrtt : Math.max(mrtt, 1);
    let srtt = Number(sk.f['srtt']);
    let mdev = Number(sk.f['mdev']);
    let rttvar = Number(sk.f['rttvar']);
    if (srtt !== 0 && x.rttSeq !== undefined) {
      m -= srtt >> 3;
      srtt += m;
      if (m < 0) {
        m = -m - (mdev >> 2);
        if (m > 0) m >>= 3;
      } else m -= mdev >> 2;
      mdev += m;
      if (mdev > (x.mdevMax ?? 0)) {
        x.mdevMax = mdev;
        if (mdev > rttvar) rttvar = mdev;
      }
      if (before(x.rttSeq, Number(sk.f['snd_una']))) {
        if (x.mdevMax! < rttvar) rttvar -= (rttvar - x.mdevMax!) >> 2;
        x.rttSeq = Number(sk.f['snd_nxt']);
        x.mdevMax = rtoMin;
      }
    } else {
      srtt = m << 3;
      mdev = m << 1;
      rttvar = Math.max(mdev, rtoMin);
      x.mdevMax = rttvar;
      x.rttSeq = Number(sk.f['snd_nxt']);
    }
    kset(h, sk, 'srtt', Math.max(srtt, 1));
    kset(h, sk, 'mdev', mdev);
    kset(h, sk, 'rttvar', rttvar);
  });
}

/** tcp_set_rto sets icsk_rto = srtt/8 + rttvar in jiffies, bounded by TCP_RTO_MAX (__tcp_set_rto, tcp_bound_rto). */
export function tcp_set_rto(h: Host, sk: Sock): void {
  h.kcall('tcp_set_rto', `sk=${sk.addr}`, () => {
    const sum = (Number(sk.f['srtt']) >> 3) + Number(sk.f['rttvar']);
    const jiffies = h.profile.version === '6.x' ? Math.ceil(sum / 1000) : sum;
    kset(h, sk, 'icsk_rto', Math.min(jiffies, TCP_RTO_MAX_MS));
  });
}

/** Cleaned is what tcp_clean_rtx_queue found: segments acked, flags and the RTT sample (-1 for none). */
interface Cleaned {
  acked: number;
  flag: number;
  seqRtt: number;
}

/** tcp_clean_rtx_queue frees the skbs the ACK covers and takes an RTT sample from a never-retransmitted one (Karn). */
function tcp_clean_rtx_queue(h: Host, sk: Sock, ack: number): Cleaned {
  const r: Cleaned = { acked: 0, flag: 0, seqRtt: -1 };
  // the kernel's returns the FLAG_* bits; the bytes acked and the RTT sample come back beside them
  h.kcall('tcp_clean_rtx_queue', `sk=${sk.addr}`, () => {
    const v6 = h.profile.version === '6.x';
    while (sk.writeQueue.length > 0) {
      const skb = sk.writeQueue[0]!;
      if (before(ack, skb.cb.end_seq) || !before(skb.cb.seq, Number(sk.f['snd_nxt']))) break;
      sk.writeQueue.shift();
      const sacked = skbx(skb).sacked ?? 0;
      if ((sacked & TCPCB.SACKED_RETRANS) !== 0) kset(h, sk, 'retrans_out', Number(sk.f['retrans_out']) - 1);
      if ((sacked & TCPCB.LOST) !== 0) kset(h, sk, 'lost_out', Number(sk.f['lost_out']) - 1);
      if ((sacked & TCPCB.SACKED_ACKED) !== 0) kset(h, sk, 'sacked_out', Number(sk.f['sacked_out']) - 1);
      if ((sacked & TCPCB.EVER_RETRANS) !== 0) r.flag |= FLAG.RETRANS_DATA_ACKED;
      else if (r.seqRtt < 0) {
        const sent = skbx(skb).mstampNs;
        if (sent !== undefined)
          r.seqRtt = v6 ? Math.floor((h.now - sent) / 1000) : tcpTime(h) - Math.floor(sent / 1_000_000);
      }
      r.flag |= (skb.cb.tcp_flags & 0x02) !== 0 ? FLAG.SYN_ACKED : FLAG.DATA_ACKED;
      kset(h, sk, 'sk_write_queue', sk.writeQueue.length);
      kset(h, sk, 'sk_wmem_queued', sk.f.sk_wmem_queued - skb.f.truesize);
      kset(h, sk, 'packets_out', Number(sk.f['packets_out']) - 1);
      r.acked++;
      sk.queueShrunk = true;
      consume_skb(h, skb);
    }
    return r.flag;
  });
  return r;
}

/** tcp_ack_update_rtt takes the sample: the skb's send time (6.x) or the timestamp echo, then sets the RTO. */
function tcp_ack_update_rtt(h: Host, sk: Sock, c: Cleaned, seg: TcpRepr): void {
  let rtt = c.seqRtt;
  const tsecr = tsecrOf(seg);
  const fromTs = sk.f['tstamp_ok'] && tsecr !== 0;
  if (h.profile.version === '6.x') {
    if (rtt < 0 && fromTs) rtt = (tcpTime(h) - tsecr) * 1000;
  } else if (fromTs) rtt = tcpTime(h) - tsecr;
  caOps(sk).pkts_acked?.(h, sk, h.profile.version === '6.x' ? rtt : rtt < 0 ? -1 : rtt * 1000);
  if (rtt < 0) return;
  tcp_rtt_estimator(h, sk, rtt);
  tcp_set_rto(h, sk);
  kset(h, sk, 'icsk_backoff', 0);
}

/** tcp_ack_update_window takes the peer's window when the segment is newer than the last update (tcp_may_update_window); FLAG_WIN_UPDATE or 0. */
function tcp_ack_update_window(h: Host, sk: Sock, seg: TcpRepr): number {
  const nwin = (seg.flags & 0x02) !== 0 ? seg.window : seg.window << Number(sk.f['snd_wscale']);
  const una = Number(sk.f['snd_una']);
  const wl1 = Number(sk.f['snd_wl1']);
  const may =
    before(una, seg.ack) || before(wl1, seg.seq) || (seg.seq === wl1 && nwin > Number(sk.f['snd_wnd']));
  if (!may) return 0;
  kset(h, sk, 'snd_wl1', seg.seq);
  if (Number(sk.f['snd_wnd']) !== nwin) {
    kset(h, sk, 'snd_wnd', nwin);
    if (nwin > Number(sk.f['max_window'])) kset(h, sk, 'max_window', nwin);
  }
  return FLAG.WIN_UPDATE;
}

/** tcp_ack processes the acknowledgement in seg; it returns tcp_ack's flags, or -1 for an ACK of unsent data. */
export function tcp_ack(h: Host, sk: Sock, seg: TcpRepr): number {
  return h.kcall('tcp_ack', `sk=${sk.addr}, ack=${seg.ack}`, () => {
    const priorUna = Number(sk.f['snd_una']);
    const priorPackets = Number(sk.f['packets_out']);
    if (before(seg.ack, priorUna)) return 0;
    if (before(Number(sk.f['snd_nxt']), seg.ack)) return -1;
    let flag = seg.payload.length > 0 ? FLAG.DATA : 0;
    if (before(priorUna, seg.ack)) flag |= FLAG.SND_UNA_ADVANCED;
    flag |= tcp_ack_update_window(h, sk, seg);
    kset(h, sk, 'snd_una', seg.ack);
    // "Something worked": the peer answered, so no probe is outstanding (keepalive, window probes).
    if (Number(sk.f.icsk_probes_out) !== 0) kset(h, sk, 'icsk_probes_out', 0);
    tcpx(sk).rcvTstamp = tcpTime(h);
    if (tcpx(sk).probeTimer !== undefined && windowFitsHead(sk))
      h.kcall('tcp_ack_probe', `sk=${sk.addr}`, () => {
        kset(h, sk, 'icsk_backoff', 0);
        tcp_clear_probe_timer(h, sk);
      });
    if (priorPackets === 0) return flag;
    const newlySacked = tcp_sacktag_write_queue(h, sk, seg);
    if (newlySacked > 0) flag |= FLAG.DATA_SACKED;
    const c = tcp_clean_rtx_queue(h, sk, seg.ack);
    flag |= c.flag;
    if (c.acked > 0) {
      tcp_ack_update_rtt(h, sk, c, seg);
      kset(h, sk, 'icsk_retransmits', 0);
      if (Number(sk.f['packets_out']) === 0) inet_csk_clear_xmit_timer(h, sk);
      else h.kcall('tcp_rearm_rto', `sk=${sk.addr}`, () => inet_csk_reset_xmit_timer(h, sk));
    }
    const isDupack = (flag & (FLAG.SND_UNA_ADVANCED | FLAG_NOT_DUP)) === 0;
    const dubious =
      (flag & FLAG_NOT_DUP) === 0 ||
      (flag & FLAG.DATA_SACKED) !== 0 ||
      Number(sk.f.icsk_ca_state) !== TCP_CA.Open;
    let acked = c.acked + newlySacked;
    if (dubious) acked = tcp_fastretrans_alert(h, sk, priorUna, isDupack, flag, acked);
    if (tcp_in_cwnd_reduction(sk)) tcp_cwnd_reduction(h, sk, acked, flag);
    else if (c.acked > 0) tcp_cong_avoid(h, sk, seg.ack, c.acked);
    if (dubious) tcp_xmit_recovery(h, sk);
    return flag;
  });
}
