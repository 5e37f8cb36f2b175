// net/ipv4/tcp_timer.c and the timer helpers of include/net/inet_connection_sock.h: the
// retransmit timer (icsk_retransmit_timer → tcp_write_timer → tcp_retransmit_timer) armed by
// inet_csk_reset_xmit_timer, with exponential backoff of icsk_rto up to TCP_RTO_MAX. On
// expiry tcp_write_timeout checks the state's budget (tcp_syn_retries in SYN_SENT,
// tcp_synack_retries in SYN_RECV, tcp_retries2 otherwise, counted in retransmissions rather
// than 3.10+'s equivalent time bound) and gives up with ETIMEDOUT; otherwise the connection
// enters TCP_CA_Loss (tcp_recovery.ts) and the head of the write queue is retransmitted.
// The zero-window probe timer (ICSK_TIME_PROBE0, tcp_probe_timer) sends a probe one byte
// below snd_una while the peer's window cannot take the next segment and data waits, with
// the same backoff. (Linux's tcp_write_wakeup would split the segment to fill a small
// non-zero window; SockLab does not split skbs and probes instead.) tcp_write_wakeup and
// tcp_write_err also serve the keepalive timer (tcp_keepalive.ts).

import type { Host } from '../../host/host';
import { kset } from '../../host/kstruct';
import type { Sock } from '../../include/net/sock';
import { TCP_STATE } from '../../include/net/tcp_states';
import { errno } from '../../include/uapi/errno';
import { tcp_done } from './tcp_reset';
import { tcp_enter_loss, tcp_retransmit_skb } from './tcp_recovery';
import { tcpx } from '../../include/linux/tcp';
import { alloc_skb, consume_skb, skb_reserve } from '../core/skbuff';
import { MAX_TCP_HEADER, tcp_init_nondata_skb, tcp_transmit_skb, TCPHDR } from './tcp_output';
import { tcp_push_pending } from './tcp';
import { before } from './tcp_ack';
import { inet_csk_destroy_sock } from './tcp_close';

/** TCP_RTO_MAX_MS is TCP_RTO_MAX, 120 s, in jiffies (ms at HZ = 1000). */
export const TCP_RTO_MAX_MS = 120_000;

/** inet_csk_reset_xmit_timer (re)arms the retransmit timer icsk_rto from now. A later deadline only moves
 * tcpx(sk).rtoExpires; the queued event re-queues itself for it when it comes due (mod_timer without
 * churning the event queue on every ACK). */
export function inet_csk_reset_xmit_timer(h: Host, sk: Sock): void {
  const x = tcpx(sk);
  const expires = h.now + Number(sk.f.icsk_rto) * 1_000_000;
  h.trace.record('timer_set', h.now, h.name, {
    timer: 'icsk_retransmit_timer',
    obj: sk.addr,
    expires,
    by: h.current() || 'inet_csk_reset_xmit_timer',
  });
  kset(h, sk, 'icsk_pending', 1);
  x.rtoExpires = expires;
  if (sk.rtoTimer !== undefined && (x.rtoQueuedAt ?? Infinity) <= expires) return;
  if (sk.rtoTimer !== undefined) h.sim.cancel(sk.rtoTimer);
  queueRto(h, sk, expires);
}

/** queueRto puts the retransmit timer's event on the queue for time at. */
function queueRto(h: Host, sk: Sock, at: number): void {
  const x = tcpx(sk);
  x.rtoQueuedAt = at;
  sk.rtoTimer = h.sim.at(at, 'icsk_retransmit_timer', () => {
    sk.rtoTimer = undefined;
    const due = x.rtoExpires;
    if (due === undefined) return;
    if (due > h.now) return queueRto(h, sk, due);
    x.rtoExpires = undefined;
    h.trace.record('timer_fire', h.now, h.name, { timer: 'icsk_retransmit_timer', obj: sk.addr });
    if (sk.f.sk_state === TCP_STATE.TCP_SYN_RECV && sk.socket === null)
      h.kcall('reqsk_timer_handler', `req=${sk.addr}`, () => reqsk_timer_handler(h, sk));
    else h.kcall('tcp_write_timer', `sk=${sk.addr}`, () => tcp_retransmit_timer(h, sk));
  });
}

/** inet_csk_clear_xmit_timer stops the retransmit timer (nothing left in flight). */
export function inet_csk_clear_xmit_timer(h: Host, sk: Sock): void {
  if (sk.rtoTimer === undefined) return;
  h.sim.cancel(sk.rtoTimer);
  sk.rtoTimer = undefined;
  tcpx(sk).rtoExpires = undefined;
  kset(h, sk, 'icsk_pending', 0);
}

/** retriesLimit is the retransmission budget for the sock's state: tcp_syn_retries, tcp_synack_retries or tcp_retries2. */
function retriesLimit(h: Host, sk: Sock): number {
  const st = sk.f.sk_state;
  if (st === TCP_STATE.TCP_SYN_SENT) return h.sysctl['net.ipv4.tcp_syn_retries'];
  if (st === TCP_STATE.TCP_SYN_RECV) return h.sysctl['net.ipv4.tcp_synack_retries'];
  return h.sysctl['net.ipv4.tcp_retries2'];
}

/** tcp_write_timeout gives up (ETIMEDOUT, tcp_write_err) once the state's retransmission budget is spent; true when it did. */
function tcp_write_timeout(h: Host, sk: Sock): boolean {
  return h.kcall('tcp_write_timeout', `sk=${sk.addr}`, () => {
    const limit = retriesLimit(h, sk);
    if (Number(sk.f.icsk_retransmits) < limit) return false;
    tcp_write_err(h, sk, { fn: 'tcp_write_timeout', why: `${limit} retransmissions without an answer` });
    return true;
  });
}

/** tcp_write_err ends a connection that stopped answering: sk_err = sk_err_soft or ETIMEDOUT, then tcp_done; origin says who gave up and why. */
export function tcp_write_err(h: Host, sk: Sock, origin: { fn: string; why: string }): void {
  h.kcall('tcp_write_err', `sk=${sk.addr}`, () => {
    // Linux reports the last soft ICMP error (sk_err_soft, tcp_v4_err) instead of ETIMEDOUT.
    const soft = Number(sk.f.sk_err_soft);
    kset(h, sk, 'sk_err', soft || errno.ETIMEDOUT);
    sk.errOrigin =
      soft !== 0 && sk.errOrigin?.errno === soft
        ? { ...sk.errOrigin, why: `${sk.errOrigin.why}, then ${origin.why}` }
        : { errno: soft || errno.ETIMEDOUT, ...origin };
    tcp_done(h, sk);
  });
}

/** tcp_retransmit_timer enters loss, retransmits the oldest unacknowledged segment and backs off the RTO. */
function tcp_retransmit_timer(h: Host, sk: Sock): void {
  h.kcall('tcp_retransmit_timer', `sk=${sk.addr}`, () => {
    const head = sk.writeQueue[0];
    const st = sk.f.sk_state;
    if (
      head === undefined ||
      Number(sk.f['packets_out']) === 0 ||
      st === TCP_STATE.TCP_CLOSE ||
      st === TCP_STATE.TCP_LISTEN ||
      st === TCP_STATE.TCP_TIME_WAIT
    )
      return;
    if (tcp_write_timeout(h, sk)) return;
    if (st !== TCP_STATE.TCP_SYN_SENT && st !== TCP_STATE.TCP_SYN_RECV) tcp_enter_loss(h, sk);
    tcp_retransmit_skb(h, sk, head);
    kset(h, sk, 'icsk_retransmits', Number(sk.f.icsk_retransmits) + 1);
    kset(h, sk, 'icsk_backoff', Number(sk.f.icsk_backoff) + 1);
    kset(h, sk, 'icsk_rto', Math.min(Number(sk.f.icsk_rto) * 2, TCP_RTO_MAX_MS));
    inet_csk_reset_xmit_timer(h, sk);
  });
}

/** ICSK_TIME_PROBE0 is icsk_pending's value while the zero-window probe timer is armed (ICSK_TIME_RETRANS is 1). */
const ICSK_TIME_PROBE0 = 3;

/** tcp_check_probe_timer arms the zero-window probe timer (ICSK_TIME_PROBE0) when nothing is in flight and no timer is pending. */
export function tcp_check_probe_timer(h: Host, sk: Sock): void {
  h.kcall('tcp_check_probe_timer', `sk=${sk.addr}`, () => {
    const x = tcpx(sk);
    if (Number(sk.f['packets_out']) !== 0 || sk.rtoTimer !== undefined || x.probeTimer !== undefined) return;
    armProbe(h, sk);
  });
}

/** armProbe schedules icsk_probe0 after max(icsk_rto, TCP_RTO_MIN) << icsk_backoff, at most TCP_RTO_MAX. */
function armProbe(h: Host, sk: Sock): void {
  const x = tcpx(sk);
  const base = Math.max(Number(sk.f.icsk_rto), 200);
  const delay = Math.min(base * 2 ** Number(sk.f.icsk_backoff), TCP_RTO_MAX_MS) * 1_000_000;
  h.trace.record('timer_set', h.now, h.name, {
    timer: 'icsk_probe0',
    obj: sk.addr,
    expires: h.now + delay,
    by: h.current() || 'tcp_check_probe_timer',
  });
  kset(h, sk, 'icsk_pending', ICSK_TIME_PROBE0);
  x.probeExpires = h.now + delay;
  x.probeTimer = h.sim.after(delay, 'icsk_probe0', () => {
    x.probeTimer = undefined;
    x.probeExpires = undefined;
    h.trace.record('timer_fire', h.now, h.name, { timer: 'icsk_probe0', obj: sk.addr });
    h.kcall('tcp_probe_timer', `sk=${sk.addr}`, () => tcp_probe_timer(h, sk));
  });
}

/** tcp_probe_timer sends a window probe while the peer's window stays zero and data waits, backing off each time. */
function tcp_probe_timer(h: Host, sk: Sock): void {
  const st = sk.f.sk_state;
  const stop = st === TCP_STATE.TCP_CLOSE || Number(sk.f['packets_out']) !== 0 || sk.writeQueue.length === 0;
  if (stop || windowFitsHead(sk)) {
    kset(h, sk, 'icsk_probes_out', 0);
    if (sk.rtoTimer === undefined) kset(h, sk, 'icsk_pending', 0);
    if (!stop) tcp_push_pending(h, sk);
    return;
  }
  h.kcall('tcp_send_probe0', `sk=${sk.addr}`, () => tcp_write_wakeup(h, sk));
  kset(h, sk, 'icsk_probes_out', Number(sk.f.icsk_probes_out) + 1);
  kset(h, sk, 'icsk_backoff', Math.min(Number(sk.f.icsk_backoff) + 1, 15));
  armProbe(h, sk);
}

/** tcp_write_wakeup sends a probe the peer must answer (tcp_xmit_probe_skb): an ACK with sequence snd_una − 1 and no data, outside the peer's window. */
export function tcp_write_wakeup(h: Host, sk: Sock): void {
  h.kcall('tcp_write_wakeup', `sk=${sk.addr}`, () =>
    h.kcall('tcp_xmit_probe_skb', `sk=${sk.addr}, urgent=0`, () => {
      const skb = alloc_skb(h, MAX_TCP_HEADER);
      skb_reserve(h, skb, MAX_TCP_HEADER);
      tcp_init_nondata_skb(skb, (Number(sk.f['snd_una']) - 1) >>> 0, TCPHDR.ACK);
      tcp_transmit_skb(h, sk, skb, false);
    }),
  );
}

/** windowFitsHead tells whether the peer's window (snd_una + snd_wnd) takes the whole next unsent skb. */
export function windowFitsHead(sk: Sock): boolean {
  const head = sk.writeQueue.find((s) => before(Number(sk.f['snd_nxt']), s.cb.end_seq));
  const wndEnd = (Number(sk.f['snd_una']) + Number(sk.f['snd_wnd'])) >>> 0;
  return head === undefined || !before(wndEnd, head.cb.end_seq);
}

/** tcp_clear_probe_timer stops the zero-window probe timer (the window opened or data is in flight). */
export function tcp_clear_probe_timer(h: Host, sk: Sock): void {
  const x = tcpx(sk);
  if (x.probeTimer === undefined) return;
  h.sim.cancel(x.probeTimer);
  x.probeTimer = undefined;
  x.probeExpires = undefined;
  kset(h, sk, 'icsk_probes_out', 0);
  if (sk.rtoTimer === undefined) kset(h, sk, 'icsk_pending', 0);
}

/** inet_rtx_syn_ack resends a passive open's SYN-ACK (tcp_rtx_synack; tcp_v4_rtx_synack in 2.6.32 and 3.10). */
export function inet_rtx_syn_ack(h: Host, req: Sock): void {
  h.kcall('inet_rtx_syn_ack', `req=${req.addr}`, () => {
    const head = req.writeQueue[0];
    if (head === undefined) return;
    h.kcall(h.profile.version === '6.x' ? 'tcp_rtx_synack' : 'tcp_v4_rtx_synack', `req=${req.addr}`, () =>
      tcp_retransmit_skb(h, req, head),
    );
  });
}

/** inet_csk_reqsk_queue_drop forgets a pending passive open: off the request table, its SYN-ACK timer stopped, the sock destroyed. */
export function inet_csk_reqsk_queue_drop(h: Host, req: Sock): void {
  h.kcall(
    'inet_csk_reqsk_queue_drop',
    `req=${req.addr}`,
    () => {
      for (const [k, v] of h.synTable) if (v === req) h.synTable.delete(k);
      inet_csk_clear_xmit_timer(h, req);
      for (const skb of req.writeQueue.splice(0)) consume_skb(h, skb);
      inet_csk_destroy_sock(h, req);
    },
    'net/ipv4/inet_connection_sock.c',
  );
}

/** reqsk_timer_handler retransmits the SYN-ACK with backoff until tcp_synack_retries, then forgets the request. */
function reqsk_timer_handler(h: Host, req: Sock): void {
  const limit = h.sysctl['net.ipv4.tcp_synack_retries'];
  if (Number(req.f.icsk_retransmits) >= limit) {
    inet_csk_reqsk_queue_drop(h, req);
    return;
  }
  inet_rtx_syn_ack(h, req);
  kset(h, req, 'icsk_retransmits', Number(req.f.icsk_retransmits) + 1);
  kset(h, req, 'icsk_rto', Math.min(Number(req.f.icsk_rto) * 2, TCP_RTO_MAX_MS));
  inet_csk_reset_xmit_timer(h, req);
}
