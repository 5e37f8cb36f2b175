// net/ipv4/tcp_timer.c and the timer helpers of include/net/inet_connection_sock.h: the
// retransmit timer (icsk_retransmit_timer → tcp_write_timer → tcp_retransmit_timer) armed by
// inet_csk_reset_xmit_timer, with exponential backoff of icsk_rto up to TCP_RTO_MAX. On
// expiry the head of the write queue is retransmitted (tcp_retransmit_skb tracepoint), the
// window collapses (tcp_enter_loss: ssthresh = max(cwnd/2, 2), cwnd = 1) and, as a
// simplification of Linux's lost-segment marking, sending resumes after that segment.

import type { Host } from '../../host/host';
import { kset } from '../../host/kstruct';
import type { Sock } from '../../include/net/sock';
import { TCP_STATE, tcpStateName } from '../../include/net/tcp_states';
import { ntohs, tcp_transmit_skb } from './tcp_output';
import { errno } from '../../include/uapi/errno';
import { tcp_done } from './tcp_reset';

/** TCP_RETR2 is the default tcp_retries2, 15 (reference §4.12). */
export const TCP_RETR2 = 15;

/** TCP_RTO_MAX_MS is TCP_RTO_MAX, 120 s, in jiffies (ms at HZ = 1000). */
export const TCP_RTO_MAX_MS = 120_000;

/** inet_csk_reset_xmit_timer (re)arms the retransmit timer icsk_rto from now. */
export function inet_csk_reset_xmit_timer(h: Host, sk: Sock): void {
  if (sk.rtoTimer !== undefined) h.sim.cancel(sk.rtoTimer);
  const delay = Number(sk.f.icsk_rto) * 1_000_000;
  h.trace.record('timer_set', h.now, h.name, {
    timer: 'icsk_retransmit_timer',
    obj: sk.addr,
    expires: h.now + delay,
    by: h.current() || 'inet_csk_reset_xmit_timer',
  });
  kset(h, sk, 'icsk_pending', 1);
  sk.rtoTimer = h.sim.after(delay, 'icsk_retransmit_timer', () => {
    sk.rtoTimer = undefined;
    h.trace.record('timer_fire', h.now, h.name, { timer: 'icsk_retransmit_timer', obj: sk.addr });
    h.kcall('tcp_write_timer', `sk=${sk.addr}`, () => tcp_retransmit_timer(h, sk));
  });
}

/** inet_csk_clear_xmit_timer stops the retransmit timer (nothing left in flight). */
export function inet_csk_clear_xmit_timer(h: Host, sk: Sock): void {
  if (sk.rtoTimer === undefined) return;
  h.sim.cancel(sk.rtoTimer);
  sk.rtoTimer = undefined;
  kset(h, sk, 'icsk_pending', 0);
}

/** tcp_retransmit_timer retransmits the oldest unacknowledged segment and backs off the RTO. */
function tcp_retransmit_timer(h: Host, sk: Sock): void {
  h.kcall('tcp_retransmit_timer', `sk=${sk.addr}`, () => {
    const head = sk.writeQueue[0];
    const st = sk.f.sk_state;
    if (
      head === undefined ||
      st === TCP_STATE.TCP_CLOSE ||
      st === TCP_STATE.TCP_LISTEN ||
      st === TCP_STATE.TCP_TIME_WAIT
    )
      return;
    const limit = st === TCP_STATE.TCP_SYN_SENT ? h.sysctl['net.ipv4.tcp_syn_retries'] : TCP_RETR2;
    if (Number(sk.f.icsk_retransmits) >= limit) {
      h.kcall('tcp_write_err', `sk=${sk.addr}`, () => {
        kset(h, sk, 'sk_err', errno.ETIMEDOUT);
        sk.errOrigin = {
          errno: errno.ETIMEDOUT,
          fn: 'tcp_write_timeout',
          why: `${limit} retransmissions without an answer`,
        };
        tcp_done(h, sk);
      });
      return;
    }
    h.kcall('tcp_enter_loss', `sk=${sk.addr}`, () => {
      kset(h, sk, 'snd_ssthresh', Math.max(Math.floor(Number(sk.f['snd_cwnd']) / 2), 2));
      kset(h, sk, 'snd_cwnd', 1);
      kset(h, sk, 'snd_cwnd_cnt', 0);
    });
    h.kcall('tcp_retransmit_skb', `sk=${sk.addr}, skb=${head.addr}`, () => {
      if (h.trace.wants('tcp_retransmit_skb')) {
        h.trace.record('tcp_retransmit_skb', h.now, h.name, {
          skbaddr: head.addr,
          skaddr: sk.addr,
          sport: sk.f.inet_num,
          dport: ntohs(sk.f.inet_dport),
          saddr: String(sk.f['inet_saddr']),
          daddr: sk.f.inet_daddr,
          state: tcpStateName(st),
        });
      }
      head.cb.when = 0;
      tcp_transmit_skb(h, sk, head, true);
      kset(h, sk, 'retrans_out', Number(sk.f['retrans_out']) + 1);
    });
    kset(h, sk, 'snd_nxt', head.cb.end_seq);
    kset(h, sk, 'packets_out', 1);
    kset(h, sk, 'icsk_retransmits', Number(sk.f.icsk_retransmits) + 1);
    kset(h, sk, 'icsk_backoff', Number(sk.f.icsk_backoff) + 1);
    kset(h, sk, 'icsk_rto', Math.min(Number(sk.f.icsk_rto) * 2, TCP_RTO_MAX_MS));
    inet_csk_reset_xmit_timer(h, sk);
  });
}
