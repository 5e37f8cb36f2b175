import { describe, expect, it } from 'vitest';
import { EventQueue } from './eventQueue';

describe('EventQueue', () => {
  it('pops in (time, seq) order when events are scheduled out of order', () => {
    const q = new EventQueue();
    const order: string[] = [];
    for (const [t, l] of [
      [30, 'c'],
      [10, 'a1'],
      [20, 'b'],
      [10, 'a2'],
      [0, 'z'],
    ] as const) {
      q.schedule(t, l, () => order.push(l));
    }
    for (let e = q.pop(); e; e = q.pop()) e.action();
    expect(order.join(' '), `got ${order.join(' ')}, want z a1 a2 b c`).toBe('z a1 a2 b c');
  });

  it('skips an event when it was cancelled', () => {
    const q = new EventQueue();
    const a = q.schedule(5, 'a', () => {});
    q.schedule(6, 'b', () => {});
    expect(q.cancel(a)).toBe(true);
    expect(q.cancel(a)).toBe(false);
    expect(q.size).toBe(1);
    expect(q.pop()?.label).toBe('b');
    expect(q.pop()).toBeUndefined();
  });

  it('lists pending labels in firing order when asked for leaks', () => {
    const q = new EventQueue();
    q.schedule(9, 'late', () => {});
    q.schedule(1, 'early', () => {});
    expect(q.pending()).toEqual(['early', 'late']);
  });

  it('keeps heap order when many random times are inserted', () => {
    const q = new EventQueue();
    let x = 12345;
    for (let i = 0; i < 500; i++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      q.schedule(x % 1000, String(i), () => {});
    }
    let last = -1;
    for (let e = q.pop(); e; e = q.pop()) {
      expect(e.time >= last, `got ${e.time} after ${last}, want non-decreasing`).toBe(true);
      last = e.time;
    }
  });

  it('throws when the time is not an integer', () => {
    expect(() => new EventQueue().schedule(1.5, 'x', () => {})).toThrow();
  });
});
