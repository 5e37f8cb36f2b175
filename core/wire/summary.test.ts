import { describe, expect, it } from 'vitest';
import { composeFrame, ipv4Defaults } from './compose';
import { bytes, capturedList, ok } from './fixtures/testing';
import { ICMP_EXC_TTL, ICMP_FRAG_NEEDED, ICMP_HOST_UNREACH } from './icmp';
import { TCPHDR_ACK, TCPHDR_RST, TCPHDR_SYN } from './tcp';
import { linuxOptions } from './tcpOptions';
import { describeFrame } from './summary';

const A = 0x0a000001;
const B = 0x0a000002;
const MACS = { src: '02:00:00:00:00:01', dst: '02:00:00:00:00:02' };
const ip = { ...ipv4Defaults, src: A, dst: B };
const tcpBase = { reserved: 0, urgentPtr: 0, payload: new Uint8Array(0), ack: 0 };

describe('describeFrame', () => {
  it.each(capturedList)('prints what tcpdump printed when given captured $name', ({ hex, tcpdump }) => {
    expect(describeFrame(bytes(hex))).toBe(tcpdump);
  });

  it('prints flags, seq, window and Linux SYN options when given a composed SYN', () => {
    const frame = composeFrame({
      ...MACS,
      ip,
      tcp: {
        ...tcpBase,
        srcPort: 40000,
        dstPort: 7,
        seq: 123,
        flags: TCPHDR_SYN,
        window: 64240,
        options: linuxOptions({ mss: 1460, sackPerm: true, timestamp: { tsval: 1, tsecr: 0 }, wscale: 7 }),
      },
    });
    expect(describeFrame(ok(frame))).toBe(
      'IP 10.0.0.1.40000 > 10.0.0.2.7: Flags [S], seq 123, win 64240, options [mss 1460,sackOK,TS val 1 ecr 0,nop,wscale 7], length 0',
    );
  });

  it('prints seq and ack without options when given a RST-ACK', () => {
    const frame = composeFrame({
      ...MACS,
      ip: { ...ip, src: B, dst: A },
      tcp: {
        ...tcpBase,
        srcPort: 9,
        dstPort: 5555,
        seq: 0,
        ack: 77,
        flags: TCPHDR_RST | TCPHDR_ACK,
        window: 0,
        options: [],
      },
    });
    expect(describeFrame(ok(frame))).toBe(
      'IP 10.0.0.2.9 > 10.0.0.1.5555: Flags [R.], seq 0, ack 77, win 0, length 0',
    );
  });

  it('prints the next-hop MTU when given frag needed', () => {
    const original = ok(
      composeFrame({ ...MACS, ip, udp: { srcPort: 1, dstPort: 2, payload: new Uint8Array(8) } }),
    );
    const frame = composeFrame({
      ...MACS,
      ip: { ...ip, src: B, dst: A },
      icmp: {
        kind: 'destUnreachable',
        code: ICMP_FRAG_NEEDED,
        mtu: 1400,
        original: original.subarray(14, 14 + 28),
      },
    });
    expect(describeFrame(ok(frame))).toBe(
      'IP 10.0.0.2 > 10.0.0.1: ICMP 10.0.0.2 unreachable - need to frag (mtu 1400), length 36',
    );
  });

  it.each([
    [{ kind: 'timeExceeded', code: ICMP_EXC_TTL } as const, 'ICMP time exceeded in-transit, length 36'],
    [
      { kind: 'destUnreachable', code: ICMP_HOST_UNREACH, mtu: 0 } as const,
      'ICMP host 10.0.0.2 unreachable, length 36',
    ],
  ])('prints %j as tcpdump does when it quotes a datagram', (head, want) => {
    const original = ok(
      composeFrame({ ...MACS, ip, udp: { srcPort: 1, dstPort: 2, payload: new Uint8Array(8) } }),
    );
    const frame = composeFrame({
      ...MACS,
      ip: { ...ip, src: B, dst: A },
      icmp: { ...head, original: original.subarray(14, 42) },
    });
    expect(describeFrame(ok(frame))).toBe(`IP 10.0.0.2 > 10.0.0.1: ${want}`);
  });

  it('prints the ARP payload length including Ethernet padding when the frame is padded to 60 bytes', () => {
    const frame = composeFrame({
      src: MACS.src,
      dst: 'ff:ff:ff:ff:ff:ff',
      padTo: 60,
      arp: { operation: 1, senderMac: MACS.src, senderIp: A, targetMac: '00:00:00:00:00:00', targetIp: B },
    });
    expect(describeFrame(ok(frame))).toBe('ARP, Request who-has 10.0.0.2 tell 10.0.0.1, length 46');
  });

  it.each([
    ['an empty buffer', '', '[|ether] length 0'],
    ['an IPv6 EtherType', '02000000000202000000000186dd', 'ethertype IPv6 (0x86dd), length 14'],
    ['a truncated ARP header', '02000000000202000000000108060001', 'ARP, [|arp]'],
    [
      'an IPv4 header cut short',
      '0200000000020200000000010800450000',
      'IP [|ip] IPv4 packet of 3 bytes is shorter than 20 bytes',
    ],
  ])('prints a truncation marker when given %s', (_what, hex, want) => {
    expect(describeFrame(bytes(hex))).toBe(want);
  });
});
