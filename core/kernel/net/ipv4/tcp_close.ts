// Closing TCP (net/ipv4/tcp.c tcp_close / tcp_send_fin, tcp_input.c tcp_fin, tcp_minisocks.c
// TIME_WAIT): a close with unread data sends RST; otherwise the state moves by
// tcp_close_state (ESTABLISHED → FIN_WAIT1, CLOSE_WAIT → LAST_ACK) and a FIN goes out; the
// orphaned sock lives on until the FIN exchange ends (TIME_WAIT lasts TCP_TIMEWAIT_LEN, 60 s,
// or the host's tcp_timewait_ns) and is then destroyed.

import type { Host } from '../../host/host';
import { kset } from '../../host/kstruct';
import { tcpx } from '../../include/linux/tcp';
import type { Sock } from '../../include/net/sock';
import { TCP_STATE } from '../../include/net/tcp_states';
import { alloc_skb, skb_reserve } from '../core/skbuff';
import { sk_free } from '../core/sock';
import { sk_state_change } from '../core/sock_wake';
import { inet_put_port } from './inet_connection_sock';
import { tcp_push_pending } from './tcp';
import { estKey, tcp_set_state } from './tcp_connect';
import { inet_csk_delete_keepalive_timer } from './tcp_keepalive';
import {
  entail,
  MAX_TCP_HEADER,
  ntohs,
  tcp_init_nondata_skb,
  tcp_send_ack,
  tcp_transmit_skb,
  TCPHDR,
} from './tcp_output';

/** TCP_TIMEWAIT_LEN_NS is TCP_TIMEWAIT_LEN, 60 s (reference §4.13). */
export const TCP_TIMEWAIT_LEN_NS = 60_000_000_000;

/** destroy unhashes and frees a TCP sock that has finished (inet_csk_destroy_sock). */
export function inet_csk_destroy_sock(h: Host, sk: Sock): void {
  h.kcall('inet_csk_destroy_sock', `sk=${sk.addr}`, () => {
    h.established.delete(
      estKey(String(sk.f['inet_saddr']), sk.f.inet_num, sk.f.inet_daddr, ntohs(sk.f.inet_dport)),
    );
    const i = h.listeners.indexOf(sk);
    if (i >= 0) h.listeners.splice(i, 1);
    if (sk.f.sk_state !== TCP_STATE.TCP_CLOSE) tcp_set_state(h, sk, TCP_STATE.TCP_CLOSE);
    inet_csk_delete_keepalive_timer(h, sk); // tcp_v4_destroy_sock → inet_csk_clear_xmit_timers stops sk_timer
    inet_put_port(h, sk);
    if (h.live.has(sk.addr)) sk_free(h, sk);
  });
}

/** tcp_send_fin queues a FIN (a new control skb) and pushes it. */
export function tcp_send_fin(h: Host, sk: Sock): void {
  h.kcall('tcp_send_fin', `sk=${sk.addr}`, () => {
    const skb = alloc_skb(h, MAX_TCP_HEADER);
    skb_reserve(h, skb, MAX_TCP_HEADER);
    const seq = Number(sk.f['write_seq']);
    tcp_init_nondata_skb(skb, seq, TCPHDR.FIN | TCPHDR.ACK);
    kset(h, sk, 'write_seq', (seq + 1) >>> 0);
    entail(h, sk, skb);
    tcp_push_pending(h, sk);
  });
}

/** tcp_send_active_reset sends an RST|ACK at snd_nxt on a connection we abort (close with unread data, keepalive giving up). */
export function tcp_send_active_reset(h: Host, sk: Sock): void {
  h.kcall('tcp_send_active_reset', `sk=${sk.addr}`, () => {
    const skb = alloc_skb(h, MAX_TCP_HEADER);
    skb_reserve(h, skb, MAX_TCP_HEADER);
    tcp_init_nondata_skb(skb, Number(sk.f['snd_nxt']), TCPHDR.RST | TCPHDR.ACK);
    if (h.trace.wants('tcp_send_reset')) {
      const sport = sk.f.inet_num;
      h.trace.record('tcp_send_reset', h.now, h.name, {
        skbaddr: skb.addr,
        skaddr: sk.addr,
        sport,
        dport: ntohs(sk.f.inet_dport),
        saddr: String(sk.f['inet_saddr']),
        daddr: sk.f.inet_daddr,
        state: 'TCP_ESTABLISHED',
      });
    }
    tcp_transmit_skb(h, sk, skb, false);
  });
}

/** tcp_close closes a TCP sock for close(2): RST with unread data, else FIN; 'orphan' when the sock must live on for the FIN exchange. */
export function tcp_close(h: Host, sk: Sock): 'free' | 'orphan' {
  const st = sk.f.sk_state;
  if (st === TCP_STATE.TCP_LISTEN || st === TCP_STATE.TCP_CLOSE || st === TCP_STATE.TCP_SYN_SENT)
    return 'free';
  if (sk.receiveQueue.length > 0) {
    tcp_send_active_reset(h, sk);
    return 'free';
  }
  const next = h.kcall('tcp_close_state', `sk=${sk.addr}`, () => {
    const to =
      st === TCP_STATE.TCP_ESTABLISHED || st === TCP_STATE.TCP_SYN_RECV
        ? TCP_STATE.TCP_FIN_WAIT1
        : st === TCP_STATE.TCP_CLOSE_WAIT
          ? TCP_STATE.TCP_LAST_ACK
          : st;
    if (to !== st) tcp_set_state(h, sk, to);
    return to !== st;
  });
  if (!next) return 'free';
  tcp_send_fin(h, sk);
  return 'orphan';
}

/** tcp_fin handles a received FIN: CLOSE_WAIT from ESTABLISHED, CLOSING or TIME_WAIT from the FIN_WAIT states. */
export function tcp_fin(h: Host, sk: Sock, finSeq: number): void {
  h.kcall('tcp_fin', `sk=${sk.addr}`, () => {
    kset(h, sk, 'rcv_nxt', (finSeq + 1) >>> 0);
    kset(h, sk, 'sk_shutdown', sk.f.sk_shutdown | 1);
    const st = sk.f.sk_state;
    if (st === TCP_STATE.TCP_ESTABLISHED || st === TCP_STATE.TCP_SYN_RECV)
      tcp_set_state(h, sk, TCP_STATE.TCP_CLOSE_WAIT);
    else if (st === TCP_STATE.TCP_FIN_WAIT1) tcp_set_state(h, sk, TCP_STATE.TCP_CLOSING);
    else if (st === TCP_STATE.TCP_FIN_WAIT2) tcp_time_wait(h, sk);
    tcp_send_ack(h, sk);
    sk_state_change(h, sk);
  });
}

/** tcp_time_wait enters TIME_WAIT and destroys the sock when the TIME_WAIT timer fires. */
export function tcp_time_wait(h: Host, sk: Sock): void {
  h.kcall('tcp_time_wait', `sk=${sk.addr}, TCP_TIME_WAIT`, () => {
    tcp_set_state(h, sk, TCP_STATE.TCP_TIME_WAIT);
    inet_csk_delete_keepalive_timer(h, sk); // the full sock's timers stop (tcp_done); a timewait sock has none
    const len = h.tcpTimewaitNs ?? TCP_TIMEWAIT_LEN_NS;
    tcpx(sk).twExpires = h.now + len;
    h.trace.record('timer_set', h.now, h.name, {
      timer: 'tw_timer',
      obj: sk.addr,
      expires: h.now + len,
      by: 'inet_twsk_schedule',
    });
    h.sim.after(len, 'tw_timer', () => {
      h.trace.record('timer_fire', h.now, h.name, { timer: 'tw_timer', obj: sk.addr });
      h.kcall(
        'tw_timer_handler',
        `sk=${sk.addr}`,
        () => inet_csk_destroy_sock(h, sk),
        'net/ipv4/inet_timewait_sock.c',
      );
    });
  });
}

/** tcp_ack_of_fin moves the closing states on when our FIN was acknowledged; true when the sock is gone. */
export function tcp_ack_of_fin(h: Host, sk: Sock): boolean {
  if (((Number(sk.f['snd_una']) - Number(sk.f['write_seq'])) | 0) < 0) return false;
  const st = sk.f.sk_state;
  if (st === TCP_STATE.TCP_FIN_WAIT1) tcp_set_state(h, sk, TCP_STATE.TCP_FIN_WAIT2);
  else if (st === TCP_STATE.TCP_CLOSING) tcp_time_wait(h, sk);
  else if (st === TCP_STATE.TCP_LAST_ACK) {
    inet_csk_destroy_sock(h, sk);
    return true;
  }
  return false;
}
