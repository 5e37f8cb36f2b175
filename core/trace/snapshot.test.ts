import { describe, expect, it } from 'vitest';
import { TraceRecorder } from './recorder';
import { CHECKPOINT_EVERY, SnapshotIndex } from './snapshot';

describe('SnapshotIndex', () => {
  it('returns each struct as it was after a given event when fields change over time', () => {
    const r = new TraceRecorder('full');
    r.record('obj_new', 0, 'client', {
      obj: 'A',
      struct: 'sock',
      init: '{"sk_state":0,"sk_sndbuf":0}',
      by: 'sk_alloc',
    });
    r.record('field', 1, 'client', {
      obj: 'A',
      struct: 'sock',
      field: 'sk_state',
      old: 0,
      new: 7,
      by: 'sock_init_data',
    });
    r.record('field', 2, 'client', {
      obj: 'A',
      struct: 'sock',
      field: 'sk_sndbuf',
      old: 0,
      new: 16384,
      by: 'tcp_init_sock',
    });
    r.record('obj_free', 3, 'client', { obj: 'A', struct: 'sock', by: 'sk_free' });
    const idx = new SnapshotIndex(r);
    expect(idx.at(-1).size).toBe(0);
    expect(idx.struct(0, 'client', 'A')?.fields).toEqual({ sk_state: 0, sk_sndbuf: 0 });
    expect(idx.struct(1, 'client', 'A')?.fields).toEqual({ sk_state: 7, sk_sndbuf: 0 });
    expect(idx.struct(2, 'client', 'A')?.fields).toEqual({ sk_state: 7, sk_sndbuf: 16384 });
    expect(idx.struct(3, 'client', 'A')).toBeUndefined();
  });

  it('agrees with a naive replay when queries cross several checkpoints', () => {
    const r = new TraceRecorder('full');
    r.record('obj_new', 0, 'h', { obj: 'A', struct: 'tcp_sock', init: '{"snd_nxt":0}', by: 'sk_alloc' });
    const n = CHECKPOINT_EVERY * 3 + 17;
    for (let i = 1; i <= n; i++) {
      r.record('field', i, 'h', {
        obj: 'A',
        struct: 'tcp_sock',
        field: 'snd_nxt',
        old: i - 1,
        new: i,
        by: 'x',
      });
    }
    const idx = new SnapshotIndex(r);
    for (const q of [n, 5, CHECKPOINT_EVERY * 2 + 1, CHECKPOINT_EVERY, n - 1]) {
      const got = idx.struct(q, 'h', 'A')?.fields['snd_nxt'];
      expect(got, `got ${String(got)}, want ${q}`).toBe(q);
    }
  });

  it('returns copies that do not change later answers when a caller mutates them', () => {
    const r = new TraceRecorder('full');
    r.record('obj_new', 0, 'h', { obj: 'A', struct: 'sock', init: '{"x":1}', by: 'f' });
    const idx = new SnapshotIndex(r);
    idx.struct(0, 'h', 'A')!.fields['x'] = 99;
    expect(idx.struct(0, 'h', 'A')!.fields['x']).toBe(1);
  });
});
