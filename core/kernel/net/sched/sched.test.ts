import { describe, expect, it } from 'vitest';
import { World } from '../../world/world';
import { STUDENT } from '../../sched/task';
import { ipFromString, type SockaddrIn } from '../../include/uapi/in';
import { bind, recvfrom, sendto, setsockopt, socket, spawn } from '../../syscalls';
import { dev_change_tx_queue_len, dev_set_mtu } from '../core/dev_api';
import { established, transfer } from '../../testing/tcp';
import { tcQdiscAdd, tcQdiscChange, tcQdiscDel, tcQdiscShow } from './api';

const DST: SockaddrIn = { family: 2, port: 9000, addr: ipFromString('10.0.0.2')! };

/** setup builds a world with a bound UDP server socket and a client UDP socket whose ARP entry is resolved. */
function setup() {
  const w = new World();
  const c = w.host('client');
  const s = w.host('server');
  const cp = spawn(c, STUDENT);
  const sp = spawn(s, STUDENT);
  const sfd = socket(s, sp, 2, 2, 0);
  bind(s, sp, sfd, { family: 2, port: 9000, addr: 0 });
  const cfd = socket(c, cp, 2, 2, 0);
  sendto(c, cp, cfd, new Uint8Array(1), 0, DST);
  w.sim.runUntil(w.sim.now + 1_000_000);
  recvfrom(s, sp, sfd, new Uint8Array(4), 0, {});
  const mark = w.trace.length;
  return { w, c, s, cp, sp, sfd, cfd, mark };
}

/** udpFrames lists the client's UDP frames sent after trace position mark, with their times. */
function udpFrames(w: World, mark: number): number[] {
  return w.trace
    .events(mark)
    .flatMap((e) =>
      e.kind === 'frame_tx' && e.host === 'client' && w.trace.frame(e.frame)[23] === 17 ? [e.t] : [],
    );
}

describe('netem (tc qdisc add dev eth0 root netem …)', () => {
  it('holds each packet for the delay before the driver sends it', () => {
    const { w, c, cp, cfd, mark } = setup();
    expect(tcQdiscAdd(c, 'eth0', { delay: 100_000_000 })).toBe(null);
    const t0 = w.sim.now;
    sendto(c, cp, cfd, new Uint8Array(10), 0, DST);
    w.sim.runUntil(t0 + 200_000_000);
    expect(udpFrames(w, mark).map((t) => t - t0)).toEqual([100_000_000]);
  });

  it('loses every packet at loss 100% (freed with QDISC_DROP) while sendto still reports success', () => {
    const { w, c, cp, cfd, mark } = setup();
    tcQdiscAdd(c, 'eth0', { loss: 100 });
    expect(sendto(c, cp, cfd, new Uint8Array(10), 0, DST)).toBe(10);
    w.sim.runUntil(w.sim.now + 1_000_000);
    expect(udpFrames(w, mark)).toEqual([]);
    expect(
      w.trace
        .events(mark)
        .filter((e) => e.kind === 'kfree_skb')
        .map((e) => (e.kind === 'kfree_skb' ? e.reason : '')),
    ).toEqual(['SKB_DROP_REASON_QDISC_DROP']);
  });

  it('sends every packet twice at duplicate 100%, and the server reads both copies', () => {
    const { w, c, s, cp, sp, sfd, cfd, mark } = setup();
    tcQdiscAdd(c, 'eth0', { duplicate: 100 });
    sendto(c, cp, cfd, new Uint8Array(3), 0, DST);
    w.sim.runUntil(w.sim.now + 1_000_000);
    expect(udpFrames(w, mark).length).toBe(2);
    expect([
      recvfrom(s, sp, sfd, new Uint8Array(8), 0x40, {}),
      recvfrom(s, sp, sfd, new Uint8Array(8), 0x40, {}),
    ]).toEqual([3, 3]);
  });

  it('lets the reorder share skip the delay, so later packets overtake earlier ones (same seed, same order)', () => {
    const order = (): number[] => {
      const { w, c, s, cp, sp, sfd, cfd } = setup();
      tcQdiscAdd(c, 'eth0', { delay: 10_000_000, reorder: 50, seed: 7 });
      for (let i = 0; i < 8; i++) sendto(c, cp, cfd, Uint8Array.of(i), 0, DST);
      w.sim.runUntil(w.sim.now + 50_000_000);
      const got: number[] = [];
      const b = new Uint8Array(1);
      while (recvfrom(s, sp, sfd, b, 0x40, {}) === 1) got.push(b[0]!);
      return got;
    };
    const a = order();
    expect(a.slice().sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(a).not.toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(order()).toEqual(a);
  });

  it('shows, changes and deletes the qdisc the way tc prints it', () => {
    const { c } = setup();
    expect(tcQdiscShow(c)).toEqual([
      'qdisc noqueue 0: dev lo root refcnt 2',
      'qdisc pfifo_fast 0: dev eth0 root refcnt 2 bands 3 priomap 1 2 2 2 1 2 0 0 1 1 1 1 1 1 1 1',
    ]);
    tcQdiscAdd(c, 'eth0', { delay: 100_000_000, jitter: 10_000_000, loss: 5 });
    expect(tcQdiscChange(c, 'eth0', { duplicate: 1, reorder: 25 })).toBe(null);
    expect(tcQdiscShow(c, 'eth0')).toEqual([
      'qdisc netem 8001: dev eth0 root refcnt 2 limit 1000 delay 100ms  10ms loss 5% duplicate 1% reorder 25% gap 1',
    ]);
    expect(tcQdiscDel(c, 'eth0')).toBe(null);
    expect(tcQdiscShow(c, 'eth0')).toEqual([
      'qdisc pfifo_fast 0: dev eth0 root refcnt 2 bands 3 priomap 1 2 2 2 1 2 0 0 1 1 1 1 1 1 1 1',
    ]);
  });

  it('puts netem on lo too and restores noqueue there on del', () => {
    const { c } = setup();
    expect(tcQdiscAdd(c, 'lo', { delay: 1_000_000 })).toBe(null);
    expect(tcQdiscDel(c, 'lo')).toBe(null);
    expect(tcQdiscShow(c, 'lo')).toEqual(['qdisc noqueue 0: dev lo root refcnt 2']);
  });

  it('gives tc error texts for a missing device, a missing qdisc and a bad percentage', () => {
    const { c } = setup();
    expect(tcQdiscAdd(c, 'eth9', {})).toBe('Cannot find device "eth9"');
    expect(tcQdiscChange(c, 'eth0', { loss: 1 })).toBe('Error: Specified qdisc not found.');
    expect(tcQdiscDel(c, 'eth0')).toBe('Error: Cannot delete qdisc with handle of zero.');
    expect(tcQdiscAdd(c, 'eth0', { loss: 150 })).toBe('Illegal "loss" percentage 150');
  });
});

describe('pfifo_fast and the device settings', () => {
  it('drops packets past tx_queue_len while the NIC is busy, with SKB_DROP_REASON_QDISC_DROP', () => {
    const { w, c, cp, cfd, mark } = setup();
    expect(dev_change_tx_queue_len(c, 'eth0', 2)).toBe(null);
    for (let i = 0; i < 6; i++) expect(sendto(c, cp, cfd, new Uint8Array(1400), 0, DST)).toBe(1400);
    w.sim.runUntil(w.sim.now + 1_000_000);
    expect(udpFrames(w, mark).length).toBe(3);
    const drops = w.trace.events(mark).filter((e) => e.kind === 'kfree_skb' && e.host === 'client');
    expect(drops.map((e) => (e.kind === 'kfree_skb' ? `${e.location} ${e.reason}` : ''))).toEqual(
      Array(3).fill('qdisc_drop SKB_DROP_REASON_QDISC_DROP'),
    );
  });

  it('reports the qdisc drop as ENOBUFS only when IP_RECVERR is set (udp_send_skb hides it otherwise)', () => {
    const { c, cp, cfd } = setup();
    dev_change_tx_queue_len(c, 'eth0', 2);
    setsockopt(c, cp, cfd, 0, 11, 1);
    const got = Array.from({ length: 5 }, () => sendto(c, cp, cfd, new Uint8Array(1400), 0, DST));
    expect(got).toEqual([1400, 1400, 1400, -105, -105]);
  });

  it('fragments to the new MTU after ip link set mtu, and refuses an MTU below 68', () => {
    const { w, c, cp, cfd, mark } = setup();
    expect(dev_set_mtu(c, 'eth0', 1000)).toBe(null);
    sendto(c, cp, cfd, new Uint8Array(1400), 0, DST);
    w.sim.runUntil(w.sim.now + 1_000_000);
    expect(udpFrames(w, mark).length).toBe(2);
    expect(dev_set_mtu(c, 'eth0', 67)).toBe('Error: mtu 67 is outside 68..65535 for eth0.');
    expect(dev_set_mtu(c, 'eth7', 1500)).toBe('Cannot find device "eth7"');
  });
});

describe('TCP through netem', () => {
  it('delivers 200 kB intact and in order over netem delay 5ms loss 3% duplicate 1% reorder 10%, retransmitting what netem lost', () => {
    const e = established('3.10');
    expect(tcQdiscAdd(e.c, 'eth0', { delay: 5_000_000, loss: 3, duplicate: 1, reorder: 10, seed: 3 })).toBe(
      null,
    );
    const data = new Uint8Array(200_000).map((_, i) => (i * 31) & 0xff);
    const got = transfer(e, data);
    expect(got.length).toBe(data.length);
    expect(got).toEqual(data);
    const drops = e.w.trace
      .ofKind('kfree_skb')
      .filter((k) => k.host === 'client' && k.reason === 'SKB_DROP_REASON_QDISC_DROP');
    expect(drops.length).toBeGreaterThan(0);
    expect(e.w.trace.ofKind('tcp_retransmit_skb').length).toBeGreaterThanOrEqual(drops.length);
  });
});
