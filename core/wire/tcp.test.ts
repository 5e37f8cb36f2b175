import { describe, expect, it } from 'vitest';
import { isWireError } from './error';
import { bytes, captured, capturedList, filled, ok } from './fixtures/testing';
import {
  TCPHDR_ACK,
  TCPHDR_AE,
  TCPHDR_CWR,
  TCPHDR_ECE,
  TCPHDR_FIN,
  TCPHDR_PSH,
  TCPHDR_RST,
  TCPHDR_SYN,
  TCPHDR_URG,
  type TcpRepr,
  TcpSegment,
  bufferLen,
  emit,
  formatTcpFlags,
  parse,
} from './tcp';
import { linuxOptions } from './tcpOptions';

const CLIENT = { src: 0x0a000001, dst: 0x0a000002 };
const segmentOf = (frame: Uint8Array): Uint8Array => frame.subarray(34, 14 + ((frame[16] << 8) | frame[17]));
const addrsOf = (frame: Uint8Array) => {
  const v = new DataView(frame.buffer, frame.byteOffset);
  return { src: v.getUint32(26), dst: v.getUint32(30) };
};
const tcpFrames = capturedList.filter((f) => f.name.startsWith('tcp'));

describe('tcp', () => {
  it('decodes every field when given a captured SYN', () => {
    const repr = ok(parse(new TcpSegment(segmentOf(captured('tcpSyn'))), CLIENT));
    expect(repr).toMatchObject({
      srcPort: 40000,
      dstPort: 7,
      seq: 0x3d3fe825,
      ack: 0,
      flags: TCPHDR_SYN,
      reserved: 0,
      window: 64240,
      urgentPtr: 0,
      payload: new Uint8Array(0),
    });
    expect(repr.options.map((o) => o.kind)).toEqual(['mss', 'sackPerm', 'timestamp', 'nop', 'wscale']);
  });

  it('decodes the payload and PSH|ACK when given a captured data segment', () => {
    const segment = new TcpSegment(segmentOf(captured('tcpData')));
    const repr = ok(parse(segment, CLIENT));
    expect(repr.flags).toBe(TCPHDR_PSH | TCPHDR_ACK);
    expect(String.fromCharCode(...repr.payload)).toBe('hello, world\n');
    expect(segment.headerLen).toBe(32);
  });

  it.each(tcpFrames)('re-emits the captured bytes when parsing $name', ({ hex }) => {
    const frame = bytes(hex);
    const segment = segmentOf(frame);
    const repr = ok(parse(new TcpSegment(segment), addrsOf(frame)));
    const out = filled(bufferLen(repr));
    emit(repr, out, addrsOf(frame));
    expect(out).toEqual(segment);
  });

  it('parses back the repr it emitted when every flag, URG and SACK are set', () => {
    const repr: TcpRepr = {
      srcPort: 65535,
      dstPort: 1,
      seq: 0xffffffff,
      ack: 0x80000000,
      flags: 0x1ff,
      reserved: 5,
      window: 0,
      urgentPtr: 3,
      options: linuxOptions({ timestamp: { tsval: 7, tsecr: 8 }, sackBlocks: [{ left: 10, right: 20 }] }),
      payload: Uint8Array.of(0, 1, 2, 3, 4),
    };
    const out = filled(bufferLen(repr));
    emit(repr, out, CLIENT);
    const segment = new TcpSegment(out);
    expect(segment.checksumOk(CLIENT)).toBe(true);
    expect(ok(parse(segment, CLIENT))).toEqual(repr);
  });

  it('returns a WireError when the checksum does not match the addresses', () => {
    const segment = new TcpSegment(segmentOf(captured('tcpAck')));
    const result = parse(segment, { src: CLIENT.dst, dst: 0x0a000003 });
    expect(isWireError(result) ? result.reason : 'no error').toMatch(/bad TCP checksum/);
    expect(isWireError(parse(segment, { src: 1, dst: 2 }, { ignoreChecksum: true }))).toBe(false);
    expect(isWireError(parse(segment))).toBe(false);
  });

  it.each([
    ['the segment is shorter than 20 bytes', (b: Uint8Array) => b.subarray(0, 19), /shorter/],
    ['the data offset is 4', (b: Uint8Array) => ((b[12] = 0x40), b), /below 5/],
    ['the data offset overruns the segment', (b: Uint8Array) => ((b[12] = 0xf0), b), /overruns/],
    ['an option length overruns the option area', (b: Uint8Array) => ((b[21] = 0x30), b), /option/],
  ])('returns a WireError when %s', (_what, corrupt, reason) => {
    const result = parse(new TcpSegment(corrupt(segmentOf(captured('tcpSyn')).slice())));
    expect(isWireError(result) ? result.reason : 'no error').toMatch(reason);
  });

  it.each([
    [TCPHDR_SYN, 'S'],
    [TCPHDR_SYN | TCPHDR_ACK, 'S.'],
    [TCPHDR_FIN | TCPHDR_PSH | TCPHDR_ACK, 'FP.'],
    [TCPHDR_RST, 'R'],
    [TCPHDR_ACK | TCPHDR_URG, '.U'],
    [TCPHDR_SYN | TCPHDR_ECE | TCPHDR_CWR, 'SEW'],
    [TCPHDR_ACK | TCPHDR_AE, '.e'],
    [0, 'none'],
  ])('prints flags 0x%s as [%s] when formatted like tcpdump', (flags, want) => {
    expect(formatTcpFlags(flags)).toBe(want);
  });

  it('keeps CWR and ECE in the flags byte and AE in byte 12 when emitted', () => {
    const repr = ok(parse(new TcpSegment(segmentOf(captured('tcpSyn')))));
    const out = filled(bufferLen(repr));
    emit({ ...repr, flags: TCPHDR_SYN | TCPHDR_ECE | TCPHDR_CWR | TCPHDR_AE }, out, CLIENT);
    expect([out[12] & 0x0f, out[13]]).toEqual([0x01, 0xc2]);
  });
});
