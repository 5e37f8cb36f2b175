import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as arp from './arp';
import { isWireError } from './error';
import * as ethernet from './ethernet';
import { type FieldNode, frameTree } from './fieldTree';
import * as icmp from './icmp';
import * as ipv4 from './ipv4';
import { decodePcap } from './pcap';
import { decodePcapng } from './pcapng';
import { describeFrame } from './summary';
import * as tcp from './tcp';
import * as udp from './udp';

const SEED = 20261123;
const RUNS = 2000;
const ADDRS = { src: 0x0a000001, dst: 0x0a000002 };

/** frames yields random bytes, and random bytes behind plausible Ethernet/IPv4 headers so the fuzz reaches TCP, UDP and ICMP. */
const frames = fc.oneof(
  fc.uint8Array({ maxLength: 120 }),
  fc
    .tuple(
      fc.constantFrom(0x0800, 0x0806),
      fc.oneof(fc.constant(0x45), fc.integer({ min: 0x40, max: 0x4f })),
      fc.constantFrom(1, 6, 17, 99),
      fc.uint8Array({ minLength: 0, maxLength: 120, size: 'large' }),
    )
    .map(([etherType, vihl, proto, rest]) => {
      const b = new Uint8Array(14 + 20 + rest.length);
      b[12] = etherType >>> 8;
      b[13] = etherType & 0xff;
      b[14] = vihl;
      b[16] = (20 + rest.length) >>> 8;
      b[17] = (20 + rest.length) & 0xff;
      b[23] = proto;
      b.set(rest, 34);
      if (proto === 6 && rest.length >= 20) {
        // a data offset that fits (often 5, no options), so TCP decodes too; options stay random
        const maxDoff = Math.min(15, Math.floor(rest.length / 4));
        const doff = rest[13] % 2 === 0 ? 5 : 5 + (rest[12] % (maxDoff - 4));
        b[34 + 12] = (doff << 4) | (rest[12] & 0x0f);
      }
      if (proto === 17 && rest.length >= 8 && rest[0] % 2 === 0) {
        b[34 + 4] = rest.length >>> 8; // a UDP length that fits
        b[34 + 5] = rest.length & 0xff;
      }
      if (etherType === 0x0806) b.set([0, 1, 8, 0, 6, 4], 14);
      return b;
    }),
);

/** parsed counts, per format, the fuzz cases that decoded, so the test can show it reached every format. */
const parsed = new Map<string, number>();

/** roundTrip emits a parsed repr into a 0xa5 buffer and expects the same repr back (parse(emit(r)) == r). */
function roundTrip<R>(
  name: string,
  repr: R | { kind: 'wire-error' },
  len: (r: R) => number,
  emit: (r: R, b: Uint8Array) => void,
  reparse: (b: Uint8Array) => unknown,
) {
  if (isWireError(repr)) return;
  parsed.set(name, (parsed.get(name) ?? 0) + 1);
  const out = new Uint8Array(len(repr as R)).fill(0xa5);
  emit(repr as R, out);
  expect(reparse(out)).toEqual(repr);
}

function checkTree(nodes: readonly FieldNode[], frameLen: number): void {
  for (const n of nodes) {
    expect(n.offset + n.length).toBeLessThanOrEqual(frameLen);
    checkTree(n.children, frameLen);
  }
}

describe('wire decoders under fuzz', () => {
  it('never throw and keep fields inside the frame when summarizing random frames', () => {
    fc.assert(
      fc.property(frames, (frame) => {
        expect(typeof describeFrame(frame)).toBe('string');
        checkTree(frameTree(frame), frame.length);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('parse back what they emit when given any bytes that pass checkLen', () => {
    fc.assert(
      fc.property(frames, (frame) => {
        const l3 = frame.subarray(14);
        const l4 = frame.subarray(34);
        const eth = new ethernet.EthernetFrame(frame);
        if (!eth.checkLen()) {
          roundTrip(
            'ethernet',
            ethernet.parse(eth),
            (r) => ethernet.bufferLen(r),
            ethernet.emit,
            (b) => ethernet.parse(new ethernet.EthernetFrame(b)),
          );
        }
        roundTrip('arp', arp.parse(new arp.ArpPacket(l3)), arp.bufferLen, arp.emit, (b) =>
          arp.parse(new arp.ArpPacket(b)),
        );
        const ignore = { ignoreChecksum: true };
        roundTrip('ipv4', ipv4.parse(new ipv4.Ipv4Packet(l3), ignore), ipv4.bufferLen, ipv4.emit, (b) =>
          ipv4.parse(new ipv4.Ipv4Packet(b)),
        );
        roundTrip(
          'tcp',
          tcp.parse(new tcp.TcpSegment(l4)),
          tcp.bufferLen,
          (r, b) => tcp.emit(r, b, ADDRS),
          (b) => tcp.parse(new tcp.TcpSegment(b), ADDRS),
        );
        roundTrip(
          'udp',
          udp.parse(new udp.UdpDatagram(l4)),
          udp.bufferLen,
          (r, b) => udp.emit(r, b),
          (b) => udp.parse(new udp.UdpDatagram(b), ADDRS),
        );
        roundTrip('icmp', icmp.parse(new icmp.IcmpMessage(l4), ignore), icmp.bufferLen, icmp.emit, (b) =>
          icmp.parse(new icmp.IcmpMessage(b)),
        );
      }),
      { seed: SEED, numRuns: RUNS },
    );
    for (const name of ['ethernet', 'arp', 'ipv4', 'tcp', 'udp', 'icmp']) {
      expect(
        parsed.get(name) ?? 0,
        `got ${parsed.get(name) ?? 0} decoded ${name} cases, want at least 50`,
      ).toBeGreaterThanOrEqual(50);
    }
  });

  it('return a value or a WireError when reading random capture files', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.boolean(), (body, ng) => {
        const file = new Uint8Array(body.length + 12);
        file.set(
          ng ? [0x0a, 0x0d, 0x0d, 0x0a, 28, 0, 0, 0, 0x4d, 0x3c, 0x2b, 0x1a] : [0x4d, 0x3c, 0xb2, 0xa1],
        );
        file.set(body, ng ? 12 : 4);
        expect(() => (ng ? decodePcapng(file) : decodePcap(file))).not.toThrow();
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
