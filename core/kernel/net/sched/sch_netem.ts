// net/sched/sch_netem.c: the network emulator qdisc on a device's egress, as `tc qdisc add
// dev eth0 root netem delay 100ms 10ms loss 5% duplicate 1% reorder 25%` sets it up. Each
// packet may be lost (freed, the sender is not told), duplicated (a clone is queued too),
// and is held until its time_to_send (delay plus uniform jitter) in a time-ordered queue; with
// reorder, that share of packets skips the delay. Draws come from the qdisc's own seeded Rng,
// so adding netem does not disturb the world's other random numbers.

import { Rng } from '../../../sim';
import type { Host } from '../../host/host';
import type { SkBuff } from '../../include/linux/skbuff';
import type { NetDevice } from '../../world/net';
import { kfree_skb, skb_clone } from '../core/skbuff';

/** NetemOptions are netem's parameters: times in ns, probabilities in percent (0–100). */
export interface NetemOptions {
  readonly delay?: number;
  readonly jitter?: number;
  readonly loss?: number;
  readonly duplicate?: number;
  readonly reorder?: number;
  /** limit is the queue length in packets (1000 by default). */
  readonly limit?: number;
  /** seed seeds the qdisc's random numbers (fixed default, so runs repeat). */
  readonly seed?: number;
}

/** Netem is one netem qdisc's state: its options, random generator and queue length. */
export interface Netem {
  readonly opts: Required<Omit<NetemOptions, 'seed'>>;
  readonly rng: Rng;
  qlen: number;
}

/** netems holds each device's netem qdisc, when one is installed. */
const netems = new WeakMap<NetDevice, Netem>();

/** netemOf returns dev's netem qdisc, or undefined. */
export function netemOf(dev: NetDevice): Netem | undefined {
  return netems.get(dev);
}

/** netem_init installs (or, with change, updates) a netem qdisc's state on dev. */
export function netem_init(dev: NetDevice, o: NetemOptions, old?: Netem): Netem {
  const base = old?.opts ?? { delay: 0, jitter: 0, loss: 0, duplicate: 0, reorder: 0, limit: 1000 };
  const q: Netem = {
    opts: {
      delay: o.delay ?? base.delay,
      jitter: o.jitter ?? base.jitter,
      loss: o.loss ?? base.loss,
      duplicate: o.duplicate ?? base.duplicate,
      reorder: o.reorder ?? base.reorder,
      limit: o.limit ?? base.limit,
    },
    rng: old?.rng ?? new Rng(o.seed ?? 0x6e6574),
    qlen: old?.qlen ?? 0,
  };
  netems.set(dev, q);
  return q;
}

/** netem_destroy removes dev's netem state. */
export function netem_destroy(dev: NetDevice): void {
  netems.delete(dev);
}

/** netem_enqueue queues skb for transmission at its time_to_send through xmit; 0 (NET_XMIT_SUCCESS, also for a loss) or 1 (NET_XMIT_DROP). */
export function netem_enqueue(h: Host, q: Netem, skb: SkBuff, xmit: (skb: SkBuff) => number): number {
  return h.kcall(
    'netem_enqueue',
    `skb=${skb.addr}`,
    () => {
      const o = q.opts;
      let copies = o.duplicate > 0 && q.rng.chance(o.duplicate / 100) ? 2 : 1;
      if (o.loss > 0 && q.rng.chance(o.loss / 100)) copies--;
      if (copies === 0) {
        kfree_skb(h, skb, 'SKB_DROP_REASON_QDISC_DROP');
        return 0;
      }
      if (q.qlen >= o.limit) {
        kfree_skb(h, skb, 'SKB_DROP_REASON_QDISC_DROP');
        return 1;
      }
      for (let i = 0; i < copies; i++) {
        const s = i === 0 ? skb : skb_clone(h, skb);
        const now = o.reorder > 0 && o.delay > 0 && q.rng.chance(o.reorder / 100);
        const jitter = o.jitter > 0 ? Math.floor((q.rng.nextFloat() * 2 - 1) * o.jitter) : 0;
        const delay = now ? 0 : Math.max(0, o.delay + jitter);
        q.qlen++;
        h.sim.after(delay, 'netem_dequeue', () => {
          q.qlen--;
          h.kcall('netem_dequeue', `skb=${s.addr}`, () => xmit(s), 'net/sched/sch_netem.c');
        });
      }
      return 0;
    },
    'net/sched/sch_netem.c',
  );
}
