import { describe, expect, it } from 'vitest';
import { World } from '../../world/world';
import { STUDENT } from '../../sched/task';
import { ipFromString } from '../../include/uapi/in';
import { bind, recvfrom, sendto, socket, spawn } from '../../syscalls';
import { captureFrames } from '../../world/capture';
import { established } from '../../testing/tcp';
import { BASE_REACHABLE_NS, neigh_flush, neighShow } from './neighbour';

/** udpExchange has the client send one datagram to a bound server socket and the server answer it. */
function udpExchange(w: World) {
  const c = w.host('client');
  const s = w.host('server');
  const cp = spawn(c, STUDENT);
  const sp = spawn(s, STUDENT);
  const sfd = socket(s, sp, 2, 2, 0);
  bind(s, sp, sfd, { family: 2, port: 9000, addr: 0 });
  const cfd = socket(c, cp, 2, 2, 0);
  sendto(c, cp, cfd, new Uint8Array(4), 0, { family: 2, port: 9000, addr: ipFromString('10.0.0.2')! });
  w.sim.runUntil(w.sim.now + 1_000_000);
  const from: { addr?: { family: number; port: number; addr: number } } = {};
  recvfrom(s, sp, sfd, new Uint8Array(8), 0, from);
  sendto(s, sp, sfd, new Uint8Array(4), 0, from.addr!);
  return { c, s, cp, cfd };
}

/** states lists the host's neigh_update transitions for ip as "OLD>NEW". */
const states = (w: World, host: string, ip: string): string[] =>
  w.trace
    .ofKind('neigh_update')
    .filter((e) => e.host === host && e.primary_key4 === ip)
    .map((e) => `${e.nud_state.replace('NUD_', '')}>${e.new_state.replace('NUD_', '')}`);

describe('neighbour state machine (reference §2.7)', () => {
  it('takes the server through STALE → DELAY → PROBE with a unicast ARP probe → REACHABLE after a UDP exchange', () => {
    const w = new World();
    udpExchange(w);
    w.sim.runUntilIdle();
    expect(states(w, 'server', '10.0.0.1')).toEqual([
      'NONE>STALE',
      'STALE>DELAY',
      'DELAY>PROBE',
      'PROBE>REACHABLE',
    ]);
    const probe = captureFrames(w.trace).at(-2)!;
    expect(probe.data.subarray(0, 6)).toEqual(Uint8Array.from([2, 0, 0, 0, 0, 1]));
    expect(probe.timestampNs).toBeGreaterThanOrEqual(5_000_000_000);
  });

  it('keeps the server entry from probing when TCP ACKs confirm the peer during DELAY', () => {
    const { w } = established('3.10');
    w.sim.runUntilIdle();
    expect(states(w, 'server', '10.0.0.1')).toEqual(['NONE>STALE', 'STALE>DELAY', 'DELAY>REACHABLE']);
    expect(captureFrames(w.trace).filter((f) => f.data[12] === 0x08 && f.data[13] === 0x06).length).toBe(2);
  });

  it('shows a REACHABLE entry as STALE once base_reachable_time × 1.5 has passed without confirmation', () => {
    const w = new World();
    const { c } = udpExchange(w);
    expect(neighShow(c)).toEqual(['10.0.0.2 dev eth0 lladdr 02:00:00:00:00:02 REACHABLE']);
    w.sim.runUntil(w.sim.now + (BASE_REACHABLE_NS * 3) / 2);
    expect(neighShow(c)).toEqual(['10.0.0.2 dev eth0 lladdr 02:00:00:00:00:02 STALE']);
  });

  it('keeps at most 3 packets on arp_queue in 2.6.32, dropping the oldest with NEIGH_QUEUEFULL', () => {
    const w = new World({ kernel: '2.6.32' });
    const c = w.host('client');
    const cp = spawn(c, STUDENT);
    const fd = socket(c, cp, 2, 2, 0);
    for (let i = 0; i < 5; i++)
      sendto(c, cp, fd, new Uint8Array(10), 0, { family: 2, port: 9, addr: ipFromString('10.0.0.2')! });
    expect(w.trace.ofKind('kfree_skb').map((e) => e.reason)).toEqual(
      Array(2).fill('SKB_DROP_REASON_NEIGH_QUEUEFULL'),
    );
  });

  it('forgets every entry on ip neigh flush, so the next datagram resolves the address again', () => {
    const w = new World();
    const { c, cp, cfd } = udpExchange(w);
    expect(neigh_flush(c, 'eth0')).toBe(1);
    expect(neighShow(c)).toEqual([]);
    const before = captureFrames(w.trace).length;
    sendto(c, cp, cfd, new Uint8Array(4), 0, { family: 2, port: 9000, addr: ipFromString('10.0.0.2')! });
    w.sim.runUntil(w.sim.now + 1_000_000);
    const arp = captureFrames(w.trace)
      .slice(before)
      .filter((f) => f.data[13] === 0x06);
    expect(arp.length).toBe(2);
  });
});
