// net/ipv4/tcp_input.c, the send-buffer part: tcp_init_buffer_space at ESTABLISHED (sk_sndbuf
// raised by tcp_fixup_sndbuf in 2.6.32 and 3.10, tcp_sndbuf_expand in 6.x, unless SO_SNDBUF
// locked it), and tcp_check_space after an ACK freed write-queue skbs: tcp_new_space grows
// sk_sndbuf while cwnd is not filled (tcp_should_expand_sndbuf) and calls sk->sk_write_space,
// which wakes a writer sleeping in sk_stream_wait_memory. SOCK_QUEUE_SHRUNK is kept as
// Sock.queueShrunk rather than a traced sk_flags change, since it flips on every ACK.

import type { Host } from '../../host/host';
import { kset } from '../../host/kstruct';
import type { Sock } from '../../include/net/sock';
import { nospace, sk_stream_write_space } from '../core/stream';
import { MAX_TCP_HEADER } from './tcp_output';
import { tcp_init_rcv_space } from './tcp_window';

/** SOCK_SNDBUF_LOCK is the sk_userlocks bit SO_SNDBUF sets (include/net/sock.h). */
const SOCK_SNDBUF_LOCK = 1;
/** SIZEOF_SK_BUFF is sizeof(struct sk_buff) as SockLab counts it (SKB_OVERHEAD 576 = 256 + 320 of skb_shared_info). */
const SIZEOF_SK_BUFF = 256;
/** SIZEOF_SKB_SHARED_INFO is SKB_DATA_ALIGN(sizeof(struct skb_shared_info)) as SockLab counts it. */
const SIZEOF_SKB_SHARED_INFO = 320;
/** TCP_INIT_CWND is 10 (include/net/tcp.h, 2.6.39+). */
const TCP_INIT_CWND = 10;

/** roundupPow2 is roundup_pow_of_two. */
function roundupPow2(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}

/** setSndbuf raises sk_sndbuf to want, capped at tcp_wmem[2], when it is below (the common tail of the three tuners). */
function setSndbuf(h: Host, sk: Sock, want: number): void {
  if (sk.f.sk_sndbuf < want) kset(h, sk, 'sk_sndbuf', Math.min(want, h.sysctl['net.ipv4.tcp_wmem'][2]));
}

/** oldSndmem is 2.6.32/3.10's per-segment memory: mss + MAX_TCP_HEADER + 16 + sizeof(struct sk_buff). */
function oldSndmem(mss: number): number {
  return mss + MAX_TCP_HEADER + 16 + SIZEOF_SK_BUFF;
}

/** tcp_sndbuf_expand (6.x) sets sk_sndbuf to 2 × max(TCP_INIT_CWND, cwnd, reordering + 1) power-of-two-rounded segments. */
function tcp_sndbuf_expand(h: Host, sk: Sock): void {
  h.kcall('tcp_sndbuf_expand', `sk=${sk.addr}`, () => {
    const mss = Math.max(Number(sk.f['mss_clamp']), Number(sk.f['mss_cache']));
    const perMss = roundupPow2(mss + MAX_TCP_HEADER + SIZEOF_SKB_SHARED_INFO) + SIZEOF_SK_BUFF;
    const segs = Math.max(TCP_INIT_CWND, Number(sk.f['snd_cwnd']), Number(sk.f['reordering']) + 1);
    setSndbuf(h, sk, 2 * segs * perMss);
  });
}

/** tcp_init_buffer_space tunes sk_sndbuf for the new connection unless SO_SNDBUF locked it. */
export function tcp_init_buffer_space(h: Host, sk: Sock): void {
  h.kcall('tcp_init_buffer_space', `sk=${sk.addr}`, () => {
    tcp_init_rcv_space(h, sk);
    if ((sk.f.sk_userlocks & SOCK_SNDBUF_LOCK) !== 0) return;
    const v = h.profile.version;
    if (v === '6.x') return tcp_sndbuf_expand(h, sk);
    h.kcall('tcp_fixup_sndbuf', `sk=${sk.addr}`, () => {
      const sndmem = oldSndmem(Number(sk.f['mss_clamp']));
      setSndbuf(h, sk, v === '2.6.32' ? 3 * sndmem : TCP_INIT_CWND * sndmem);
    });
  });
}

/** tcp_should_expand_sndbuf: not locked by SO_SNDBUF and cwnd not yet filled (packets_out < snd_cwnd). */
function tcp_should_expand_sndbuf(h: Host, sk: Sock): boolean {
  return h.kcall(
    'tcp_should_expand_sndbuf',
    `packets_out=${sk.f['packets_out']}, snd_cwnd=${sk.f['snd_cwnd']}`,
    () =>
      (sk.f.sk_userlocks & SOCK_SNDBUF_LOCK) === 0 && Number(sk.f['packets_out']) < Number(sk.f['snd_cwnd']),
  );
}

/** tcp_new_space grows sk_sndbuf when it should, then calls sk->sk_write_space. */
function tcp_new_space(h: Host, sk: Sock): void {
  h.kcall('tcp_new_space', `sk=${sk.addr}`, () => {
    if (tcp_should_expand_sndbuf(h, sk)) {
      if (h.profile.version === '6.x') tcp_sndbuf_expand(h, sk);
      else {
        const mss = Math.max(Number(sk.f['mss_clamp']), Number(sk.f['mss_cache']));
        const demanded = Math.max(Number(sk.f['snd_cwnd']), Number(sk.f['reordering']) + 1);
        setSndbuf(h, sk, oldSndmem(mss) * 2 * demanded);
      }
    }
    sk_stream_write_space(h, sk);
  });
}

/** tcp_check_space runs tcp_new_space when ACKs shrank the write queue and a writer found it full (SOCK_NOSPACE). */
export function tcp_check_space(h: Host, sk: Sock): void {
  if (sk.queueShrunk !== true) return;
  sk.queueShrunk = false;
  if (!nospace(sk)) return;
  h.kcall('tcp_check_space', `sk=${sk.addr}`, () => tcp_new_space(h, sk));
}
