import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pcap } from '../../wire';
import { recv, send } from '../syscalls';
import { established } from '../testing/tcp';
import { captureFrames } from './capture';

const hasTshark = existsSync('/usr/bin/tshark');

describe('captureFrames', () => {
  it('returns one record per frame_tx with the frame time when a handshake ran', () => {
    const { w } = established('3.10');
    const recs = captureFrames(w.trace);
    expect(recs.map((r) => r.data.length)).toEqual([42, 42, 74, 74, 66]);
    expect(recs[0]!.timestampNs).toBe(0);
  });

  it.runIf(hasTshark)(
    'writes a pcap that tshark reads with valid IP and TCP checksums when data flowed',
    () => {
      const { w, c, s, cp, sp, cfd, afd } = established('3.10');
      send(c, cp, cfd, new TextEncoder().encode('hello, server'));
      w.sim.runUntilIdle();
      recv(s, sp, afd as number, new Uint8Array(100));
      const file = join(mkdtempSync(join(tmpdir(), 'socklab-')), 'tcp.pcap');
      writeFileSync(file, pcap.encodePcap(captureFrames(w.trace)));
      const out = execFileSync(
        'tshark',
        [
          '-r',
          file,
          '-o',
          'tcp.check_checksum:TRUE',
          '-o',
          'ip.check_checksum:TRUE',
          '-T',
          'fields',
          '-e',
          '_ws.expert.message',
          '-e',
          'frame.protocols',
        ],
        { encoding: 'utf8' },
      );
      const lines = out.trim().split('\n');
      expect(lines.length).toBe(7);
      const bad = lines.filter((l) => /malformed|bad|incorrect/i.test(l));
      expect(bad, `got ${bad.join(' | ')}`).toEqual([]);
    },
  );
});
