import { describe, expect, it } from 'vitest';
import { bind, close, listen, socket } from '../../../syscalls';
import { harness, sockOf } from '../../../testing/harness';
import { ipFromString } from '../../../include/uapi/in';
import type { World } from '../../../world/world';

const any = (port: number) => ({ family: 2, port, addr: 0 });
const at = (ip: string, port: number) => ({ family: 2, port, addr: ipFromString(ip)! });

/** lastExit returns the errno, errfn and errwhy of the last syscall_exit. */
function lastExit(w: World): [string, string, string] {
  const e = w.trace.ofKind('syscall_exit').at(-1)!;
  return [e.errno, e.errfn, e.errwhy];
}

describe('inet_bind', () => {
  it('binds the port and sets inet_num, inet_sport and inet_rcv_saddr when the port is free', () => {
    const { h, pid } = harness();
    const fd = socket(h, pid, 2, 1, 0);
    expect(bind(h, pid, fd, at('10.0.0.1', 8080))).toBe(0);
    const sk = sockOf(h, pid, fd);
    expect([sk.f.inet_num, sk.f.inet_sport, sk.f.inet_rcv_saddr, sk.f.sk_userlocks]).toEqual([
      8080,
      0x901f,
      '10.0.0.1',
      12,
    ]);
  });

  it('returns EADDRINUSE explained by inet_csk_get_port when another TCP socket holds the port', () => {
    const { w, h, pid } = harness();
    const a = socket(h, pid, 2, 1, 0);
    const b = socket(h, pid, 2, 1, 0);
    expect(bind(h, pid, a, any(9000))).toBe(0);
    expect(bind(h, pid, b, any(9000))).toBe(-98);
    const sa = sockOf(h, pid, a).addr;
    expect(lastExit(w)).toEqual([
      'EADDRINUSE',
      'inet_csk_get_port',
      `port 9000 is bound by sock ${sa} and SO_REUSEADDR is not set on both`,
    ]);
    expect(sockOf(h, pid, b).f.inet_rcv_saddr).toBe('0.0.0.0');
  });

  it('lets TCP and UDP sockets share a port number when the protocols differ', () => {
    const { h, pid } = harness();
    expect(bind(h, pid, socket(h, pid, 2, 1, 0), any(7000))).toBe(0);
    expect(bind(h, pid, socket(h, pid, 2, 2, 0), any(7000))).toBe(0);
    expect(bind(h, pid, socket(h, pid, 2, 2, 0), any(7000))).toBe(-98);
  });

  it('returns EACCES for a port below 1024 when the task is unprivileged, and binds it for root', () => {
    const s = harness('3.10', 'student');
    expect(bind(s.h, s.pid, socket(s.h, s.pid, 2, 1, 0), any(80))).toBe(-13);
    expect(lastExit(s.w).slice(0, 2)).toEqual(['EACCES', 'inet_bind']);
    const r = harness('3.10', 'root');
    expect(bind(r.h, r.pid, socket(r.h, r.pid, 2, 1, 0), any(80))).toBe(0);
  });

  it('returns EADDRNOTAVAIL when the address belongs to another host', () => {
    const { w, h, pid } = harness();
    expect(bind(h, pid, socket(h, pid, 2, 1, 0), at('10.0.0.2', 5000))).toBe(-99);
    expect(lastExit(w).slice(0, 2)).toEqual(['EADDRNOTAVAIL', 'inet_bind']);
  });

  it('accepts 127.0.0.1 when binding on the loopback network', () => {
    const { h, pid } = harness();
    expect(bind(h, pid, socket(h, pid, 2, 1, 0), at('127.0.0.1', 5000))).toBe(0);
  });

  it('returns EINVAL when the socket is already bound', () => {
    const { h, pid } = harness();
    const fd = socket(h, pid, 2, 1, 0);
    bind(h, pid, fd, any(5000));
    expect(bind(h, pid, fd, any(5001))).toBe(-22);
  });

  it('returns EBADF and ENOTSOCK from sockfd_lookup_light when the fd is closed or a terminal', () => {
    const { w, h, pid } = harness();
    expect(bind(h, pid, 42, any(1))).toBe(-9);
    expect(lastExit(w).slice(0, 2)).toEqual(['EBADF', 'sockfd_lookup_light']);
    expect(bind(h, pid, 1, any(1))).toBe(-88);
    expect(lastExit(w).slice(0, 2)).toEqual(['ENOTSOCK', 'sockfd_lookup_light']);
  });

  it('frees the port when the socket is closed', () => {
    const { h, pid } = harness();
    const a = socket(h, pid, 2, 1, 0);
    bind(h, pid, a, any(6000));
    close(h, pid, a);
    expect(bind(h, pid, socket(h, pid, 2, 1, 0), any(6000))).toBe(0);
  });
});

describe('inet_listen', () => {
  it('moves the sock to TCP_LISTEN with an ephemeral port when the socket is unbound', () => {
    const { w, h, pid } = harness();
    const fd = socket(h, pid, 2, 1, 0);
    expect(listen(h, pid, fd, 5)).toBe(0);
    const sk = sockOf(h, pid, fd);
    expect(sk.f.sk_state).toBe(10);
    expect(sk.f.inet_num >= 32768 && sk.f.inet_num <= 61000, `got port ${sk.f.inet_num}`).toBe(true);
    expect(sk.f.sk_max_ack_backlog).toBe(5);
    const st = w.trace.ofKind('inet_sock_set_state');
    expect(st.map((e) => `${e.oldstate}->${e.newstate}`)).toEqual(['TCP_CLOSE->TCP_LISTEN']);
  });

  it('clamps the backlog to net.core.somaxconn when it is larger', () => {
    const { h, pid } = harness('3.10');
    const fd = socket(h, pid, 2, 1, 0);
    listen(h, pid, fd, 100000);
    expect(sockOf(h, pid, fd).f.sk_max_ack_backlog).toBe(128);
  });

  it('returns EOPNOTSUPP from sock_no_listen when the socket is UDP', () => {
    const { w, h, pid } = harness();
    expect(listen(h, pid, socket(h, pid, 2, 2, 0), 5)).toBe(-95);
    expect(lastExit(w).slice(0, 2)).toEqual(['EOPNOTSUPP', 'sock_no_listen']);
  });

  it('refuses a second socket on a listening port with EADDRINUSE when both bind it', () => {
    const { w, h, pid } = harness();
    const a = socket(h, pid, 2, 1, 0);
    bind(h, pid, a, any(8000));
    listen(h, pid, a, 5);
    expect(bind(h, pid, socket(h, pid, 2, 1, 0), any(8000))).toBe(-98);
    expect(lastExit(w)[2]).toBe(`port 8000 is held by listening sock ${sockOf(h, pid, a).addr}`);
  });

  it('picks the same ephemeral port when two worlds use the same seed', () => {
    const port = (): number => {
      const { h, pid } = harness();
      const fd = socket(h, pid, 2, 1, 0);
      listen(h, pid, fd, 1);
      return sockOf(h, pid, fd).f.inet_num;
    };
    expect(port()).toBe(port());
  });
});
