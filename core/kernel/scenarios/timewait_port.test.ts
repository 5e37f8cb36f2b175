import { describe, expect, it } from 'vitest';
import { TCP_STATE } from '../include/net/tcp_states';
import { SO } from '../net/core/sockopt';
import { accept4, bind, close, connect, listen, setsockopt, socket, spawn } from '../syscalls';
import { World } from '../world/world';
import { STUDENT } from '../sched/task';
import { ipFromString } from '../include/uapi/in';
import { sockOf } from '../testing/harness';
import { established } from '../testing/tcp';
import { bindTable } from '../net/ipv4/inet_hashtables';
import { TCP_TIMEWAIT_LEN_NS } from '../net/ipv4/tcp_close';

const MS = 1_000_000;
const PORT_8080 = { family: 2, port: 8080, addr: 0 };

/** pair connects client to server:8080 over a listener that has SO_REUSEADDR when reuse, and accepts; it returns the fds. */
function pair(reuse: boolean) {
  const w = new World({ kernel: '3.10' });
  const [c, s] = [w.host('client'), w.host('server')];
  const [cp, sp] = [spawn(c, STUDENT), spawn(s, STUDENT)];
  const lfd = socket(s, sp, 2, 1, 0);
  if (reuse) setsockopt(s, sp, lfd, 1, SO.SO_REUSEADDR, 1);
  bind(s, sp, lfd, PORT_8080);
  listen(s, sp, lfd, 5);
  const cfd = socket(c, cp, 2, 1, 0);
  const dst = { family: 2, port: 8080, addr: ipFromString('10.0.0.2')! };
  connect(c, cp, cfd, dst);
  w.sim.runUntil(w.sim.now + 10 * MS);
  expect(connect(c, cp, cfd, dst)).toBe(0);
  const afd = accept4(s, sp, lfd) as number;
  return { w, c, s, cp, sp, lfd, cfd, afd };
}

/** serverClosedFirst closes the server's connection and listener, then the client's side: the server's side ends in TIME_WAIT. */
function serverClosedFirst(reuse: boolean) {
  const e = pair(reuse);
  const child = sockOf(e.s, e.sp, e.afd);
  close(e.s, e.sp, e.afd);
  close(e.s, e.sp, e.lfd);
  e.w.sim.runUntil(e.w.sim.now + 50 * MS);
  close(e.c, e.cp, e.cfd);
  e.w.sim.runUntil(e.w.sim.now + 100 * MS);
  return { ...e, child };
}

/** lastExit returns the last syscall's result, errno function and reason. */
const lastExit = (e: { w: World }) => {
  const x = e.w.trace.ofKind('syscall_exit').at(-1)!;
  return [x.ret, x.errfn, x.errwhy];
};

describe('__inet_inherit_port: an accepted socket holds its listener port', () => {
  it('joins the bind bucket when the handshake completes, between the request lookup and __inet_hash_nolisten', () => {
    const e = established('3.10');
    const fns = e.w.trace
      .ofKind('call')
      .filter((c) => c.host === 'server')
      .map((c) => c.fn);
    const at = fns.indexOf('__inet_inherit_port');
    expect(fns.slice(at - 1, at + 3)).toEqual([
      'tcp_v4_hnd_req',
      '__inet_inherit_port',
      '__inet_hash_nolisten',
      'tcp_child_process',
    ]);
    const child = sockOf(e.s, e.sp, e.afd as number);
    expect(bindTable(e.s, 6).get(8080)).toEqual([sockOf(e.s, e.sp, e.lfd), child]);
  });

  it('refuses a new bind after only the listener closed, explained by inet_csk_get_port', () => {
    const e = established('3.10');
    close(e.s, e.sp, e.lfd);
    const child = sockOf(e.s, e.sp, e.afd as number);
    expect(bind(e.s, e.sp, socket(e.s, e.sp, 2, 1, 0), PORT_8080)).toBe(-98);
    expect(lastExit(e)).toEqual([
      -98,
      'inet_csk_get_port',
      `port 8080 is bound by sock ${child.addr} and SO_REUSEADDR is not set on both`,
    ]);
  });
});

describe('TIME_WAIT keeps the port', () => {
  it('refuses bind without SO_REUSEADDR, naming the TIME_WAIT sock', () => {
    const e = serverClosedFirst(true);
    expect(e.child.f.sk_state).toBe(TCP_STATE.TCP_TIME_WAIT);
    expect(bind(e.s, e.sp, socket(e.s, e.sp, 2, 1, 0), PORT_8080)).toBe(-98);
    expect(lastExit(e)).toEqual([
      -98,
      'inet_csk_get_port',
      `port 8080 is held by sock ${e.child.addr} in TCP_TIME_WAIT and SO_REUSEADDR is not set on both`,
    ]);
    const conflict = e.w.trace.ofKind('call').filter((c) => c.fn === 'inet_csk_bind_conflict');
    expect(conflict.map((c) => [c.args.replace(/sk=0x[0-9a-f]+/, 'sk=SK'), c.file])).toEqual([
      ['sk=SK, port=8080 via icsk->icsk_af_ops->bind_conflict', 'net/ipv4/inet_connection_sock.c'],
    ]);
  });

  it('lets a new socket with SO_REUSEADDR bind when the old listener had it too (the child inherited sk_reuse)', () => {
    const e = serverClosedFirst(true);
    expect(e.child.f.sk_reuse).toBe(1);
    const n = socket(e.s, e.sp, 2, 1, 0);
    setsockopt(e.s, e.sp, n, 1, SO.SO_REUSEADDR, 1);
    expect(bind(e.s, e.sp, n, PORT_8080)).toBe(0);
  });

  it('refuses even SO_REUSEADDR when the old listener lacked it, as Linux 6.18 does', () => {
    const e = serverClosedFirst(false);
    const n = socket(e.s, e.sp, 2, 1, 0);
    setsockopt(e.s, e.sp, n, 1, SO.SO_REUSEADDR, 1);
    expect(bind(e.s, e.sp, n, PORT_8080)).toBe(-98);
    expect(lastExit(e)[2]).toBe(
      `port 8080 is held by sock ${e.child.addr} in TCP_TIME_WAIT and SO_REUSEADDR is not set on both`,
    );
  });

  it('frees the port when the TIME_WAIT timer ends the connection', () => {
    const e = serverClosedFirst(false);
    e.w.sim.runUntil(e.w.sim.now + TCP_TIMEWAIT_LEN_NS);
    expect(bindTable(e.s, 6).has(8080)).toBe(false);
    expect(bind(e.s, e.sp, socket(e.s, e.sp, 2, 1, 0), PORT_8080)).toBe(0);
  });
});
