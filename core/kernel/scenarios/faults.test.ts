import { describe, expect, it } from 'vitest';
import { established, transfer } from '../testing/tcp';

describe('TCP over a lossy link (netem-like faults)', () => {
  it('delivers 1 MB intact and in order with 5% loss, 1% duplication and 1% reordering, and the trace shows retransmissions', () => {
    const e = established('3.10', { seed: 7, link: { loss: 0.05, duplicate: 0.01, reorder: 0.01 } });
    const w = e.w;
    expect(e.afd).toBe(4);
    const data = new Uint8Array(1_000_000).map((_, i) => (i * 31 + (i >> 8)) & 0xff);
    const got = transfer(e, data, 50_000_000, 100_000);
    expect(got.length).toBe(data.length);
    expect(got.every((b, i) => b === data[i])).toBe(true);
    const rtx = w.trace.ofKind('tcp_retransmit_skb').length;
    expect(rtx > 0, `got ${rtx} retransmissions, want some`).toBe(true);
  }, 60_000);
});
