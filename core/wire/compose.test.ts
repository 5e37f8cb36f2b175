import { describe, expect, it } from 'vitest';
import { composeFrame, ipv4Defaults } from './compose';
import { isWireError } from './error';
import { captured, ok } from './fixtures/testing';
import { Ipv4Packet } from './ipv4';
import { TCPHDR_ACK, TCPHDR_PSH, TcpSegment, parse as parseTcp } from './tcp';

describe('composeFrame', () => {
  it('rebuilds a captured data segment byte for byte when given its decoded layers', () => {
    const original = captured('tcpData');
    const ip = new Ipv4Packet(original.subarray(14));
    const tcp = ok(parseTcp(new TcpSegment(ip.payload)));
    const frame = composeFrame({
      src: '02:00:00:00:00:01',
      dst: '02:00:00:00:00:02',
      ip: { ...ipv4Defaults, src: ip.src, dst: ip.dst, id: ip.id },
      tcp,
    });
    expect(tcp.flags).toBe(TCPHDR_PSH | TCPHDR_ACK);
    expect(ok(frame)).toEqual(original);
  });

  it('pads with zeros when asked for a minimum length', () => {
    const frame = ok(
      composeFrame({
        src: '02:00:00:00:00:01',
        dst: 'ff:ff:ff:ff:ff:ff',
        padTo: 60,
        arp: {
          operation: 1,
          senderMac: '02:00:00:00:00:01',
          senderIp: 1,
          targetMac: '00:00:00:00:00:00',
          targetIp: 2,
        },
      }),
    );
    expect(frame.length).toBe(60);
    expect(frame.subarray(42).every((b) => b === 0)).toBe(true);
  });

  it('returns a WireError when a MAC address is malformed', () => {
    const result = composeFrame({
      src: 'nope',
      dst: '02:00:00:00:00:02',
      ip: { ...ipv4Defaults, src: 1, dst: 2 },
      udp: { srcPort: 1, dstPort: 2, payload: new Uint8Array(0) },
    });
    expect(isWireError(result)).toBe(true);
  });
});
