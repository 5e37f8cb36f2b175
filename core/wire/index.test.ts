import { describe, expect, it } from 'vitest';
import * as wire from './index';

describe('core/wire index', () => {
  it.each(['ethernet', 'arp', 'ipv4', 'tcp', 'udp', 'icmp'] as const)(
    'exposes parse, bufferLen and emit when importing the %s namespace',
    (name) => {
      const mod = wire[name];
      expect([typeof mod.parse, typeof mod.bufferLen, typeof mod.emit]).toEqual([
        'function',
        'function',
        'function',
      ]);
    },
  );

  it('summarizes a frame it composed when used only through the index', () => {
    const frame = wire.composeFrame({
      src: '02:00:00:00:00:01',
      dst: '02:00:00:00:00:02',
      ip: { ...wire.ipv4Defaults, src: 0x0a000001, dst: 0x0a000002 },
      icmp: { kind: 'echoRequest', id: 1, seq: 1, data: new Uint8Array(56) },
    });
    if (wire.isWireError(frame)) throw new Error(`got WireError ${frame.reason}, want a frame`);
    expect(wire.describeFrame(frame)).toBe(
      'IP 10.0.0.1 > 10.0.0.2: ICMP echo request, id 1, seq 1, length 64',
    );
  });
});
