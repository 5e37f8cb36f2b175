import { describe, expect, it } from 'vitest';
import { World } from '../world/world';
import { STUDENT } from '../sched/task';
import { ipFromString } from '../include/uapi/in';
import { established } from '../testing/tcp';
import { POLL } from '../net/socket/poll';
import { SO } from '../net/core/sockopt';
import { wake_up_interruptible } from '../net/core/sock_wake';
import { newWaitQueue } from '../host/wait';
import {
  bind,
  connect,
  isBlock,
  listen,
  poll,
  recv,
  select,
  send,
  sendto,
  setsockopt,
  signal,
  socket,
  spawn,
  type PollFd,
} from '.';

/** udpServer is a world with a server task holding a UDP socket on port 9000 and a client task with one. */
function udpServer() {
  const w = new World();
  const c = w.host('client');
  const s = w.host('server');
  const cp = spawn(c, STUDENT);
  const sp = spawn(s, STUDENT);
  const sfd = socket(s, sp, 2, 2, 0);
  bind(s, sp, sfd, { family: 2, port: 9000, addr: 0 });
  const cfd = socket(c, cp, 2, 2, 0);
  const dst = { family: 2, port: 9000, addr: ipFromString('10.0.0.2')! };
  return { w, c, s, cp, sp, sfd, cfd, dst };
}

/** timeval packs struct timeval { tv_sec, tv_usec } as x86-64 stores it. */
function timeval(sec: number, usec: number): Uint8Array {
  const b = new Uint8Array(16);
  const dv = new DataView(b.buffer);
  dv.setBigInt64(0, BigInt(sec), true);
  dv.setBigInt64(8, BigInt(usec), true);
  return b;
}

describe('poll', () => {
  it('reports POLLOUT|POLLWRNORM|POLLWRBAND for a fresh UDP socket and POLLNVAL for a closed fd', () => {
    const { s, sp, sfd } = udpServer();
    const fds: PollFd[] = [
      { fd: sfd, events: POLL.POLLIN | POLL.POLLOUT | POLL.POLLWRNORM | POLL.POLLWRBAND, revents: 0 },
      { fd: 40, events: POLL.POLLIN, revents: 0 },
      { fd: -1, events: POLL.POLLIN, revents: 7 },
    ];
    expect(poll(s, sp, fds, 0)).toBe(2);
    expect(fds.map((p) => p.revents)).toEqual([0x304, POLL.POLLNVAL, 0]);
  });

  it('sleeps on the socket, is woken by sock_def_readable and then reports POLLIN when a datagram arrives', () => {
    const { w, c, s, cp, sp, sfd, cfd, dst } = udpServer();
    const fds: PollFd[] = [{ fd: sfd, events: POLL.POLLIN, revents: 0 }];
    const r = poll(s, sp, fds, -1);
    expect(isBlock(r) && r.timeoutNs).toBe(null);
    sendto(c, cp, cfd, new Uint8Array([1]), 0, dst);
    w.sim.runUntilIdle();
    expect(w.trace.ofKind('wake').map((e) => `${e.host} ${e.pid} ${e.by}`)).toEqual([
      `server ${sp} sock_def_readable`,
    ]);
    expect(poll(s, sp, fds, -1)).toBe(1);
    expect(fds[0]!.revents).toBe(POLL.POLLIN);
  });

  it('returns 0 once its timeout has passed, with the Block carrying the timeout in ns', () => {
    const { w, s, sp, sfd } = udpServer();
    const fds: PollFd[] = [{ fd: sfd, events: POLL.POLLIN, revents: 0 }];
    const r = poll(s, sp, fds, 250);
    expect(isBlock(r) && r.timeoutNs).toBe(250_000_000);
    w.sim.runUntil(w.sim.now + 250_000_000);
    expect(poll(s, sp, fds, 250)).toBe(0);
    expect(fds[0]!.revents).toBe(0);
  });

  it('returns EINTR when a signal arrives while it sleeps', () => {
    const { s, sp, sfd } = udpServer();
    const fds: PollFd[] = [{ fd: sfd, events: POLL.POLLIN, revents: 0 }];
    poll(s, sp, fds, -1);
    signal(s, sp, 14);
    expect(poll(s, sp, fds, -1)).toBe(-4);
  });

  it('wakes a poll on a listening socket and reports POLLIN once a connection waits in its accept queue', () => {
    const w = new World();
    const s = w.host('server');
    const c = w.host('client');
    const sp = spawn(s, STUDENT);
    const cp = spawn(c, STUDENT);
    const lfd = socket(s, sp, 2, 1, 0);
    bind(s, sp, lfd, { family: 2, port: 8080, addr: 0 });
    listen(s, sp, lfd, 5);
    const fds: PollFd[] = [{ fd: lfd, events: POLL.POLLIN, revents: 0 }];
    expect(isBlock(poll(s, sp, fds, -1))).toBe(true);
    connect(c, cp, socket(c, cp, 2, 1, 0), { family: 2, port: 8080, addr: ipFromString('10.0.0.2')! });
    w.sim.runUntilIdle();
    expect(
      w.trace
        .ofKind('wake')
        .filter((e) => e.host === 'server')
        .map((e) => e.pid),
    ).toEqual([sp]);
    expect(poll(s, sp, fds, -1)).toBe(1);
    expect(fds[0]!.revents).toBe(POLL.POLLIN);
  });

  it('reports POLLIN on an established TCP socket with unread data and POLLOUT on the sender', () => {
    const { w, c, s, cp, sp, cfd, afd } = established('3.10');
    send(c, cp, cfd, new TextEncoder().encode('data'));
    w.sim.runUntilIdle();
    const fds: PollFd[] = [{ fd: afd as number, events: POLL.POLLIN | POLL.POLLOUT, revents: 0 }];
    expect(poll(s, sp, fds, 0)).toBe(1);
    expect(fds[0]!.revents).toBe(POLL.POLLIN | POLL.POLLOUT);
    expect(recv(s, sp, afd as number, new Uint8Array(16))).toBe(4);
    expect(poll(s, sp, fds, 0)).toBe(1);
    expect(fds[0]!.revents).toBe(POLL.POLLOUT);
  });

  it('reports POLLOUT|POLLHUP for a TCP socket that was never connected', () => {
    const h = new World().host('client');
    const p = spawn(h, STUDENT);
    const fd = socket(h, p, 2, 1, 0);
    const fds: PollFd[] = [{ fd, events: POLL.POLLOUT, revents: 0 }];
    expect(poll(h, p, fds, 0)).toBe(1);
    expect(fds[0]!.revents).toBe(POLL.POLLOUT | POLL.POLLHUP);
  });
});

describe('poll on the terminal', () => {
  it('sleeps on the terminal wait queue too, and reports POLLIN once the scheduler wakes it with input', () => {
    const w = new World();
    const h = w.host('client');
    const pid = spawn(h, STUDENT);
    const ttyWait = newWaitQueue('tty-client');
    let input = false;
    const opts = { ttyWait, ttyMask: (): number => (input ? POLL.POLLIN : 0) | POLL.POLLOUT };
    const fds: PollFd[] = [{ fd: 0, events: POLL.POLLIN, revents: 0 }];
    const woken: number[] = [];
    h.onWake = (t) => woken.push(t.pid);
    expect(isBlock(poll(h, pid, fds, -1, opts))).toBe(true);
    input = true;
    wake_up_interruptible(h, ttyWait);
    expect(woken).toEqual([pid]);
    expect(poll(h, pid, fds, -1, opts)).toBe(1);
    expect(fds[0]!.revents).toBe(POLL.POLLIN);
  });
});

describe('select', () => {
  it('keeps only the ready fds in each set and counts each ready bit', () => {
    const { w, c, s, cp, sp, sfd, cfd, dst } = udpServer();
    sendto(c, cp, cfd, new Uint8Array([1]), 0, dst);
    w.sim.runUntilIdle();
    const other = socket(s, sp, 2, 2, 0);
    const read = new Set([sfd, other]);
    const write = new Set([sfd]);
    expect(select(s, sp, other + 1, { read, write, except: null }, { sec: 0, usec: 0 })).toBe(2);
    expect([[...read], [...write]]).toEqual([[sfd], [sfd]]);
  });

  it('returns EBADF for a set fd that is not open and EINVAL for a negative nfds or a bad timeval', () => {
    const { w, s, sp } = udpServer();
    expect(select(s, sp, 10, { read: new Set([7]), write: null, except: null }, null)).toBe(-9);
    expect(w.trace.ofKind('syscall_exit').at(-1)!.errfn).toBe('core_sys_select');
    expect(select(s, sp, -1, { read: null, write: null, except: null }, null)).toBe(-22);
    expect(select(s, sp, 1, { read: null, write: null, except: null }, { sec: 0, usec: 1_000_000 })).toBe(
      -22,
    );
  });

  it('blocks until the timeout and then returns 0 with empty sets', () => {
    const { w, s, sp, sfd } = udpServer();
    const read = new Set([sfd]);
    const r = select(s, sp, sfd + 1, { read, write: null, except: null }, { sec: 1, usec: 500 });
    expect(isBlock(r) && r.timeoutNs).toBe(1_000_500_000);
    w.sim.runUntil(w.sim.now + 1_000_500_000);
    expect(select(s, sp, sfd + 1, { read, write: null, except: null }, { sec: 1, usec: 500 })).toBe(0);
    expect(read.size).toBe(0);
  });
});

describe('SO_RCVTIMEO / SO_SNDTIMEO', () => {
  it('makes a blocked recv return EAGAIN from __skb_wait_for_more_packets once the timeout ran out', () => {
    const { w, s, sp, sfd } = udpServer();
    expect(setsockopt(s, sp, sfd, 1, SO.SO_RCVTIMEO, timeval(0, 200_000))).toBe(0);
    const r = recv(s, sp, sfd, new Uint8Array(8));
    expect(isBlock(r) && r.timeoutNs).toBe(200_000_000);
    w.sim.runUntil(w.sim.now + 200_000_000);
    expect(recv(s, sp, sfd, new Uint8Array(8))).toBe(-11);
    const exit = w.trace.ofKind('syscall_exit').at(-1)!;
    expect([exit.errfn, exit.errwhy]).toEqual([
      '__skb_wait_for_more_packets',
      'SO_RCVTIMEO (200 jiffies) ran out in __skb_wait_for_more_packets',
    ]);
  });

  it('stores the timeout in jiffies, rounds microseconds up, and treats {0, 0} as MAX_SCHEDULE_TIMEOUT', () => {
    const { s, sp, sfd } = udpServer();
    const sk = s.tasks.get(sp)!.fds[sfd]!.socket!.sk!;
    setsockopt(s, sp, sfd, 1, SO.SO_SNDTIMEO, timeval(2, 1));
    expect(sk.f.sk_sndtimeo).toBe(2001);
    setsockopt(s, sp, sfd, 1, SO.SO_SNDTIMEO, timeval(0, 0));
    expect(sk.f.sk_sndtimeo).toBe('MAX_SCHEDULE_TIMEOUT');
  });

  it('returns EINVAL for a short optlen and EDOM for tv_usec out of range', () => {
    const { s, sp, sfd } = udpServer();
    expect(setsockopt(s, sp, sfd, 1, SO.SO_RCVTIMEO, new Uint8Array(8))).toBe(-22);
    expect(setsockopt(s, sp, sfd, 1, SO.SO_RCVTIMEO, timeval(1, 1_000_000))).toBe(-33);
  });
});
