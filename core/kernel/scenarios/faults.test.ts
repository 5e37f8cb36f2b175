import { describe, expect, it } from 'vitest';
import { established } from '../testing/tcp';
import { recv, send } from '../syscalls';

describe('TCP over a lossy link (netem-like faults)', () => {
  it('delivers 1 MB intact and in order with 5% loss, 1% duplication and 1% reordering, and the trace shows retransmissions', () => {
    const { w, c, s, cp, sp, cfd, afd } = established('3.10', {
      seed: 7,
      link: { loss: 0.05, duplicate: 0.01, reorder: 0.01 },
    });
    expect(afd).toBe(4);
    const data = new Uint8Array(1_000_000).map((_, i) => (i * 31 + (i >> 8)) & 0xff);
    expect(send(c, cp, cfd, data)).toBe(data.length);
    const got = new Uint8Array(data.length);
    let n = 0;
    const buf = new Uint8Array(1 << 16);
    for (let i = 0; i < 100_000 && n < data.length; i++) {
      w.sim.runUntil(w.sim.now + 50_000_000);
      for (;;) {
        const r = recv(s, sp, afd as number, buf, 0x40);
        if (typeof r !== 'number' || r <= 0) break;
        got.set(buf.subarray(0, r), n);
        n += r;
      }
    }
    expect(n).toBe(data.length);
    expect(got.every((b, i) => b === data[i])).toBe(true);
    const rtx = w.trace.ofKind('tcp_retransmit_skb').length;
    expect(rtx > 0, `got ${rtx} retransmissions, want some`).toBe(true);
  }, 60_000);
});
