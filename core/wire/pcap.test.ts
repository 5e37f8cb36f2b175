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
  LINKTYPE_ETHERNET,
  PCAP_MAGIC_US,
  type PcapRecord,
  decodePcap,
  encodePcap,
  pcapHeader,
} from './pcap';
import { describeFrame } from './summary';

const hasTool = (name: string): boolean => spawnSync(name, ['--version'], { stdio: 'ignore' }).status === 0;
const hasTshark = hasTool('tshark');
const hasTcpdump = hasTool('tcpdump');
const dir = mkdtempSync(join(tmpdir(), 'socklab-pcap-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** records spaces the scenario 1.000000123 s apart so both seconds and nanoseconds are exercised. */
const records = (): PcapRecord[] =>
  scenarioFrames().map(({ frame }, i) => ({
    timestampNs: 1_000_000_000_000 + i * 1_000_000_123,
    data: frame,
  }));

describe('pcap', () => {
  it('writes the nanosecond magic, version 2.4 and LINKTYPE_ETHERNET little-endian when making a header', () => {
    expect(toHex(pcapHeader())).toBe(
      '4d3cb2a1' + '02000400' + '00000000' + '00000000' + '00000400' + '01000000',
    );
  });

  it('reads back every record when given the file it wrote', () => {
    const recs = records();
    const file = ok(decodePcap(encodePcap(recs)));
    expect(file.linkType).toBe(LINKTYPE_ETHERNET);
    expect(file.nanosecond).toBe(true);
    expect(file.records).toEqual(recs.map((r) => ({ ...r, origLen: r.data.length })));
  });

  it('cuts frames to the snapshot length and keeps the original length when snapLen is small', () => {
    const data = new Uint8Array(100).fill(7);
    const file = ok(decodePcap(encodePcap([{ timestampNs: 5, data }], { snapLen: 64 })));
    expect([file.snapLen, file.records[0].data.length, file.records[0].origLen]).toEqual([64, 64, 100]);
  });

  it('reads a big-endian microsecond file when the magic says so', () => {
    const big = new Uint8Array(24 + 16 + 2);
    const v = new DataView(big.buffer);
    v.setUint32(0, PCAP_MAGIC_US);
    v.setUint32(20, LINKTYPE_ETHERNET);
    v.setUint32(24, 3);
    v.setUint32(28, 250);
    v.setUint32(32, 2);
    v.setUint32(36, 2);
    const file = ok(decodePcap(big));
    expect([file.nanosecond, file.records[0].timestampNs]).toEqual([false, 3_000_250_000]);
  });

  it.each([
    ['a file shorter than its header', new Uint8Array(10)],
    ['a bad magic', new Uint8Array(24)],
    ['a record cut short', encodePcap([{ timestampNs: 0, data: new Uint8Array(20) }]).subarray(0, 50)],
  ])('returns a WireError when given %s', (_what, bytes) => {
    expect(isWireError(decodePcap(bytes))).toBe(true);
  });

  it.skipIf(!hasTshark)('passes tshark with checksum checks on when writing the scenario', () => {
    const file = join(dir, 'scenario.pcap');
    writeFileSync(file, encodePcap(records()));
    const all = spawnSync('tshark', ['-r', file, ...TSHARK_CHECKSUM_PREFS], { encoding: 'utf8' });
    expect(all.status, all.stderr).toBe(0);
    expect(all.stdout.trim().split('\n')).toHaveLength(records().length);
    const bad = spawnSync('tshark', ['-r', file, ...TSHARK_CHECKSUM_PREFS, '-Y', TSHARK_BAD_FRAMES], {
      encoding: 'utf8',
    });
    expect(bad.status, bad.stderr).toBe(0);
    expect(bad.stdout, 'got frames tshark flags, want none').toBe('');
  });

  it.skipIf(!hasTshark)('is flagged by tshark when one TCP checksum byte is corrupted', () => {
    // The negative control for the test above: the filter does catch a bad frame.
    const recs = records();
    const syn = recs.findIndex((r) => describeFrame(r.data).includes('Flags [S]'));
    recs[syn].data = recs[syn].data.slice();
    recs[syn].data[14 + 20 + 17] ^= 0x01;
    const file = join(dir, 'corrupt.pcap');
    writeFileSync(file, encodePcap(recs));
    const bad = spawnSync(
      'tshark',
      ['-r', file, ...TSHARK_CHECKSUM_PREFS, '-Y', TSHARK_BAD_FRAMES, '-T', 'fields', '-e', 'frame.number'],
      {
        encoding: 'utf8',
      },
    );
    expect(bad.stdout.trim()).toBe(String(syn + 1));
  });

  it.skipIf(!hasTcpdump)(
    'summarizes every frame as tcpdump -n -S -t does when reading the written file',
    () => {
      const file = join(dir, 'summary.pcap');
      const recs = records();
      writeFileSync(file, encodePcap(recs));
      const run = spawnSync('tcpdump', ['-n', '-S', '-t', '-r', file], { encoding: 'utf8' });
      expect(run.status, run.stderr).toBe(0);
      expect(recs.map((r) => describeFrame(r.data))).toEqual(run.stdout.trimEnd().split('\n'));
    },
  );
});
