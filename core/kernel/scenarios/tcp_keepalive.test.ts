// TCP keepalive on each era: the tcp_keepalive_* sysctls and TCP_KEEPIDLE / TCP_KEEPINTVL /
// TCP_KEEPCNT, then an idle connection with SO_KEEPALIVE probing its peer (snd_una − 1, no
// data), the peer's duplicate ACKs resetting icsk_probes_out, and the connection reset with
// ETIMEDOUT once keepalive_probes probes go unanswered.

import { describe, expect, it } from 'vitest';
import { SO, TCP_OPT } from '../net/core/sockopt';
import { TCP_STATE } from '../include/net/tcp_states';
import { tcpx } from '../include/linux/tcp';
import { SOL_SOCKET, SOL_TCP, MSG_DONTWAIT } from '../include/uapi/socket';
import {
  accept4,
  bind,
  close,
  connect,
  getsockopt,
  listen,
  recv,
  send,
  setsockopt,
  socket,
  spawn,
} from '../syscalls';
import { ipFromString } from '../include/uapi/in';
import { STUDENT } from '../sched/task';
import { World as WorldClass } from '../world/world';
import { established, filterLink, segmentLog, tcpOf } from '../testing/tcp';
import { harness, sockOf } from '../testing/harness';
import type { KernelVersion } from '../profiles';
import type { World } from '../world/world';
import type { TcpRepr } from '../../wire';

const ERAS: KernelVersion[] = ['2.6.32', '3.10', '6.x'];

/** fieldLog lists a host's changes of the named fields since event from as "t_ms field old->new by fn", t relative to t0 (ns). */
function fieldLog(w: World, from: number, host: string, names: readonly string[], t0: number): string[] {
  const out: string[] = [];
  for (const e of w.trace.events(from)) {
    if (e.kind !== 'field' || e.host !== host || !names.includes(e.field)) continue;
    out.push(`${((e.t - t0) / 1e6).toFixed(3)} ${e.field} ${String(e.old)}->${String(e.new)} by ${e.by}`);
  }
  return out;
}

describe('tcp_keepalive sysctls and TCP_KEEPIDLE / TCP_KEEPINTVL / TCP_KEEPCNT', () => {
  it.each(ERAS)(
    'reads the defaults 7200 s / 75 s / 9 from the sysctls on %s when nothing was set',
    (kernel) => {
      const { h, pid } = harness(kernel);
      expect([
        h.sysctl['net.ipv4.tcp_keepalive_time'],
        h.sysctl['net.ipv4.tcp_keepalive_intvl'],
        h.sysctl['net.ipv4.tcp_keepalive_probes'],
      ]).toEqual([7200, 75, 9]);
      const fd = socket(h, pid, 2, 1, 0) as number;
      const opts = [TCP_OPT.TCP_KEEPIDLE, TCP_OPT.TCP_KEEPINTVL, TCP_OPT.TCP_KEEPCNT];
      expect(opts.map((o) => getsockopt(h, pid, fd, SOL_TCP, o))).toEqual([7200, 75, 9]);
      h.sysctl['net.ipv4.tcp_keepalive_time'] = 600;
      expect(getsockopt(h, pid, fd, SOL_TCP, TCP_OPT.TCP_KEEPIDLE)).toBe(600);
      expect(getsockopt(h, pid, fd, SOL_SOCKET, SO.SO_KEEPALIVE)).toBe(0);
    },
  );

  it('stores the values in jiffies on the tcp_sock and returns them in seconds', () => {
    const { h, pid } = harness('3.10');
    const fd = socket(h, pid, 2, 1, 0) as number;
    expect(setsockopt(h, pid, fd, SOL_TCP, TCP_OPT.TCP_KEEPIDLE, 32767)).toBe(0);
    expect(setsockopt(h, pid, fd, SOL_TCP, TCP_OPT.TCP_KEEPINTVL, 1)).toBe(0);
    expect(setsockopt(h, pid, fd, SOL_TCP, TCP_OPT.TCP_KEEPCNT, 127)).toBe(0);
    const sk = sockOf(h, pid, fd);
    expect([sk.f['keepalive_time'], sk.f['keepalive_intvl'], sk.f['keepalive_probes']]).toEqual([
      32_767_000, 1000, 127,
    ]);
    const opts = [TCP_OPT.TCP_KEEPIDLE, TCP_OPT.TCP_KEEPINTVL, TCP_OPT.TCP_KEEPCNT];
    expect(opts.map((o) => getsockopt(h, pid, fd, SOL_TCP, o))).toEqual([32767, 1, 127]);
  });

  it.each([
    [TCP_OPT.TCP_KEEPIDLE, 0],
    [TCP_OPT.TCP_KEEPIDLE, 32768],
    [TCP_OPT.TCP_KEEPINTVL, 0],
    [TCP_OPT.TCP_KEEPINTVL, 32768],
    [TCP_OPT.TCP_KEEPCNT, 0],
    [TCP_OPT.TCP_KEEPCNT, 128],
    [TCP_OPT.TCP_KEEPCNT, -1],
  ])('refuses option %i = %i with EINVAL and keeps the old value', (opt, val) => {
    const { h, pid } = harness('3.10');
    const fd = socket(h, pid, 2, 1, 0) as number;
    const before = getsockopt(h, pid, fd, SOL_TCP, opt);
    expect(setsockopt(h, pid, fd, SOL_TCP, opt, val)).toBe(-22);
    expect(getsockopt(h, pid, fd, SOL_TCP, opt)).toBe(before);
  });
});

/** since lists the wire from segmentLog with each time made relative to t0 (ns), in ms. */
function since(w: World, t0: number): string[] {
  return segmentLog(w)
    .slice(3)
    .map((l) => {
      const sp = l.indexOf(' ');
      return `${(Number(l.slice(0, sp)) - t0 / 1e6).toFixed(3)}${l.slice(sp)}`;
    });
}

/** timerLog lists a host's sk_timer events since event from as "t_ms set +delay_ms by fn" or "t_ms fire", t relative to t0. */
function timerLog(w: World, from: number, host: string, t0: number): string[] {
  const out: string[] = [];
  const rel = (t: number) => ((t - t0) / 1e6).toFixed(3);
  for (const e of w.trace.events(from)) {
    if (e.host !== host || (e.kind !== 'timer_set' && e.kind !== 'timer_fire') || e.timer !== 'sk_timer')
      continue;
    if (e.kind === 'timer_set') out.push(`${rel(e.t)} set +${(e.expires - e.t) / 1e6} by ${e.by}`);
    else out.push(`${rel(e.t)} fire`);
  }
  return out;
}

describe('tcp_keepalive_timer', () => {
  it.each(ERAS)(
    'probes an idle connection every TCP_KEEPIDLE while the peer answers, then KEEPCNT probes KEEPINTVL apart and ETIMEDOUT on %s',
    (kernel) => {
      const { w, c, s, cp, sp, cfd, afd } = established(kernel);
      const sk = sockOf(c, cp, cfd);
      const peer = sockOf(s, sp, afd as number);
      expect(setsockopt(c, cp, cfd, SOL_TCP, TCP_OPT.TCP_KEEPIDLE, 10)).toBe(0);
      expect(setsockopt(c, cp, cfd, SOL_TCP, TCP_OPT.TCP_KEEPINTVL, 2)).toBe(0);
      expect(setsockopt(c, cp, cfd, SOL_TCP, TCP_OPT.TCP_KEEPCNT, 3)).toBe(0);
      const from = w.trace.length;
      const t0 = w.sim.now;
      expect(setsockopt(c, cp, cfd, SOL_SOCKET, SO.SO_KEEPALIVE, 1)).toBe(0);
      const una = Number(sk.f['snd_una']);
      const nxt = Number(sk.f['snd_nxt']);
      // The first probe: an ACK with sequence snd_una − 1 and no data, acknowledging rcv_nxt.
      w.sim.runUntil(t0 + 10_000_000_000);
      const probe = w.trace
        .ofKind('frame_tx')
        .map((e) => tcpOf(w.trace.frame(e.frame)))
        .at(-1)!;
      expect([probe.seq, probe.flags, probe.payload.length, probe.ack]).toEqual([
        (una - 1) >>> 0,
        0x10,
        0,
        Number(sk.f['rcv_nxt']),
      ]);
      expect(una).toBe(nxt);
      // The peer's answer echoes the TSval it held before the probe: an out-of-window segment
      // does not update ts_recent (as a capture on Linux 6.18 shows).
      const recent = peer.f['ts_recent'];
      w.sim.runUntil(t0 + 10_001_000_000);
      const segs = w.trace
        .ofKind('frame_tx')
        .map((e) => tcpOf(w.trace.frame(e.frame)))
        .filter((x): x is TcpRepr => x !== null);
      const ts = (seg: TcpRepr) => {
        const o = seg.options.find((x) => x.kind === 'timestamp');
        if (o?.kind !== 'timestamp') throw new Error(`no timestamp option on seq ${seg.seq}`);
        return o;
      };
      expect([ts(segs.at(-1)!).tsecr, peer.f['ts_recent']]).toEqual([recent, recent]);
      expect(ts(probe).tsval).not.toBe(recent);
      // From 25 s on the server's frames are lost: three probes 2 s apart, then the RST.
      w.sim.runUntil(t0 + 25_000_000_000);
      filterLink(s, () => 'drop');
      w.sim.runUntil(t0 + 60_000_000_000);
      // segmentLog shows frames as sent: the server's last three ACKs are lost on the link.
      const [cw, sw] = kernel === '6.x' ? [63, 64] : [115, 114];
      expect(since(w, t0)).toEqual([
        `10000.000 client [.] 0 ack 1 win ${cw}`,
        `10000.051 server [.] 1 ack 1 win ${sw}`,
        `20000.000 client [.] 0 ack 1 win ${cw}`,
        `20000.051 server [.] 1 ack 1 win ${sw}`,
        `30000.000 client [.] 0 ack 1 win ${cw}`,
        `30000.051 server [.] 1 ack 1 win ${sw}`,
        `32000.000 client [.] 0 ack 1 win ${cw}`,
        `32000.051 server [.] 1 ack 1 win ${sw}`,
        `34000.000 client [.] 0 ack 1 win ${cw}`,
        `34000.051 server [.] 1 ack 1 win ${sw}`,
        `36000.000 client [R.] 1 ack 1 win ${cw}`,
      ]);
      expect(fieldLog(w, from, 'client', ['icsk_probes_out', 'sk_err', 'sk_state'], t0)).toEqual([
        '10000.000 icsk_probes_out 0->1 by tcp_keepalive_timer',
        '10000.101 icsk_probes_out 1->0 by tcp_ack',
        '20000.000 icsk_probes_out 0->1 by tcp_keepalive_timer',
        '20000.101 icsk_probes_out 1->0 by tcp_ack',
        '30000.000 icsk_probes_out 0->1 by tcp_keepalive_timer',
        '32000.000 icsk_probes_out 1->2 by tcp_keepalive_timer',
        '34000.000 icsk_probes_out 2->3 by tcp_keepalive_timer',
        '36000.000 sk_err 0->110 by tcp_write_err',
        '36000.000 sk_state 1->7 by tcp_done',
      ]);
      // After an answered probe the timer wakes KEEPINTVL later, finds the peer heard from
      // 2 s ago and sleeps the remaining 8 s of TCP_KEEPIDLE (keepalive_time_when − elapsed).
      expect(timerLog(w, from, 'client', t0)).toEqual([
        '0.000 set +10000 by tcp_set_keepalive',
        '10000.000 fire',
        '10000.000 set +2000 by tcp_keepalive_timer',
        '12000.000 fire',
        '12000.000 set +8000 by tcp_keepalive_timer',
        '20000.000 fire',
        '20000.000 set +2000 by tcp_keepalive_timer',
        '22000.000 fire',
        '22000.000 set +8000 by tcp_keepalive_timer',
        '30000.000 fire',
        '30000.000 set +2000 by tcp_keepalive_timer',
        '32000.000 fire',
        '32000.000 set +2000 by tcp_keepalive_timer',
        '34000.000 fire',
        '34000.000 set +2000 by tcp_keepalive_timer',
        '36000.000 fire',
      ]);
      expect(sk.f.sk_state).toBe(TCP_STATE.TCP_CLOSE);
      expect(tcpx(sk).keepaliveTimer).toBeUndefined();
      expect(recv(c, cp, cfd, new Uint8Array(10), MSG_DONTWAIT)).toBe(-110);
      const exit = w.trace.ofKind('syscall_exit').at(-1)!;
      expect([exit.errno, exit.errfn, exit.errwhy]).toEqual([
        'ETIMEDOUT',
        'tcp_keepalive_timer',
        '3 keepalive probes without an answer',
      ]);
    },
  );
});

describe('a keepalive probe arriving at the peer', () => {
  it('is answered with a duplicate ACK and dropped before tcp_ack, so both ends with keepalive probe on their own clocks', () => {
    const { w, c, s, cp, sp, cfd, afd } = established('3.10');
    const t0 = w.sim.now;
    setsockopt(c, cp, cfd, SOL_TCP, TCP_OPT.TCP_KEEPIDLE, 10);
    setsockopt(c, cp, cfd, SOL_SOCKET, SO.SO_KEEPALIVE, 1);
    w.sim.runUntil(t0 + 5_000_000_000);
    setsockopt(s, sp, afd as number, SOL_TCP, TCP_OPT.TCP_KEEPIDLE, 10);
    setsockopt(s, sp, afd as number, SOL_SOCKET, SO.SO_KEEPALIVE, 1);
    const from = w.trace.length;
    w.sim.runUntil(t0 + 26_000_000_000);
    // The server last heard from the client in the handshake, so it probes 10 s after arming
    // although the client's probe came 5 s earlier; each probe then waits KEEPINTVL (75 s).
    expect(since(w, t0)).toEqual([
      '10000.000 client [.] 0 ack 1 win 115',
      '10000.051 server [.] 1 ack 1 win 114',
      '15000.000 server [.] 0 ack 1 win 114',
      '15000.051 client [.] 1 ack 1 win 115',
    ]);
    expect(
      w.trace
        .ofKind('kfree_skb')
        .filter((e) => e.seq >= from)
        .map((e) => `${e.host} ${e.location} ${e.reason}`),
    ).toEqual([
      'server tcp_validate_incoming SKB_DROP_REASON_TCP_OLD_SEQUENCE',
      'client tcp_validate_incoming SKB_DROP_REASON_TCP_OLD_SEQUENCE',
    ]);
  });
});

describe('tcp_set_keepalive and TCP_KEEPIDLE on a connection', () => {
  it('re-arms a running keepalive for what is left of the new TCP_KEEPIDLE, measured from the last ACK heard', () => {
    const { w, c, cp, cfd } = established('3.10');
    const sk = sockOf(c, cp, cfd);
    const heard = tcpx(sk).rcvTstamp!;
    w.sim.runUntil(w.sim.now + 3_000_000_000);
    expect(setsockopt(c, cp, cfd, SOL_SOCKET, SO.SO_KEEPALIVE, 1)).toBe(0);
    expect(tcpx(sk).keepaliveExpires).toBe(w.sim.now + 7200_000_000_000);
    expect(setsockopt(c, cp, cfd, SOL_TCP, TCP_OPT.TCP_KEEPIDLE, 5)).toBe(0);
    expect(tcpx(sk).keepaliveExpires).toBe(w.sim.now + (5000 - (Math.floor(w.sim.now / 1e6) - heard)) * 1e6);
    // A TCP_KEEPIDLE shorter than the silence so far fires at once.
    w.sim.runUntil(w.sim.now + 1_000_000_000);
    expect(setsockopt(c, cp, cfd, SOL_TCP, TCP_OPT.TCP_KEEPIDLE, 1)).toBe(0);
    expect(tcpx(sk).keepaliveExpires).toBe(w.sim.now);
  });

  it('does not arm the timer again when SO_KEEPALIVE is set twice, and stops it when SO_KEEPALIVE is cleared', () => {
    const { w, c, cp, cfd } = established('6.x');
    const sk = sockOf(c, cp, cfd);
    expect(setsockopt(c, cp, cfd, SOL_SOCKET, SO.SO_KEEPALIVE, 1)).toBe(0);
    const first = tcpx(sk).keepaliveExpires;
    w.sim.runUntil(w.sim.now + 1_000_000_000);
    expect(setsockopt(c, cp, cfd, SOL_SOCKET, SO.SO_KEEPALIVE, 1)).toBe(0);
    expect(tcpx(sk).keepaliveExpires).toBe(first);
    const calls = w.trace.ofKind('call').filter((e) => e.fn === 'tcp_set_keepalive');
    expect(calls.map((e) => e.args)).toEqual([
      `sk=${sk.addr}, val=1 via tcp_prot.keepalive`,
      `sk=${sk.addr}, val=1 via tcp_prot.keepalive`,
    ]);
    expect(setsockopt(c, cp, cfd, SOL_SOCKET, SO.SO_KEEPALIVE, 0)).toBe(0);
    expect(tcpx(sk).keepaliveTimer).toBeUndefined();
    expect(getsockopt(c, cp, cfd, SOL_SOCKET, SO.SO_KEEPALIVE)).toBe(0);
  });

  it('keeps a connection with data in flight from probing: the timer re-arms for a whole TCP_KEEPIDLE', () => {
    const { w, c, s, cp, cfd } = established('3.10');
    const sk = sockOf(c, cp, cfd);
    setsockopt(c, cp, cfd, SOL_TCP, TCP_OPT.TCP_KEEPIDLE, 1);
    setsockopt(c, cp, cfd, SOL_SOCKET, SO.SO_KEEPALIVE, 1);
    filterLink(s, () => 'drop');
    const t0 = w.sim.now;
    expect(send(c, cp, cfd, new Uint8Array(10), MSG_DONTWAIT)).toBe(10);
    const from = w.trace.length;
    w.sim.runUntil(t0 + 1_500_000_000);
    expect(timerLog(w, from, 'client', t0)).toEqual([
      '1000.000 fire',
      '1000.000 set +1000 by tcp_keepalive_timer',
    ]);
    expect(Number(sk.f.icsk_probes_out)).toBe(0);
  });
});

describe('closing a connection with SO_KEEPALIVE', () => {
  it('stops sk_timer on both ends: TIME_WAIT on the closer, inet_csk_destroy_sock on the LAST_ACK side', () => {
    const { w, c, s, cp, sp, cfd, afd } = established('3.10');
    const ck = sockOf(c, cp, cfd);
    const sk = sockOf(s, sp, afd as number);
    setsockopt(c, cp, cfd, SOL_SOCKET, SO.SO_KEEPALIVE, 1);
    setsockopt(s, sp, afd as number, SOL_SOCKET, SO.SO_KEEPALIVE, 1);
    expect(close(c, cp, cfd)).toBe(0);
    w.sim.runUntil(w.sim.now + 100_000_000);
    expect(close(s, sp, afd as number)).toBe(0);
    w.sim.runUntil(w.sim.now + 100_000_000);
    expect(ck.f.sk_state).toBe(TCP_STATE.TCP_TIME_WAIT);
    expect([tcpx(ck).keepaliveTimer, tcpx(sk).keepaliveTimer]).toEqual([undefined, undefined]);
    const from = w.trace.length;
    w.sim.runUntil(w.sim.now + 7300_000_000_000);
    expect(w.trace.events(from).filter((e) => e.kind === 'timer_fire' && e.timer === 'sk_timer')).toEqual([]);
  });
});

describe('SO_KEEPALIVE set before the connection exists', () => {
  it.each(ERAS)(
    'arms sk_timer when connect() completes and on the accepted child that inherits it from the listener on %s',
    (kernel) => {
      const w = new WorldClass({ kernel });
      const c = w.host('client');
      const s = w.host('server');
      const cp = spawn(c, STUDENT);
      const sp = spawn(s, STUDENT);
      const lfd = socket(s, sp, 2, 1, 0) as number;
      expect(setsockopt(s, sp, lfd, SOL_SOCKET, SO.SO_KEEPALIVE, 1)).toBe(0);
      expect(setsockopt(s, sp, lfd, SOL_TCP, TCP_OPT.TCP_KEEPIDLE, 30)).toBe(0);
      bind(s, sp, lfd, { family: 2, port: 8080, addr: 0 });
      listen(s, sp, lfd, 5);
      expect(tcpx(sockOf(s, sp, lfd)).keepaliveTimer).toBeUndefined();
      const cfd = socket(c, cp, 2, 1, 0) as number;
      expect(setsockopt(c, cp, cfd, SOL_SOCKET, SO.SO_KEEPALIVE, 1)).toBe(0);
      expect(tcpx(sockOf(c, cp, cfd)).keepaliveTimer).toBeUndefined();
      const dst = { family: 2, port: 8080, addr: ipFromString('10.0.0.2')! };
      connect(c, cp, cfd, dst);
      w.sim.runUntil(w.sim.now + 5_000_000_000);
      expect(connect(c, cp, cfd, dst)).toBe(0);
      const afd = accept4(s, sp, lfd) as number;
      const timers = w.trace
        .ofKind('timer_set')
        .filter((e) => e.timer === 'sk_timer')
        .map((e) => `${e.host} +${(e.expires - e.t) / 1e6} by ${e.by}`);
      const finish = kernel === '2.6.32' ? 'tcp_rcv_synsent_state_process' : 'tcp_finish_connect';
      expect(timers).toEqual([`client +7200000 by ${finish}`, 'server +30000 by tcp_rcv_state_process']);
      const child = sockOf(s, sp, afd);
      expect(child.f.sk_flags.split('|')).toContain('SOCK_KEEPOPEN');
      expect(getsockopt(s, sp, afd, SOL_TCP, TCP_OPT.TCP_KEEPIDLE)).toBe(30);
      expect(getsockopt(s, sp, afd, SOL_SOCKET, SO.SO_KEEPALIVE)).toBe(1);
    },
  );
});
