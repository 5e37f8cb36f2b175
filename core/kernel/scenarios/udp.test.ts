import { describe, expect, it } from 'vitest';
import { World } from '../world/world';
import { bind, isBlock, recvfrom, sendto, socket, spawn } from '../syscalls';
import { STUDENT } from '../sched/task';
import { ipFromString, ipToString, type SockaddrIn } from '../include/uapi/in';
import type { KernelVersion } from '../profiles';

/** udpPair builds a world with a server task bound to UDP port 9000 and a client task with a UDP socket. */
function udpPair(kernel: KernelVersion) {
  const w = new World({ kernel });
  const c = w.host('client');
  const s = w.host('server');
  const cp = spawn(c, STUDENT);
  const sp = spawn(s, STUDENT);
  const sfd = socket(s, sp, 2, 2, 0);
  bind(s, sp, sfd, { family: 2, port: 9000, addr: 0 });
  const cfd = socket(c, cp, 2, 2, 0);
  const dst: SockaddrIn = { family: 2, port: 9000, addr: ipFromString('10.0.0.2')! };
  return { w, c, s, cp, sp, sfd, cfd, dst };
}

/** sendCalls returns the client's call names (indented) for one sendto of 5 bytes. */
function sendCalls(kernel: KernelVersion): string[] {
  const { w, c, cp, cfd, dst } = udpPair(kernel);
  const from = w.trace.length;
  expect(sendto(c, cp, cfd, new TextEncoder().encode('hello'), 0, dst)).toBe(5);
  return w.trace
    .events(from)
    .filter((e) => e.kind === 'call' && e.host === 'client')
    .map((e) => (e.kind === 'call' ? `${'  '.repeat(e.depth)}${e.fn}` : ''))
    .filter(
      (l) =>
        !/arp|neigh|dev_|xmit|sch_|ip_finish|ip_output|dst_output|nf_hook|ip_local_out|__ip_local_out|ip_send_check|fib|route|xfrm|rt_|mkroute/.test(
          l,
        ),
    );
}

describe('UDP sendto / recvfrom (reference §2.10–2.11)', () => {
  it('walks inet_sendmsg → udp_sendmsg → ip_make_skb → udp_send_skb → ip_send_skb on 3.10', () => {
    expect(sendCalls('3.10')).toEqual([
      'sys_sendto',
      '  sockfd_lookup_light',
      '  sock_sendmsg',
      '    __sock_sendmsg',
      '      __sock_sendmsg_nosec',
      '        inet_sendmsg',
      '          inet_autobind',
      '            udp_v4_get_port',
      '          udp_sendmsg',
      '            ip_make_skb',
      '              __ip_append_data',
      '                sock_alloc_send_skb',
      '              __ip_make_skb',
      '            udp_send_skb',
      '              ip_send_skb',
    ]);
  });

  it('walks ip_append_data → udp_push_pending_frames → ip_push_pending_frames on 2.6.32', () => {
    const got = sendCalls('2.6.32').map((l) => l.trim());
    expect(got.slice(got.indexOf('udp_sendmsg'))).toEqual([
      'udp_sendmsg',
      'ip_append_data',
      'sock_alloc_send_skb',
      'udp_push_pending_frames',
      'ip_push_pending_frames',
    ]);
  });

  it('delivers the datagram with its source address when the server calls recvfrom', () => {
    const { w, c, s, cp, sp, sfd, cfd, dst } = udpPair('3.10');
    sendto(c, cp, cfd, new TextEncoder().encode('hello'), 0, dst);
    w.sim.runUntilIdle();
    const buf = new Uint8Array(64);
    const from: { addr?: SockaddrIn } = {};
    expect(recvfrom(s, sp, sfd, buf, 0, from)).toBe(5);
    expect(new TextDecoder().decode(buf.subarray(0, 5))).toBe('hello');
    expect(ipToString(from.addr!.addr)).toBe('10.0.0.1');
    expect(from.addr!.port >= 32768 && from.addr!.port <= 61000).toBe(true);
    const rcv = w.trace
      .events()
      .filter((e) => e.kind === 'call' && e.host === 'server')
      .map((e) => (e.kind === 'call' ? e.fn : ''));
    const at = rcv.indexOf('udp_rcv');
    expect(rcv.slice(at, at + 5)).toEqual([
      'udp_rcv',
      '__udp4_lib_rcv',
      'udp_queue_rcv_skb',
      '__udp_queue_rcv_skb',
      'sock_queue_rcv_skb',
    ]);
  });

  it('blocks in recvfrom and is woken by sock_def_readable when a datagram arrives', () => {
    const { w, c, s, cp, sp, sfd, cfd, dst } = udpPair('3.10');
    const buf = new Uint8Array(64);
    expect(isBlock(recvfrom(s, sp, sfd, buf, 0, {}))).toBe(true);
    sendto(c, cp, cfd, new Uint8Array([1, 2, 3]), 0, dst);
    w.sim.runUntilIdle();
    expect(w.trace.ofKind('wake').map((e) => `${e.host} ${e.by}`)).toEqual(['server sock_def_readable']);
    expect(recvfrom(s, sp, sfd, buf, 0, {})).toBe(3);
  });

  it('returns EAGAIN from recvfrom with MSG_DONTWAIT when nothing is queued', () => {
    const { s, sp, sfd } = udpPair('3.10');
    expect(recvfrom(s, sp, sfd, new Uint8Array(8), 0x40, {})).toBe(-11);
  });

  it('drops a datagram to an unbound port with SKB_DROP_REASON_NO_SOCKET', () => {
    const { w, c, cp, cfd } = udpPair('3.10');
    sendto(c, cp, cfd, new Uint8Array(4), 0, { family: 2, port: 9999, addr: ipFromString('10.0.0.2')! });
    w.sim.runUntilIdle();
    expect(w.trace.ofKind('kfree_skb').map((e) => `${e.host} ${e.reason}`)).toEqual([
      'server SKB_DROP_REASON_NO_SOCKET',
    ]);
  });

  it('returns EDESTADDRREQ from udp_sendmsg when an unconnected socket sends without an address', () => {
    const { w, c, cp, cfd } = udpPair('3.10');
    expect(sendto(c, cp, cfd, new Uint8Array(4), 0, null)).toBe(-89);
    expect(w.trace.ofKind('syscall_exit').at(-1)?.errfn).toBe('udp_sendmsg');
  });
});
