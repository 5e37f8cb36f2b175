import { describe, expect, it } from 'vitest';
import { established, filterLink } from '../testing/tcp';
import { World } from '../world/world';
import { STUDENT } from '../sched/task';
import { ipFromString } from '../include/uapi/in';
import { close, connect, isBlock, read, recv, send, shutdown, socket, spawn, write } from '../syscalls';

describe('TCP close (FIN exchange, TIME_WAIT)', () => {
  it('walks FIN_WAIT1 → FIN_WAIT2 → TIME_WAIT on the closer and CLOSE_WAIT → LAST_ACK → CLOSE on the peer', () => {
    const { w, c, s, cp, sp, cfd, afd } = established('3.10');
    c.tcpTimewaitNs = 2_000_000_000;
    send(c, cp, cfd, new TextEncoder().encode('bye'));
    expect(close(c, cp, cfd)).toBe(0);
    w.sim.runUntilIdle();
    const buf = new Uint8Array(16);
    expect(recv(s, sp, afd as number, buf)).toBe(3);
    expect(recv(s, sp, afd as number, buf)).toBe(0);
    expect(close(s, sp, afd as number)).toBe(0);
    w.sim.runUntilIdle();
    const st = w.trace
      .ofKind('inet_sock_set_state')
      .slice(5)
      .map((e) => `${e.host} ${e.oldstate}->${e.newstate}`);
    expect(st).toEqual([
      'client TCP_ESTABLISHED->TCP_FIN_WAIT1',
      'server TCP_ESTABLISHED->TCP_CLOSE_WAIT',
      'client TCP_FIN_WAIT1->TCP_FIN_WAIT2',
      'server TCP_CLOSE_WAIT->TCP_LAST_ACK',
      'client TCP_FIN_WAIT2->TCP_TIME_WAIT',
      'server TCP_LAST_ACK->TCP_CLOSE',
      'client TCP_TIME_WAIT->TCP_CLOSE',
    ]);
    expect(
      w.trace
        .ofKind('timer_fire')
        .filter((e) => e.timer === 'tw_timer')
        .map((e) => e.t),
    ).toEqual([w.trace.ofKind('timer_set').filter((e) => e.timer === 'tw_timer')[0]!.expires]);
  });

  it('frees every socket, sock, file and skb when both sides have closed and TIME_WAIT ended', () => {
    const { w, c, s, cp, sp, cfd, afd, lfd } = established('3.10');
    c.tcpTimewaitNs = 1_000_000;
    send(c, cp, cfd, new Uint8Array(100));
    close(c, cp, cfd);
    w.sim.runUntilIdle();
    recv(s, sp, afd as number, new Uint8Array(200));
    close(s, sp, afd as number);
    close(s, sp, lfd);
    w.sim.runUntilIdle();
    for (const h of [c, s]) {
      const left = [...h.live.values()]
        .map((o) => o.struct)
        .filter((x) => !['net_device', 'neighbour', 'rtable'].includes(x));
      expect(left, `${h.name}: got ${left.join(',')}`).toEqual([]);
    }
  });

  it('sends RST when closing with unread data, and the peer’s recv returns ECONNRESET explained by tcp_reset', () => {
    const { w, c, s, cp, sp, cfd, afd } = established('3.10');
    send(c, cp, cfd, new TextEncoder().encode('unread'));
    w.sim.runUntilIdle();
    expect(close(s, sp, afd as number)).toBe(0);
    w.sim.runUntilIdle();
    expect(w.trace.ofKind('tcp_send_reset').map((e) => e.host)).toEqual(['server']);
    expect(recv(c, cp, cfd, new Uint8Array(8))).toBe(-104);
    const exit = w.trace.ofKind('syscall_exit').at(-1)!;
    expect([exit.errno, exit.errfn, exit.errwhy]).toEqual([
      'ECONNRESET',
      'tcp_reset',
      'RST received in TCP_ESTABLISHED',
    ]);
  });

  it('wakes a reader blocked in recv when the peer closes, and recv then returns 0', () => {
    const { w, c, s, cp, sp, cfd, afd } = established('3.10');
    const buf = new Uint8Array(8);
    expect(isBlock(recv(s, sp, afd as number, buf))).toBe(true);
    close(c, cp, cfd);
    w.sim.runUntilIdle();
    expect(recv(s, sp, afd as number, buf)).toBe(0);
  });
});

describe('shutdown and half-close', () => {
  it('lets the peer read EOF after SHUT_WR while data still flows the other way', () => {
    const { w, c, s, cp, sp, cfd, afd } = established('3.10');
    expect(write(c, cp, cfd, new TextEncoder().encode('req'))).toBe(3);
    expect(shutdown(c, cp, cfd, 1)).toBe(0);
    w.sim.runUntilIdle();
    const buf = new Uint8Array(16);
    expect(read(s, sp, afd as number, buf)).toBe(3);
    expect(read(s, sp, afd as number, buf)).toBe(0);
    expect(write(s, sp, afd as number, new TextEncoder().encode('reply'))).toBe(5);
    w.sim.runUntilIdle();
    expect(read(c, cp, cfd, buf)).toBe(5);
    expect(new TextDecoder().decode(buf.subarray(0, 5))).toBe('reply');
    expect(send(c, cp, cfd, new Uint8Array(1))).toBe(-32);
  });

  it('returns ENOTCONN for shutdown on an unconnected socket and EINVAL for a bad how', () => {
    const { c, cp } = established('3.10');
    const fd = socket(c, cp, 2, 1, 0);
    expect(shutdown(c, cp, fd, 1)).toBe(-107);
    expect(shutdown(c, cp, fd, 7)).toBe(-22);
  });
});

describe('connect to a peer whose SYNs are lost', () => {
  // ARP resolves, but every TCP segment the client sends is lost on the wire (a silent host that
  // never answers ARP fails sooner, with EHOSTUNREACH: see neigh_unreachable.test.ts)
  it('retransmits the SYN tcp_syn_retries times with backoff and returns ETIMEDOUT after 127 s on 3.10', () => {
    const w = new World({ kernel: '3.10' });
    const c = w.host('client');
    filterLink(c, () => 'drop');
    const pid = spawn(c, STUDENT);
    const fd = socket(c, pid, 2, 1, 0);
    const dst = { family: 2, port: 80, addr: ipFromString('10.0.0.2')! };
    expect(isBlock(connect(c, pid, fd, dst))).toBe(true);
    w.sim.runUntilIdle();
    expect(connect(c, pid, fd, dst)).toBe(-110);
    const exit = w.trace.ofKind('syscall_exit').at(-1)!;
    expect([exit.errno, exit.errfn]).toEqual(['ETIMEDOUT', 'tcp_write_timeout']);
    expect(w.trace.ofKind('tcp_retransmit_skb').map((e) => e.t / 1e9)).toEqual([1, 3, 7, 15, 31, 63]);
    expect(w.sim.now / 1e9).toBe(127);
  });
});
