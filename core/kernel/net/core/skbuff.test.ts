import { describe, expect, it } from 'vitest';
import { harness } from '../../testing/harness';
import {
  alloc_skb,
  kfree_skb,
  skb_clone,
  skb_dequeue,
  skb_pull,
  skb_push,
  skb_put,
  skb_queue_tail,
  skb_reserve,
} from './skbuff';
import { SnapshotIndex } from '../../../trace';
import type { SkBuff } from '../../include/linux/skbuff';

describe('skbuff operations', () => {
  it('records head-relative offsets after each operation when an skb is built and sent', () => {
    const { w, h } = harness();
    const skb = alloc_skb(h, 256);
    skb_reserve(h, skb, 128);
    skb_put(h, skb, 10);
    skb_push(h, skb, 20);
    skb_pull(h, skb, 20);
    const q: SkBuff[] = [];
    skb_queue_tail(h, q, 'sk_write_queue', skb);
    const c = skb_clone(h, skb);
    skb_dequeue(h, q, 'sk_write_queue');
    kfree_skb(h, c, 'SKB_DROP_REASON_NOT_SPECIFIED');
    const got = w.trace
      .ofKind('skb')
      .map((e) => `${e.op} len=${e.len} data=${e.data} tail=${e.tail} end=${e.end} ${e.queue}`.trim());
    expect(got).toEqual([
      'alloc len=0 data=0 tail=0 end=256',
      'reserve len=0 data=128 tail=128 end=256',
      'put len=10 data=128 tail=138 end=256',
      'push len=30 data=108 tail=138 end=256',
      'pull len=10 data=128 tail=138 end=256',
      'queue len=10 data=128 tail=138 end=256 sk_write_queue',
      `clone len=10 data=128 tail=138 end=256 ${skb.addr}`,
      'dequeue len=10 data=128 tail=138 end=256 sk_write_queue',
      'free len=10 data=128 tail=138 end=256',
    ]);
    expect(w.trace.ofKind('kfree_skb').map((e) => e.reason)).toEqual(['SKB_DROP_REASON_NOT_SPECIFIED']);
  });

  it('shows the offsets in a snapshot when an skb moved after allocation', () => {
    const { w, h } = harness();
    const skb = alloc_skb(h, 100);
    skb_reserve(h, skb, 40);
    skb_put(h, skb, 5);
    const s = new SnapshotIndex(w.trace).struct(w.trace.length - 1, 'client', skb.addr);
    expect([s?.fields['len'], s?.fields['data'], s?.fields['tail'], s?.fields['end']]).toEqual([
      5, 40, 45, 100,
    ]);
  });

  it('throws on a broken invariant when skb_push would go below head', () => {
    const { h } = harness();
    expect(() => skb_push(h, alloc_skb(h, 10), 1)).toThrow();
  });
});
