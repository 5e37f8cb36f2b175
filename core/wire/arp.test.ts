import { describe, expect, it } from 'vitest';
import { ARPOP_REPLY, ARPOP_REQUEST, ArpPacket, bufferLen, emit, parse } from './arp';
import { isWireError } from './error';
import { captured, filled, ok } from './fixtures/testing';
import { parseIpv4Addr } from './ipv4';

const ip = (t: string): number => ok(parseIpv4Addr(t));
const arpOf = (name: 'arpRequest' | 'arpReply'): Uint8Array => captured(name).subarray(14);

describe('arp', () => {
  it('decodes who-has and tell when given a captured request', () => {
    expect(ok(parse(new ArpPacket(arpOf('arpRequest'))))).toEqual({
      operation: ARPOP_REQUEST,
      senderMac: '02:00:00:00:00:01',
      senderIp: ip('10.0.0.1'),
      targetMac: '00:00:00:00:00:00',
      targetIp: ip('10.0.0.2'),
    });
  });

  it('decodes is-at when given a captured reply', () => {
    const repr = ok(parse(new ArpPacket(arpOf('arpReply'))));
    expect(repr.operation).toBe(ARPOP_REPLY);
    expect(repr.senderMac).toBe('02:00:00:00:00:02');
    expect(repr.targetIp).toBe(ip('10.0.0.1'));
  });

  it.each(['arpRequest', 'arpReply'] as const)('re-emits the captured bytes when parsing %s', (name) => {
    const original = arpOf(name);
    const repr = ok(parse(new ArpPacket(original)));
    const out = filled(bufferLen(repr));
    emit(repr, out);
    expect(out).toEqual(original);
  });

  it('parses back the repr it emitted when the buffer was pre-filled with 0xa5', () => {
    const repr = {
      operation: ARPOP_REPLY,
      senderMac: 'aa:bb:cc:dd:ee:ff',
      senderIp: ip('192.168.1.254'),
      targetMac: '01:02:03:04:05:06',
      targetIp: ip('192.168.1.1'),
    };
    const out = filled(28);
    emit(repr, out);
    expect(ok(parse(new ArpPacket(out)))).toEqual(repr);
  });

  it('returns a WireError when the hardware type is not Ethernet', () => {
    const bytes = arpOf('arpRequest').slice();
    bytes[1] = 6; // IEEE 802
    const result = parse(new ArpPacket(bytes));
    expect(isWireError(result) && result.reason).toMatch(/not Ethernet\/IPv4/);
    expect(new ArpPacket(bytes).hardwareType).toBe(6);
  });

  it('returns a WireError when the packet is shorter than its address lengths say', () => {
    expect(isWireError(parse(new ArpPacket(arpOf('arpReply').subarray(0, 27))))).toBe(true);
    expect(isWireError(parse(new ArpPacket(arpOf('arpReply').subarray(0, 7))))).toBe(true);
  });
});
