// Delayed ACKs (net/ipv4/tcp_input.c, tcp_output.c, tcp_timer.c; include/net/inet_connection_sock.h):
// icsk_ack.pending, quick-ACK mode (tcp_incr_quickack: up to 16 immediate ACKs at the start
// or after a gap), the adaptive ato (tcp_event_data_recv), the ACK-every-second-full-segment
// rule and the delack timer (tcp_send_delayed_ack: ato bounded by TCP_DELACK_MIN 40 ms and by
// max_ato = HZ/2, TCP_DELACK_MAX 200 ms in ping-pong mode, or the smoothed RTT). The delack
// timer firing sends the ACK and inflates ato (tcp_delack_timer_handler).

import type { Host } from '../../host/host';
import { tcpx } from '../../include/linux/tcp';
import { HZ } from '../../include/net/inet_connection_sock';
import type { Sock } from '../../include/net/sock';
import { TCP_STATE } from '../../include/net/tcp_states';
import { tcp_send_ack, tcpTime } from './tcp_output';
import { __tcp_select_window, tcp_receive_window } from './tcp_window';

/** TCP_ATO_MIN is the minimum delayed-ACK timeout, HZ/25 = 40 ms (= TCP_DELACK_MIN). */
export const TCP_ATO_MIN = HZ / 25;
/** TCP_DELACK_MAX is the delayed-ACK ceiling in ping-pong mode, HZ/5 = 200 ms. */
export const TCP_DELACK_MAX = HZ / 5;
/** TCP_MAX_QUICKACKS bounds quick-ACK mode to 16 segments. */
export const TCP_MAX_QUICKACKS = 16;
/** ICSK_ACK_SCHED (an ACK is owed) and ICSK_ACK_TIMER (the delack timer is armed) are icsk_ack.pending bits. */
export const ICSK_ACK_SCHED = 1;
const ICSK_ACK_TIMER = 2;

/** IcskAck is icsk_ack. */
type IcskAck = NonNullable<ReturnType<typeof tcpx>['ack']>;

/** icskAck returns the sock's icsk_ack, initialised with rcv_mss from the MSS. */
export function icskAck(sk: Sock): IcskAck {
  const x = tcpx(sk);
  x.ack ??= {
    pending: 0,
    quick: 0,
    pingpong: 0,
    ato: 0,
    lrcvtime: 0,
    rcv_mss: Math.min(Number(sk.f['advmss']) || 536, Number(sk.f['mss_cache']) || 536),
  };
  return x.ack;
}

/** tcp_incr_quickack allows up to rcv_wnd / (2·rcv_mss) (at most max) immediate ACKs. */
function tcp_incr_quickack(sk: Sock, max: number): void {
  const a = icskAck(sk);
  let q = Math.floor(Number(sk.f['rcv_wnd']) / (2 * a.rcv_mss));
  if (q === 0) q = 2;
  q = Math.min(q, max);
  if (q > a.quick) a.quick = q;
}

/** tcp_enter_quickack_mode leaves ping-pong mode and ACKs the next segments at once (out-of-window or duplicate data). */
export function tcp_enter_quickack_mode(sk: Sock): void {
  const a = icskAck(sk);
  tcp_incr_quickack(sk, TCP_MAX_QUICKACKS);
  a.pingpong = 0;
  a.ato = TCP_ATO_MIN;
}

/** inet_csk_schedule_ack notes that an ACK is owed. */
export function inet_csk_schedule_ack(sk: Sock): void {
  icskAck(sk).pending |= ICSK_ACK_SCHED;
}

/** tcp_event_data_recv updates rcv_mss and ato from the arrival gap (quick-ACK mode on the first segment or after a gap longer than the RTO). */
export function tcp_event_data_recv(h: Host, sk: Sock, len: number): void {
  h.kcall('tcp_event_data_recv', `sk=${sk.addr}`, () => {
    const a = icskAck(sk);
    inet_csk_schedule_ack(sk);
    if (len >= a.rcv_mss) a.rcv_mss = Math.min(len, Number(sk.f['advmss']) || len);
    const now = tcpTime(h);
    const rto = Number(sk.f.icsk_rto);
    if (a.ato === 0) {
      tcp_incr_quickack(sk, TCP_MAX_QUICKACKS);
      a.ato = TCP_ATO_MIN;
    } else {
      const m = now - a.lrcvtime;
      if (m <= TCP_ATO_MIN / 2) a.ato = (a.ato >> 1) + TCP_ATO_MIN / 2;
      else if (m < a.ato) a.ato = Math.min((a.ato >> 1) + m, rto);
      else if (m > rto) tcp_incr_quickack(sk, TCP_MAX_QUICKACKS);
    }
    a.lrcvtime = now;
  });
}

/** tcp_dec_quickack_mode spends one quick ACK (tcp_event_ack_sent), and stops the delack timer. */
export function tcp_event_ack_sent_delack(h: Host, sk: Sock): void {
  const x = tcpx(sk);
  const a = x.ack;
  if (a === undefined) return;
  if (a.quick > 0) {
    if (a.quick <= 1) {
      a.quick = 0;
      a.ato = TCP_ATO_MIN;
    } else a.quick--;
  }
  a.pending = 0;
  if (x.delackTimer !== undefined) {
    h.sim.cancel(x.delackTimer);
    x.delackTimer = undefined;
  }
}

/** tcp_event_data_sent_delack enters ping-pong mode when we send data within ato of the last arrival (interactive traffic). */
export function tcp_event_data_sent_delack(h: Host, sk: Sock): void {
  const a = tcpx(sk).ack;
  if (a !== undefined && tcpTime(h) - a.lrcvtime < a.ato) a.pingpong = 1;
}

/** tcp_send_delayed_ack arms the delack timer for ato, bounded by max_ato and the RTT (tcp_output.c). */
function tcp_send_delayed_ack(h: Host, sk: Sock): void {
  h.kcall('tcp_send_delayed_ack', `sk=${sk.addr}`, () => {
    const a = icskAck(sk);
    const x = tcpx(sk);
    let ato = a.ato;
    if (ato > TCP_ATO_MIN) {
      let maxAto = HZ / 2;
      if (a.pingpong !== 0) maxAto = TCP_DELACK_MAX;
      const srtt = Number(sk.f['srtt']);
      if (srtt !== 0) {
        const s = h.profile.version === '6.x' ? Math.ceil((srtt >> 3) / 1000) : srtt >> 3;
        maxAto = Math.min(maxAto, Math.max(s, TCP_ATO_MIN));
      }
      ato = Math.min(ato, maxAto);
    }
    if ((a.pending & ICSK_ACK_TIMER) !== 0 && x.delackTimer !== undefined) return;
    a.pending |= ICSK_ACK_SCHED | ICSK_ACK_TIMER;
    const delay = ato * 1_000_000;
    h.trace.record('timer_set', h.now, h.name, {
      timer: 'icsk_delack_timer',
      obj: sk.addr,
      expires: h.now + delay,
      by: 'tcp_send_delayed_ack',
    });
    x.delackTimer = h.sim.after(delay, 'icsk_delack_timer', () => {
      x.delackTimer = undefined;
      h.trace.record('timer_fire', h.now, h.name, { timer: 'icsk_delack_timer', obj: sk.addr });
      h.kcall('tcp_delack_timer', `sk=${sk.addr}`, () => tcp_delack_timer_handler(h, sk));
    });
  });
}

/** tcp_delack_timer_handler sends the owed ACK and inflates ato (or leaves ping-pong mode). */
function tcp_delack_timer_handler(h: Host, sk: Sock): void {
  const a = icskAck(sk);
  if ((a.pending & ICSK_ACK_TIMER) === 0 || sk.f.sk_state === TCP_STATE.TCP_CLOSE) return;
  a.pending &= ~ICSK_ACK_TIMER;
  if ((a.pending & ICSK_ACK_SCHED) === 0) return;
  if (a.pingpong === 0) a.ato = Math.min(a.ato << 1, Number(sk.f.icsk_rto));
  else {
    a.pingpong = 0;
    a.ato = TCP_ATO_MIN;
  }
  tcp_send_ack(h, sk);
}

/** __tcp_ack_snd_check ACKs now (more than one full segment unacknowledged, quick-ACK mode, or out-of-order data) or delays the ACK. */
export function __tcp_ack_snd_check(h: Host, sk: Sock, ofoPossible: boolean): void {
  h.kcall('__tcp_ack_snd_check', `sk=${sk.addr}, ofo_possible=${ofoPossible ? 1 : 0}`, () => {
    const a = icskAck(sk);
    const unacked = (Number(sk.f['rcv_nxt']) - Number(sk.f['rcv_wup'])) >>> 0;
    const quick = a.quick > 0 && a.pingpong === 0;
    const ofo = ofoPossible && (tcpx(sk).ooo?.length ?? 0) > 0;
    if (unacked > a.rcv_mss || quick || ofo) tcp_send_ack(h, sk);
    else tcp_send_delayed_ack(h, sk);
  });
}

/** tcp_ack_snd_check sends or delays the ACK owed for received data (nothing when none is owed). */
export function tcp_ack_snd_check(h: Host, sk: Sock): void {
  if ((icskAck(sk).pending & ICSK_ACK_SCHED) === 0) return;
  __tcp_ack_snd_check(h, sk, true);
}

/** tcp_cleanup_rbuf runs after recvmsg copied data: it sends the owed ACK when more than one segment is unacknowledged, or a window update when reading at least doubled the window (tcp.c). */
export function tcp_cleanup_rbuf(h: Host, sk: Sock, copied: number): void {
  h.kcall('tcp_cleanup_rbuf', `sk=${sk.addr}, copied=${copied}`, () => {
    const a = icskAck(sk);
    let timeToAck =
      (a.pending & ICSK_ACK_SCHED) !== 0 &&
      (Number(sk.f['rcv_nxt']) - Number(sk.f['rcv_wup'])) >>> 0 > a.rcv_mss;
    if (
      !timeToAck &&
      copied > 0 &&
      (sk.f.sk_shutdown & 1) === 0 &&
      sk.f.sk_state === TCP_STATE.TCP_ESTABLISHED
    ) {
      const now = tcp_receive_window(sk);
      if (2 * now <= Number(sk.f['window_clamp'])) {
        const next = __tcp_select_window(h, sk);
        if (next !== 0 && next >= 2 * now) timeToAck = true;
      }
    }
    if (timeToAck) tcp_send_ack(h, sk);
  });
}
