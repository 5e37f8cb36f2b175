// The receive window (net/ipv4/tcp_output.c tcp_select_window / __tcp_select_window,
// tcp_input.c tcp_grow_window, tcp_rcv_space_adjust, tcp_rcv_rtt_measure_ts): the window
// offered is the free receive space (tcp_space: half of sk_rcvbuf − sk_rmem_alloc with
// tcp_adv_win_scale 1, a quarter kept in 2.6.32's scale 2; 6.x's initial scaling_ratio also
// halves) capped by rcv_ssthresh, which grows by two segments per full-sized arrival up to
// window_clamp; it is rounded up to the window-scale unit, never shrunk below what was
// already offered, and 0 when less than one segment is free. Once per receiver RTT,
// tcp_rcv_space_adjust grows sk_rcvbuf (and window_clamp) to twice what the application read
// (receive-buffer autotuning, net.ipv4.tcp_moderate_rcvbuf = 1), up to tcp_rmem[2].
// 6.x's later scaling_ratio measurement and tcp_shrink_window are not simulated.

import type { Host } from '../../host/host';
import { kset } from '../../host/kstruct';
import { tcpx } from '../../include/linux/tcp';
import type { Sock } from '../../include/net/sock';
import { SKB_OVERHEAD } from '../../include/linux/skbuff';
import { icskAck } from './tcp_delack';
import { MAX_TCP_HEADER, tcpTime } from './tcp_output';

/** SOCK_RCVBUF_LOCK is the sk_userlocks bit SO_RCVBUF sets. */
const SOCK_RCVBUF_LOCK = 2;
/** MAX_TCP_WINDOW is the largest unscaled window, 65535. */
const MAX_TCP_WINDOW = 65535;

/** tcp_win_from_space is the part of buffer space offered as window. */
export function tcp_win_from_space(h: Host, space: number): number {
  return h.profile.version === '2.6.32' ? space - (space >> 2) : space - (space >> 1);
}

/** tcp_space is the window the free receive buffer allows. */
function tcp_space(h: Host, sk: Sock): number {
  return tcp_win_from_space(h, sk.f.sk_rcvbuf - sk.f.sk_rmem_alloc);
}

/** tcp_receive_window is what is left of the window last offered: rcv_wup + rcv_wnd − rcv_nxt, at least 0. */
export function tcp_receive_window(sk: Sock): number {
  const w = (Number(sk.f['rcv_wup']) + Number(sk.f['rcv_wnd']) - Number(sk.f['rcv_nxt'])) | 0;
  return Math.max(w, 0);
}

/** __tcp_select_window computes the window the free space allows (0 below one segment), rounded up to the scale unit. */
export function __tcp_select_window(h: Host, sk: Sock): number {
  const a = icskAck(sk);
  const full = Math.min(Number(sk.f['window_clamp']), tcp_win_from_space(h, sk.f.sk_rcvbuf));
  const mss = Math.min(a.rcv_mss, full);
  let free = tcp_space(h, sk);
  if (free < full >> 1) {
    a.quick = 0;
    if (free < mss) return 0;
  }
  free = Math.min(free, Number(sk.f['rcv_ssthresh']));
  const ws = Number(sk.f['rcv_wscale']);
  if (ws === 0) return free <= mss ? free : Math.floor(free / mss) * mss;
  return Math.ceil(free / (1 << ws)) << ws;
}

/** tcp_select_window picks the window to announce on a non-SYN segment and records it (rcv_wnd, rcv_wup); it returns the scaled 16-bit value. */
export function tcp_select_window(h: Host, sk: Sock): number {
  const ws = Number(sk.f['rcv_wscale']);
  const cur = tcp_receive_window(sk);
  let win = __tcp_select_window(h, sk);
  if (win < cur) win = Math.ceil(cur / (1 << ws)) << ws;
  win = Math.min(win, MAX_TCP_WINDOW << ws);
  kset(h, sk, 'rcv_wnd', win);
  kset(h, sk, 'rcv_wup', Number(sk.f['rcv_nxt']));
  return win >>> ws;
}

/** tcp_grow_window raises rcv_ssthresh by two segments for a full-sized arrival while the buffer allows. */
export function tcp_grow_window(h: Host, sk: Sock, len: number, truesize: number): void {
  const ssthresh = Number(sk.f['rcv_ssthresh']);
  const clamp = Number(sk.f['window_clamp']);
  if (ssthresh >= clamp || ssthresh >= tcp_space(h, sk)) return;
  if (tcp_win_from_space(h, truesize) > len) return;
  h.kcall('tcp_grow_window', `sk=${sk.addr}, len=${len}`, () => {
    const incr = Math.max(2 * Number(sk.f['advmss']), 2 * len);
    kset(h, sk, 'rcv_ssthresh', Math.min(ssthresh + incr, clamp));
    icskAck(sk).quick |= 1;
  });
}

/** tcp_init_rcv_space sets window_clamp from the receive buffer and starts tcp_rcv_space_adjust's measurement (tcp_init_buffer_space). */
export function tcp_init_rcv_space(h: Host, sk: Sock): void {
  const maxwin = tcp_win_from_space(h, sk.f.sk_rcvbuf);
  if (Number(sk.f['window_clamp']) > maxwin) kset(h, sk, 'window_clamp', maxwin);
  kset(h, sk, 'rcv_ssthresh', Math.min(Number(sk.f['rcv_ssthresh']), Number(sk.f['window_clamp'])));
  tcpx(sk).rcvq = { space: Number(sk.f['rcv_wnd']), seq: Number(sk.f['copied_seq']), time: tcpTime(h) };
}

/** tcp_rcv_rtt_measure_ts takes the receiver's RTT estimate from the echo of a full-sized segment. */
export function tcp_rcv_rtt_measure_ts(h: Host, sk: Sock, len: number, tsecr: number): void {
  if (tsecr === 0 || len < icskAck(sk).rcv_mss) return;
  const x = tcpx(sk);
  const m = Math.max(tcpTime(h) - tsecr, 1);
  x.rcvRtt = x.rcvRtt === undefined || x.rcvRtt === 0 ? m << 3 : x.rcvRtt - (x.rcvRtt >> 3) + m;
}

/** tcp_rcv_space_adjust grows sk_rcvbuf to twice what the application read in the last receiver RTT. */
export function tcp_rcv_space_adjust(h: Host, sk: Sock): void {
  const x = tcpx(sk);
  const q = x.rcvq;
  const rtt = x.rcvRtt ?? 0;
  if (q === undefined || rtt === 0 || tcpTime(h) - q.time < rtt >> 3) return;
  h.kcall('tcp_rcv_space_adjust', `sk=${sk.addr}`, () => {
    const space = Math.max(q.space, 2 * ((Number(sk.f['copied_seq']) - q.seq) >>> 0));
    if (space !== q.space) {
      q.space = space;
      if ((sk.f.sk_userlocks & SOCK_RCVBUF_LOCK) === 0) {
        const advmss = Number(sk.f['advmss']);
        let rcvmem = advmss + MAX_TCP_HEADER + SKB_OVERHEAD;
        while (tcp_win_from_space(h, rcvmem) < advmss) rcvmem += 128;
        const buf = Math.min(
          Math.max(Math.floor(space / advmss), 1) * rcvmem,
          h.sysctl['net.ipv4.tcp_rmem'][2],
        );
        if (buf > sk.f.sk_rcvbuf) {
          kset(h, sk, 'sk_rcvbuf', buf);
          kset(h, sk, 'window_clamp', space);
        }
      }
    }
    q.seq = Number(sk.f['copied_seq']);
    q.time = tcpTime(h);
  });
}
