import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Simulator } from './simulator';
import { Clock } from './clock';

/** runWorld schedules a small random cascade of events and returns a hash of what happened. */
function runWorld(seed: number): string {
  const sim = new Simulator(seed);
  const log: string[] = [];
  const spawn = (depth: number, name: string): void => {
    sim.after(sim.rng.nextInt(1000), name, () => {
      log.push(`${sim.now} ${name} ${sim.rng.nextU32()}`);
      if (depth < 4) for (let i = 0; i < 2; i++) spawn(depth + 1, `${name}.${i}`);
    });
  };
  spawn(0, 'root');
  sim.runUntilIdle();
  return createHash('sha256').update(log.join('\n')).digest('hex');
}

describe('Simulator', () => {
  it('produces the same trace hash when run twice with the same seed', () => {
    expect(runWorld(2024)).toBe(runWorld(2024));
  });

  it('produces a different trace hash when the seed differs', () => {
    expect(runWorld(1)).not.toBe(runWorld(2));
  });

  it('advances the clock to each event time when stepping', () => {
    const sim = new Simulator(1);
    const seen: number[] = [];
    sim.at(100, 'a', () => seen.push(sim.now));
    sim.at(50, 'b', () => seen.push(sim.now));
    expect(sim.step()).toBe(true);
    expect(sim.step()).toBe(true);
    expect(sim.step()).toBe(false);
    expect(seen).toEqual([50, 100]);
  });

  it('runs only events due by t and leaves the clock at t when runUntil is called', () => {
    const sim = new Simulator(1);
    const seen: string[] = [];
    sim.at(10, 'a', () => seen.push('a'));
    sim.at(30, 'b', () => seen.push('b'));
    expect(sim.runUntil(20)).toBe(1);
    expect(sim.now).toBe(20);
    expect(seen).toEqual(['a']);
    expect(sim.queue.pending()).toEqual(['b']);
  });
});

describe('Clock', () => {
  it('throws when asked to go backwards or to a fractional time', () => {
    const c = new Clock();
    c.advanceTo(5);
    expect(() => c.advanceTo(4)).toThrow();
    expect(() => c.advanceTo(5.5)).toThrow();
    expect(c.now).toBe(5);
  });
});
