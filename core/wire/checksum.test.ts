import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checksumAdd,
  checksumFinish,
  checksumFold,
  checksumUpdate16,
  checksumUpdate32,
  checksumValid,
  internetChecksum,
  pseudoHeaderSum,
} from './checksum';
import { bytes, captured } from './fixtures/testing';

const ETH = 14;

describe('checksum', () => {
  it('sums the RFC 1071 §3 example to 0xddf2 when folded', () => {
    const data = bytes('0001f203f4f5f6f7');
    expect(checksumFold(checksumAdd(0, data))).toBe(0xddf2);
    expect(internetChecksum(data)).toBe(0x220d);
  });

  it('pads an odd trailing byte with zero when the length is odd', () => {
    expect(internetChecksum(bytes('0102ab'))).toBe(internetChecksum(bytes('0102ab00')));
  });

  it('reproduces the stored IPv4 header checksum when the field is zeroed', () => {
    const frame = captured('tcpSyn');
    const header = frame.slice(ETH, ETH + 20);
    const stored = (header[10] << 8) | header[11];
    header[10] = header[11] = 0;
    expect(internetChecksum(header)).toBe(stored);
    expect(checksumValid(frame, ETH, ETH + 20)).toBe(true);
  });

  it('verifies a captured TCP segment when the pseudo-header is added', () => {
    const frame = captured('tcpData');
    const segment = frame.subarray(ETH + 20);
    const sum = checksumAdd(pseudoHeaderSum(0x0a000001, 0x0a000002, 6, segment.length), segment);
    expect(checksumFold(sum)).toBe(0xffff);
  });

  it('detects a flipped bit when one byte changes', () => {
    const frame = captured('icmpEchoRequest').slice(ETH + 20);
    expect(checksumValid(frame)).toBe(true);
    frame[9] ^= 0x10;
    expect(checksumValid(frame)).toBe(false);
  });

  it('gives the same sum when the data is added in even-sized chunks', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 200 }), fc.nat(100), (data, cut) => {
        const at = Math.min(data.length, cut * 2);
        const split = checksumAdd(checksumAdd(0, data, 0, at), data, at);
        expect(checksumFold(split)).toBe(checksumFold(checksumAdd(0, data)));
      }),
      { seed: 1071, numRuns: 300 },
    );
  });

  it('matches a full recomputation when one word is updated incrementally (RFC 1624)', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 20, maxLength: 20 }),
        fc.nat(8),
        fc.integer({ min: 0, max: 0xffff }),
        (header, wordIndex, newWord) => {
          header[0] = 0x45; // a real header is never all zero, where one's complement has two zeros
          const at = 2 * (wordIndex + 1 === 5 ? 0 : wordIndex + 1);
          header[10] = header[11] = 0;
          const check = internetChecksum(header);
          const oldWord = (header[at] << 8) | header[at + 1];
          header[at] = newWord >>> 8;
          header[at + 1] = newWord & 0xff;
          if (at === 0) header[0] = 0x45;
          const actual = checksumUpdate16(check, oldWord, (header[at] << 8) | header[at + 1]);
          expect(actual).toBe(internetChecksum(header));
        },
      ),
      { seed: 1624, numRuns: 500 },
    );
  });

  it('matches a full recomputation when a 32-bit address is rewritten', () => {
    const header = captured('tcpSyn').slice(ETH, ETH + 20);
    const check = (header[10] << 8) | header[11];
    header[10] = header[11] = 0;
    new DataView(header.buffer).setUint32(12, 0xc0a80101);
    expect(checksumUpdate32(check, 0x0a000001, 0xc0a80101)).toBe(internetChecksum(header));
  });

  it('folds carries into the low 16 bits when the sum overflows', () => {
    expect(checksumFold(0x1fffe)).toBe(0xffff);
    expect(checksumFinish(0x1fffe)).toBe(0);
  });
});
