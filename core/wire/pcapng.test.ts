import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isWireError } from './error';
import { scenarioFrames } from './fixtures/scenario';
import { ok } from './fixtures/testing';
import { TSHARK_BAD_FRAMES, TSHARK_CHECKSUM_PREFS } from './fixtures/tools';
import { toHex } from './hex';
import {
  BLOCK_EPB,
  BLOCK_IDB,
  BLOCK_SHB,
  type PcapngCapture,
  decodePcapng,
  decodeUtf8,
  encodePcapng,
  encodeUtf8,
  frameComment,
} from './pcapng';

const hasTshark = spawnSync('tshark', ['--version'], { stdio: 'ignore' }).status === 0;
const dir = mkdtempSync(join(tmpdir(), 'socklab-pcapng-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** capture puts the scenario on two interfaces, one per host, each frame commented with its origin. */
function capture(): PcapngCapture {
  return {
    application: 'SockLab',
    interfaces: [{ name: 'client:eth0' }, { name: 'server:eth0' }],
    packets: scenarioFrames().map(({ host, frame }, i) => ({
      interfaceId: host === 'client' ? 0 : 1,
      timestampNs: 4_294_967_296_123 + i * 1_000_007,
      data: frame,
      comment: frameComment({ eventId: 1000 + i, func: 'dev_hard_start_xmit', host, dev: 'eth0' }),
    })),
  };
}

const u32le = (b: Uint8Array, at: number): number => new DataView(b.buffer, b.byteOffset).getUint32(at, true);

describe('pcapng', () => {
  it('writes SHB, one IDB per interface, then one EPB per frame when encoding a capture', () => {
    const bytes = encodePcapng(capture());
    const types: number[] = [];
    for (let at = 0; at < bytes.length; at += u32le(bytes, at + 4)) {
      types.push(u32le(bytes, at));
      expect(u32le(bytes, at + u32le(bytes, at + 4) - 4), 'got trailing length, want the leading one').toBe(
        u32le(bytes, at + 4),
      );
    }
    expect(types).toEqual([BLOCK_SHB, BLOCK_IDB, BLOCK_IDB, ...capture().packets.map(() => BLOCK_EPB)]);
    expect(toHex(bytes.subarray(8, 12))).toBe('4d3c2b1a');
  });

  it('stores if_tsresol 9 when describing an interface', () => {
    const bytes = encodePcapng({ interfaces: [{ name: 'lo' }], packets: [] });
    const idb = bytes.subarray(u32le(bytes, 4));
    // linktype 1, reserved, snaplen, if_name "lo" (padded), if_tsresol = 9 (padded), opt_endofopt
    expect(toHex(idb.subarray(8, 40))).toBe(
      '01000000' + '00000400' + '02000200' + '6c6f0000' + '09000100' + '09000000' + '00000000' + '28000000',
    );
  });

  it('reads back interfaces, times, bytes and comments when given the file it wrote', () => {
    const original = capture();
    const read = ok(decodePcapng(encodePcapng(original)));
    expect(read.application).toBe('SockLab');
    expect(read.interfaces.map((i) => i.name)).toEqual(['client:eth0', 'server:eth0']);
    expect(read.packets).toEqual(original.packets.map((p) => ({ ...p, origLen: p.data.length })));
  });

  it('formats the origin as key=value pairs when making a frame comment', () => {
    expect(frameComment({ eventId: 17, func: 'dev_hard_start_xmit', host: 'client', dev: 'eth0' })).toBe(
      'event=17 func=dev_hard_start_xmit host=client dev=eth0',
    );
  });

  it.each(['ascii', 'naïve café', '端口 7', 'emoji 🐧', ''])(
    'round-trips %j through UTF-8 when encoding comments',
    (text) => {
      expect(decodeUtf8(encodeUtf8(text))).toBe(text);
    },
  );

  it('encodes UTF-8 bytes as the standard says when given multi-byte characters', () => {
    expect(toHex(encodeUtf8('é🐧'))).toBe('c3a9' + 'f09f90a7');
    expect(decodeUtf8(Uint8Array.of(0xff, 0x41))).toBe('\ufffdA');
  });

  it.each([
    ['an empty file', new Uint8Array(0)],
    ['a file not starting with an SHB', new Uint8Array(32)],
    ['a block length that overruns the file', encodePcapng(capture()).subarray(0, 100)],
  ])('returns a WireError when given %s', (_what, bytes) => {
    expect(isWireError(decodePcapng(bytes))).toBe(true);
  });

  it.skipIf(!hasTshark)(
    'passes tshark and shows each comment and interface name when writing the scenario',
    () => {
      const file = join(dir, 'scenario.pcapng');
      const cap = capture();
      writeFileSync(file, encodePcapng(cap));
      const bad = spawnSync('tshark', ['-r', file, ...TSHARK_CHECKSUM_PREFS, '-Y', TSHARK_BAD_FRAMES], {
        encoding: 'utf8',
      });
      expect(bad.status, bad.stderr).toBe(0);
      expect(bad.stdout, 'got frames tshark flags, want none').toBe('');
      const fields = spawnSync(
        'tshark',
        [
          '-r',
          file,
          '-T',
          'fields',
          '-E',
          'separator=|',
          '-e',
          'frame.interface_name',
          '-e',
          'frame.comment',
          '-e',
          'frame.time_epoch',
        ],
        { encoding: 'utf8' },
      );
      expect(fields.status, fields.stderr).toBe(0);
      const rows = fields.stdout
        .trimEnd()
        .split('\n')
        .map((l) => l.split('|'));
      expect(rows.map((r) => [r[0], r[1]])).toEqual(
        cap.packets.map((p) => [cap.interfaces[p.interfaceId].name, p.comment]),
      );
      const ns = (epoch: string): string => epoch.replace('.', '').replace(/^0+/, '');
      expect(rows.map((r) => ns(r[2]))).toEqual(cap.packets.map((p) => String(p.timestampNs)));
    },
  );
});
