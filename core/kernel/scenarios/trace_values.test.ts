// Every value a traced kernel function returns, and every string field of every event, reads
// as the kernel would print it: never a JavaScript object's default rendering. Runs a connect
// that sleeps, a transfer with ACK processing, and an accept on each era.
import { describe, expect, it } from 'vitest';
import { established, transfer } from '../testing/tcp';

describe('trace values', () => {
  for (const kernel of ['2.6.32', '3.10', '6.x'] as const) {
    it(`renders every return value and field as text on ${kernel}`, () => {
      const e = established(kernel, { trace: 'full' });
      transfer(e, new Uint8Array(100_000));
      const bad: string[] = [];
      for (let i = 0; i < e.w.trace.length; i++) {
        const ev = e.w.trace.get(i) as unknown as Record<string, unknown>;
        for (const [key, v] of Object.entries(ev))
          if (typeof v === 'string' && /\[object \w+\]/.test(v))
            bad.push(`${String(ev.kind)}.${key} of ${String(ev.fn)}`);
      }
      expect([...new Set(bad)]).toEqual([]);
      const sleeps = e.w.trace
        .ofKind('ret')
        .filter((r) => r.fn === 'inet_wait_for_connect')
        .map((r) => String(r.ret));
      expect(sleeps[0]).toMatch(/^sleeps on 0xffff[0-9a-f]{12}$/);
    });
  }
});
