import { describe, expect, it } from 'vitest';
import { isWireError } from './error';
import { bytes, captured, filled, ok } from './fixtures/testing';
import { toHex } from './hex';
import {
  type TcpOption,
  emitOptions,
  formatOptions,
  linuxOptions,
  optionLen,
  optionsLen,
  parseOptions,
} from './tcpOptions';

/** optionArea returns a captured segment's option bytes (IPv4 without options, so TCP starts at 34). */
function optionArea(name: Parameters<typeof captured>[0]): Uint8Array {
  const frame = captured(name);
  const doff = frame[34 + 12] >>> 4;
  return frame.subarray(34 + 20, 34 + doff * 4);
}

function emitted(options: TcpOption[]): Uint8Array {
  const out = filled(optionsLen(options));
  emitOptions(options, out);
  return out;
}

describe('tcpOptions', () => {
  it('emits mss,sackOK,TS,nop,wscale as Linux does when building a SYN', () => {
    const options = linuxOptions({
      mss: 1460,
      sackPerm: true,
      timestamp: { tsval: 0x01020304, tsecr: 0 },
      wscale: 7,
    });
    expect(toHex(emitted(options))).toBe('020405b4' + '0402080a' + '01020304' + '00000000' + '01030307');
  });

  it('emits the captured SYN option bytes when given the values the real kernel sent', () => {
    const area = optionArea('tcpSyn');
    const parsed = ok(parseOptions(area));
    const ts = parsed.find((o) => o.kind === 'timestamp');
    const ws = parsed.find((o) => o.kind === 'wscale');
    if (ts?.kind !== 'timestamp' || ws?.kind !== 'wscale') throw new Error('got no TS or wscale, want both');
    const built = linuxOptions({ mss: 1460, sackPerm: true, timestamp: ts, wscale: ws.shift });
    expect(emitted(built)).toEqual(area);
  });

  it('emits nop,nop,TS as Linux does when building a data segment', () => {
    const options = linuxOptions({ timestamp: { tsval: 5, tsecr: 0xffffffff } });
    expect(toHex(emitted(options))).toBe('0101080a' + '00000005' + 'ffffffff');
    const area = optionArea('tcpData');
    const [, , ts] = ok(parseOptions(area));
    if (ts.kind !== 'timestamp') throw new Error(`got ${ts.kind}, want timestamp`);
    expect(emitted(linuxOptions({ timestamp: ts }))).toEqual(area);
  });

  it('emits nop,nop,sackOK and nop,wscale when timestamps are off', () => {
    const options = linuxOptions({ mss: 536, sackPerm: true, wscale: 0 });
    expect(formatOptions(options)).toBe('mss 536,nop,nop,sackOK,nop,wscale 0');
    expect(toHex(emitted(options))).toBe('02040218' + '01010402' + '01030300');
  });

  it('emits the captured SYN option bytes when the real kernel ran with timestamps off', () => {
    const area = optionArea('tcpSynNoTimestamps');
    const ws = ok(parseOptions(area)).find((o) => o.kind === 'wscale');
    if (ws?.kind !== 'wscale') throw new Error('got no wscale, want one');
    expect(emitted(linuxOptions({ mss: 1460, sackPerm: true, wscale: ws.shift }))).toEqual(area);
  });

  it('appends nop,nop,sack after the timestamp when SACK blocks are sent', () => {
    const blocks = [
      { left: 1000, right: 2000 },
      { left: 3000, right: 4000 },
    ];
    const options = linuxOptions({ timestamp: { tsval: 1, tsecr: 2 }, sackBlocks: blocks });
    expect(formatOptions(options)).toBe('nop,nop,TS val 1 ecr 2,nop,nop,sack 2 {1000:2000}{3000:4000}');
    expect(optionsLen(options)).toBe(12 + 4 + 16);
  });

  it.each<[string, TcpOption[], string]>([
    ['mss', [{ kind: 'mss', mss: 65495 }], '0204ffd7'],
    ['wscale with padding', [{ kind: 'wscale', shift: 14 }], '03030e00'],
    ['sackOK with padding', [{ kind: 'sackPerm' }], '04020000'],
    ['timestamp', [{ kind: 'timestamp', tsval: 0xdeadbeef, tsecr: 1 }], '080adeadbeef000000010000'],
    [
      'one SACK block',
      [{ kind: 'nop' }, { kind: 'nop' }, { kind: 'sack', blocks: [{ left: 1, right: 0xffffffff }] }],
      '0101050a00000001ffffffff',
    ],
    ['eol after nop', [{ kind: 'nop' }, { kind: 'eol' }], '01000000'],
    [
      'an unknown kind kept raw',
      [{ kind: 'unknown', type: 34, data: Uint8Array.of(0xaa, 0xbb) }],
      '2204aabb',
    ],
    [
      'MSS with a wrong length kept raw',
      [{ kind: 'unknown', type: 2, data: Uint8Array.of(5, 0xb4, 0) }],
      '020505b400000000',
    ],
  ])('round-trips %s when emitted and parsed', (_name, options, wantHex) => {
    const out = emitted(options);
    expect(toHex(out)).toBe(wantHex);
    const raw = options.reduce((n, o) => n + optionLen(o), 0);
    const padded = raw < optionsLen(options) && options.at(-1)?.kind !== 'eol';
    expect(ok(parseOptions(out))).toEqual(padded ? [...options, { kind: 'eol' }] : options);
  });

  it.each([
    ['a length byte of 1', '0201'],
    ['a length byte of 0', '0800'],
    ['a length that overruns the area', '080a00000000'],
    ['a kind without its length byte', '01010103'],
  ])('returns a WireError when the area has %s', (_what, hex) => {
    expect(isWireError(parseOptions(bytes(hex)))).toBe(true);
  });

  it('stops at EOL when padding bytes follow', () => {
    expect(ok(parseOptions(bytes('0402000000000000')))).toEqual([{ kind: 'sackPerm' }, { kind: 'eol' }]);
  });

  it('prints options as tcpdump does when given the captured SYN', () => {
    expect(formatOptions(ok(parseOptions(optionArea('tcpSyn'))))).toMatch(
      /^mss 1460,sackOK,TS val \d+ ecr 0,nop,wscale 10$/,
    );
  });
});
