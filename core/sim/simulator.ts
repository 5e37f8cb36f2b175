// The simulator loop: one clock, one event queue and one seeded generator, advanced by step()
// or runUntil(t) so the UI can single-step. Kernel code receives a Simulator through its
// context argument and never reads time or randomness from globals.

import { Clock } from './clock';
import { EventQueue, type EventAction } from './eventQueue';
import { Rng } from './rng';

/** Simulator owns the clock, the event queue and the seeded generator of one simulated world. */
export class Simulator {
  /** clock is the world's simulated time. */
  readonly clock = new Clock();
  /** queue holds every future event of the world. */
  readonly queue = new EventQueue();
  /** rng is the world's only source of randomness. */
  readonly rng: Rng;

  /** constructor creates a simulator at time 0 whose generator is seeded with seed. */
  constructor(seed: number) {
    this.rng = new Rng(seed);
  }

  /** now is the current simulated time in ns. */
  get now(): number {
    return this.clock.now;
  }

  /** at schedules action at absolute time t (ns) and returns its seq for cancel. */
  at(t: number, label: string, action: EventAction): number {
    return this.queue.schedule(Math.max(t, this.clock.now), label, action);
  }

  /** after schedules action delay ns from now and returns its seq for cancel. */
  after(delay: number, label: string, action: EventAction): number {
    return this.queue.schedule(this.clock.now + delay, label, action);
  }

  /** cancel removes a scheduled event by its seq; it returns whether it was still queued. */
  cancel(seq: number): boolean {
    return this.queue.cancel(seq);
  }

  /** step runs the earliest event, advancing the clock to its time; false when none is left. */
  step(): boolean {
    const ev = this.queue.pop();
    if (ev === undefined) return false;
    this.clock.advanceTo(ev.time);
    ev.action();
    return true;
  }

  /** runUntil runs every event due at or before t, then sets the clock to t; it returns the count run. */
  runUntil(t: number): number {
    let n = 0;
    for (let next = this.queue.peekTime(); next !== undefined && next <= t; next = this.queue.peekTime()) {
      this.step();
      n++;
    }
    if (t > this.clock.now) this.clock.advanceTo(t);
    return n;
  }

  /** runUntilIdle runs events until the queue is empty or maxEvents ran; it returns the count run. */
  runUntilIdle(maxEvents = 10_000_000): number {
    let n = 0;
    while (n < maxEvents && this.step()) n++;
    return n;
  }
}
