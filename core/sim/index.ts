// core/sim is the deterministic engine under the simulated kernel: an integer-nanosecond
// Clock, one EventQueue ordered by (time, seq), a seeded Rng (xoshiro128**), and the
// Simulator that steps them (step, runUntil) so the UI can single-step a run. Nothing here
// reads real time or real randomness; the same seed and inputs give the same run.

export { Clock, NS_PER_MS, NS_PER_SEC, NS_PER_US } from './clock';
export { EventQueue, type EventAction, type ScheduledEvent } from './eventQueue';
export { Rng, type RngState } from './rng';
export { Simulator } from './simulator';
