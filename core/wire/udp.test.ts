import { describe, expect, it } from 'vitest';
import { isWireError } from './error';
import { captured, filled, ok } from './fixtures/testing';
import { UdpDatagram, bufferLen, emit, parse } from './udp';

const CLIENT = { src: 0x0a000001, dst: 0x0a000002 };
const datagramOf = (frame: Uint8Array): Uint8Array => frame.subarray(34);

describe('udp', () => {
  it('decodes ports and payload when given a captured datagram', () => {
    const repr = ok(parse(new UdpDatagram(datagramOf(captured('udpToClosedPort'))), CLIENT));
    expect(repr.dstPort).toBe(9999);
    expect(String.fromCharCode(...repr.payload)).toBe('ping');
  });

  it('re-emits the captured bytes when parsing a captured datagram', () => {
    const original = datagramOf(captured('udpToClosedPort'));
    const repr = ok(parse(new UdpDatagram(original), CLIENT));
    const out = filled(bufferLen(repr));
    emit(repr, out, CLIENT);
    expect(out).toEqual(original);
  });

  it('parses back the repr it emitted when the buffer was pre-filled with 0xa5', () => {
    const repr = { srcPort: 53, dstPort: 33333, payload: Uint8Array.from({ length: 33 }, (_, i) => i * 7) };
    const out = filled(bufferLen(repr));
    emit(repr, out, CLIENT);
    expect(new UdpDatagram(out).checksumOk(CLIENT)).toBe(true);
    expect(ok(parse(new UdpDatagram(out), CLIENT))).toEqual(repr);
  });

  it('sends 0xffff when the computed checksum is zero (RFC 768)', () => {
    // Pick the payload word that makes the one's-complement sum come out as 0xffff.
    const repr = { srcPort: 1, dstPort: 2, payload: new Uint8Array(2) };
    const probe = filled(10);
    emit(repr, probe, CLIENT);
    const check = (probe[6] << 8) | probe[7];
    repr.payload = Uint8Array.of(check >>> 8, check & 0xff);
    const out = filled(10);
    emit(repr, out, CLIENT);
    expect((out[6] << 8) | out[7]).toBe(0xffff);
    expect(new UdpDatagram(out).checksumOk(CLIENT)).toBe(true);
  });

  it('stores 0 and still parses when emitted without addresses', () => {
    const out = filled(12);
    emit({ srcPort: 7, dstPort: 8, payload: Uint8Array.of(1, 2, 3, 4) }, out);
    expect(new UdpDatagram(out).checksum).toBe(0);
    expect(isWireError(parse(new UdpDatagram(out), CLIENT))).toBe(false);
  });

  it.each([
    ['the length field is below 8', (b: Uint8Array) => (b[5] = 7), /below 8/],
    ['the length field overruns the buffer', (b: Uint8Array) => (b[5] = 13), /overruns/],
    ['the checksum is wrong', (b: Uint8Array) => (b[7] ^= 0x40), /checksum/],
  ])('returns a WireError when %s', (_what, corrupt, reason) => {
    const d = datagramOf(captured('udpToClosedPort')).slice();
    corrupt(d);
    const result = parse(new UdpDatagram(d), CLIENT);
    expect(isWireError(result) ? result.reason : 'no error').toMatch(reason);
  });

  it('returns a WireError when the buffer is shorter than 8 bytes', () => {
    expect(isWireError(parse(new UdpDatagram(new Uint8Array(7))))).toBe(true);
  });
});
