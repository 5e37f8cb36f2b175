import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pcap } from '../../wire';
import { bind, recv, send, sendto, socket } from '../syscalls';
import { ipFromString } from '../include/uapi/in';
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
    'writes a pcap tshark reads with valid IP, TCP and UDP checksums when TCP data and a datagram flowed',
    () => {
      const { w, c, s, cp, sp, cfd, afd } = established('3.10');
      send(c, cp, cfd, new TextEncoder().encode('hello, server'));
      w.sim.runUntilIdle();
      recv(s, sp, afd as number, new Uint8Array(100));
      const ufd = socket(s, sp, 2, 2, 0);
      bind(s, sp, ufd, { family: 2, port: 9000, addr: 0 });
      const dst = { family: 2, port: 9000, addr: ipFromString('10.0.0.2')! };
      sendto(c, cp, socket(c, cp, 2, 2, 0), new TextEncoder().encode('datagram'), 0, dst);
      w.sim.runUntilIdle();
      const file = join(mkdtempSync(join(tmpdir(), 'socklab-')), 'run.pcap');
      writeFileSync(file, pcap.encodePcap(captureFrames(w.trace)));
      const checks = ['tcp', 'ip', 'udp'].flatMap((p) => ['-o', `${p}.check_checksum:TRUE`]);
      const fields = ['-T', 'fields', '-e', '_ws.expert.message', '-e', 'frame.protocols'];
      const out = execFileSync('tshark', ['-r', file, ...checks, ...fields], { encoding: 'utf8' });
      const lines = out.trim().split('\n');
      expect(lines.length).toBe(8);
      expect(lines.at(-1)).toMatch(/udp/);
      const bad = lines.filter((l) => /malformed|bad|incorrect/i.test(l));
      expect(bad, `got ${bad.join(' | ')}`).toEqual([]);
    },
  );
});
