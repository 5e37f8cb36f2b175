import { describe, expect, it } from 'vitest';
import { established, transfer } from '../testing/tcp';

describe('TCP over a lossy link (netem-like faults)', () => {
  it('delivers 1 MB intact and in order with 5% loss, 1% duplication and 1% reordering, recovering by fast retransmit and one RTO', () => {
    const e = established('3.10', { seed: 7, link: { loss: 0.05, duplicate: 0.01, reorder: 0.01 } });
    const w = e.w;
    expect(e.afd).toBe(4);
    const data = new Uint8Array(1_000_000).map((_, i) => (i * 31 + (i >> 8)) & 0xff);
    const got = transfer(e, data, 50_000_000, 100_000);
    expect(got.length).toBe(data.length);
    expect(got.every((b, i) => b === data[i])).toBe(true);
    // Counts from this seeded run: every retransmission is a tcp_retransmit_skb event; most
    // losses are repaired by fast retransmit (tcp_enter_recovery), one by the RTO.
    const calls = (host: string, fn: string): number =>
      w.trace.ofKind('call').filter((c) => c.host === host && c.fn === fn).length;
    expect({
      retransmissions: w.trace.ofKind('tcp_retransmit_skb').length,
      fastRecoveries: calls('client', 'tcp_enter_recovery'),
      timeouts: calls('client', 'tcp_enter_loss'),
      outOfOrder: calls('server', 'tcp_data_queue_ofo'),
      delayedAckTimeouts: calls('server', 'tcp_delack_timer'),
    }).toEqual({
      retransmissions: 43,
      fastRecoveries: 26,
      timeouts: 1,
      outOfOrder: 261,
      delayedAckTimeouts: 10,
    });
    expect(w.sim.now).toBe(1_900_253_344);
  }, 60_000);
});
