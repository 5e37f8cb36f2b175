import { describe, expect, it } from 'vitest';
import { isWireError } from './error';
import { captured, filled, ok } from './fixtures/testing';
import {
  ICMP_EXC_FRAGTIME,
  ICMP_EXC_TTL,
  ICMP_FRAG_NEEDED,
  ICMP_PORT_UNREACH,
  type IcmpRepr,
  IcmpMessage,
  bufferLen,
  emit,
  parse,
} from './icmp';
import { Ipv4Packet } from './ipv4';

const messageOf = (frame: Uint8Array): Uint8Array => frame.subarray(34);

describe('icmp', () => {
  it('decodes id, seq and data when given a captured echo request', () => {
    const repr = ok(parse(new IcmpMessage(messageOf(captured('icmpEchoRequest')))));
    expect(repr.kind).toBe('echoRequest');
    if (repr.kind !== 'echoRequest') return;
    expect([repr.id, repr.seq, repr.data.length, repr.data[0]]).toEqual([1, 1, 56, 8]);
  });

  it('decodes the quoted UDP datagram when given a captured port unreachable', () => {
    const repr = ok(parse(new IcmpMessage(messageOf(captured('icmpPortUnreachable')))));
    if (repr.kind !== 'destUnreachable') throw new Error(`got ${repr.kind}, want destUnreachable`);
    expect(repr.code).toBe(ICMP_PORT_UNREACH);
    // icmp_send quotes the whole 32-byte datagram: it fits in the 576-byte limit.
    expect(repr.original).toEqual(captured('udpToClosedPort').subarray(14));
  });

  it.each(['icmpEchoRequest', 'icmpEchoReply', 'icmpPortUnreachable'] as const)(
    're-emits the captured bytes when parsing %s',
    (name) => {
      const original = messageOf(captured(name));
      const repr = ok(parse(new IcmpMessage(original)));
      const out = filled(bufferLen(repr));
      emit(repr, out);
      expect(out).toEqual(original);
    },
  );

  const quoted = captured('tcpSyn').subarray(14, 14 + 28);
  it.each<[string, IcmpRepr]>([
    ['an echo reply', { kind: 'echoReply', id: 0xbeef, seq: 65535, data: Uint8Array.of(1, 2, 3) }],
    [
      'frag needed with MTU 1400',
      { kind: 'destUnreachable', code: ICMP_FRAG_NEEDED, mtu: 1400, original: quoted },
    ],
    ['time exceeded in transit', { kind: 'timeExceeded', code: ICMP_EXC_TTL, original: quoted }],
    ['reassembly time exceeded', { kind: 'timeExceeded', code: ICMP_EXC_FRAGTIME, original: quoted }],
    [
      'a router advertisement',
      { kind: 'other', type: 9, code: 0, rest: 0x01001800, data: new Uint8Array(8) },
    ],
    [
      'echo with a non-zero code',
      { kind: 'other', type: 8, code: 1, rest: 0x00010002, data: new Uint8Array(0) },
    ],
  ])('parses back %s when emitted into a 0xa5 buffer', (_name, repr) => {
    const out = filled(bufferLen(repr));
    emit(repr, out);
    const msg = new IcmpMessage(out);
    expect(msg.checksumOk).toBe(true);
    expect(ok(parse(msg))).toEqual(repr);
  });

  it('puts the next-hop MTU in the low 16 bits when the code is frag needed (RFC 1191 §4)', () => {
    const out = filled(8 + quoted.length);
    emit({ kind: 'destUnreachable', code: ICMP_FRAG_NEEDED, mtu: 1400, original: quoted }, out);
    expect(Array.from(out.subarray(0, 2))).toEqual([3, 4]);
    expect(Array.from(out.subarray(4, 8))).toEqual([0, 0, 0x05, 0x78]);
    expect(new Ipv4Packet(out.subarray(8)).checkHeaderLen()).toBeUndefined();
  });

  it('returns a WireError when the checksum is wrong', () => {
    const msg = messageOf(captured('icmpEchoReply')).slice();
    msg[20] ^= 1;
    const result = parse(new IcmpMessage(msg));
    expect(isWireError(result) ? result.reason : 'no error').toMatch(/checksum/);
    expect(isWireError(parse(new IcmpMessage(msg), { ignoreChecksum: true }))).toBe(false);
  });

  it('returns a WireError when the message is shorter than 8 bytes', () => {
    expect(isWireError(parse(new IcmpMessage(new Uint8Array(7))))).toBe(true);
  });
});
