// The simulated clock. Time is an integer count of nanoseconds held in a JS number, not a
// bigint: Number.MAX_SAFE_INTEGER ns is about 104 days of simulated time, far beyond any lab
// run, while number arithmetic is several times faster than bigint on the hot path (every
// trace event carries a time) and fits a Float64Array column in the trace store exactly.
// advance() refuses non-integers and going backwards, so the invariant cannot erode.

/** NS_PER_US is the number of nanoseconds in one microsecond. */
export const NS_PER_US = 1_000;
/** NS_PER_MS is the number of nanoseconds in one millisecond. */
export const NS_PER_MS = 1_000_000;
/** NS_PER_SEC is the number of nanoseconds in one second. */
export const NS_PER_SEC = 1_000_000_000;

/** Clock is the simulated time source: integer nanoseconds that only move forward. */
export class Clock {
  #now = 0;

  /** now is the current simulated time in nanoseconds. */
  get now(): number {
    return this.#now;
  }

  /** advanceTo moves the clock to t (integer ns, not before now); it throws on a broken invariant. */
  advanceTo(t: number): void {
    if (!Number.isSafeInteger(t)) throw new Error(`Clock.advanceTo: got ${t}, want a safe integer of ns`);
    if (t < this.#now) throw new Error(`Clock.advanceTo: got ${t}, want >= now (${this.#now})`);
    this.#now = t;
  }

  /** save returns the clock's state as plain data. */
  save(): { now: number } {
    return { now: this.#now };
  }

  /** load restores a state made by save. */
  load(state: { now: number }): void {
    this.#now = state.now;
  }
}
