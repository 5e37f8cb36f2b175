// The Ethernet segment between the hosts, netem-like: every frame a host's eth0 sends reaches
// every other host's eth0 after serialization at the link's bandwidth plus the latency;
// loss, duplication and reordering are drawn from the world's seeded Rng.

import type { Simulator } from '../../sim';
import type { Host } from '../host/host';
import { frameArrived } from '../net/core/dev';

/** LinkOptions are the segment's properties. */
export interface LinkOptions {
  /** latencyNs is the one-way propagation delay (default 50 µs). */
  readonly latencyNs?: number;
  /** bitsPerSecond is the bandwidth (default 1 Gbit/s). */
  readonly bitsPerSecond?: number;
  /** loss is the probability a frame is lost (0..1). */
  readonly loss?: number;
  /** duplicate is the probability a frame arrives twice. */
  readonly duplicate?: number;
  /** reorder is the probability a frame is held back by one extra latency. */
  readonly reorder?: number;
}

/** attachSegment connects the hosts' eth0 devices to one segment with the given properties. */
export function attachSegment(sim: Simulator, hosts: readonly Host[], opts: LinkOptions = {}): void {
  const latency = opts.latencyNs ?? 50_000;
  const bps = opts.bitsPerSecond ?? 1_000_000_000;
  const busyUntil = new Map<Host, number>();
  const starts = new Map<Host, number[]>();
  for (const h of hosts) {
    // The frames still waiting for the wire: what the NIC's transmit queue holds behind the one being sent.
    h.net.txBacklog = () => {
      const list = starts.get(h) ?? [];
      while (list.length > 0 && list[0]! <= sim.now) list.shift();
      return list.length;
    };
    h.net.wire = (from, _dev, bytes) => {
      const start = Math.max(sim.now, busyUntil.get(from) ?? 0);
      const done = start + Math.ceil(((bytes.length + 24) * 8 * 1e9) / bps);
      busyUntil.set(from, done);
      if (start > sim.now) {
        const list = starts.get(from) ?? [];
        list.push(start);
        starts.set(from, list);
      }
      if (opts.loss !== undefined && opts.loss > 0 && sim.rng.chance(opts.loss)) return;
      const copies =
        opts.duplicate !== undefined && opts.duplicate > 0 && sim.rng.chance(opts.duplicate) ? 2 : 1;
      const extra =
        opts.reorder !== undefined && opts.reorder > 0 && sim.rng.chance(opts.reorder) ? latency : 0;
      for (const to of hosts) {
        if (to === from) continue;
        for (let c = 0; c < copies; c++) {
          sim.at(done + latency + extra, `wire ${from.name}→${to.name}`, () =>
            frameArrived(to, 'eth0', bytes.slice()),
          );
        }
      }
    };
  }
}
