import { describe, expect, it } from 'vitest';
import { established, segmentLog } from '../testing/tcp';
import { harness, sockOf, socketOf } from '../testing/harness';
import { getsockopt, recv, send, setsockopt, socket } from '../syscalls';
import { MSG_DONTWAIT } from '../include/uapi/socket';
import { tcp_set_congestion_control } from '../net/ipv4/tcp_cong';

describe('delayed ACKs (tcp_send_delayed_ack, icsk_delack_timer)', () => {
  it('ACKs the first segments at once (quick-ACK mode), then after the 40 ms delack timer when segments arrive alone', () => {
    const { w, c, cp, cfd } = established('3.10');
    for (let i = 0; i < 7; i++) {
      send(c, cp, cfd, new Uint8Array(10), MSG_DONTWAIT);
      w.sim.runUntil(w.sim.now + 100_000_000);
    }
    // quick = rcv_wnd / (2 · rcv_mss) = 14720 / 2896 = 5 immediate ACKs; then ato = TCP_ATO_MIN
    // (40 ms), kept at 40 ms because max_ato is bounded by max(srtt, TCP_DELACK_MIN).
    expect(segmentLog(w).slice(3)).toEqual([
      '0.253 client [P.] 1:11 ack 1 win 115',
      '0.304 server [.] 1 ack 11 win 114',
      '100.253 client [P.] 11:21 ack 1 win 115',
      '100.304 server [.] 1 ack 21 win 114',
      '200.253 client [P.] 21:31 ack 1 win 115',
      '200.304 server [.] 1 ack 31 win 114',
      '300.253 client [P.] 31:41 ack 1 win 115',
      '300.304 server [.] 1 ack 41 win 114',
      '400.253 client [P.] 41:51 ack 1 win 115',
      '400.304 server [.] 1 ack 51 win 114',
      '500.253 client [P.] 51:61 ack 1 win 115',
      '540.304 server [.] 1 ack 61 win 114',
      '600.253 client [P.] 61:71 ack 1 win 115',
      '640.304 server [.] 1 ack 71 win 114',
    ]);
    const fired = w.trace.ofKind('timer_fire').filter((e) => e.timer === 'icsk_delack_timer');
    expect(fired.map((e) => `${e.host} ${(e.t / 1e6).toFixed(3)}`)).toEqual([
      'server 540.304',
      'server 640.304',
    ]);
  });

  it('ACKs every second full-sized segment once the window stops growing (every one while tcp_grow_window asks for quick ACKs)', () => {
    const { w, c, s, cp, sp, cfd, afd } = established('3.10');
    const data = new Uint8Array(40 * 1448);
    let sent = 0;
    for (let i = 0; i < 20 && sent < data.length; i++) {
      const r = send(c, cp, cfd, data.subarray(sent), MSG_DONTWAIT);
      if (typeof r === 'number' && r > 0) sent += r;
      w.sim.runUntil(w.sim.now + 1_000_000);
      recv(s, sp, afd as number, new Uint8Array(1 << 16), MSG_DONTWAIT);
    }
    const acks = segmentLog(w).filter((l) => l.includes(' server ') && l.startsWith('1.'));
    // rcv_ssthresh reached tcp_space at 1.353: from there one ACK per two segments (2896 bytes).
    expect(acks).toEqual([
      '1.316 server [.] 1 ack 14481 win 319',
      '1.328 server [.] 1 ack 15929 win 325',
      '1.340 server [.] 1 ack 17377 win 317',
      '1.353 server [.] 1 ack 18825 win 309',
      '1.377 server [.] 1 ack 21721 win 293',
      '1.402 server [.] 1 ack 24617 win 276',
      '1.426 server [.] 1 ack 27513 win 260',
      '1.451 server [.] 1 ack 30409 win 244',
      '1.476 server [.] 1 ack 33305 win 227',
      '1.500 server [.] 1 ack 36201 win 211',
      '1.525 server [.] 1 ack 39097 win 195',
      '1.549 server [.] 1 ack 41993 win 178',
    ]);
  });
});

describe('receive window (tcp_select_window, tcp_grow_window)', () => {
  it('grows the offered window by two segments per full-sized segment while the buffer allows', () => {
    const { w, c, cp, cfd } = established('3.10');
    send(c, cp, cfd, new Uint8Array(8 * 1448), MSG_DONTWAIT);
    w.sim.runUntil(w.sim.now + 10_000_000);
    const wins = segmentLog(w)
      .slice(3)
      .filter((l) => l.includes('server'))
      .map((l) => l.split(' win ')[1]);
    // rcv_ssthresh 14480 + 2 × 1460 per segment, rounded up to the 128-byte scale unit and
    // announced >> 7, until the free space caps it: (87380 − 8 × 2092 truesize) / 2 → 276.
    expect(wins).toEqual(['136', '159', '182', '205', '228', '250', '273', '276']);
  });

  it('stops at a window below one segment when the reader does not read, probes it, and resumes on the window update recv() sends', () => {
    const { w, c, s, cp, sp, cfd, afd } = established('3.10');
    const data = new Uint8Array(300_000);
    let sent = 0;
    for (let i = 0; i < 50; i++) {
      const r = send(c, cp, cfd, data.subarray(sent), MSG_DONTWAIT);
      if (typeof r === 'number' && r > 0) sent += r;
      w.sim.runUntil(w.sim.now + 1_000_000);
    }
    w.sim.runUntil(w.sim.now + 1_000_000_000);
    const before = segmentLog(w);
    // The window closes below one segment (4 << 7 = 512 bytes); the persist timer probes
    // with snd_una − 1 after max(RTO, 200 ms) = 205 ms, then backs off to 410 ms.
    expect(before.slice(-5)).toEqual([
      '42.616 server [.] 1 ack 59369 win 4',
      '247.666 client [.] 59368 ack 1 win 115',
      '247.717 server [.] 1 ack 59369 win 4',
      '657.666 client [.] 59368 ack 1 win 115',
      '657.717 server [.] 1 ack 59369 win 4',
    ]);
    expect(w.trace.ofKind('timer_fire').filter((e) => e.timer === 'icsk_probe0').length).toBeGreaterThan(1);
    expect(recv(s, sp, afd as number, new Uint8Array(1 << 20), MSG_DONTWAIT)).toBe(59368);
    w.sim.runUntil(w.sim.now + 2_000_000);
    const after = segmentLog(w).slice(before.length, before.length + 2);
    expect(after[0]).toMatch(/server \[\.\] 1 ack 59369 win 296$/);
    // PSH: tcp_sendmsg's forced_push marked this skb when it was filled (more than half of
    // max_window, 14600 / 2, written since the last PSH)
    expect(after[1]).toMatch(/client \[P\.\] 59369:60817 ack 1 win 115$/);
  });
});

describe('congestion control modules (tcp_congestion_ops)', () => {
  it('installs cubic at ESTABLISHED by default and switches module by name, refusing unknown names with ENOENT', () => {
    const { c, cp, cfd } = established('3.10');
    const sk = sockOf(c, cp, cfd);
    expect(sk.f.icsk_ca_ops).toBe('cubic');
    expect(tcp_set_congestion_control(c, sk, 'reno')).toBe(0);
    expect(sk.f.icsk_ca_ops).toBe('reno');
    expect(tcp_set_congestion_control(c, sk, 'vegas')).toBe(-2);
    expect(c.lastErr).toEqual({
      errno: 2,
      fn: 'tcp_set_congestion_control',
      why: 'no congestion control module named "vegas"',
    });
  });
});

describe('tcp_assign_congestion_control (6.x)', () => {
  it('gives a new 6.x socket the module net.ipv4.tcp_congestion_control names, and 3.10 its placeholder', () => {
    const six = harness('6.x');
    six.h.sysctl['net.ipv4.tcp_congestion_control'] = 'reno';
    expect(socketOf(six.h, six.pid, socket(six.h, six.pid, 2, 1, 0)).sk!.f.icsk_ca_ops).toBe('reno');
    const three = harness('3.10');
    three.h.sysctl['net.ipv4.tcp_congestion_control'] = 'reno';
    const sk = socketOf(three.h, three.pid, socket(three.h, three.pid, 2, 1, 0)).sk!;
    expect(sk.f.icsk_ca_ops).toBe('tcp_init_congestion_ops');
  });
});

describe('setsockopt / getsockopt TCP_CONGESTION', () => {
  const name = (h: Parameters<typeof getsockopt>[0], pid: number, fd: number): string => {
    const out: { val?: Uint8Array } = {};
    expect(getsockopt(h, pid, fd, 6, 13, out)).toBe(0);
    return new TextDecoder().decode(out.val!).replace(/\0+$/, '');
  };

  it('reads "" before ESTABLISHED on 3.10 (tcp_init_congestion_ops), cubic after, and switches to reno by name', () => {
    const { c, cp, cfd } = established('3.10');
    const fresh = socket(c, cp, 2, 1, 0);
    expect(name(c, cp, fresh)).toBe('');
    expect(name(c, cp, cfd)).toBe('cubic');
    expect(setsockopt(c, cp, cfd, 6, 13, new TextEncoder().encode('reno\0'), 5)).toBe(0);
    expect(name(c, cp, cfd)).toBe('reno');
    expect(setsockopt(c, cp, cfd, 6, 13, new TextEncoder().encode('bbr'), 3)).toBe(-2);
    expect(name(c, cp, cfd)).toBe('reno');
  });
});
