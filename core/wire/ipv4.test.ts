import { describe, expect, it } from 'vitest';
import { isWireError } from './error';
import { captured, capturedList, bytes, filled, ok } from './fixtures/testing';
import {
  IPPROTO_ICMP,
  IPPROTO_TCP,
  IPPROTO_UDP,
  type Ipv4Repr,
  Ipv4Packet,
  bufferLen,
  emit,
  formatIpv4Addr,
  headerLen,
  parse,
  parseIpv4Addr,
} from './ipv4';

const ipOf = (frame: Uint8Array): Uint8Array => frame.subarray(14);
const ipFrames = capturedList.filter((f) => f.hex.slice(24, 28) === '0800');

describe('ipv4', () => {
  it('decodes every header field when given a captured SYN', () => {
    const repr = ok(parse(new Ipv4Packet(ipOf(captured('tcpSyn')))));
    expect(repr).toEqual({
      src: 0x0a000001,
      dst: 0x0a000002,
      protocol: IPPROTO_TCP,
      ttl: 64,
      tos: 0,
      id: 0x2b97,
      reservedFlag: false,
      df: true,
      mf: false,
      fragOffset: 0,
      options: new Uint8Array(0),
      payloadLen: 40,
    });
  });

  it('decodes MF and offset 0 when given the first fragment of a UDP datagram', () => {
    const p = new Ipv4Packet(ipOf(captured('ipv4FirstFragment')));
    expect([p.mf, p.df, p.fragOffset, p.protocol, p.totalLen]).toEqual([true, false, 0, IPPROTO_UDP, 1500]);
  });

  it('decodes offset 2960 without MF when given the last fragment', () => {
    const repr = ok(parse(new Ipv4Packet(ipOf(captured('ipv4LastFragment')))));
    expect([repr.mf, repr.fragOffset, repr.id, repr.payloadLen]).toEqual([false, 2960, 0x55ac, 48]);
  });

  it('decodes the tos byte into DSCP and ECN when given an ICMP error (tos 0xc0)', () => {
    const p = new Ipv4Packet(ipOf(captured('icmpPortUnreachable')));
    expect([p.tos, p.dscp, p.ecn, p.protocol]).toEqual([0xc0, 48, 0, IPPROTO_ICMP]);
  });

  it.each(ipFrames)('re-emits the captured header when parsing $name', ({ hex }) => {
    const packet = ipOf(bytes(hex));
    const repr = ok(parse(new Ipv4Packet(packet)));
    const out = filled(headerLen(repr));
    emit(repr, out);
    expect(out).toEqual(packet.subarray(0, headerLen(repr)));
  });

  it('parses back the repr it emitted when options and all flags are set', () => {
    const repr: Ipv4Repr = {
      src: 0xc0a80001,
      dst: 0xffffffff,
      protocol: 253,
      ttl: 1,
      tos: 0xb9,
      id: 0xffff,
      reservedFlag: true,
      df: true,
      mf: true,
      fragOffset: 8 * 0x1fff,
      options: Uint8Array.of(0x94, 0x04, 0, 0), // router alert (RFC 2113 §2.1)
      payloadLen: 3,
    };
    const out = filled(bufferLen(repr));
    emit(repr, out);
    out.set([1, 2, 3], headerLen(repr));
    const packet = new Ipv4Packet(out);
    expect(packet.ihl).toBe(6);
    expect(packet.checksumOk).toBe(true);
    expect(ok(parse(packet))).toEqual(repr);
  });

  it('ignores Ethernet padding after tot_len when the buffer is longer', () => {
    const packet = new Uint8Array(ipOf(captured('udpToClosedPort')).length + 14);
    packet.set(ipOf(captured('udpToClosedPort')));
    expect(ok(parse(new Ipv4Packet(packet))).payloadLen).toBe(12);
    expect(new Ipv4Packet(packet).payload.length).toBe(12);
  });

  it.each([
    ['the version is 6', (b: Uint8Array) => (b[0] = 0x65), /version 6/],
    ['IHL is 4', (b: Uint8Array) => (b[0] = 0x44), /IHL 4/],
    ['IHL overruns the buffer', (b: Uint8Array) => (b[0] = 0x4f), /overruns/],
    ['tot_len overruns the buffer', (b: Uint8Array) => (b[2] = 0xff), /tot_len/],
    ['tot_len is below the header', (b: Uint8Array) => ((b[2] = 0), (b[3] = 10)), /below/],
    ['the checksum is wrong', (b: Uint8Array) => (b[11] ^= 1), /checksum/],
  ])('returns a WireError when %s', (_what, corrupt, reason) => {
    const packet = ipOf(captured('udpToClosedPort')).slice(0, 32);
    corrupt(packet);
    const result = parse(new Ipv4Packet(packet));
    expect(isWireError(result) ? result.reason : 'no error').toMatch(reason);
  });

  it('accepts a bad checksum when told to ignore it', () => {
    const packet = ipOf(captured('udpToClosedPort')).slice();
    packet[10] ^= 0xff;
    expect(isWireError(parse(new Ipv4Packet(packet), { ignoreChecksum: true }))).toBe(false);
  });

  it('returns a WireError when the buffer is shorter than 20 bytes', () => {
    expect(isWireError(parse(new Ipv4Packet(new Uint8Array(19))))).toBe(true);
  });

  it.each([
    ['10.0.0.1', 0x0a000001],
    ['0.0.0.0', 0],
    ['255.255.255.255', 0xffffffff],
    ['127.0.0.1', 0x7f000001],
    ['192.168.100.200', 0xc0a864c8],
  ])('converts %s to and from %d when the text is a dotted quad', (text, value) => {
    expect(parseIpv4Addr(text)).toBe(value);
    expect(formatIpv4Addr(value)).toBe(text);
  });

  it.each(['10.0.0', '10.0.0.256', '10.0.0.01', '10.0.0.1.', 'a.b.c.d', ' 10.0.0.1', ''])(
    'returns a WireError when the address text is %j',
    (text) => {
      expect(isWireError(parseIpv4Addr(text))).toBe(true);
    },
  );

  it('throws when asked to emit an offset that is not a multiple of 8', () => {
    const repr = ok(parse(new Ipv4Packet(ipOf(captured('tcpSyn')))));
    expect(() => emit({ ...repr, fragOffset: 12 }, new Uint8Array(60))).toThrow(/multiple of 8/);
  });
});
