import { describe, expect, it } from 'vitest';
import { isWireError } from './error';
import { fromHex, toHex } from './hex';

describe('hex', () => {
  it.each([
    ['0a00ff', [10, 0, 255]],
    ['0A 00 FF', [10, 0, 255]],
    ['02:00:00:00:00:01', [2, 0, 0, 0, 0, 1]],
    ['', []],
  ])('reads %j into bytes when the text is valid', (text, want) => {
    const out = fromHex(text);
    expect(isWireError(out) ? out.reason : Array.from(out)).toEqual(want);
  });

  it.each(['abc', 'zz', '0x12'])('returns a WireError when the text is %j', (text) => {
    expect(isWireError(fromHex(text))).toBe(true);
  });

  it('writes lowercase pairs with the separator when given bytes', () => {
    expect(toHex(Uint8Array.of(0xab, 1, 0), ' ')).toBe('ab 01 00');
  });
});
