import { describe, expect, it } from 'vitest';
import { isWireError } from './error';
import { ETH_P_ARP, ETH_P_IP, EthernetFrame, bufferLen, emit, formatMac, parse, parseMac } from './ethernet';
import { captured, capturedList, bytes, filled, ok } from './fixtures/testing';

describe('ethernet', () => {
  it('decodes addresses and EtherType when given a captured ARP request', () => {
    const repr = ok(parse(new EthernetFrame(captured('arpRequest'))));
    expect(repr).toEqual({ dst: 'ff:ff:ff:ff:ff:ff', src: '02:00:00:00:00:01', etherType: ETH_P_ARP });
  });

  it('decodes an IPv4 EtherType when given a captured TCP segment', () => {
    const frame = new EthernetFrame(captured('tcpSyn'));
    expect(frame.etherType).toBe(ETH_P_IP);
    expect(frame.payload.length).toBe(captured('tcpSyn').length - 14);
  });

  it.each(capturedList)('re-emits the same header when parsing captured $name', ({ hex }) => {
    const frame = bytes(hex);
    const repr = ok(parse(new EthernetFrame(frame)));
    const out = filled(bufferLen(repr));
    emit(repr, out);
    expect(out).toEqual(frame.subarray(0, 14));
  });

  it('parses back the repr it emitted when the buffer was pre-filled with 0xa5', () => {
    const repr = { src: '0a:1b:2c:3d:4e:5f', dst: 'ff:ff:ff:ff:ff:ff', etherType: 0x86dd };
    const out = filled(bufferLen(repr, 4));
    emit(repr, out);
    expect(ok(parse(new EthernetFrame(out)))).toEqual(repr);
    expect(Array.from(out.subarray(14))).toEqual([0xa5, 0xa5, 0xa5, 0xa5]);
  });

  it('returns a WireError when the frame is shorter than 14 bytes', () => {
    const result = parse(new EthernetFrame(new Uint8Array(13)));
    expect(isWireError(result)).toBe(true);
  });

  it.each([
    ['02:00:00:00:00:01', [2, 0, 0, 0, 0, 1]],
    ['FF:ff:Ff:00:aB:10', [255, 255, 255, 0, 0xab, 0x10]],
  ])('reads %s into bytes when the text is well formed', (text, want) => {
    expect(Array.from(ok(parseMac(text)))).toEqual(want);
  });

  it.each(['02:00:00:00:00', '02:00:00:00:00:001', '0g:00:00:00:00:01', '02-00-00-00-00-01', ''])(
    'returns a WireError when the MAC text is %j',
    (text) => {
      expect(isWireError(parseMac(text))).toBe(true);
    },
  );

  it('formats lowercase with leading zeros when given bytes at an offset', () => {
    expect(formatMac(Uint8Array.of(9, 0xab, 1, 2, 3, 4, 5), 1)).toBe('ab:01:02:03:04:05');
  });
});
