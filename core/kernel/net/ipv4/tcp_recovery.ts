// Loss recovery (net/ipv4/tcp_input.c, tcp_output.c; RFC 6582 NewReno, RFC 6937
// PRR): without SACK, duplicate ACKs counted as Reno "sacks" (tcp_add_reno_sack), the third one entering
// TCP_CA_Recovery with ssthresh from icsk_ca_ops (tcp_enter_recovery) and the head segment
// marked lost and retransmitted; a partial ACK marks the next hole lost (NewReno); snd_cwnd
// follows proportional rate reduction (tcp_cwnd_reduction, as 6.x writes it; 2.6.32's rate
// halving is not simulated, PRR is used for every era) until snd_una passes high_seq, when
// it is set to ssthresh (tcp_end_cwnd_reduction). A retransmission
// timeout enters TCP_CA_Loss (tcp_enter_loss): every outstanding segment is marked lost,
// cwnd = 1, and tcp_xmit_retransmit_queue resends them as slow start opens the window.
// A segment the local qdisc drops (NET_XMIT_DROP) is not lost: it stays unsent and the
// sender enters TCP_CA_CWR (tcp_enter_cwr), leaving it once snd_una passes high_seq. TCP Small
// Queues, which in 3.10+ keeps the qdisc from filling, is not simulated.
// With SACK negotiated (tcp_sack.ts) the duplicate ACKs carry blocks instead: SACKed segments
// count in sacked_out and holes are marked lost by tcp_sack_mark_lost; the NewReno steps are
// the fallback without SACK. The undo machinery (D-SACK, Eifel) is not simulated.

import type { Host } from '../../host/host';
import { kset } from '../../host/kstruct';
import type { SkBuff } from '../../include/linux/skbuff';
import { TCP_CA, TCPCB, skbx, tcpx } from '../../include/linux/tcp';
import type { Sock } from '../../include/net/sock';
import { tcpStateName } from '../../include/net/tcp_states';
import { before, FLAG, tcp_packets_in_flight } from './tcp_ack';
import { tcp_ca_ssthresh, tcp_set_ca_state } from './tcp_cong';
import { ntohs, tcp_transmit_skb } from './tcp_output';
import { tcp_sack_mark_lost } from './tcp_sack';
import { inet_csk_reset_xmit_timer } from './tcp_timer';

/** tcp_in_cwnd_reduction: icsk_ca_state is CWR or Recovery. */
export function tcp_in_cwnd_reduction(sk: Sock): boolean {
  const s = Number(sk.f.icsk_ca_state);
  return s === TCP_CA.CWR || s === TCP_CA.Recovery;
}

/** sentSkbs returns the write-queue skbs already sent (the retransmit queue: seq before snd_nxt). */
function sentSkbs(sk: Sock): SkBuff[] {
  const nxt = Number(sk.f['snd_nxt']);
  const out: SkBuff[] = [];
  for (const s of sk.writeQueue) {
    if (!before(s.cb.seq, nxt)) break;
    out.push(s);
  }
  return out;
}

/** tcp_mark_head_lost marks the first sent skb not yet lost as TCPCB_LOST (NewReno marks one segment). */
function tcp_mark_head_lost(h: Host, sk: Sock): void {
  h.kcall('tcp_mark_head_lost', `sk=${sk.addr}`, () => {
    const skb = sentSkbs(sk)[0];
    if (skb === undefined) return;
    const x = skbx(skb);
    if (((x.sacked ?? 0) & (TCPCB.LOST | TCPCB.SACKED_ACKED)) !== 0) return;
    x.sacked = (x.sacked ?? 0) | TCPCB.LOST;
    kset(h, sk, 'lost_out', Number(sk.f['lost_out']) + 1);
  });
}

/** tcp_init_cwnd_reduction starts PRR: high_seq, prior_cwnd and ssthresh from the congestion module. */
function tcp_init_cwnd_reduction(h: Host, sk: Sock): void {
  const x = tcpx(sk);
  x.highSeq = Number(sk.f['snd_nxt']);
  x.priorCwnd = Number(sk.f['snd_cwnd']);
  x.prrDelivered = 0;
  x.prrOut = 0;
  kset(h, sk, 'snd_ssthresh', tcp_ca_ssthresh(h, sk));
}

/** tcp_enter_cwr reduces cwnd for local congestion (the qdisc dropped our segment, NET_XMIT_DROP): TCP_CA_CWR with PRR towards the module's ssthresh. */
export function tcp_enter_cwr(h: Host, sk: Sock): void {
  h.kcall('tcp_enter_cwr', `sk=${sk.addr}`, () => {
    if (Number(sk.f.icsk_ca_state) >= TCP_CA.CWR) return;
    tcp_init_cwnd_reduction(h, sk);
    kset(h, sk, 'snd_cwnd_cnt', 0);
    tcp_set_ca_state(h, sk, TCP_CA.CWR);
  });
}

/** tcp_enter_recovery enters TCP_CA_Recovery on the third duplicate ACK. */
function tcp_enter_recovery(h: Host, sk: Sock): void {
  h.kcall('tcp_enter_recovery', `sk=${sk.addr}`, () => {
    if (Number(sk.f.icsk_ca_state) < TCP_CA.CWR) tcp_init_cwnd_reduction(h, sk);
    tcp_set_ca_state(h, sk, TCP_CA.Recovery);
  });
}

/** tcp_end_cwnd_reduction sets cwnd to ssthresh as recovery ends. */
function tcp_end_cwnd_reduction(h: Host, sk: Sock): void {
  h.kcall('tcp_end_cwnd_reduction', `sk=${sk.addr}`, () => {
    if (Number(sk.f['snd_ssthresh']) < 0x7fffffff) kset(h, sk, 'snd_cwnd', Number(sk.f['snd_ssthresh']));
  });
}

/** tcp_cwnd_reduction is PRR: cwnd = in_flight + sndcnt, spreading the reduction over the recovery round trip. */
export function tcp_cwnd_reduction(h: Host, sk: Sock, newlyAcked: number, flag: number): void {
  if (newlyAcked <= 0) return;
  h.kcall('tcp_cwnd_reduction', `sk=${sk.addr}, newly_acked_sacked=${newlyAcked}`, () => {
    const x = tcpx(sk);
    const ssthresh = Number(sk.f['snd_ssthresh']);
    const inFlight = tcp_packets_in_flight(sk);
    const delta = ssthresh - inFlight;
    x.prrDelivered = (x.prrDelivered ?? 0) + newlyAcked;
    const prior = Math.max(x.priorCwnd ?? 1, 1);
    let sndcnt: number;
    if (delta < 0) sndcnt = Math.floor((ssthresh * x.prrDelivered + prior - 1) / prior) - (x.prrOut ?? 0);
    else {
      sndcnt = Math.max(x.prrDelivered - (x.prrOut ?? 0), newlyAcked);
      if ((flag & FLAG.SND_UNA_ADVANCED) !== 0) sndcnt = Math.min(delta, sndcnt);
    }
    sndcnt = Math.max(sndcnt, (x.prrOut ?? 0) > 0 ? 0 : 1);
    kset(h, sk, 'snd_cwnd', inFlight + sndcnt);
  });
}

/** tcp_add_reno_sack counts a duplicate ACK as one more "sacked" segment (no SACK option negotiated in use). */
function tcp_add_reno_sack(h: Host, sk: Sock): void {
  const packets = Number(sk.f['packets_out']);
  const sacked = Number(sk.f['sacked_out']);
  if (sacked + 1 + Number(sk.f['lost_out']) <= packets) kset(h, sk, 'sacked_out', sacked + 1);
}

/** tcp_remove_reno_sacks forgets the duplicate ACKs an advancing ACK accounted for. */
function tcp_remove_reno_sacks(h: Host, sk: Sock, acked: number): void {
  const sacked = Number(sk.f['sacked_out']);
  if (acked > 0) kset(h, sk, 'sacked_out', acked - 1 >= sacked ? 0 : sacked - (acked - 1));
}

/** tcp_fastretrans_alert runs the recovery state machine for a dubious ACK; it returns the segments newly delivered (acked + duplicate ACKs) for PRR. */
export function tcp_fastretrans_alert(
  h: Host,
  sk: Sock,
  priorUna: number,
  isDupack: boolean,
  flag: number,
  acked: number,
): number {
  return h.kcall('tcp_fastretrans_alert', `sk=${sk.addr}, dupack=${isDupack ? 1 : 0}`, () => {
    const x = tcpx(sk);
    const una = Number(sk.f['snd_una']);
    const advanced = (flag & FLAG.SND_UNA_ADVANCED) !== 0;
    const state = Number(sk.f.icsk_ca_state);
    const reno = !sk.f['sack_ok'];
    let delivered = acked;
    if (reno && advanced) tcp_remove_reno_sacks(h, sk, acked);
    if (reno && isDupack) {
      tcp_add_reno_sack(h, sk);
      delivered++;
    }
    if (!reno) tcp_sack_mark_lost(h, sk);
    if (state === TCP_CA.CWR && before(x.highSeq ?? una, una)) {
      tcp_end_cwnd_reduction(h, sk);
      tcp_set_ca_state(h, sk, TCP_CA.Open);
      return delivered;
    }
    if (state >= TCP_CA.Recovery && !before(una, x.highSeq ?? una)) {
      if (state === TCP_CA.Recovery) tcp_end_cwnd_reduction(h, sk);
      if (reno) kset(h, sk, 'sacked_out', 0);
      tcp_set_ca_state(h, sk, TCP_CA.Open);
      return delivered;
    }
    if (state === TCP_CA.Recovery) {
      if (reno && advanced && before(priorUna, una)) tcp_mark_head_lost(h, sk);
    } else if (state !== TCP_CA.Loss) {
      const timeToRecover =
        Number(sk.f['lost_out']) > 0 || Number(sk.f['sacked_out']) + 1 > Number(sk.f['reordering']);
      if (!timeToRecover) {
        if (state !== TCP_CA.CWR)
          tcp_set_ca_state(h, sk, Number(sk.f['sacked_out']) > 0 ? TCP_CA.Disorder : TCP_CA.Open);
        return delivered;
      }
      tcp_enter_recovery(h, sk);
      if (reno || Number(sk.f['lost_out']) === 0) tcp_mark_head_lost(h, sk);
    }
    return delivered;
  });
}

/** tcp_retransmit_skb resends one skb (tcp_retransmit_skb tracepoint), marking it SACKED_RETRANS. */
export function tcp_retransmit_skb(h: Host, sk: Sock, skb: SkBuff): void {
  h.kcall('tcp_retransmit_skb', `sk=${sk.addr}, skb=${skb.addr}`, () => {
    if (h.trace.wants('tcp_retransmit_skb')) {
      h.trace.record('tcp_retransmit_skb', h.now, h.name, {
        skbaddr: skb.addr,
        skaddr: sk.addr,
        sport: sk.f.inet_num,
        dport: ntohs(sk.f.inet_dport),
        saddr: String(sk.f['inet_saddr']),
        daddr: sk.f.inet_daddr,
        state: tcpStateName(sk.f.sk_state),
      });
    }
    const x = skbx(skb);
    x.mstampNs = undefined;
    skb.cb.when = 0;
    if (tcp_transmit_skb(h, sk, skb, true) !== 0) return;
    tcpx(sk).totalRetrans = (tcpx(sk).totalRetrans ?? 0) + 1;
    if (((x.sacked ?? 0) & TCPCB.SACKED_RETRANS) === 0)
      kset(h, sk, 'retrans_out', Number(sk.f['retrans_out']) + 1);
    x.sacked = (x.sacked ?? 0) | TCPCB.SACKED_RETRANS | TCPCB.EVER_RETRANS;
  });
}

/** tcp_xmit_recovery resends what recovery or loss marked lost, after cwnd was updated (tcp_input.c). */
export function tcp_xmit_recovery(h: Host, sk: Sock): void {
  const s = Number(sk.f.icsk_ca_state);
  if (s === TCP_CA.Recovery || s === TCP_CA.Loss) tcp_xmit_retransmit_queue(h, sk, s === TCP_CA.Recovery);
}

/** tcp_xmit_retransmit_queue resends lost, not yet retransmitted skbs while in_flight < cwnd. */
export function tcp_xmit_retransmit_queue(h: Host, sk: Sock, countPrr: boolean): void {
  h.kcall('tcp_xmit_retransmit_queue', `sk=${sk.addr}`, () => {
    const x = tcpx(sk);
    const skbs = sentSkbs(sk);
    for (const skb of skbs) {
      const sacked = skbx(skb).sacked ?? 0;
      if ((sacked & TCPCB.LOST) === 0 || (sacked & TCPCB.SACKED_RETRANS) !== 0) continue;
      if (tcp_packets_in_flight(sk) >= Number(sk.f['snd_cwnd'])) break;
      tcp_retransmit_skb(h, sk, skb);
      if (countPrr) x.prrOut = (x.prrOut ?? 0) + 1;
      if (skb === skbs[0]) h.kcall('tcp_rearm_rto', `sk=${sk.addr}`, () => inet_csk_reset_xmit_timer(h, sk));
    }
  });
}

/** tcp_enter_loss enters TCP_CA_Loss after an RTO: ssthresh from the module, cwnd 1, everything in flight marked lost. */
export function tcp_enter_loss(h: Host, sk: Sock): void {
  h.kcall('tcp_enter_loss', `sk=${sk.addr}`, () => {
    const x = tcpx(sk);
    const state = Number(sk.f.icsk_ca_state);
    if (state <= TCP_CA.Disorder || !before(Number(sk.f['snd_una']), x.highSeq ?? 0) || state === TCP_CA.Loss)
      kset(h, sk, 'snd_ssthresh', tcp_ca_ssthresh(h, sk));
    tcp_set_ca_state(h, sk, TCP_CA.Loss);
    if (!sk.f['sack_ok']) kset(h, sk, 'sacked_out', 0);
    kset(h, sk, 'retrans_out', 0);
    let lost = 0;
    for (const skb of sentSkbs(sk)) {
      const s = skbx(skb);
      if (sk.f['sack_ok'] && ((s.sacked ?? 0) & TCPCB.SACKED_ACKED) !== 0) continue;
      s.sacked = ((s.sacked ?? 0) & ~(TCPCB.SACKED_RETRANS | TCPCB.SACKED_ACKED)) | TCPCB.LOST;
      lost++;
    }
    kset(h, sk, 'lost_out', lost);
    kset(h, sk, 'snd_cwnd', tcp_packets_in_flight(sk) + 1);
    kset(h, sk, 'snd_cwnd_cnt', 0);
    x.highSeq = Number(sk.f['snd_nxt']);
  });
}
