import { describe, expect, it } from 'vitest';
import { harness, sockOf } from '../../testing/harness';
import { established } from '../../testing/tcp';
import { bind, getname, getsockopt, setsockopt, socket } from '../../syscalls';
import { ipToString, type SockaddrIn } from '../../include/uapi/in';
import { SO, TCP_OPT } from './sockopt';

describe('sock_setsockopt / sock_getsockopt', () => {
  it('lets two sockets bind the same port when both set SO_REUSEADDR', () => {
    const { h, pid } = harness();
    const a = socket(h, pid, 2, 1, 0);
    const b = socket(h, pid, 2, 1, 0);
    for (const fd of [a, b]) expect(setsockopt(h, pid, fd, 1, SO.SO_REUSEADDR, 1)).toBe(0);
    expect(bind(h, pid, a, { family: 2, port: 7000, addr: 0 })).toBe(0);
    expect(bind(h, pid, b, { family: 2, port: 7000, addr: 0 })).toBe(0);
    expect(getsockopt(h, pid, a, 1, SO.SO_REUSEADDR)).toBe(1);
  });

  it('doubles SO_SNDBUF and clamps it to net.core.wmem_max, locking the size', () => {
    const { h, pid } = harness('3.10');
    const fd = socket(h, pid, 2, 1, 0);
    setsockopt(h, pid, fd, 1, SO.SO_SNDBUF, 10000);
    expect(getsockopt(h, pid, fd, 1, SO.SO_SNDBUF)).toBe(20000);
    setsockopt(h, pid, fd, 1, SO.SO_SNDBUF, 1 << 30);
    expect(getsockopt(h, pid, fd, 1, SO.SO_SNDBUF)).toBe(2 * 212992);
    expect(sockOf(h, pid, fd).f.sk_userlocks & 1).toBe(1);
  });

  it('reports SO_TYPE, SO_PROTOCOL and SO_DOMAIN of a UDP socket', () => {
    const { h, pid } = harness();
    const fd = socket(h, pid, 2, 2, 0);
    expect([SO.SO_TYPE, SO.SO_PROTOCOL, SO.SO_DOMAIN].map((o) => getsockopt(h, pid, fd, 1, o))).toEqual([
      2, 17, 2,
    ]);
  });

  it('returns EINVAL for a short optlen and ENOPROTOOPT for an unknown option', () => {
    const { w, h, pid } = harness();
    const fd = socket(h, pid, 2, 1, 0);
    expect(setsockopt(h, pid, fd, 1, SO.SO_REUSEADDR, 1, 2)).toBe(-22);
    expect(setsockopt(h, pid, fd, 1, 999, 1)).toBe(-92);
    expect(w.trace.ofKind('syscall_exit').at(-1)?.errfn).toBe('sock_setsockopt');
  });

  it('sets TCP_NAGLE_OFF|TCP_NAGLE_PUSH through tcp_setsockopt when TCP_NODELAY is set', () => {
    const { w, h, pid } = harness();
    const fd = socket(h, pid, 2, 1, 0);
    expect(setsockopt(h, pid, fd, 6, TCP_OPT.TCP_NODELAY, 1)).toBe(0);
    expect(sockOf(h, pid, fd).f['nonagle']).toBe(5);
    expect(getsockopt(h, pid, fd, 6, TCP_OPT.TCP_NODELAY)).toBe(1);
    const calls = w.trace.ofKind('call').map((e) => e.fn);
    expect(calls.includes('sock_common_setsockopt') && calls.includes('tcp_setsockopt')).toBe(true);
  });
});

describe('inet_getname', () => {
  it('returns ENOTCONN for getpeername before connect and the bound address for getsockname', () => {
    const { h, pid } = harness();
    const fd = socket(h, pid, 2, 1, 0);
    bind(h, pid, fd, { family: 2, port: 5555, addr: 0 });
    const out: { addr?: SockaddrIn } = {};
    expect(getname(h, pid, fd, true, out)).toBe(-107);
    expect(getname(h, pid, fd, false, out)).toBe(0);
    expect(out.addr).toEqual({ family: 2, port: 5555, addr: 0 });
  });

  it('returns both ends of an established connection', () => {
    const { c, cp, cfd } = established('3.10');
    const me: { addr?: SockaddrIn } = {};
    const peer: { addr?: SockaddrIn } = {};
    expect(getname(c, cp, cfd, false, me)).toBe(0);
    expect(getname(c, cp, cfd, true, peer)).toBe(0);
    expect(ipToString(me.addr!.addr)).toBe('10.0.0.1');
    expect([ipToString(peer.addr!.addr), peer.addr!.port]).toEqual(['10.0.0.2', 8080]);
  });
});
