import { describe, expect, it } from 'vitest';
import { reuse } from '../../renderer/views/reuse';

describe('reuse', () => {
  const prev = {
    seq: 1,
    roots: [
      {
        key: 'a',
        fields: [
          { name: 'x', value: '1' },
          { name: 'y', value: '2' },
        ],
      },
      { key: 'b', fields: [{ name: 'z', value: '3' }] },
    ],
  };

  it('keeps the previous objects where the new answer is equal, and new ones where it changed', () => {
    const next = structuredClone(prev);
    next.seq = 2;
    next.roots[0]!.fields[1]!.value = '5';
    const got = reuse(prev, next);
    expect(got).toEqual(next);
    expect(got).not.toBe(prev);
    expect(got.roots[1]).toBe(prev.roots[1]);
    expect(got.roots[0]!.fields[0]).toBe(prev.roots[0]!.fields[0]);
    expect(got.roots[0]!.fields[1]).not.toBe(prev.roots[0]!.fields[1]);
  });

  it('returns the previous answer itself when nothing changed, and the new one when there is none', () => {
    expect(reuse(prev, structuredClone(prev))).toBe(prev);
    const fresh = structuredClone(prev);
    expect(reuse(undefined, fresh)).toBe(fresh);
  });

  it('treats a new or missing key, a longer array and a changed type as changes', () => {
    expect(reuse({ a: 1 }, { a: 1, b: 2 })).toEqual({ a: 1, b: 2 });
    expect(reuse({ a: 1, b: 2 }, { a: 1 })).toEqual({ a: 1 });
    const arr = [1, 2];
    expect(reuse(arr, [1, 2, 3])).toEqual([1, 2, 3]);
    expect(reuse<unknown>({ a: [1] }, { a: { 0: 1 } })).toEqual({ a: { 0: 1 } });
  });
});
