import { describe, expect, it } from 'vitest';
import { World } from '../world/world';
import { STUDENT } from '../sched/task';
import { IP_OPT, ipFromString } from '../include/uapi/in';
import { captureFrames } from '../world/capture';
import { describeFrame } from '../../wire/summary';
import { nfAppend } from '../net/netfilter/api';
import { SO } from '../net/core/sockopt';
import { TCP_STATE } from '../include/net/tcp_states';
import { bind, connect, getsockopt, listen, recv, send, setsockopt, socket, spawn } from '../syscalls';
import { established } from '../testing/tcp';
import type { KernelVersion } from '../profiles';

const SERVER = { family: 2, port: 8080, addr: ipFromString('10.0.0.2')! };

/** frames lists every IPv4 frame put on the wire as one tcpdump-like line, the client's port masked. */
const frames = (w: World): string[] =>
  captureFrames(w.trace)
    .map((f) => describeFrame(f.data))
    .filter((l) => l.startsWith('IP '))
    .map((l) => l.replace(/10\.0\.0\.1\.\d{5}/, '10.0.0.1.PORT').replace(/tcp port \d{5}/, 'tcp port PORT'));

/** calls lists the client's kernel calls from icmp_unreach on, as "fn" names. */
const clientCallsFromIcmp = (w: World): string[] => {
  const fns = w.trace
    .ofKind('call')
    .filter((e) => e.host === 'client')
    .map((e) => e.fn);
  return fns.slice(fns.indexOf('icmp_unreach'));
};

/** rejectedConnect starts a connect() to server:8080 whose SYN the server's INPUT chain rejects with rejectWith. */
function rejectedConnect(rejectWith?: string, kernel: KernelVersion = '3.10') {
  const w = new World({ kernel });
  const c = w.host('client');
  const s = w.host('server');
  const cp = spawn(c, STUDENT);
  const sp = spawn(s, STUDENT);
  const l = socket(s, sp, 2, 1, 0);
  bind(s, sp, l, { family: 2, port: 8080, addr: 0 });
  listen(s, sp, l, 5);
  nfAppend(s, 'INPUT', { protocol: 6, dport: 8080, target: 'REJECT', ...(rejectWith ? { rejectWith } : {}) });
  const fd = socket(c, cp, 2, 1, 0);
  const first = connect(c, cp, fd, SERVER);
  w.sim.runUntilIdle();
  const sk = c.tasks.get(cp)!.fds[fd]!.socket!.sk!;
  return { w, c, cp, fd, first, sk };
}

describe('tcp_v4_err in SYN_SENT: a hard error ends the connect()', () => {
  it('fails connect() with ECONNREFUSED on REJECT (icmp-port-unreachable), explained by tcp_v4_err', () => {
    const { w, c, cp, fd, first, sk } = rejectedConnect();
    expect(typeof first).toBe('object');
    expect(frames(w).map((l) => l.replace(/seq \d+/, 'seq ISN'))).toEqual([
      'IP 10.0.0.1.PORT > 10.0.0.2.8080: Flags [S], seq ISN, win 14600, options [mss 1460,sackOK,TS val 0 ecr 0,nop,wscale 7], length 0',
      'IP 10.0.0.2 > 10.0.0.1: ICMP 10.0.0.2 tcp port 8080 unreachable, length 68',
    ]);
    expect(sk.f.sk_state).toBe(TCP_STATE.TCP_CLOSE);
    expect(connect(c, cp, fd, SERVER)).toBe(-111);
    const exit = w.trace.ofKind('syscall_exit').at(-1)!;
    expect([exit.errfn, exit.errwhy]).toEqual([
      'tcp_v4_err',
      'ICMP type 3 code 3 from 10.0.0.2 → ECONNREFUSED in TCP_SYN_SENT',
    ]);
    expect(clientCallsFromIcmp(w).slice(0, 6)).toEqual([
      'icmp_unreach',
      'tcp_v4_err',
      'inet_lookup',
      'sock_def_error_report',
      'tcp_done',
      'sock_def_wakeup',
    ]);
  });

  it.each(['2.6.32', '6.x'] as const)('fails connect() with ECONNREFUSED on %s too', (kernel) => {
    const { c, cp, fd } = rejectedConnect(undefined, kernel);
    expect(connect(c, cp, fd, SERVER)).toBe(-111);
  });

  it.each([
    ['icmp-host-unreachable', -113],
    ['icmp-net-unreachable', -101],
    ['icmp-admin-prohibited', -113],
    ['icmp-host-prohibited', -113],
    ['icmp-net-prohibited', -101],
  ])('fails connect() on REJECT --reject-with %s with errno %i', (rejectWith, errno) => {
    const { c, cp, fd } = rejectedConnect(rejectWith);
    expect(connect(c, cp, fd, SERVER)).toBe(errno);
  });

  it('fails connect() to a silent on-link host with EHOSTUNREACH after 3 s (ICMP from arp_error_report)', () => {
    // Linux 6.18 (real-run.sh, a veth whose peer never answers ARP) printed EHOSTUNREACH after 3 s.
    const w = new World({ kernel: '3.10' });
    const c = w.host('client');
    w.host('server').net.wire = null;
    const cp = spawn(c, STUDENT);
    const fd = socket(c, cp, 2, 1, 0);
    let r = connect(c, cp, fd, SERVER);
    while (typeof r !== 'number' && w.sim.step()) r = connect(c, cp, fd, SERVER);
    const exit = w.trace.ofKind('syscall_exit').at(-1)!;
    expect([r, w.sim.now / 1e9, exit.errfn, exit.errwhy]).toEqual([
      -113,
      3,
      'tcp_v4_err',
      'ICMP type 3 code 1 from 10.0.0.1 → EHOSTUNREACH in TCP_SYN_SENT',
    ]);
  });

  it('sends no SYN retransmission after the hard error (tcp_done stopped the connection)', () => {
    const { w } = rejectedConnect();
    expect(frames(w).filter((l) => l.includes('Flags [S]'))).toHaveLength(1);
    const after = clientCallsFromIcmp(w);
    expect(after.slice(after.indexOf('tcp_done')).includes('tcp_write_timer')).toBe(false);
  });
});

describe('tcp_v4_err in ESTABLISHED: a soft error', () => {
  /** rejectData establishes a connection, then makes the server reject the client's data with icmp-port-unreachable. */
  function rejectData(recverr: boolean) {
    const e = established('3.10');
    if (recverr) setsockopt(e.c, e.cp, e.cfd, 0, IP_OPT.IP_RECVERR, 1);
    nfAppend(e.s, 'INPUT', { protocol: 6, dport: 8080, target: 'REJECT' });
    expect(send(e.c, e.cp, e.cfd, new TextEncoder().encode('hello'))).toBe(5);
    e.w.sim.runUntil(e.w.sim.now + 100_000_000);
    const sk = e.c.tasks.get(e.cp)!.fds[e.cfd]!.socket!.sk!;
    return { ...e, sk };
  }

  it('keeps the connection and records sk_err_soft, which SO_ERROR returns once', () => {
    const { c, cp, cfd, sk } = rejectData(false);
    expect([sk.f.sk_state, sk.f.sk_err, sk.f.sk_err_soft]).toEqual([TCP_STATE.TCP_ESTABLISHED, 0, 111]);
    expect(send(c, cp, cfd, new Uint8Array(3))).toBe(3);
    expect(recv(c, cp, cfd, new Uint8Array(8), 0x40)).toBe(-11);
    expect(getsockopt(c, cp, cfd, 1, SO.SO_ERROR)).toBe(111);
    expect(getsockopt(c, cp, cfd, 1, SO.SO_ERROR)).toBe(0);
  });

  it('reports the error at once (sk_err) with IP_RECVERR set', () => {
    const { w, c, cp, cfd, sk } = rejectData(true);
    expect([sk.f.sk_state, sk.f.sk_err, sk.f.sk_err_soft]).toEqual([TCP_STATE.TCP_ESTABLISHED, 111, 0]);
    expect(recv(c, cp, cfd, new Uint8Array(8), 0x40)).toBe(-111);
    expect(w.trace.ofKind('syscall_exit').at(-1)!.errfn).toBe('tcp_v4_err');
  });

  it('gives the soft error instead of ETIMEDOUT when the retransmissions run out', () => {
    const { w, c, cp, cfd } = rejectData(false);
    c.sysctl['net.ipv4.tcp_retries2'] = 2;
    w.sim.runUntilIdle();
    expect(recv(c, cp, cfd, new Uint8Array(8))).toBe(-111);
  });
});

describe('tcp_v4_err for a pending passive open (tcp_req_err)', () => {
  /** synAckRejected lets the client's INPUT chain reject the server's SYN-ACK, so the server hears an ICMP error about it. */
  function synAckRejected(kernel: '3.10' | '6.x', rejectWith?: string) {
    const w = new World({ kernel });
    const [c, s] = [w.host('client'), w.host('server')];
    const [cp, sp] = [spawn(c, STUDENT), spawn(s, STUDENT)];
    const l = socket(s, sp, 2, 1, 0);
    bind(s, sp, l, { family: 2, port: 8080, addr: 0 });
    listen(s, sp, l, 5);
    nfAppend(c, 'INPUT', {
      protocol: 6,
      sport: 8080,
      target: 'REJECT',
      ...(rejectWith ? { rejectWith } : {}),
    });
    connect(c, cp, socket(c, cp, 2, 1, 0), SERVER);
    w.sim.runUntil(w.sim.now + 50_000_000);
    const calls = w.trace
      .ofKind('call')
      .filter(
        (e) =>
          e.host === 'server' && ['tcp_v4_err', 'tcp_req_err', 'inet_csk_reqsk_queue_drop'].includes(e.fn),
      )
      .map((e) => e.fn);
    return { pending: s.synTable.size, calls };
  }

  it('drops the request on 3.10 for a port unreachable', () => {
    expect(synAckRejected('3.10')).toEqual({
      pending: 0,
      calls: ['tcp_v4_err', 'tcp_req_err', 'inet_csk_reqsk_queue_drop'],
    });
  });

  it('keeps the request on 6.x for a port unreachable (only net/host unreachable abort it)', () => {
    expect(synAckRejected('6.x')).toEqual({ pending: 1, calls: ['tcp_v4_err', 'tcp_req_err'] });
  });

  it('drops the request on 6.x for a host unreachable', () => {
    expect(synAckRejected('6.x', 'icmp-host-unreachable')).toEqual({
      pending: 0,
      calls: ['tcp_v4_err', 'tcp_req_err', 'inet_csk_reqsk_queue_drop'],
    });
  });
});
