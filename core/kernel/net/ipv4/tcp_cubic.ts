// CUBIC, Linux's default congestion control (net/ipv4/tcp_cubic.c as in 6.x; RFC 9438):
// after a loss the window follows W(t) = C·(t − K)³ + W_max around the window where the loss
// happened, with multiplicative decrease beta = 717/1024, fast convergence and the
// TCP-friendly region. HyStart (the delay-based slow-start exit) is not simulated: slow
// start ends at ssthresh or on loss, as with hystart=0. The cube root is computed exactly
// rather than by the kernel's table-plus-Newton approximation, so bic_K can differ from the
// kernel's by its rounding (at most a few units of 1/1024 s).

import type { Host } from '../../host/host';
import { TCP_CA, tcpx } from '../../include/linux/tcp';
import { HZ } from '../../include/net/inet_connection_sock';
import type { Sock } from '../../include/net/sock';
import type { TcpCongestionOps } from './tcp_cong';
import { tcp_cong_avoid_ai, tcp_in_slow_start, tcp_is_cwnd_limited, tcp_slow_start } from './tcp_cong';
import { tcpTime } from './tcp_output';

/** BICTCP_BETA_SCALE is the fixed-point scale of beta, 1024. */
const BICTCP_BETA_SCALE = 1024;
/** BICTCP_HZ is the time unit's shift: t is measured in 2^-10 s. */
const BICTCP_HZ = 10;
/** beta is the multiplicative decrease, 717/1024 ≈ 0.7 (module parameter). */
const beta = 717;
/** bic_scale is the cubic scaling factor C = 41/1024 ≈ 0.4 (module parameter). */
const bic_scale = 41;
/** cube_rtt_scale is bic_scale × 10 (cubictcp_register). */
const cube_rtt_scale = bic_scale * 10;
/** beta_scale is the TCP-friendly slope 8·(1024 + beta) / 3 / (1024 − beta) = 15. */
const beta_scale = Math.floor(Math.floor((8 * (BICTCP_BETA_SCALE + beta)) / 3) / (BICTCP_BETA_SCALE - beta));
/** cube_factor is 2^(10 + 3·BICTCP_HZ) / cube_rtt_scale (cubictcp_register). */
const cube_factor = Math.floor(2 ** (10 + 3 * BICTCP_HZ) / cube_rtt_scale);

/** ca returns the bictcp struct in icsk_ca_priv, zeroed on first use. */
function ca(sk: Sock): Record<string, number> {
  const x = tcpx(sk);
  x.caPriv ??= {};
  return x.caPriv;
}

/** bictcp_reset zeroes the per-epoch state (tcp_cubic.c). */
function bictcp_reset(sk: Sock): void {
  const c = ca(sk);
  for (const k of ['cnt', 'last_max_cwnd', 'last_cwnd', 'last_time', 'bic_origin_point', 'bic_K']) c[k] = 0;
  for (const k of ['epoch_start', 'ack_cnt', 'tcp_cwnd']) c[k] = 0;
  c['delay_min'] ??= 0;
}

/** cubic_root is the integer cube root (floor). */
function cubic_root(a: number): number {
  let r = Math.floor(Math.cbrt(a));
  while ((r + 1) ** 3 <= a) r++;
  while (r ** 3 > a) r--;
  return r;
}

/** cube is (cube_rtt_scale · offs³) >> (10 + 3·BICTCP_HZ), exact for large offs. */
function cubeDelta(offs: number): number {
  const p = offs * offs * offs * cube_rtt_scale;
  if (p < 2 ** 53) return Math.floor(p / 2 ** (10 + 3 * BICTCP_HZ));
  return Number((BigInt(cube_rtt_scale) * BigInt(offs) ** 3n) >> BigInt(10 + 3 * BICTCP_HZ));
}

/** bictcp_update computes ca->cnt, the acks per cwnd increment, from the cubic curve (tcp_cubic.c). */
function bictcp_update(h: Host, sk: Sock, cwnd: number, acked: number): void {
  const c = ca(sk);
  const now = tcpTime(h);
  c['ack_cnt'] = (c['ack_cnt'] ?? 0) + acked;
  if (c['last_cwnd'] === cwnd && now - (c['last_time'] ?? 0) <= HZ / 32) return;
  if (!(c['epoch_start'] !== 0 && now === c['last_time'])) {
    c['last_cwnd'] = cwnd;
    c['last_time'] = now;
    if (c['epoch_start'] === 0) {
      c['epoch_start'] = now || 1;
      c['ack_cnt'] = acked;
      c['tcp_cwnd'] = cwnd;
      const lastMax = c['last_max_cwnd'] ?? 0;
      if (lastMax <= cwnd) {
        c['bic_K'] = 0;
        c['bic_origin_point'] = cwnd;
      } else {
        c['bic_K'] = cubic_root(cube_factor * (lastMax - cwnd));
        c['bic_origin_point'] = lastMax;
      }
    }
    const delayJiffies = Math.ceil((c['delay_min'] ?? 0) / (1_000_000 / HZ));
    const t = Math.floor(((now - c['epoch_start']! + delayJiffies) * 2 ** BICTCP_HZ) / HZ);
    const K = c['bic_K']!;
    const offs = t < K ? K - t : t - K;
    const delta = cubeDelta(offs);
    const target = t < K ? c['bic_origin_point']! - delta : c['bic_origin_point']! + delta;
    c['cnt'] = target > cwnd ? Math.floor(cwnd / (target - cwnd)) : 100 * cwnd;
    if (c['last_max_cwnd'] === 0 && c['cnt']! > 20) c['cnt'] = 20;
  }
  const step = (cwnd * beta_scale) >> 3;
  while (step > 0 && c['ack_cnt']! > step) {
    c['ack_cnt']! -= step;
    c['tcp_cwnd'] = c['tcp_cwnd']! + 1;
  }
  if (c['tcp_cwnd']! > cwnd) {
    const maxCnt = Math.floor(cwnd / (c['tcp_cwnd']! - cwnd));
    if (c['cnt']! > maxCnt) c['cnt'] = maxCnt;
  }
  c['cnt'] = Math.max(c['cnt']!, 2);
}

/** cubictcp_cong_avoid is slow start below ssthresh, else one segment per ca->cnt acked. */
function cubictcp_cong_avoid(h: Host, sk: Sock, _ack: number, acked: number): void {
  if (!tcp_is_cwnd_limited(sk)) return;
  let left = acked;
  if (tcp_in_slow_start(sk)) {
    left = tcp_slow_start(h, sk, acked);
    if (left === 0) return;
  }
  h.kcall('bictcp_update', `cwnd=${sk.f['snd_cwnd']}, acked=${left}`, () =>
    bictcp_update(h, sk, Number(sk.f['snd_cwnd']), left),
  );
  tcp_cong_avoid_ai(h, sk, ca(sk)['cnt']!, left);
}

/** cubictcp_recalc_ssthresh remembers W_max (reduced further by fast convergence) and returns cwnd·beta. */
function cubictcp_recalc_ssthresh(_h: Host, sk: Sock): number {
  const c = ca(sk);
  const cwnd = Number(sk.f['snd_cwnd']);
  c['epoch_start'] = 0;
  if (cwnd < (c['last_max_cwnd'] ?? 0))
    c['last_max_cwnd'] = Math.floor((cwnd * (BICTCP_BETA_SCALE + beta)) / (2 * BICTCP_BETA_SCALE));
  else c['last_max_cwnd'] = cwnd;
  return Math.max(Math.floor((cwnd * beta) / BICTCP_BETA_SCALE), 2);
}

/** cubictcp_state resets the epoch on a retransmission timeout (TCP_CA_Loss). */
function cubictcp_state(_h: Host, sk: Sock, state: number): void {
  if (state === TCP_CA.Loss) bictcp_reset(sk);
}

/** cubictcp_acked keeps delay_min, the smallest RTT seen in µs. */
function cubictcp_acked(_h: Host, sk: Sock, rttUs: number): void {
  if (rttUs < 0) return;
  const c = ca(sk);
  const d = rttUs === 0 ? 1 : rttUs;
  if (c['delay_min'] === 0 || c['delay_min'] === undefined || c['delay_min'] > d) c['delay_min'] = d;
}

/** bictcp is the CUBIC tcp_congestion_ops: hooks named bictcp_* in 2.6.32 and 3.10, cubictcp_* in 6.x. */
export const bictcp: TcpCongestionOps = {
  name: 'cubic',
  fns: { ssthresh: 'bictcp_recalc_ssthresh', cong_avoid: 'bictcp_cong_avoid', init: 'bictcp_init' },
  fns6: { ssthresh: 'cubictcp_recalc_ssthresh', cong_avoid: 'cubictcp_cong_avoid', init: 'cubictcp_init' },
  init: (_h, sk) => bictcp_reset(sk),
  ssthresh: cubictcp_recalc_ssthresh,
  cong_avoid: cubictcp_cong_avoid,
  set_state: cubictcp_state,
  pkts_acked: cubictcp_acked,
};
