// net/ipv4/tcp_input.c, the parts a handshake and a first data segment need:
// tcp_rcv_state_process (SYN_SENT → tcp_rcv_synsent_state_process, SYN_RECV → ESTABLISHED)
// and tcp_rcv_established's in-order data path (queue, rcv_nxt, ACK, sk_data_ready).

import type { Host } from '../../host/host';
import { kset } from '../../host/kstruct';
import type { SkBuff } from '../../include/linux/skbuff';
import type { Sock } from '../../include/net/sock';
import { TCP_STATE } from '../../include/net/tcp_states';
import type { TcpRepr } from '../../../wire';
import { consume_skb, skb_pull, skb_queue_tail } from '../core/skbuff';
import { sk_data_ready, sk_state_change } from '../core/sock_wake';
import { tcp_set_state } from './tcp_connect';
import { tcp_send_ack, tcpTime, TCPHDR } from './tcp_output';
import { tcp_push_pending } from './tcp';
import { tcp_ack_of_fin, tcp_fin } from './tcp_close';
import { inet_csk_clear_xmit_timer, inet_csk_reset_xmit_timer } from './tcp_timer';
import { tcp_check_space, tcp_init_buffer_space } from './tcp_input_buffer';

/** tcp_ack takes the peer's acknowledgement: snd_una moves, acknowledged skbs leave the write queue. */
export function tcp_ack(h: Host, sk: Sock, seg: TcpRepr): void {
  h.kcall('tcp_ack', `sk=${sk.addr}, ack=${seg.ack}`, () => {
    if (((seg.ack - Number(sk.f['snd_una'])) | 0) <= 0) return;
    let acked = 0;
    let sample = -1;
    kset(h, sk, 'snd_una', seg.ack);
    while (sk.writeQueue.length > 0 && ((sk.writeQueue[0]!.cb.end_seq - seg.ack) | 0) <= 0) {
      const skb = sk.writeQueue.shift()!;
      kset(h, sk, 'sk_write_queue', sk.writeQueue.length);
      kset(h, sk, 'sk_wmem_queued', sk.f.sk_wmem_queued - skb.f.truesize);
      kset(h, sk, 'packets_out', Math.max(0, Number(sk.f['packets_out']) - 1));
      if (skb.f.len > 0) acked++;
      sk.queueShrunk = true;
      if (sample < 0 && skb.cb.when > 0) sample = tcpTime(h) - skb.cb.when;
      consume_skb(h, skb);
    }
    if (sample >= 0) tcp_rtt_estimator(h, sk, sample);
    if (acked > 0) tcp_cong_avoid(h, sk, acked);
    kset(h, sk, 'icsk_backoff', 0);
    kset(h, sk, 'icsk_retransmits', 0);
    if (Number(sk.f['packets_out']) === 0) inet_csk_clear_xmit_timer(h, sk);
    else h.kcall('tcp_rearm_rto', `sk=${sk.addr}`, () => inet_csk_reset_xmit_timer(h, sk));
    kset(h, sk, 'snd_wnd', seg.window << Number(sk.f['snd_wscale']));
  });
}

/** TCP_RTO_MIN_MS is TCP_RTO_MIN, HZ/5 = 200 ms (reference §4.13). */
const TCP_RTO_MIN_MS = 200;

/** tcp_rtt_estimator folds an RTT sample (jiffies) into srtt (<< 3) and rttvar and sets icsk_rto = srtt + rttvar (RFC 6298, rttvar >= TCP_RTO_MIN). */
function tcp_rtt_estimator(h: Host, sk: Sock, m: number): void {
  h.kcall('tcp_rtt_estimator', `sk=${sk.addr}, mrtt=${m}`, () => {
    let srtt = Number(sk.f['srtt']);
    let mdev = Number(sk.f['mdev']);
    if (srtt === 0) {
      srtt = m << 3;
      mdev = m << 1;
    } else {
      const err = m - (srtt >> 3);
      srtt += err;
      mdev += (Math.abs(err) - (mdev >> 2)) | 0;
    }
    kset(h, sk, 'srtt', srtt);
    kset(h, sk, 'mdev', mdev);
    kset(h, sk, 'rttvar', Math.max(mdev, TCP_RTO_MIN_MS));
    h.kcall('tcp_set_rto', `sk=${sk.addr}`, () =>
      kset(h, sk, 'icsk_rto', Math.min((srtt >> 3) + Math.max(mdev, TCP_RTO_MIN_MS), 120_000)),
    );
  });
}

/** tcp_cong_avoid grows snd_cwnd through icsk_ca_ops: slow start (one per acked segment) below ssthresh, else one per cwnd acked. */
function tcp_cong_avoid(h: Host, sk: Sock, acked: number): void {
  const ca = String(sk.f.icsk_ca_ops ?? 'reno');
  const fn = ca === 'cubic' ? 'bictcp_cong_avoid' : 'tcp_reno_cong_avoid';
  h.kcall(fn, `sk=${sk.addr}, acked=${acked} via icsk->icsk_ca_ops->cong_avoid`, () => {
    const cwnd = Number(sk.f['snd_cwnd']);
    if (cwnd < Number(sk.f['snd_ssthresh'])) {
      h.kcall('tcp_slow_start', `acked=${acked}`, () =>
        kset(h, sk, 'snd_cwnd', Math.min(cwnd + acked, Number(sk.f['snd_cwnd_clamp']))),
      );
      return;
    }
    const cnt = Number(sk.f['snd_cwnd_cnt']) + acked;
    if (cnt >= cwnd) {
      kset(h, sk, 'snd_cwnd_cnt', cnt - cwnd);
      kset(h, sk, 'snd_cwnd', cwnd + 1);
    } else kset(h, sk, 'snd_cwnd_cnt', cnt);
  });
}

/** optionsOf reads the peer's SYN options into rx_opt (tcp_parse_options). */
export function tcp_parse_options(h: Host, sk: Sock, seg: TcpRepr): void {
  h.kcall('tcp_parse_options', '', () => {
    for (const o of seg.options) {
      if (o.kind === 'mss') kset(h, sk, 'mss_clamp', o.mss);
      else if (o.kind === 'wscale') {
        kset(h, sk, 'snd_wscale', o.shift);
        kset(h, sk, 'wscale_ok', 1);
      } else if (o.kind === 'sackPerm') kset(h, sk, 'sack_ok', 1);
      else if (o.kind === 'timestamp') {
        kset(h, sk, 'tstamp_ok', 1);
        kset(h, sk, 'ts_recent', o.tsval);
      }
    }
  });
}

/** tcp_finish_connect moves the sock to ESTABLISHED and sets it up for data (3.10; inline in 2.6.32, tcp_init_transfer in 6.x). */
function tcp_finish_connect(h: Host, sk: Sock): void {
  tcp_set_state(h, sk, TCP_STATE.TCP_ESTABLISHED);
  const setup = (): void => {
    const cwnd = h.profile.version === '2.6.32' ? 3 : 10; // §0.2: RFC 3390 gives 3 for MSS 1096..1460 in 2.6.32
    h.kcall('tcp_init_metrics', `sk=${sk.addr}`, () => kset(h, sk, 'snd_cwnd', cwnd));
    h.kcall('tcp_init_congestion_control', `sk=${sk.addr}`, () => kset(h, sk, 'icsk_ca_ops', 'cubic'));
    tcp_init_buffer_space(h, sk);
  };
  if (h.profile.version === '6.x') h.kcall('tcp_init_transfer', `sk=${sk.addr}`, setup);
  else setup();
}

/** tcp_rcv_synsent_state_process handles the SYN-ACK of an active open. */
function tcp_rcv_synsent_state_process(h: Host, sk: Sock, skb: SkBuff, seg: TcpRepr): number {
  return h.kcall('tcp_rcv_synsent_state_process', `sk=${sk.addr}`, () => {
    const synack = TCPHDR.SYN | TCPHDR.ACK;
    if ((seg.flags & synack) !== synack || seg.ack !== Number(sk.f['snd_nxt'])) {
      consume_skb(h, skb);
      return 1;
    }
    tcp_parse_options(h, sk, seg);
    tcp_ack(h, sk, seg);
    kset(h, sk, 'rcv_nxt', (seg.seq + 1) >>> 0);
    kset(h, sk, 'rcv_wup', (seg.seq + 1) >>> 0);
    kset(h, sk, 'snd_wnd', seg.window);
    kset(h, sk, 'snd_wl1', seg.seq);
    kset(h, sk, 'copied_seq', (seg.seq + 1) >>> 0);
    const mss = Math.min(Number(sk.f['mss_clamp']), 1460) - (sk.f['tstamp_ok'] ? 12 : 0);
    h.kcall('tcp_sync_mss', `sk=${sk.addr}, pmtu=1500`, () => kset(h, sk, 'mss_cache', mss));
    if (h.profile.version === '2.6.32') tcp_finish_connect(h, sk);
    else
      h.kcall(
        h.profile.version === '6.x' ? 'tcp_finish_connect' : 'tcp_finish_connect',
        `sk=${sk.addr}`,
        () => tcp_finish_connect(h, sk),
      );
    sk_state_change(h, sk);
    tcp_send_ack(h, sk);
    consume_skb(h, skb);
    return 0;
  });
}

/** tcp_rcv_state_process handles segments for every state but ESTABLISHED and LISTEN's SYN. */
export function tcp_rcv_state_process(h: Host, sk: Sock, skb: SkBuff, seg: TcpRepr): number {
  return h.kcall('tcp_rcv_state_process', `sk=${sk.addr}, skb=${skb.addr}`, () => {
    if (sk.f.sk_state === TCP_STATE.TCP_SYN_SENT) return tcp_rcv_synsent_state_process(h, sk, skb, seg);
    if (sk.f.sk_state === TCP_STATE.TCP_SYN_RECV && (seg.flags & TCPHDR.ACK) !== 0) {
      tcp_ack(h, sk, seg);
      tcp_set_state(h, sk, TCP_STATE.TCP_ESTABLISHED);
      kset(h, sk, 'snd_una', seg.ack);
      kset(h, sk, 'snd_wnd', seg.window << Number(sk.f['snd_wscale']));
      tcp_init_buffer_space(h, sk);
      consume_skb(h, skb);
      return 0;
    }
    if ((seg.flags & TCPHDR.ACK) !== 0) tcp_ack(h, sk, seg);
    if (tcp_ack_of_fin(h, sk)) {
      consume_skb(h, skb);
      return 0;
    }
    const st = sk.f.sk_state;
    if (st === TCP_STATE.TCP_FIN_WAIT1 || st === TCP_STATE.TCP_FIN_WAIT2)
      return tcpDataIn(h, sk, skb, seg, skb.f.len - seg.payload.length);
    consume_skb(h, skb);
    const end = (seg.seq + seg.payload.length) >>> 0;
    if ((seg.flags & TCPHDR.FIN) !== 0 && st !== TCP_STATE.TCP_TIME_WAIT) tcp_fin(h, sk, end);
    return 0;
  });
}

/** tcp_rcv_established takes in-order data onto sk_receive_queue and ACKs it (the fast path). */
export function tcp_rcv_established(h: Host, sk: Sock, skb: SkBuff, seg: TcpRepr, hlen: number): number {
  return h.kcall('tcp_rcv_established', `sk=${sk.addr}, skb=${skb.addr}, len=${skb.f.len}`, () => {
    tcp_ack(h, sk, seg);
    return tcpDataIn(h, sk, skb, seg, hlen);
  });
}

/** tcpDataIn is the in-order data path shared by ESTABLISHED and the FIN_WAIT states: queue, rcv_nxt, FIN, ACK, wake (tcp_data_queue). */
function tcpDataIn(h: Host, sk: Sock, skb: SkBuff, seg: TcpRepr, hlen: number): number {
  const len = seg.payload.length;
  const fin = (seg.flags & TCPHDR.FIN) !== 0;
  if (len === 0 || seg.seq !== Number(sk.f['rcv_nxt'])) {
    if (sk.writeQueue.length > 0)
      h.kcall('tcp_data_snd_check', `sk=${sk.addr}`, () => tcp_push_pending(h, sk));
    tcp_check_space(h, sk);
    if (len > 0) h.kcall('tcp_send_dupack', `sk=${sk.addr}, seq=${seg.seq}`, () => tcp_send_ack(h, sk));
    if (fin && seg.seq === Number(sk.f['rcv_nxt']))
      h.kcall('tcp_data_queue', `sk=${sk.addr}`, () => tcp_fin(h, sk, seg.seq));
    consume_skb(h, skb);
    return 0;
  }
  skb_pull(h, skb, hlen);
  skb.cb.seq = seg.seq;
  skb.cb.end_seq = (seg.seq + len) >>> 0;
  const queue = h.profile.version === '2.6.32' ? '__skb_queue_tail' : 'tcp_queue_rcv';
  h.kcall(queue, `sk=${sk.addr}, skb=${skb.addr}`, () => {
    skb_queue_tail(h, sk.receiveQueue, 'sk_receive_queue', skb);
    kset(h, sk, 'sk_receive_queue', sk.receiveQueue.length);
    kset(h, sk, 'sk_rmem_alloc', sk.f.sk_rmem_alloc + skb.f.truesize);
    kset(h, sk, 'rcv_nxt', (seg.seq + len) >>> 0);
  });
  h.kcall('tcp_event_data_recv', `sk=${sk.addr}`, () => undefined);
  if (fin) tcp_fin(h, sk, (seg.seq + len) >>> 0);
  else h.kcall('__tcp_ack_snd_check', `sk=${sk.addr}`, () => tcp_send_ack(h, sk));
  sk_data_ready(h, sk);
  return 0;
}
