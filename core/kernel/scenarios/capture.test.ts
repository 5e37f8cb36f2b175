import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pcapng } from '../../wire';
import { bind, close, recv, recvfrom, send, sendto, socket } from '../syscalls';
import { ipFromString, type SockaddrIn } from '../include/uapi/in';
import { established } from '../testing/tcp';
import { capturePcapng } from '../world/capture';

const hasTshark = existsSync('/usr/bin/tshark');
const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

/** scenario runs a handshake, data both ways, a UDP exchange, a ping and both closes, and returns the world. */
function scenario() {
  const e = established('3.10');
  const { w, c, s, cp, sp, cfd } = e;
  const afd = e.afd as number;
  send(c, cp, cfd, bytes('GET / HTTP/1.0\r\n\r\n'));
  w.sim.runUntilIdle();
  recv(s, sp, afd, new Uint8Array(100));
  send(s, sp, afd, bytes('HTTP/1.0 200 OK\r\n\r\n'));
  w.sim.runUntilIdle();
  recv(c, cp, cfd, new Uint8Array(100));
  const ufd = socket(s, sp, 2, 2, 0);
  bind(s, sp, ufd, { family: 2, port: 9007, addr: 0 });
  sendto(c, cp, socket(c, cp, 2, 2, 0), bytes('echo me'), 0, {
    family: 2,
    port: 9007,
    addr: ipFromString('10.0.0.2')!,
  });
  w.sim.runUntilIdle();
  const from: { addr?: SockaddrIn } = {};
  const buf = new Uint8Array(64);
  const n = recvfrom(s, sp, ufd, buf, 0, from);
  sendto(s, sp, ufd, buf.subarray(0, n as number), 0, from.addr!);
  c.sysctl['net.ipv4.ping_group_range'] = [0, 2147483647];
  sendto(c, cp, socket(c, cp, 2, 2, 1), new Uint8Array([8, 0, 0, 0, 0, 0, 0, 1]), 0, {
    family: 2,
    port: 0,
    addr: ipFromString('10.0.0.2')!,
  });
  w.sim.runUntilIdle();
  close(c, cp, cfd);
  w.sim.runUntilIdle();
  close(s, sp, afd);
  w.sim.runUntilIdle();
  return w;
}

describe('capturePcapng', () => {
  it('names one interface per host and comments every frame with its event, function, host and device', () => {
    const w = scenario();
    const cap = capturePcapng(w.trace);
    expect(cap.interfaces.map((i) => i.name)).toEqual(['client:eth0', 'server:eth0']);
    const tx = w.trace.ofKind('frame_tx');
    expect(cap.packets.length).toBe(tx.length);
    expect(cap.packets[0]!.comment).toBe(`event=${tx[0]!.seq} func=socklab_eth_xmit host=client dev=eth0`);
    const decoded = pcapng.decodePcapng(pcapng.encodePcapng(cap));
    expect('packets' in decoded && decoded.packets.map((p) => p.comment)).toEqual(
      cap.packets.map((p) => p.comment),
    );
  });

  it.runIf(hasTshark)(
    'writes a scenario capture tshark reads with no malformed frame or bad checksum',
    () => {
      const w = scenario();
      const file = join(mkdtempSync(join(tmpdir(), 'socklab-')), 'scenario.pcapng');
      writeFileSync(file, pcapng.encodePcapng(capturePcapng(w.trace)));
      const checks = ['tcp', 'ip', 'udp'].flatMap((p) => ['-o', `${p}.check_checksum:TRUE`]);
      const fields = [
        '-T',
        'fields',
        '-E',
        'separator=|',
        '-e',
        'frame.protocols',
        '-e',
        '_ws.expert.message',
        '-e',
        'frame.comment',
      ];
      const out = execFileSync('tshark', ['-r', file, ...checks, ...fields], { encoding: 'utf8' });
      const lines = out.trim().split('\n');
      const protos = lines.map((l) => l.split('|')[0]!.replace(/^eth:ethertype:/, ''));
      expect(protos.filter((p) => p === 'arp').length).toBe(2);
      expect(protos.filter((p) => p === 'ip:icmp').length).toBe(2);
      expect(protos.filter((p) => p === 'ip:udp:data').length).toBe(2);
      expect(protos.filter((p) => p.startsWith('ip:tcp')).length).toBe(lines.length - 6);
      const bad = lines.filter((l) => /malformed|bad|incorrect|invalid/i.test(l.split('|')[1] ?? ''));
      expect(bad, `got ${bad.join(' | ')}`).toEqual([]);
      expect(
        lines.every((l) => /event=\d+ func=socklab_eth_xmit host=(client|server) dev=eth0/.test(l)),
      ).toBe(true);
    },
  );
});
