// net/core/skbuff.c and the inline helpers of include/linux/skbuff.h: allocation, the four
// pointer moves (reserve, put, push, pull), clone, queueing and freeing. Each records an
// `skb` trace event with the offsets after the operation; kfree_skb with a drop reason
// records Linux's kfree_skb tracepoint instead of a plain free.

import type { Host } from '../../host/host';
import { kalloc, kfree, kset } from '../../host/kstruct';
import { SKB_OVERHEAD, SKBUFF_ZERO, type SkBuff } from '../../include/linux/skbuff';

/** skbEvent records one skb operation with the offsets as they are now. */
function skbEvent(h: Host, op: string, skb: SkBuff, queue = ''): void {
  if (!h.trace.wants('skb')) return;
  const f = skb.f;
  h.trace.record('skb', h.now, h.name, {
    op,
    skbaddr: skb.addr,
    len: f.len,
    data: f.data,
    tail: f.tail,
    end: f.end,
    queue,
    by: h.current(),
  });
}

/** move sets len/data/tail without field events (the skb event carries them). */
function move(skb: SkBuff, len: number, data: number, tail: number): void {
  const f = skb.f as { len: number; data: number; tail: number };
  f.len = len;
  f.data = data;
  f.tail = tail;
}

/** alloc_skb allocates an skb with size bytes of buffer, data = tail = head (net/core/skbuff.c __alloc_skb). */
export function alloc_skb(h: Host, size: number): SkBuff {
  const obj = kalloc(h, 'sk_buff', 256, {
    ...SKBUFF_ZERO,
    end: size,
    truesize: size + SKB_OVERHEAD,
    users: 1,
  });
  const skb = Object.assign(obj, {
    head: new Uint8Array(size),
    cb: { seq: 0, end_seq: 0, tcp_flags: 0, when: 0 },
  }) as SkBuff;
  skbEvent(h, 'alloc', skb);
  return skb;
}

/** skb_reserve moves data and tail forward by len to leave headroom. */
export function skb_reserve(h: Host, skb: SkBuff, len: number): void {
  move(skb, skb.f.len, skb.f.data + len, skb.f.tail + len);
  skbEvent(h, 'reserve', skb);
}

/** skb_put extends the data at the tail by len and returns the offset of the new area. */
export function skb_put(h: Host, skb: SkBuff, len: number): number {
  const at = skb.f.tail;
  if (at + len > skb.f.end) throw new Error(`skb_put: over panic, tail ${at} + ${len} > end ${skb.f.end}`);
  move(skb, skb.f.len + len, skb.f.data, at + len);
  skbEvent(h, 'put', skb);
  return at;
}

/** skb_push extends the data at the head by len and returns the new data offset. */
export function skb_push(h: Host, skb: SkBuff, len: number): number {
  const data = skb.f.data - len;
  if (data < 0) throw new Error(`skb_push: under panic, data ${skb.f.data} - ${len} < 0`);
  move(skb, skb.f.len + len, data, skb.f.tail);
  skbEvent(h, 'push', skb);
  return data;
}

/** skb_pull removes len bytes from the start of the data and returns the new data offset. */
export function skb_pull(h: Host, skb: SkBuff, len: number): number {
  move(skb, skb.f.len - len, skb.f.data + len, skb.f.tail);
  skbEvent(h, 'pull', skb);
  return skb.f.data;
}

/** skb_clone makes a second sk_buff header sharing the same buffer (net/core/skbuff.c). */
export function skb_clone(h: Host, skb: SkBuff): SkBuff {
  const obj = kalloc(h, 'sk_buff', 256, { ...skb.f, users: 1, sk: null });
  const c = Object.assign(obj, { head: skb.head, cb: { ...skb.cb } }) as SkBuff;
  skbEvent(h, 'clone', c, skb.addr);
  return c;
}

/** skb_queue_tail appends skb to a queue and records it under the queue's name. */
export function skb_queue_tail(h: Host, queue: SkBuff[], name: string, skb: SkBuff): void {
  queue.push(skb);
  skbEvent(h, 'queue', skb, name);
}

/** skb_dequeue removes and returns the first skb of a queue, or null when it is empty. */
export function skb_dequeue(h: Host, queue: SkBuff[], name: string): SkBuff | null {
  const skb = queue.shift() ?? null;
  if (skb !== null) skbEvent(h, 'dequeue', skb, name);
  return skb;
}

/** consume_skb frees an skb that was used normally (no drop). */
export function consume_skb(h: Host, skb: SkBuff): void {
  kset(h, skb, 'users', skb.f.users - 1);
  if (skb.f.users > 0) return;
  skbEvent(h, 'free', skb);
  kfree(h, skb);
}

/** kfree_skb drops an skb, recording the kfree_skb tracepoint with an SKB_DROP_REASON_* reason. */
export function kfree_skb(h: Host, skb: SkBuff, reason: string, protocol = 0x0800): void {
  if (h.trace.wants('kfree_skb')) {
    h.trace.record('kfree_skb', h.now, h.name, {
      skbaddr: skb.addr,
      location: h.current(),
      protocol,
      reason,
    });
  }
  kset(h, skb, 'users', 0);
  skbEvent(h, 'free', skb);
  kfree(h, skb);
}

/** skbData returns a view of the skb's data (data .. tail). */
export function skbData(skb: SkBuff): Uint8Array {
  return skb.head.subarray(skb.f.data, skb.f.tail);
}
