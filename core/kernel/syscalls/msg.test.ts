import { describe, expect, it } from 'vitest';
import { World } from '../world/world';
import { ROOT, STUDENT } from '../sched/task';
import { ipFromString, ipToString, type SockaddrIn } from '../include/uapi/in';
import { MSG_MORE, MSG_PEEK, MSG_TRUNC } from '../include/uapi/socket';
import {
  bind,
  connect,
  getname,
  isBlock,
  recvfrom,
  recvmsg,
  send,
  sendmsg,
  sendto,
  setsockopt,
  shutdown,
  socket,
  socketpair,
  spawn,
  type RecvMsgHdr,
} from '.';
import type { KernelVersion } from '../profiles';

/** pair builds client and server tasks, a server UDP socket on port 9000 and a client UDP socket. */
function pair(kernel: KernelVersion = '3.10') {
  const w = new World({ kernel });
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

const text = (b: Uint8Array): string => new TextDecoder().decode(b);
const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('sendmsg / recvmsg', () => {
  it('gathers the iovecs into one datagram and scatters it back when both sides use msghdr', () => {
    const { w, c, s, cp, sp, sfd, cfd, dst } = pair();
    expect(sendmsg(c, cp, cfd, { name: dst, iov: [bytes('hello, '), bytes('world')] })).toBe(12);
    w.sim.runUntilIdle();
    const msg: RecvMsgHdr = { iov: [new Uint8Array(5), new Uint8Array(20)] };
    expect(recvmsg(s, sp, sfd, msg)).toBe(12);
    expect([text(msg.iov[0]!), text(msg.iov[1]!.subarray(0, 7))]).toEqual(['hello', ', world']);
    expect([ipToString(msg.name!.addr), msg.flags]).toEqual(['10.0.0.1', 0]);
  });

  it('traces sys_sendmsg → __sys_sendmsg → ___sys_sendmsg → sock_sendmsg on 3.10 and ____sys_sendmsg → __sock_sendmsg on 6.x', () => {
    for (const [kernel, want] of [
      ['3.10', ['sys_sendmsg', '__sys_sendmsg', '___sys_sendmsg', 'sockfd_lookup_light', 'sock_sendmsg']],
      [
        '6.x',
        ['__sys_sendmsg', '___sys_sendmsg', '____sys_sendmsg', 'sockfd_lookup_light', '__sock_sendmsg'],
      ],
      ['2.6.32', ['sys_sendmsg', 'sockfd_lookup_light', 'sock_sendmsg']],
    ] as const) {
      const { w, c, cp, cfd, dst } = pair(kernel);
      const from = w.trace.length;
      sendmsg(c, cp, cfd, { name: dst, iov: [bytes('x')] });
      const calls = w.trace
        .events(from)
        .flatMap((e) => (e.kind === 'call' && e.depth <= want.length ? [e.fn] : []));
      expect(calls.slice(0, want.length), kernel).toEqual(want);
    }
  });

  it('reports MSG_TRUNC in msg_flags and returns the copied length when the iovecs are too short', () => {
    const { w, c, s, cp, sp, sfd, cfd, dst } = pair();
    sendto(c, cp, cfd, bytes('0123456789'), 0, dst);
    w.sim.runUntilIdle();
    const msg: RecvMsgHdr = { iov: [new Uint8Array(4)] };
    expect(recvmsg(s, sp, sfd, msg)).toBe(4);
    expect([text(msg.iov[0]!), msg.flags]).toEqual(['0123', MSG_TRUNC]);
  });

  it('returns the real datagram length when recv is given MSG_TRUNC', () => {
    const { w, c, s, cp, sp, sfd, cfd, dst } = pair();
    sendto(c, cp, cfd, bytes('0123456789'), 0, dst);
    w.sim.runUntilIdle();
    expect(recvfrom(s, sp, sfd, new Uint8Array(3), MSG_TRUNC, {})).toBe(10);
  });

  it('leaves the datagram queued when MSG_PEEK reads it, so the next recv gets it again', () => {
    const { w, c, s, cp, sp, sfd, cfd, dst } = pair();
    sendto(c, cp, cfd, bytes('peekaboo'), 0, dst);
    w.sim.runUntilIdle();
    const a = new Uint8Array(16);
    const b = new Uint8Array(16);
    expect(recvfrom(s, sp, sfd, a, MSG_PEEK, {})).toBe(8);
    expect(recvfrom(s, sp, sfd, b, 0, {})).toBe(8);
    expect(text(b.subarray(0, 8))).toBe('peekaboo');
    expect(isBlock(recvfrom(s, sp, sfd, b, 0, {}))).toBe(true);
  });

  it('returns 0 instead of blocking once the UDP socket was shut down for reading', () => {
    const { s, sp, sfd } = pair();
    expect(isBlock(recvfrom(s, sp, sfd, new Uint8Array(4), 0, {}))).toBe(true);
    expect(shutdown(s, sp, sfd, 0)).toBe(-107);
    expect(recvfrom(s, sp, sfd, new Uint8Array(4), 0, {})).toBe(0);
  });

  it('returns EMSGSIZE from ___sys_sendmsg when more than UIO_MAXIOV iovecs are passed', () => {
    const { w, c, cp, cfd, dst } = pair();
    const iov = Array.from({ length: 1025 }, () => new Uint8Array(1));
    expect(sendmsg(c, cp, cfd, { name: dst, iov })).toBe(-90);
    expect(w.trace.ofKind('syscall_exit').at(-1)!.errfn).toBe('___sys_sendmsg');
  });

  it('returns EINVAL when msg_namelen exceeds sizeof(struct sockaddr_storage)', () => {
    const { c, cp, cfd, dst } = pair();
    expect(sendmsg(c, cp, cfd, { name: dst, namelen: 129, iov: [bytes('x')] })).toBe(-22);
  });

  it('returns EBADF and ENOTSOCK from sockfd_lookup_light for a closed fd and the terminal', () => {
    const { c, cp } = pair();
    expect(sendmsg(c, cp, 9, { name: null, iov: [] })).toBe(-9);
    expect(recvmsg(c, cp, 1, { iov: [] })).toBe(-88);
  });
});

describe('socketpair', () => {
  it('returns EOPNOTSUPP from sock_no_socketpair for AF_INET and leaves no socket behind', () => {
    const w = new World();
    const h = w.host('client');
    const pid = spawn(h, STUDENT);
    const before = h.live.size;
    const sv = [7, 7];
    expect(socketpair(h, pid, 2, 1, 0, sv)).toBe(-95);
    expect(w.trace.ofKind('syscall_exit').at(-1)!.errfn).toBe('sock_no_socketpair');
    expect(h.live.size).toBe(before);
    expect(h.tasks.get(pid)!.fds.length).toBe(3);
  });

  it('returns EAFNOSUPPORT from __sock_create for AF_UNIX, which SockLab does not register', () => {
    const w = new World();
    const h = w.host('client');
    expect(socketpair(h, spawn(h, ROOT), 1, 1, 0, [])).toBe(-97);
  });

  it('returns EINVAL from sys_socketpair when the type carries an unknown flag', () => {
    const w = new World();
    const h = w.host('client');
    expect(socketpair(h, spawn(h, STUDENT), 2, 1 | 0x100, 0, [])).toBe(-22);
    expect(w.trace.ofKind('syscall_exit').at(-1)!.errfn).toBe('sys_socketpair');
  });
});

describe('UDP corking (MSG_MORE, UDP_CORK)', () => {
  it('joins MSG_MORE sends into one datagram sent by the first send without it', () => {
    const { w, c, s, cp, sp, sfd, cfd, dst } = pair();
    expect(sendto(c, cp, cfd, bytes('one '), MSG_MORE, dst)).toBe(4);
    expect(sendto(c, cp, cfd, bytes('two '), MSG_MORE, null)).toBe(4);
    w.sim.runUntil(w.sim.now + 1_000_000);
    expect(w.trace.ofKind('frame_tx').length).toBe(0);
    const from = w.trace.length;
    expect(sendto(c, cp, cfd, bytes('three'), 0, null)).toBe(5);
    const calls = w.trace
      .events(from)
      .flatMap((e) =>
        e.kind === 'call' && /udp_|ip_finish_skb|__ip_make_skb|ip_send_skb/.test(e.fn) ? [e.fn] : [],
      );
    expect(calls).toEqual([
      'udp_sendmsg',
      'udp_push_pending_frames',
      'ip_finish_skb',
      '__ip_make_skb',
      'udp_send_skb',
      'ip_send_skb',
    ]);
    w.sim.runUntilIdle();
    const buf = new Uint8Array(64);
    expect(recvfrom(s, sp, sfd, buf, 0, {})).toBe(13);
    expect(text(buf.subarray(0, 13))).toBe('one two three');
  });

  it('holds data while UDP_CORK is set and sends it as one datagram when the option is cleared', () => {
    const { w, c, s, cp, sp, sfd, cfd, dst } = pair();
    expect(setsockopt(c, cp, cfd, 17, 1, 1)).toBe(0);
    sendto(c, cp, cfd, bytes('ab'), 0, dst);
    sendto(c, cp, cfd, bytes('cd'), 0, dst);
    expect(setsockopt(c, cp, cfd, 17, 1, 0)).toBe(0);
    w.sim.runUntilIdle();
    const buf = new Uint8Array(8);
    expect(recvfrom(s, sp, sfd, buf, 0, {})).toBe(4);
    expect(text(buf.subarray(0, 4))).toBe('abcd');
  });
});

describe('connect on a datagram socket (inet_dgram_connect → ip4_datagram_connect)', () => {
  it('fixes the peer so send() needs no address, getpeername reports it, and AF_UNSPEC undoes it', () => {
    const { w, c, s, cp, sp, sfd, cfd, dst } = pair();
    expect(connect(c, cp, cfd, dst)).toBe(0);
    const calls = w.trace
      .ofKind('call')
      .filter((e) => e.host === 'client' && /connect|autobind|get_port/.test(e.fn))
      .map((e) => e.fn);
    expect(calls).toEqual([
      'sys_connect',
      'inet_dgram_connect',
      'inet_autobind',
      'udp_v4_get_port',
      'ip4_datagram_connect',
    ]);
    const peer: { addr?: SockaddrIn } = {};
    expect(getname(c, cp, cfd, true, peer)).toBe(0);
    expect([ipToString(peer.addr!.addr), peer.addr!.port]).toEqual(['10.0.0.2', 9000]);
    expect(send(c, cp, cfd, bytes('hi'))).toBe(2);
    w.sim.runUntilIdle();
    expect(recvfrom(s, sp, sfd, new Uint8Array(4), 0, {})).toBe(2);
    expect(connect(c, cp, cfd, { family: 0, port: 0, addr: 0 })).toBe(0);
    expect(send(c, cp, cfd, bytes('hi'))).toBe(-89);
  });

  it('accepts only datagrams from the connected peer', () => {
    const { w, c, s, cp, sp, sfd } = pair();
    const cfd2 = socket(c, cp, 2, 2, 0);
    bind(c, cp, cfd2, { family: 2, port: 7000, addr: 0 });
    connect(c, cp, cfd2, { family: 2, port: 9000, addr: ipFromString('10.0.0.2')! });
    sendto(s, sp, sfd, bytes('yes'), 0, { family: 2, port: 7000, addr: ipFromString('10.0.0.1')! });
    const other = socket(s, sp, 2, 2, 0);
    sendto(s, sp, other, bytes('no'), 0, { family: 2, port: 7000, addr: ipFromString('10.0.0.1')! });
    w.sim.runUntilIdle();
    expect(recvfrom(c, cp, cfd2, new Uint8Array(8), 0x40, {})).toBe(3);
    expect(recvfrom(c, cp, cfd2, new Uint8Array(8), 0x40, {})).toBe(-11);
  });
});
