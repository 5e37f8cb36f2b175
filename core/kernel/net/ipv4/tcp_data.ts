// net/ipv4/tcp_input.c, the receiver's data path: tcp_data_queue puts in-order data on
// sk_receive_queue (tcp_queue_rcv) and then drains out_of_order_queue once the hole is filled
// (tcp_ofo_queue); a segment beyond rcv_nxt goes to out_of_order_queue (tcp_data_queue_ofo,
// kept sorted, a segment already covered dropped) and is answered at once with a duplicate
// ACK; a segment wholly before rcv_nxt (a retransmission the peer did not need) is dropped
// and answered with an immediate duplicate ACK (quick-ACK mode; no D-SACK block is sent).
// rcv_ssthresh grows only for in-order data here: Linux also grows it for out-of-order
// segments, which without SACK would turn the duplicate ACKs into window updates the sender
// does not count (SockLab sends no SACK blocks).

import type { Host } from '../../host/host';
import { kset } from '../../host/kstruct';
import type { SkBuff } from '../../include/linux/skbuff';
import { tcpx } from '../../include/linux/tcp';
import type { Sock } from '../../include/net/sock';
import type { TcpRepr } from '../../../wire';
import { consume_skb, kfree_skb, skb_pull, skb_queue_tail } from '../core/skbuff';
import { before } from './tcp_ack';
import { tcp_fin } from './tcp_close';
import { inet_csk_schedule_ack, tcp_enter_quickack_mode, tcp_event_data_recv } from './tcp_delack';
import { TCPHDR } from './tcp_output';
import { tcp_sack_new_ofo_skb, tcp_sack_remove } from './tcp_sack';
import { tcp_grow_window, tcp_rcv_rtt_measure_ts, tcp_receive_window } from './tcp_window';

/** tsecrOf returns the segment's timestamp echo, or 0. */
function tsecrOf(seg: TcpRepr): number {
  for (const o of seg.options) if (o.kind === 'timestamp') return o.tsecr;
  return 0;
}

/** after is after(a, b) on 32-bit sequence numbers. */
function after(a: number, b: number): boolean {
  return ((b - a) | 0) < 0;
}

/** queueRcv appends skb to sk_receive_queue and advances rcv_nxt (tcp_queue_rcv; __skb_queue_tail in 2.6.32). */
function queueRcv(h: Host, sk: Sock, skb: SkBuff, charge: boolean): void {
  const fn = h.profile.version === '2.6.32' ? '__skb_queue_tail' : 'tcp_queue_rcv';
  h.kcall(fn, `sk=${sk.addr}, skb=${skb.addr}`, () => {
    skb_queue_tail(h, sk.receiveQueue, 'sk_receive_queue', skb);
    kset(h, sk, 'sk_receive_queue', sk.receiveQueue.length);
    if (charge) kset(h, sk, 'sk_rmem_alloc', sk.f.sk_rmem_alloc + skb.f.truesize);
    kset(h, sk, 'rcv_nxt', skb.cb.end_seq);
  });
}

/** tcp_ofo_queue moves segments that now start at or before rcv_nxt from out_of_order_queue to the receive queue; true when one carried a FIN. */
function tcp_ofo_queue(h: Host, sk: Sock): boolean {
  return h.kcall('tcp_ofo_queue', `sk=${sk.addr}`, () => {
    const q = tcpx(sk).ooo!;
    let fin = false;
    while (q.length > 0 && !after(q[0]!.cb.seq, Number(sk.f['rcv_nxt']))) {
      const skb = q.shift()!;
      const nxt = Number(sk.f['rcv_nxt']);
      const hasFin = (skb.cb.tcp_flags & TCPHDR.FIN) !== 0 && skb.cb.end_seq === nxt;
      if (!after(skb.cb.end_seq, nxt)) {
        kset(h, sk, 'sk_rmem_alloc', sk.f.sk_rmem_alloc - skb.f.truesize);
        if (hasFin) consume_skb(h, skb);
        else kfree_skb(h, skb, 'SKB_DROP_REASON_TCP_OFO_DROP', 0x0800);
        if (!hasFin) continue;
      } else queueRcv(h, sk, skb, false);
      if ((skb.cb.tcp_flags & TCPHDR.FIN) !== 0) {
        fin = true;
        break;
      }
    }
    return fin;
  });
}

/** tcp_data_queue_ofo keeps a segment beyond rcv_nxt in out_of_order_queue, sorted by seq. */
function tcp_data_queue_ofo(h: Host, sk: Sock, skb: SkBuff): void {
  h.kcall('tcp_data_queue_ofo', `sk=${sk.addr}, seq=${skb.cb.seq}`, () => {
    inet_csk_schedule_ack(sk);
    const x = tcpx(sk);
    const q = (x.ooo ??= []);
    const { seq, end_seq: end } = skb.cb;
    const finOf = (o: SkBuff): number => ((o.cb.tcp_flags & TCPHDR.FIN) !== 0 ? 1 : 0);
    const covers = (o: SkBuff, x: SkBuff): boolean =>
      !after(o.cb.seq, x.cb.seq) && !before((o.cb.end_seq + finOf(o)) >>> 0, (x.cb.end_seq + finOf(x)) >>> 0);
    if (q.some((o) => covers(o, skb))) {
      kfree_skb(h, skb, 'SKB_DROP_REASON_TCP_OFOMERGE', 0x0800);
      return;
    }
    for (let i = q.length - 1; i >= 0; i--) {
      const o = q[i]!;
      if (covers(skb, o)) {
        q.splice(i, 1);
        kset(h, sk, 'sk_rmem_alloc', sk.f.sk_rmem_alloc - o.f.truesize);
        kfree_skb(h, o, 'SKB_DROP_REASON_TCP_OFOMERGE', 0x0800);
      }
    }
    const at = q.findIndex((o) => after(o.cb.seq, seq));
    if (at < 0) q.push(skb);
    else q.splice(at, 0, skb);
    tcp_sack_new_ofo_skb(sk, seq, (end + finOf(skb)) >>> 0);
    kset(h, sk, 'sk_rmem_alloc', sk.f.sk_rmem_alloc + skb.f.truesize);
  });
}

/** tcp_data_queue takes a data (or FIN) segment: in order, duplicate or out of order. It returns whether sk_data_ready should run. */
export function tcp_data_queue(h: Host, sk: Sock, skb: SkBuff, seg: TcpRepr, hlen: number): boolean {
  return h.kcall('tcp_data_queue', `sk=${sk.addr}, len=${seg.payload.length}`, () => {
    const len = seg.payload.length;
    const fin = (seg.flags & TCPHDR.FIN) !== 0;
    const end = (seg.seq + len + (fin ? 1 : 0)) >>> 0;
    const rcvNxt = Number(sk.f['rcv_nxt']);
    skb_pull(h, skb, hlen);
    skb.cb.seq = seg.seq;
    skb.cb.end_seq = (seg.seq + len) >>> 0;
    skb.cb.tcp_flags = seg.flags;
    if (!after(end, rcvNxt)) {
      tcp_enter_quickack_mode(sk);
      inet_csk_schedule_ack(sk);
      kfree_skb(h, skb, 'SKB_DROP_REASON_TCP_OLD_DATA', 0x0800);
      return false;
    }
    const wnd = tcp_receive_window(sk);
    if (len > 0 && (wnd === 0 || !before(seg.seq, (rcvNxt + wnd) >>> 0))) {
      tcp_enter_quickack_mode(sk);
      inet_csk_schedule_ack(sk);
      kfree_skb(h, skb, 'SKB_DROP_REASON_TCP_OVERWINDOW', 0x0800);
      return false;
    }
    tcp_rcv_rtt_measure_ts(h, sk, len, tsecrOf(seg));
    if (after(seg.seq, rcvNxt)) {
      tcp_data_queue_ofo(h, sk, skb);
      return false;
    }
    if (len > 0) {
      queueRcv(h, sk, skb, true);
      tcp_event_data_recv(h, sk, len);
      if (len >= 128) tcp_grow_window(h, sk, len, skb.f.truesize);
    } else consume_skb(h, skb);
    let gotFin = fin;
    if ((tcpx(sk).ooo?.length ?? 0) > 0) gotFin = tcp_ofo_queue(h, sk) || gotFin;
    tcp_sack_remove(sk);
    if (gotFin) tcp_fin(h, sk, Number(sk.f['rcv_nxt']));
    return len > 0 || gotFin;
  });
}
