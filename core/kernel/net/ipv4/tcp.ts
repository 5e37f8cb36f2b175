// net/ipv4/tcp.c (tcp_sendmsg, tcp_push, tcp_recvmsg) and the transmit loop of
// net/ipv4/tcp_output.c (__tcp_push_pending_frames, tcp_push_one, tcp_write_xmit with its
// cwnd / receive-window / Nagle gates, tcp_event_new_data_sent). Reference §2.2–2.4.

import type { Host } from '../../host/host';
import { inet_csk_reset_xmit_timer } from './tcp_timer';
import { kset } from '../../host/kstruct';
import type { Block } from '../../host/wait';
import { setNospace, sk_stream_memory_free, sk_stream_wait_memory } from '../core/stream';
import type { SkBuff } from '../../include/linux/skbuff';
import { TCP_NAGLE_CORK, TCP_NAGLE_PUSH } from '../../include/linux/tcp';
import type { Sock } from '../../include/net/sock';
import { TCP_STATE } from '../../include/net/tcp_states';
import { MSG_MORE } from '../../include/uapi/socket';
import { alloc_skb, consume_skb, skb_put, skb_reserve, skbData } from '../core/skbuff';
import { entail, MAX_TCP_HEADER, tcp_transmit_skb, tcpTime, TCPHDR } from './tcp_output';

/** sendHead is tcp_send_head(sk): the first skb on sk_write_queue not yet sent. */
function sendHead(sk: Sock): SkBuff | null {
  const nxt = Number(sk.f['snd_nxt']);
  return sk.writeQueue.find((s) => ((s.cb.seq - nxt) | 0) >= 0) ?? null;
}

/** tcp_write_xmit sends queued skbs while cwnd, the peer's window and Nagle allow; 1 when data stayed queued with nothing in flight. */
export function tcp_write_xmit(h: Host, sk: Sock, mss: number, nonagle: number, pushOne: boolean): number {
  return h.kcall(
    'tcp_write_xmit',
    `sk=${sk.addr}, mss_now=${mss}, nonagle=${nonagle}, push_one=${pushOne ? 1 : 0}`,
    () => {
      let sent = 0;
      for (let skb = sendHead(sk); skb !== null; skb = sendHead(sk)) {
        const s = skb;
        h.kcall('tcp_init_tso_segs', `skb=${s.addr}`, () => 1);
        const inFlight = Number(sk.f['packets_out']);
        if (
          !h.kcall(
            'tcp_cwnd_test',
            `in_flight=${inFlight}, snd_cwnd=${sk.f['snd_cwnd']}`,
            () => inFlight < Number(sk.f['snd_cwnd']),
          )
        )
          break;
        const wndEnd = (Number(sk.f['snd_una']) + Number(sk.f['snd_wnd'])) >>> 0;
        if (!h.kcall('tcp_snd_wnd_test', `end_seq=${s.cb.end_seq}`, () => ((s.cb.end_seq - wndEnd) | 0) <= 0))
          break;
        const last = sk.writeQueue.at(-1) === s;
        const ng = last ? nonagle : TCP_NAGLE_PUSH;
        if (!h.kcall('tcp_nagle_test', `nonagle=${ng}`, () => nagleOk(sk, s, mss, ng))) break;
        s.cb.when = tcpTime(h) || 1;
        if (tcp_transmit_skb(h, sk, s, true) < 0) break;
        h.kcall('tcp_event_new_data_sent', `sk=${sk.addr}, skb=${s.addr}`, () => {
          const first = Number(sk.f['packets_out']) === 0;
          kset(h, sk, 'snd_nxt', s.cb.end_seq);
          kset(h, sk, 'sk_send_head', sendHead(sk)?.addr ?? null);
          kset(h, sk, 'packets_out', Number(sk.f['packets_out']) + 1);
          if (first) inet_csk_reset_xmit_timer(h, sk);
        });
        h.kcall('tcp_minshall_update', '', () =>
          s.f.len < mss ? kset(h, sk, 'snd_sml', s.cb.end_seq) : undefined,
        );
        sent++;
        if (pushOne) break;
      }
      if (sent > 0) {
        if (h.profile.version === '2.6.32') h.kcall('tcp_cwnd_validate', `sk=${sk.addr}`, () => undefined);
        else h.kcall('tcp_schedule_loss_probe', `sk=${sk.addr}`, () => undefined);
        return 0;
      }
      return Number(sk.f['packets_out']) === 0 && sendHead(sk) !== null ? 1 : 0;
    },
  );
}

/** nagleOk is tcp_nagle_test: push, a full segment, or no unacknowledged small segment lets the skb go. */
function nagleOk(sk: Sock, skb: SkBuff, mss: number, nonagle: number): boolean {
  if ((nonagle & TCP_NAGLE_PUSH) !== 0 || (skb.cb.tcp_flags & TCPHDR.FIN) !== 0) return true;
  if (skb.f.len >= mss) return true;
  if ((nonagle & TCP_NAGLE_CORK) !== 0) return false;
  const smlOutstanding = ((Number(sk.f['snd_sml']) - Number(sk.f['snd_una'])) | 0) > 0;
  return !(nonagle === 0 && Number(sk.f['packets_out']) > 0 && smlOutstanding);
}

/** tcp_push marks PSH unless MSG_MORE and pushes pending frames (tcp.c). */
export function tcp_push(h: Host, sk: Sock, flags: number, mss: number, nonagle: number): void {
  h.kcall(
    'tcp_push',
    `sk=${sk.addr}, flags=0x${flags.toString(16)}, mss_now=${mss}, nonagle=${nonagle}`,
    () => {
      const tail = sendHead(sk) === null ? null : sk.writeQueue.at(-1)!;
      if (tail === null) return;
      if ((flags & MSG_MORE) === 0) {
        h.kcall('tcp_mark_push', '', () => {
          tail.cb.tcp_flags |= TCPHDR.PSH;
          kset(h, sk, 'pushed_seq', Number(sk.f['write_seq']));
        });
      }
      const ng = (flags & MSG_MORE) !== 0 ? TCP_NAGLE_CORK : nonagle;
      h.kcall('__tcp_push_pending_frames', `sk=${sk.addr}, mss_now=${mss}, nonagle=${ng}`, () => {
        if (sk.f.sk_state === TCP_STATE.TCP_CLOSE) return;
        if (tcp_write_xmit(h, sk, mss, ng, false) !== 0)
          h.kcall('tcp_check_probe_timer', '', () => undefined);
      });
    },
  );
}

/** TcpSendWait says tcp_sendmsg must sleep (on which wait) after copying copied bytes in all. */
export interface TcpSendWait {
  readonly wait: 'sk_stream_wait_connect' | 'sk_stream_wait_memory';
  readonly copied: number;
}

/** TcpSendCtx is what the socket layer tells tcp_sendmsg: non-blocking, and the bytes a restarted call already copied. */
export interface TcpSendCtx {
  readonly nonblock: boolean;
  readonly done: number;
}

/** newSkb allocates and entails a fresh skb at write_seq (sk_stream_alloc_skb + skb_entail, 6.x tcp_stream_alloc_skb + tcp_skb_entail). */
function newSkb(h: Host, sk: Sock, sizeGoal: number): SkBuff {
  const v6 = h.profile.version === '6.x';
  const s = h.kcall(
    v6 ? 'tcp_stream_alloc_skb' : 'sk_stream_alloc_skb',
    `sk=${sk.addr}, size=${sizeGoal}`,
    () => {
      const b = alloc_skb(h, MAX_TCP_HEADER + sizeGoal);
      skb_reserve(h, b, MAX_TCP_HEADER);
      return b;
    },
  );
  h.kcall(v6 ? 'tcp_skb_entail' : 'skb_entail', `sk=${sk.addr}, skb=${s.addr}`, () => {
    s.cb.seq = s.cb.end_seq = Number(sk.f['write_seq']);
    s.cb.tcp_flags = TCPHDR.ACK;
    entail(h, sk, s);
    if (sk.f.sk_send_head === null) kset(h, sk, 'sk_send_head', s.addr);
    kset(h, sk, 'nonagle', Number(sk.f['nonagle']) & ~TCP_NAGLE_PUSH);
  });
  return s;
}

/** COPY_FN is the era's copy into the skb (reference §2.2). */
const COPY_FN = {
  '2.6.32': 'skb_add_data',
  '3.10': 'skb_add_data_nocache',
  '6.x': 'skb_copy_to_page_nocache',
} as const;

/** tcp_sendmsg copies user data into skbs of up to size_goal on sk_write_queue and pushes them; bytes copied, -errno, or a wait. */
export function tcp_sendmsg(
  h: Host,
  sk: Sock,
  data: Uint8Array,
  flags: number,
  ctx: TcpSendCtx = { nonblock: false, done: 0 },
): number | TcpSendWait {
  const inner = h.profile.tcpSendmsgInner;
  const body = (): number | TcpSendWait => {
    const st = sk.f.sk_state;
    if (st !== TCP_STATE.TCP_ESTABLISHED && st !== TCP_STATE.TCP_CLOSE_WAIT) {
      const w = h.kcall('sk_stream_wait_connect', `sk=${sk.addr}`, () =>
        st === TCP_STATE.TCP_SYN_SENT || st === TCP_STATE.TCP_SYN_RECV
          ? 0
          : h.kerr('EPIPE', `sk_state ${st} is not a connected state`),
      );
      if (w < 0) return ctx.done > 0 ? ctx.done : w;
      if (sk.socket !== null) return { wait: 'sk_stream_wait_connect', copied: ctx.done };
    }
    if (sk.f.sk_shutdown & 2) return ctx.done > 0 ? ctx.done : h.kerr('EPIPE', 'SEND_SHUTDOWN is set');
    const mss = h.kcall('tcp_send_mss', `sk=${sk.addr}`, () => Number(sk.f['mss_cache']));
    const sizeGoal = mss;
    let copied = ctx.done;
    while (copied < data.length) {
      let skb = sendHead(sk) === null ? null : sk.writeQueue.at(-1)!;
      let room = skb === null ? 0 : sizeGoal - skb.f.len;
      if (skb === null || room <= 0) {
        if (!sk_stream_memory_free(sk)) {
          setNospace(h, sk, true);
          if (copied > ctx.done) tcp_push(h, sk, flags & ~MSG_MORE, mss, TCP_NAGLE_PUSH);
          const e = sk_stream_wait_memory(h, sk, ctx.nonblock);
          if (e < 0) {
            if (copied > 0) tcp_push(h, sk, flags, mss, Number(sk.f['nonagle']));
            return copied > 0 ? copied : e;
          }
          return { wait: 'sk_stream_wait_memory', copied };
        }
        skb = newSkb(h, sk, sizeGoal);
        room = sizeGoal;
      }
      const s = skb;
      const copy = Math.min(room, data.length - copied);
      h.kcall(COPY_FN[h.profile.version], `skb=${s.addr}, copy=${copy}`, () =>
        s.head.set(data.subarray(copied, copied + copy), skb_put(h, s, copy)),
      );
      kset(h, sk, 'write_seq', (Number(sk.f['write_seq']) + copy) >>> 0);
      s.cb.end_seq = (s.cb.end_seq + copy) >>> 0;
      copied += copy;
      if (s.f.len < sizeGoal) continue;
      if (sendHead(sk) === s)
        h.kcall('tcp_push_one', `sk=${sk.addr}, mss_now=${mss}`, () =>
          tcp_write_xmit(h, sk, mss, TCP_NAGLE_PUSH, true),
        );
    }
    if (copied > ctx.done) tcp_push(h, sk, flags, mss, Number(sk.f['nonagle']));
    return copied;
  };
  return h.kcall('tcp_sendmsg', `sk=${sk.addr}, size=${data.length} via ${sk.protoName}.sendmsg`, () =>
    inner.length === 0 ? body() : h.kcall(inner[0]!, `sk=${sk.addr}`, body),
  );
}

/** tcp_recvmsg copies queued data to buf, advancing copied_seq; bytes copied, a Block, or -EAGAIN. */
export function tcp_recvmsg(h: Host, sk: Sock, buf: Uint8Array, nonblock: boolean): number | Block {
  return h.kcall('tcp_recvmsg', `sk=${sk.addr}, len=${buf.length} via ${sk.protoName}.recvmsg`, () => {
    let copied = 0;
    while (copied < buf.length && sk.receiveQueue.length > 0) {
      const skb = sk.receiveQueue[0]!;
      const d = skbData(skb);
      const off = (Number(sk.f['copied_seq']) - skb.cb.seq) >>> 0;
      const n = Math.min(d.length - off, buf.length - copied);
      h.kcall(
        h.profile.version === '6.x' ? 'skb_copy_datagram_msg' : 'skb_copy_datagram_iovec',
        `skb=${skb.addr}, ${n}`,
        () => buf.set(d.subarray(off, off + n), copied),
      );
      copied += n;
      kset(h, sk, 'copied_seq', (Number(sk.f['copied_seq']) + n) >>> 0);
      if (off + n >= d.length) {
        sk.receiveQueue.shift();
        kset(h, sk, 'sk_receive_queue', sk.receiveQueue.length);
        kset(h, sk, 'sk_rmem_alloc', sk.f.sk_rmem_alloc - skb.f.truesize);
        consume_skb(h, skb);
      }
    }
    if (copied === 0) {
      if (sk.f.sk_err !== 0) {
        const e = sk.f.sk_err;
        kset(h, sk, 'sk_err', 0);
        const r = h.kerr(
          e === 104 ? 'ECONNRESET' : e === 32 ? 'EPIPE' : 'ECONNREFUSED',
          'sock_error: a pending error',
        );
        if (sk.errOrigin !== undefined && sk.errOrigin.errno === e) h.lastErr = sk.errOrigin;
        return r;
      }
      if (sk.f.sk_state !== TCP_STATE.TCP_ESTABLISHED) return 0;
      if (nonblock)
        return h.kcall('sk_wait_data', `sk=${sk.addr}`, () =>
          h.kerr('EAGAIN', 'receive queue empty on a non-blocking socket'),
        );
      if (sk.socket !== null) return { block: sk.socket.wait, timeoutNs: null };
    }
    h.kcall('tcp_cleanup_rbuf', `sk=${sk.addr}, copied=${copied}`, () => undefined);
    return copied;
  });
}

/** tcp_push_pending is tcp_push_pending_frames: __tcp_push_pending_frames with the socket's own nonagle. */
export function tcp_push_pending(h: Host, sk: Sock): void {
  const mss = Number(sk.f['mss_cache']);
  h.kcall('__tcp_push_pending_frames', `sk=${sk.addr}, mss_now=${mss}, nonagle=${sk.f['nonagle']}`, () => {
    if (sk.f.sk_state !== TCP_STATE.TCP_CLOSE) tcp_write_xmit(h, sk, mss, Number(sk.f['nonagle']), false);
  });
}
