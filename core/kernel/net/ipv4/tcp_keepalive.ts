// TCP keepalive (net/ipv4/tcp_timer.c tcp_keepalive_timer and tcp_set_keepalive, the
// keepalive_*_when helpers of include/net/tcp.h, inet_csk_reset_keepalive_timer /
// inet_csk_delete_keepalive_timer of include/net/inet_connection_sock.h, and TCP_KEEPIDLE /
// TCP_KEEPINTVL / TCP_KEEPCNT of tcp.c do_tcp_setsockopt). With SOCK_KEEPOPEN set, sk_timer
// runs on a connection that is not CLOSE or LISTEN: after keepalive_time of silence from the
// peer it sends a probe (tcp_write_wakeup: an ACK carrying snd_una − 1 and no data, which the
// peer answers with a duplicate ACK), looks again keepalive_intvl later (an answered probe
// restarts the silence), and once keepalive_probes probes went unanswered it resets the
// connection and reports ETIMEDOUT (tcp_write_err). Times are
// jiffies (HZ 1000); the sysctls hold seconds as /proc/sys shows them. Not simulated:
// TCP_USER_TIMEOUT (SockLab has no such option) and sk_timer's other use, the FIN_WAIT2
// timeout of an orphaned sock (tcp_fin_timeout).

import type { Host } from '../../host/host';
import { kset } from '../../host/kstruct';
import { tcpx } from '../../include/linux/tcp';
import { HZ } from '../../include/net/inet_connection_sock';
import type { Sock } from '../../include/net/sock';
import { TCP_STATE } from '../../include/net/tcp_states';
import { tcp_send_active_reset } from './tcp_close';
import { tcpTime } from './tcp_output';
import { tcp_write_err, tcp_write_wakeup } from './tcp_timer';

/** MAX_TCP_KEEPIDLE is the largest TCP_KEEPIDLE, in seconds (include/net/tcp.h). */
export const MAX_TCP_KEEPIDLE = 32767;
/** MAX_TCP_KEEPINTVL is the largest TCP_KEEPINTVL, in seconds. */
export const MAX_TCP_KEEPINTVL = 32767;
/** MAX_TCP_KEEPCNT is the largest TCP_KEEPCNT. */
export const MAX_TCP_KEEPCNT = 127;

/** keepalive_time_when is the idle time before the first probe, in jiffies: tp->keepalive_time, else tcp_keepalive_time. */
export function keepalive_time_when(h: Host, sk: Sock): number {
  return Number(sk.f['keepalive_time'] ?? 0) || h.sysctl['net.ipv4.tcp_keepalive_time'] * HZ;
}

/** keepalive_intvl_when is the time between probes, in jiffies: tp->keepalive_intvl, else tcp_keepalive_intvl. */
export function keepalive_intvl_when(h: Host, sk: Sock): number {
  return Number(sk.f['keepalive_intvl'] ?? 0) || h.sysctl['net.ipv4.tcp_keepalive_intvl'] * HZ;
}

/** keepalive_probes is how many unanswered probes end the connection: tp->keepalive_probes, else tcp_keepalive_probes. */
export function keepalive_probes(h: Host, sk: Sock): number {
  return Number(sk.f['keepalive_probes'] ?? 0) || h.sysctl['net.ipv4.tcp_keepalive_probes'];
}

/** keepalive_time_elapsed is the jiffies since the peer was last heard from: min(now − icsk_ack.lrcvtime, now − rcv_tstamp); 2.6.32 looks at rcv_tstamp only. */
export function keepalive_time_elapsed(h: Host, sk: Sock): number {
  const now = tcpTime(h);
  const x = tcpx(sk);
  const sinceAck = now - (x.rcvTstamp ?? 0);
  if (h.profile.version === '2.6.32' || x.ack === undefined) return sinceAck;
  return Math.min(now - x.ack.lrcvtime, sinceAck);
}

/** inet_csk_reset_keepalive_timer (re)arms sk_timer to run tcp_keepalive_timer len jiffies from now. */
export function inet_csk_reset_keepalive_timer(h: Host, sk: Sock, len: number): void {
  const x = tcpx(sk);
  const expires = h.now + len * 1_000_000;
  h.trace.record('timer_set', h.now, h.name, {
    timer: 'sk_timer',
    obj: sk.addr,
    expires,
    by: h.current() || 'inet_csk_reset_keepalive_timer',
  });
  if (x.keepaliveTimer !== undefined) h.sim.cancel(x.keepaliveTimer);
  x.keepaliveExpires = expires;
  x.keepaliveTimer = h.sim.at(expires, 'sk_timer', () => {
    x.keepaliveTimer = undefined;
    x.keepaliveExpires = undefined;
    h.trace.record('timer_fire', h.now, h.name, { timer: 'sk_timer', obj: sk.addr });
    h.kcall('tcp_keepalive_timer', `sk=${sk.addr}`, () => tcp_keepalive_timer(h, sk));
  });
}

/** inet_csk_delete_keepalive_timer stops sk_timer (SO_KEEPALIVE off, or the connection is done: inet_csk_clear_xmit_timers). */
export function inet_csk_delete_keepalive_timer(h: Host, sk: Sock): void {
  const x = tcpx(sk);
  if (x.keepaliveTimer === undefined) return;
  h.sim.cancel(x.keepaliveTimer);
  x.keepaliveTimer = undefined;
  x.keepaliveExpires = undefined;
}

/** keepaliveApplies tells whether sk_timer applies to the state (tcp_set_keepalive and TCP_KEEPIDLE skip CLOSE and LISTEN). */
function keepaliveApplies(sk: Sock): boolean {
  const st = sk.f.sk_state;
  return st !== TCP_STATE.TCP_CLOSE && st !== TCP_STATE.TCP_LISTEN;
}

/** tcp_set_keepalive arms sk_timer when SO_KEEPALIVE turns on (it was off) and stops it when it turns off; CLOSE and LISTEN socks are left alone. */
export function tcp_set_keepalive(h: Host, sk: Sock, on: boolean): void {
  const via =
    h.profile.protos[sk.protoName]?.['keepalive'] === undefined ? '' : ` via ${sk.protoName}.keepalive`;
  h.kcall('tcp_set_keepalive', `sk=${sk.addr}, val=${on ? 1 : 0}${via}`, () => {
    if (!keepaliveApplies(sk)) return;
    if (on && !sk.f.sk_flags.includes('SOCK_KEEPOPEN'))
      inet_csk_reset_keepalive_timer(h, sk, keepalive_time_when(h, sk));
    else if (!on) inet_csk_delete_keepalive_timer(h, sk);
  });
}

/** tcp_keepalive_arm is what tcp_finish_connect and tcp_create_openreq_child do for a sock that becomes ESTABLISHED with SOCK_KEEPOPEN set. */
export function tcp_keepalive_arm(h: Host, sk: Sock): void {
  if (sk.f.sk_flags.includes('SOCK_KEEPOPEN'))
    inet_csk_reset_keepalive_timer(h, sk, keepalive_time_when(h, sk));
}

/** setKeepidle is TCP_KEEPIDLE: keepalive_time = val s, and a running keepalive re-armed for the remaining idle time (tcp_sock_set_keepidle_locked in 6.x); 0 or -EINVAL. */
export function setKeepidle(h: Host, sk: Sock, val: number): number {
  const body = (): number => {
    if (val < 1 || val > MAX_TCP_KEEPIDLE)
      return h.kerr('EINVAL', `TCP_KEEPIDLE ${val} is outside 1..${MAX_TCP_KEEPIDLE} seconds`);
    kset(h, sk, 'keepalive_time', val * HZ);
    if (sk.f.sk_flags.includes('SOCK_KEEPOPEN') && keepaliveApplies(sk)) {
      const when = val * HZ;
      const elapsed = keepalive_time_elapsed(h, sk);
      inet_csk_reset_keepalive_timer(h, sk, when > elapsed ? when - elapsed : 0);
    }
    return 0;
  };
  if (h.profile.version !== '6.x') return body();
  return h.kcall('tcp_sock_set_keepidle_locked', `sk=${sk.addr}, val=${val}`, body);
}

/** setKeepintvl is TCP_KEEPINTVL: keepalive_intvl = val s; 0 or -EINVAL outside 1..MAX_TCP_KEEPINTVL. */
export function setKeepintvl(h: Host, sk: Sock, val: number): number {
  if (val < 1 || val > MAX_TCP_KEEPINTVL)
    return h.kerr('EINVAL', `TCP_KEEPINTVL ${val} is outside 1..${MAX_TCP_KEEPINTVL} seconds`);
  kset(h, sk, 'keepalive_intvl', val * HZ);
  return 0;
}

/** setKeepcnt is TCP_KEEPCNT: keepalive_probes = val; 0 or -EINVAL outside 1..MAX_TCP_KEEPCNT. */
export function setKeepcnt(h: Host, sk: Sock, val: number): number {
  if (val < 1 || val > MAX_TCP_KEEPCNT)
    return h.kerr('EINVAL', `TCP_KEEPCNT ${val} is outside 1..${MAX_TCP_KEEPCNT}`);
  kset(h, sk, 'keepalive_probes', val);
  return 0;
}

/** tcp_keepalive_timer is sk_timer's handler: re-arm while data is out, probe after keepalive_time of silence, give up after keepalive_probes unanswered probes. */
function tcp_keepalive_timer(h: Host, sk: Sock): void {
  const st = sk.f.sk_state;
  if (st === TCP_STATE.TCP_LISTEN) return;
  // An orphaned FIN_WAIT2 sock uses sk_timer for tcp_fin_timeout, which SockLab does not simulate.
  if (st === TCP_STATE.TCP_FIN_WAIT2 && sk.socket === null) return;
  if (!sk.f.sk_flags.includes('SOCK_KEEPOPEN') || st === TCP_STATE.TCP_CLOSE || st === TCP_STATE.TCP_SYN_SENT)
    return;
  const when = keepalive_time_when(h, sk);
  // "It is alive without keepalive": data in flight or waiting to be sent.
  if (Number(sk.f['packets_out']) !== 0 || sk.writeQueue.length > 0)
    return inet_csk_reset_keepalive_timer(h, sk, when);
  const elapsed = keepalive_time_elapsed(h, sk);
  if (elapsed < when) return inet_csk_reset_keepalive_timer(h, sk, when - elapsed);
  const probes = keepalive_probes(h, sk);
  if (Number(sk.f.icsk_probes_out) >= probes) {
    tcp_send_active_reset(h, sk);
    tcp_write_err(h, sk, {
      fn: 'tcp_keepalive_timer',
      why: `${probes} keepalive probes without an answer`,
    });
    return;
  }
  tcp_write_wakeup(h, sk);
  kset(h, sk, 'icsk_probes_out', Number(sk.f.icsk_probes_out) + 1);
  inet_csk_reset_keepalive_timer(h, sk, keepalive_intvl_when(h, sk));
}
