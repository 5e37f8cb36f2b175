import { describe, expect, it } from 'vitest';
import { established, filterLink, segmentLog } from '../testing/tcp';
import { sockOf } from '../testing/harness';
import { accept4, bind, close, connect, listen, send, socket, spawn } from '../syscalls';
import { World } from '../world/world';
import { MSG_DONTWAIT, SOCK_NONBLOCK } from '../include/uapi/socket';
import { ipFromString } from '../include/uapi/in';
import { STUDENT } from '../sched/task';

describe('simultaneous close', () => {
  it('takes both ends through FIN_WAIT1 → CLOSING → TIME_WAIT, each TIME_WAIT lasting tcpTimewaitNs', () => {
    const { w, c, s, cp, sp, cfd, afd } = established('3.10');
    c.tcpTimewaitNs = 1_000_000_000;
    s.tcpTimewaitNs = 1_000_000_000;
    expect(close(c, cp, cfd)).toBe(0);
    expect(close(s, sp, afd as number)).toBe(0);
    w.sim.runUntil(w.sim.now + 2_000_000_000);
    const states = w.trace
      .ofKind('inet_sock_set_state')
      .slice(5)
      .map((e) => `${(e.t / 1e6).toFixed(3)} ${e.host} ${e.oldstate}->${e.newstate}`);
    expect(states).toEqual([
      '0.253 client TCP_ESTABLISHED->TCP_FIN_WAIT1',
      '0.253 server TCP_ESTABLISHED->TCP_FIN_WAIT1',
      '0.304 server TCP_FIN_WAIT1->TCP_CLOSING',
      '0.304 client TCP_FIN_WAIT1->TCP_CLOSING',
      '0.355 client TCP_CLOSING->TCP_TIME_WAIT',
      '0.355 server TCP_CLOSING->TCP_TIME_WAIT',
      '1000.355 client TCP_TIME_WAIT->TCP_CLOSE',
      '1000.355 server TCP_TIME_WAIT->TCP_CLOSE',
    ]);
    expect(segmentLog(w).slice(3)).toEqual([
      '0.253 client [F.] 1 ack 1 win 115',
      '0.253 server [F.] 1 ack 1 win 114',
      '0.304 server [.] 2 ack 2 win 114',
      '0.304 client [.] 2 ack 2 win 115',
    ]);
  });
});

describe('sending to a peer that closed', () => {
  it('gets an RST for data sent after the peer closed, then EPIPE (and SIGPIPE) explained by tcp_reset and by sk_stream_wait_connect', () => {
    const { w, c, s, cp, sp, cfd, afd } = established('3.10');
    expect(close(s, sp, afd as number)).toBe(0);
    w.sim.runUntil(w.sim.now + 10_000_000);
    expect(send(c, cp, cfd, new Uint8Array(10), MSG_DONTWAIT)).toBe(10);
    w.sim.runUntil(w.sim.now + 10_000_000);
    expect(segmentLog(w).slice(3)).toEqual([
      '0.253 server [F.] 1 ack 1 win 114',
      '0.304 client [.] 1 ack 2 win 115',
      '10.253 client [P.] 1:11 ack 2 win 115',
      '10.304 server [R] 2 win 0',
    ]);
    const explain = (): string[] => {
      const e = w.trace.ofKind('syscall_exit').at(-1)!;
      return [e.errno, e.errfn, e.errwhy];
    };
    expect(send(c, cp, cfd, new Uint8Array(10), MSG_DONTWAIT)).toBe(-32);
    expect(explain()).toEqual(['EPIPE', 'tcp_reset', 'RST received in TCP_CLOSE_WAIT']);
    expect(send(c, cp, cfd, new Uint8Array(10), MSG_DONTWAIT)).toBe(-32);
    expect(explain()).toEqual([
      'EPIPE',
      'sk_stream_wait_connect',
      'sk_state TCP_CLOSE is not a connected state',
    ]);
    // Each EPIPE also raises SIGPIPE (sk_stream_error → send_sig) unless MSG_NOSIGNAL.
    const sigs = w.trace.ofKind('call').filter((e) => e.host === 'client' && e.fn === 'send_sig');
    expect(sigs.map((e) => e.args)).toEqual(['SIGPIPE, pid=100', 'SIGPIPE, pid=100']);
  });
});

describe('passive open (listen backlog, SYN-ACK retransmission)', () => {
  it('retransmits the SYN-ACK from reqsk_timer_handler after TCP_TIMEOUT_INIT when the final ACK is lost', () => {
    const { w, afd } = established('3.10', {}, (world) => {
      let acks = 0;
      filterLink(world.host('client'), (seg) => (seg.flags === 0x10 && acks++ === 0 ? 'drop' : 'pass'));
    });
    expect(afd).toBe(4);
    expect(segmentLog(w)).toEqual([
      '0.101 client [S] 0 win 14600',
      '0.152 server [S.] 0 ack 1 win 14480',
      '0.203 client [.] 1 ack 1 win 115',
      '1000.152 server [S.] 0 ack 1 win 14480',
      '1000.203 client [.] 1 ack 1 win 115',
    ]);
    const calls = w.trace.ofKind('call').filter((e) => /reqsk|rtx_syn/.test(e.fn));
    expect(calls.map((e) => `${(e.t / 1e6).toFixed(3)} ${e.host} ${e.fn}`)).toEqual([
      '1000.152 server reqsk_timer_handler',
      '1000.152 server inet_rtx_syn_ack',
      '1000.152 server tcp_v4_rtx_synack',
    ]);
  });

  it('gives up on a request after tcp_synack_retries SYN-ACK retransmissions with backoff when no ACK ever arrives', () => {
    const w = new World({ kernel: '3.10' });
    const [c, s] = [w.host('client'), w.host('server')];
    s.sysctl['net.ipv4.tcp_synack_retries'] = 2;
    const [cp, sp] = [spawn(c, STUDENT), spawn(s, STUDENT)];
    const lfd = socket(s, sp, 2, 1, 0);
    bind(s, sp, lfd, { family: 2, port: 8080, addr: 0 });
    listen(s, sp, lfd, 5);
    filterLink(c, (seg) => (seg.flags === 0x02 ? 'pass' : 'drop'));
    connect(c, cp, socket(c, cp, 2, 1 | SOCK_NONBLOCK, 0), {
      family: 2,
      port: 8080,
      addr: ipFromString('10.0.0.2')!,
    });
    w.sim.runUntil(w.sim.now + 10_000_000_000);
    expect(segmentLog(w).filter((l) => l.includes('server'))).toEqual([
      '0.152 server [S.] 0 ack 1 win 14480',
      '1000.152 server [S.] 0 ack 1 win 14480',
      '3000.152 server [S.] 0 ack 1 win 14480',
    ]);
    const calls = w.trace
      .ofKind('call')
      .filter((e) => e.host === 'server' && e.fn === 'inet_csk_reqsk_queue_drop');
    expect(calls.map((e) => (e.t / 1e6).toFixed(3))).toEqual(['7000.152']);
    expect(s.synTable.size).toBe(0);
  });

  it('drops the handshake ACK while the accept queue is full (sk_ack_backlog > backlog) and completes on a later SYN-ACK retransmission', () => {
    const { w, c, s, sp, lfd } = established('3.10');
    expect(listen(s, sp, lfd, 1)).toBe(0);
    const dst = { family: 2, port: 8080, addr: ipFromString('10.0.0.2')! };
    const pids = [spawn(c, STUDENT), spawn(c, STUDENT), spawn(c, STUDENT)];
    for (const p of pids) expect(connect(c, p, socket(c, p, 2, 1 | SOCK_NONBLOCK, 0), dst)).toBe(-115);
    w.sim.runUntil(w.sim.now + 10_000_000);
    const lsk = sockOf(s, sp, lfd);
    expect([lsk.f.sk_ack_backlog, lsk.f.sk_max_ack_backlog]).toEqual([2, 1]);
    expect(w.trace.ofKind('kfree_skb').map((e) => `${e.location} ${e.reason}`)).toEqual([
      'tcp_v4_hnd_req SKB_DROP_REASON_TCP_LISTEN_OVERFLOW',
    ]);
    expect([accept4(s, sp, lfd), accept4(s, sp, lfd)]).toEqual([5, 6]);
    w.sim.runUntil(w.sim.now + 2_000_000_000);
    expect(segmentLog(w).slice(-2)).toEqual([
      '1000.306 server [S.] 0 ack 1 win 14480',
      '1000.356 client [.] 1 ack 1 win 115',
    ]);
    expect(lsk.f.sk_ack_backlog).toBe(1);
  });

  it('drops a SYN while the accept queue is full and takes the retransmitted SYN once accept() made room', () => {
    const { w, c, s, sp, lfd } = established('3.10');
    expect(listen(s, sp, lfd, 0)).toBe(0);
    const dst = { family: 2, port: 8080, addr: ipFromString('10.0.0.2')! };
    const [p1, p2] = [spawn(c, STUDENT), spawn(c, STUDENT)];
    // With backlog 0 the first child already fills the queue (sk_ack_backlog 1 > 0).
    expect(connect(c, p1, socket(c, p1, 2, 1 | SOCK_NONBLOCK, 0), dst)).toBe(-115);
    w.sim.runUntil(w.sim.now + 10_000_000);
    const from = w.trace.length;
    expect(connect(c, p2, socket(c, p2, 2, 1 | SOCK_NONBLOCK, 0), dst)).toBe(-115);
    w.sim.runUntil(w.sim.now + 10_000_000);
    expect(
      w.trace
        .events(from)
        .filter((e) => e.kind === 'kfree_skb')
        .map((e) => (e.kind === 'kfree_skb' ? `${e.location} ${e.reason}` : '')),
    ).toEqual(['tcp_v4_conn_request SKB_DROP_REASON_TCP_LISTEN_OVERFLOW']);
    expect(accept4(s, sp, lfd)).toBe(5);
    w.sim.runUntil(w.sim.now + 2_000_000_000);
    expect(segmentLog(w).slice(-4)).toEqual([
      '10.253 client [S] 0 win 14600',
      '1010.253 client [S] 0 win 14600',
      '1010.304 server [S.] 0 ack 1 win 14480',
      '1010.355 client [.] 1 ack 1 win 115',
    ]);
    expect(sockOf(s, sp, lfd).f.sk_ack_backlog).toBe(1);
  });
});
