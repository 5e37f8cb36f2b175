// net/ipv4/tcp.c (tcp_sendmsg, tcp_push, tcp_recvmsg) and the transmit loop of
// net/ipv4/tcp_output.c (__tcp_push_pending_frames, tcp_push_one, tcp_write_xmit with its
// cwnd / receive-window / Nagle gates, tcp_event_new_data_sent). Reference §2.2–2.4.

import type { Host } from '../../host/host';
import { inet_csk_reset_xmit_timer, tcp_check_probe_timer } from './tcp_timer';
import { tcp_cleanup_rbuf } from './tcp_delack';
import { tcp_rcv_space_adjust } from './tcp_window';
import { kset } from '../../host/kstruct';
import { setNospace, sk_stream_memory_free, sk_stream_wait_memory } from '../core/stream';
import type { SkBuff } from '../../include/linux/skbuff';
import { skbx, TCP_NAGLE_CORK, TCP_NAGLE_PUSH, tcpx } from '../../include/linux/tcp';
import { before, tcp_packets_in_flight } from './tcp_ack';
import { tcp_in_cwnd_reduction } from './tcp_recovery';
import type { Sock } from '../../include/net/sock';
import { TCP_STATE, tcpStateName } from '../../include/net/tcp_states';
import { MSG_MORE, MSG_PEEK, MSG_TRUNC, MSG_WAITALL } from '../../include/uapi/socket';
import { errnoName, type ErrnoName } from '../../include/uapi/errno';
import { alloc_skb, consume_skb, skb_put, skb_reserve, skbData } from '../core/skbuff';
import { entail, MAX_TCP_HEADER, tcp_transmit_skb, tcpTime, TCPHDR } from './tcp_output';

/** sendHead is tcp_send_head(sk): the first skb on sk_write_queue not yet sent (a binary search: the queue is in sequence order). */
function sendHead(sk: Sock): SkBuff | null {
  const nxt = Number(sk.f['snd_nxt']);
  const q = sk.writeQueue;
  let lo = 0;
  let hi = q.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (((q[mid]!.cb.seq - nxt) | 0) >= 0) hi = mid;
    else lo = mid + 1;
  }
  return q[lo] ?? null;
}

/** tcp_write_xmit sends queued skbs while cwnd, the peer's window and Nagle allow; 1 when data stayed queued with nothing in flight. */
export function tcp_write_xmit(h: Host, sk: Sock, mss: number, nonagle: number, pushOne: boolean): number {
  return h.kcall(
    'tcp_write_xmit',
    `sk=${sk.addr}, mss_now=${mss}, nonagle=${nonagle}, push_one=${pushOne ? 1 : 0}`,
    () => {
      let sent = 0;
      let cwndLimited = false;
      for (let skb = sendHead(sk); skb !== null; skb = sendHead(sk)) {
        const s = skb;
        h.kcall('tcp_init_tso_segs', `skb=${s.addr}`, () => 1);
        const inFlight = tcp_packets_in_flight(sk);
        if (inFlight >= Number(sk.f['snd_cwnd'])) cwndLimited = true;
        if (
          !h.kcall(
            'tcp_cwnd_test',
            `in_flight=${inFlight}, snd_cwnd=${sk.f['snd_cwnd']}`,
            () => inFlight < Number(sk.f['snd_cwnd']) || (s.cb.tcp_flags & TCPHDR.FIN) !== 0,
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
        skbx(s).mstampNs = h.now;
        if (tcp_transmit_skb(h, sk, s, true) !== 0) break;
        h.kcall('tcp_event_new_data_sent', `sk=${sk.addr}, skb=${s.addr}`, () => {
          const first = Number(sk.f['packets_out']) === 0;
          tcpx(sk).lsndtime = tcpTime(h);
          kset(h, sk, 'snd_nxt', s.cb.end_seq);
          kset(h, sk, 'sk_send_head', sendHead(sk)?.addr ?? null);
          kset(h, sk, 'packets_out', Number(sk.f['packets_out']) + 1);
          if (tcp_in_cwnd_reduction(sk)) tcpx(sk).prrOut = (tcpx(sk).prrOut ?? 0) + 1;
          if (first) inet_csk_reset_xmit_timer(h, sk);
        });
        h.kcall('tcp_minshall_update', '', () =>
          s.f.len < mss ? kset(h, sk, 'snd_sml', s.cb.end_seq) : undefined,
        );
        sent++;
        if (pushOne) break;
      }
      if (tcp_packets_in_flight(sk) >= Number(sk.f['snd_cwnd'])) cwndLimited = true;
      if (sent > 0 || cwndLimited) tcp_cwnd_validate(sk, cwndLimited);
      if (sent > 0) {
        if (h.profile.version === '2.6.32') h.kcall('tcp_cwnd_validate', `sk=${sk.addr}`, () => undefined);
        else h.kcall('tcp_schedule_loss_probe', `sk=${sk.addr}`, () => undefined);
        return 0;
      }
      return Number(sk.f['packets_out']) === 0 && sendHead(sk) !== null ? 1 : 0;
    },
  );
}

/** tcp_cwnd_validate remembers whether the sender filled cwnd and the most it had in flight, which tcp_is_cwnd_limited reads (6.x bookkeeping). */
function tcp_cwnd_validate(sk: Sock, isCwndLimited: boolean): void {
  const x = tcpx(sk);
  const packets = Number(sk.f['packets_out']);
  const una = Number(sk.f['snd_una']);
  if (
    x.cwndUsageSeq === undefined ||
    !before(una, x.cwndUsageSeq) ||
    isCwndLimited ||
    (x.isCwndLimited !== true && packets > (x.maxPacketsOut ?? 0))
  ) {
    x.isCwndLimited = isCwndLimited;
    x.maxPacketsOut = packets;
    x.cwndUsageSeq = Number(sk.f['snd_nxt']);
  }
}

/** nagleOk is tcp_nagle_test: push, a full segment, or no unacknowledged small segment lets the skb go. */
function nagleOk(sk: Sock, skb: SkBuff, mss: number, nonagle: number): boolean {
  if ((nonagle & TCP_NAGLE_PUSH) !== 0 || (skb.cb.tcp_flags & TCPHDR.FIN) !== 0) return true;
  if (skb.f.len >= mss) return true;
  if ((nonagle & TCP_NAGLE_CORK) !== 0) return false;
  const smlOutstanding = ((Number(sk.f['snd_sml']) - Number(sk.f['snd_una'])) | 0) > 0;
  return !(nonagle === 0 && Number(sk.f['packets_out']) > 0 && smlOutstanding);
}

/** sock_error takes the pending sk_err and returns it as -errno, explained by whoever set it (include/net/sock.h). */
function sock_error(h: Host, sk: Sock): number {
  const e = sk.f.sk_err;
  kset(h, sk, 'sk_err', 0);
  const r = h.kerr(errnoName(e) as ErrnoName, 'sock_error: a pending error');
  if (sk.errOrigin !== undefined && sk.errOrigin.errno === e) h.lastErr = sk.errOrigin;
  return r;
}

/** tcp_push marks PSH unless MSG_MORE and pushes pending frames (tcp.c). */
export function tcp_push(h: Host, sk: Sock, flags: number, mss: number, nonagle: number): void {
  h.kcall(
    'tcp_push',
    `sk=${sk.addr}, flags=0x${flags.toString(16)}, mss_now=${mss}, nonagle=${nonagle}`,
    () => {
      const tail = sendHead(sk) === null ? null : sk.writeQueue.at(-1)!;
      if (tail === null) return;
      if ((flags & MSG_MORE) === 0) tcp_mark_push(h, sk, tail);
      __tcp_push_pending_frames(h, sk, mss, (flags & MSG_MORE) !== 0 ? TCP_NAGLE_CORK : nonagle);
    },
  );
}

/** tcp_mark_push sets PSH on skb and remembers write_seq as pushed_seq (tcp.c). */
function tcp_mark_push(h: Host, sk: Sock, skb: SkBuff): void {
  h.kcall('tcp_mark_push', '', () => {
    skb.cb.tcp_flags |= TCPHDR.PSH;
    kset(h, sk, 'pushed_seq', Number(sk.f['write_seq']));
  });
}

/** __tcp_push_pending_frames sends what the write queue holds as cwnd, the window and nonagle allow, arming the zero-window probe when nothing could go (tcp_output.c). */
function __tcp_push_pending_frames(h: Host, sk: Sock, mss: number, nonagle: number): void {
  h.kcall('__tcp_push_pending_frames', `sk=${sk.addr}, mss_now=${mss}, nonagle=${nonagle}`, () => {
    if (sk.f.sk_state === TCP_STATE.TCP_CLOSE) return;
    if (tcp_write_xmit(h, sk, mss, nonagle, false) !== 0) tcp_check_probe_timer(h, sk);
  });
}

/** forced_push tells whether more than half the peer's largest window was written since the last PSH: write_seq after pushed_seq + max_window / 2 (tcp.c). */
function forced_push(sk: Sock): boolean {
  const limit = (Number(sk.f['pushed_seq']) + (Number(sk.f['max_window']) >>> 1)) >>> 0;
  return before(limit, Number(sk.f['write_seq']));
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
      const w = h.kcall('sk_stream_wait_connect', `sk=${sk.addr}`, () => {
        if (sk.f.sk_err !== 0) return sock_error(h, sk);
        return st === TCP_STATE.TCP_SYN_SENT || st === TCP_STATE.TCP_SYN_RECV
          ? 0
          : h.kerr('EPIPE', `sk_state ${tcpStateName(st)} is not a connected state`);
      });
      if (w < 0) return ctx.done > 0 ? ctx.done : w;
      if (sk.socket !== null) return { wait: 'sk_stream_wait_connect', copied: ctx.done };
    }
    if (sk.f.sk_err !== 0) return ctx.done > 0 ? ctx.done : sock_error(h, sk);
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
      if (forced_push(sk)) {
        tcp_mark_push(h, sk, s);
        __tcp_push_pending_frames(h, sk, mss, TCP_NAGLE_PUSH);
      } else if (sendHead(sk) === s)
        h.kcall('tcp_push_one', `sk=${sk.addr}, mss_now=${mss}`, () =>
          tcp_write_xmit(h, sk, mss, TCP_NAGLE_PUSH, true),
        );
    }
    if (copied > ctx.done) tcp_push(h, sk, flags, mss, Number(sk.f['nonagle']));
    return copied;
  };
  // 2.6.32 reaches tcp_sendmsg straight from inet_stream_ops.sendmsg (its tcp_prot has no sendmsg)
  const via =
    h.profile.protoOps['inet_stream_ops']?.['sendmsg'] === 'tcp_sendmsg'
      ? 'inet_stream_ops.sendmsg'
      : `${sk.protoName}.sendmsg`;
  return h.kcall('tcp_sendmsg', `sk=${sk.addr}, size=${data.length} via ${via}`, () =>
    inner.length === 0 ? body() : h.kcall(inner[0]!, `sk=${sk.addr}`, body),
  );
}

/** TcpRecvWait says tcp_recvmsg must sleep in sk_wait_data after copying copied bytes in all (MSG_WAITALL keeps them across the wait). */
export interface TcpRecvWait {
  readonly wait: 'sk_wait_data';
  readonly copied: number;
}

/** TcpRecvCtx is what the socket layer tells tcp_recvmsg: non-blocking, the recv flags, and the bytes a restarted call already copied. */
export interface TcpRecvCtx {
  readonly nonblock: boolean;
  readonly flags: number;
  readonly done: number;
}

/** tcp_recvmsg copies queued data to buf from copied_seq (from a private peek_seq under MSG_PEEK, discarding it under MSG_TRUNC) until sock_rcvlowat's target (len under MSG_WAITALL); bytes, a wait, or -errno. */
export function tcp_recvmsg(
  h: Host,
  sk: Sock,
  buf: Uint8Array,
  ctx: TcpRecvCtx = { nonblock: false, flags: 0, done: 0 },
): number | TcpRecvWait {
  return h.kcall('tcp_recvmsg', `sk=${sk.addr}, len=${buf.length} via ${sk.protoName}.recvmsg`, () => {
    const { flags } = ctx;
    const peek = (flags & MSG_PEEK) !== 0;
    const target =
      (flags & MSG_WAITALL) !== 0 ? buf.length : Math.min(Math.max(sk.f.sk_rcvlowat, 1), buf.length);
    let seq = (Number(sk.f['copied_seq']) + (peek ? ctx.done : 0)) >>> 0;
    let copied = ctx.done;
    let i = 0;
    while (copied < buf.length && i < sk.receiveQueue.length) {
      const skb = sk.receiveQueue[i]!;
      const d = skbData(skb);
      const off = (seq - skb.cb.seq) >>> 0;
      if (off >= d.length) {
        i++;
        continue;
      }
      const n = Math.min(d.length - off, buf.length - copied);
      if ((flags & MSG_TRUNC) === 0) {
        const at = copied;
        h.kcall(
          h.profile.version === '6.x' ? 'skb_copy_datagram_msg' : 'skb_copy_datagram_iovec',
          `skb=${skb.addr}, ${n}`,
          () => buf.set(d.subarray(off, off + n), at),
        );
      }
      copied += n;
      seq = (seq + n) >>> 0;
      if (!peek) kset(h, sk, 'copied_seq', seq);
      if (off + n < d.length) continue;
      if (peek) {
        i++;
        continue;
      }
      sk.receiveQueue.shift();
      kset(h, sk, 'sk_receive_queue', sk.receiveQueue.length);
      kset(h, sk, 'sk_rmem_alloc', sk.f.sk_rmem_alloc - skb.f.truesize);
      consume_skb(h, skb);
    }
    if (copied === 0) {
      if (sk.f.sk_err !== 0) return sock_error(h, sk);
      if (sk.f.sk_state !== TCP_STATE.TCP_ESTABLISHED) return 0;
      if (ctx.nonblock)
        return h.kcall('sk_wait_data', `sk=${sk.addr}`, () =>
          h.kerr('EAGAIN', 'receive queue empty on a non-blocking socket'),
        );
      if (sk.socket !== null) return { wait: 'sk_wait_data', copied };
    } else if (copied < target) {
      // MSG_WAITALL short of len: sleep for more unless an error, EOF or O_NONBLOCK ends the call with what it has.
      const eof = sk.f.sk_state !== TCP_STATE.TCP_ESTABLISHED || (sk.f.sk_shutdown & 1) !== 0;
      if (!ctx.nonblock && sk.f.sk_err === 0 && !eof && sk.socket !== null) {
        if (copied > ctx.done) finishRead(h, sk, copied - ctx.done);
        return { wait: 'sk_wait_data', copied };
      }
    }
    finishRead(h, sk, copied - ctx.done);
    return copied;
  });
}

/** finishRead ends a read pass: tcp_rcv_space_adjust and tcp_cleanup_rbuf (a window update once the reader freed space). */
function finishRead(h: Host, sk: Sock, copied: number): void {
  tcp_rcv_space_adjust(h, sk);
  tcp_cleanup_rbuf(h, sk, copied);
}

/** tcp_push_pending is tcp_push_pending_frames: __tcp_push_pending_frames with the socket's own nonagle. */
export function tcp_push_pending(h: Host, sk: Sock): void {
  __tcp_push_pending_frames(h, sk, Number(sk.f['mss_cache']), Number(sk.f['nonagle']));
}
