import { describe, expect, it } from 'vitest';
import { World } from '../world/world';
import { ROOT, STUDENT } from '../sched/task';
import { ipFromString, ipToString, type SockaddrIn } from '../include/uapi/in';
import { captureFrames } from '../world/capture';
import { describeFrame } from '../../wire/summary';
import { checksum } from '../../wire';
import { connect, recv, recvfrom, send, sendto, setsockopt, socket, spawn } from '../syscalls';
import type { KernelVersion } from '../profiles';

const SERVER: SockaddrIn = { family: 2, port: 0, addr: ipFromString('10.0.0.2')! };

/** world returns a world with a task of the given credentials on the client. */
function world(kernel: KernelVersion = '3.10', who = STUDENT) {
  const w = new World({ kernel });
  const c = w.host('client');
  return { w, c, cp: spawn(c, who) };
}

/** echo builds an ICMP echo request header (checksum left 0) followed by data. */
function echo(id: number, seq: number, data: string): Uint8Array {
  const d = new TextEncoder().encode(data);
  const b = new Uint8Array(8 + d.length);
  b.set([8, 0, 0, 0, id >> 8, id & 0xff, seq >> 8, seq & 0xff]);
  b.set(d, 8);
  return b;
}

/** frames lists every IPv4 frame put on the wire as one tcpdump-like line (ARP left out). */
const frames = (w: World): string[] =>
  captureFrames(w.trace)
    .map((f) => describeFrame(f.data))
    .filter((l) => l.startsWith('IP '));

describe('ICMP port unreachable (udp → icmp_send → udp_err)', () => {
  it('answers a datagram to a closed port with ICMP port unreachable quoting it', () => {
    const { w, c, cp } = world();
    const fd = socket(c, cp, 2, 2, 0);
    sendto(c, cp, fd, new TextEncoder().encode('anyone?'), 0, { ...SERVER, port: 9999 });
    w.sim.runUntilIdle();
    const lines = frames(w);
    expect(lines.map((l) => l.replace(/\.\d{5} /, '.PORT '))).toEqual([
      'IP 10.0.0.1.PORT > 10.0.0.2.9999: UDP, length 7',
      'IP 10.0.0.2 > 10.0.0.1: ICMP 10.0.0.2 udp port 9999 unreachable, length 43',
    ]);
  });

  it('gives a connected UDP socket ECONNREFUSED on its next recv, explained by udp_err', () => {
    const { w, c, cp } = world();
    const fd = socket(c, cp, 2, 2, 0);
    expect(connect(c, cp, fd, { ...SERVER, port: 9999 })).toBe(0);
    expect(send(c, cp, fd, new Uint8Array(3))).toBe(3);
    w.sim.runUntilIdle();
    expect(recv(c, cp, fd, new Uint8Array(8))).toBe(-111);
    const exit = w.trace.ofKind('syscall_exit').at(-1)!;
    expect([exit.errfn, exit.errwhy]).toEqual(['udp_err', 'ICMP type 3 code 3 from 10.0.0.2 → ECONNREFUSED']);
    expect(recv(c, cp, fd, new Uint8Array(8), 0x40)).toBe(-11);
  });

  for (const kernel of ['2.6.32', '6.x'] as const) {
    it(`reports ECONNREFUSED to a connected UDP socket on ${kernel} too`, () => {
      const { w, c, cp } = world(kernel);
      const fd = socket(c, cp, 2, 2, 0);
      connect(c, cp, fd, { ...SERVER, port: 9999 });
      send(c, cp, fd, new Uint8Array(3));
      w.sim.runUntilIdle();
      expect(recv(c, cp, fd, new Uint8Array(8))).toBe(-111);
    });
  }

  it('gives a connected UDP socket ECONNREFUSED on its next send (sock_alloc_send_skb sees sk_err)', () => {
    const { w, c, cp } = world();
    const fd = socket(c, cp, 2, 2, 0);
    connect(c, cp, fd, { ...SERVER, port: 9999 });
    send(c, cp, fd, new Uint8Array(3));
    w.sim.runUntilIdle();
    expect(send(c, cp, fd, new Uint8Array(3))).toBe(-111);
    expect(send(c, cp, fd, new Uint8Array(3))).toBe(3);
  });

  it('rate-limits the errors to one peer: a burst of 6, then one per icmp_ratelimit (1 s)', () => {
    const { w, c, cp } = world();
    const fd = socket(c, cp, 2, 2, 0);
    const unreach = (): number => frames(w).filter((l) => l.includes('unreachable')).length;
    for (let i = 0; i < 10; i++) sendto(c, cp, fd, new Uint8Array(1), 0, { ...SERVER, port: 9999 });
    w.sim.runUntil(w.sim.now + 10_000_000);
    expect(unreach()).toBe(6);
    w.sim.runUntil(w.sim.now + 1_000_000_000);
    for (let i = 0; i < 3; i++) sendto(c, cp, fd, new Uint8Array(1), 0, { ...SERVER, port: 9999 });
    w.sim.runUntil(w.sim.now + 10_000_000);
    expect(unreach()).toBe(7);
  });

  it('leaves an unconnected UDP socket without an error, as Linux does without IP_RECVERR', () => {
    const { w, c, cp } = world();
    const fd = socket(c, cp, 2, 2, 0);
    sendto(c, cp, fd, new Uint8Array(3), 0, { ...SERVER, port: 9999 });
    w.sim.runUntilIdle();
    expect(recvfrom(c, cp, fd, new Uint8Array(8), 0x40, {})).toBe(-11);
  });
});

describe('IP_RECVERR', () => {
  it('gives an unconnected UDP socket the ECONNREFUSED too once IP_RECVERR is set', () => {
    const { w, c, cp } = world();
    const fd = socket(c, cp, 2, 2, 0);
    expect(setsockopt(c, cp, fd, 0, 11, 1)).toBe(0);
    sendto(c, cp, fd, new Uint8Array(3), 0, { ...SERVER, port: 9999 });
    w.sim.runUntilIdle();
    expect(recvfrom(c, cp, fd, new Uint8Array(8), 0x40, {})).toBe(-111);
  });
});

describe('ping sockets (net/ipv4/ping.c)', () => {
  it('sends an echo request with the socket ident as id and receives the reply icmp_echo sent', () => {
    const { w, c, cp } = world();
    c.sysctl['net.ipv4.ping_group_range'] = [0, 2147483647];
    const fd = socket(c, cp, 2, 2, 1);
    expect(sendto(c, cp, fd, echo(0x9999, 1, 'ping!'), 0, SERVER)).toBe(13);
    w.sim.runUntilIdle();
    const buf = new Uint8Array(64);
    const from: { addr?: SockaddrIn } = {};
    expect(recvfrom(c, cp, fd, buf, 0, from)).toBe(13);
    expect([...buf.subarray(0, 8)].slice(0, 2).concat([...buf.subarray(4, 8)])).toEqual([0, 0, 0, 1, 0, 1]);
    expect(checksum.checksumValid(buf, 0, 13)).toBe(true);
    expect(new TextDecoder().decode(buf.subarray(8, 13))).toBe('ping!');
    expect(ipToString(from.addr!.addr)).toBe('10.0.0.2');
    expect(frames(w)).toEqual([
      'IP 10.0.0.1 > 10.0.0.2: ICMP echo request, id 1, seq 1, length 13',
      'IP 10.0.0.2 > 10.0.0.1: ICMP echo reply, id 1, seq 1, length 13',
    ]);
    const server = w.trace
      .ofKind('call')
      .filter((e) => e.host === 'server' && /^icmp|^ip_local_out$/.test(e.fn))
      .map((e) => e.fn);
    expect(server).toEqual(['icmp_rcv', 'icmp_echo', 'icmp_reply', 'icmp_push_reply', 'ip_local_out']);
  });

  it('runs ping_v4_sendmsg → ip_append_data → ping_v4_push_pending_frames → ip_push_pending_frames on 6.x', () => {
    const { w, c, cp } = world('6.x');
    c.sysctl['net.ipv4.ping_group_range'] = [0, 2147483647];
    const fd = socket(c, cp, 2, 2, 1);
    const from = w.trace.length;
    sendto(c, cp, fd, echo(0, 1, ''), 0, SERVER);
    const calls = w.trace
      .events(from)
      .flatMap((e) => (e.kind === 'call' && /ping|ip_append|ip_push/.test(e.fn) ? [e.fn] : []));
    expect(calls).toEqual([
      'ping_get_port',
      'ping_v4_sendmsg',
      'ping_common_sendmsg',
      'ip_append_data',
      'ping_v4_push_pending_frames',
      'ip_push_pending_frames',
    ]);
  });

  it('fragments a 3000-byte echo both ways and reassembles request and reply', () => {
    const { w, c, cp } = world();
    c.sysctl['net.ipv4.ping_group_range'] = [0, 2147483647];
    const fd = socket(c, cp, 2, 2, 1);
    const req = echo(0, 9, 'x'.repeat(3000));
    expect(sendto(c, cp, fd, req, 0, SERVER)).toBe(3008);
    w.sim.runUntil(w.sim.now + 10_000_000);
    const buf = new Uint8Array(4000);
    expect(recvfrom(c, cp, fd, buf, 0, {})).toBe(3008);
    expect(buf.subarray(8, 3008)).toEqual(req.subarray(8));
    expect(frames(w).filter((l) => l.includes('ip-proto-1')).length).toBe(4);
  });

  it('refuses a message that is not an echo request with EINVAL from ping_common_sendmsg', () => {
    const { w, c, cp } = world();
    c.sysctl['net.ipv4.ping_group_range'] = [0, 2147483647];
    const fd = socket(c, cp, 2, 2, 1);
    const reply = echo(0, 1, 'x');
    reply[0] = 0;
    expect(sendto(c, cp, fd, reply, 0, SERVER)).toBe(-22);
    expect(sendto(c, cp, fd, new Uint8Array(4), 0, SERVER)).toBe(-22);
    expect(w.trace.ofKind('syscall_exit').at(-1)!.errfn).toBe('ping_common_sendmsg');
  });
});

describe('raw sockets (net/ipv4/raw.c)', () => {
  it('sends the user ICMP bytes as they are and receives the echo reply with its IP header', () => {
    const { w, c, cp } = world('3.10', ROOT);
    const fd = socket(c, cp, 2, 3, 1);
    const req = echo(0x1234, 7, 'raw');
    const sum = checksum.internetChecksum(req);
    req[2] = sum >> 8;
    req[3] = sum & 0xff;
    expect(sendto(c, cp, fd, req, 0, SERVER)).toBe(11);
    w.sim.runUntilIdle();
    const buf = new Uint8Array(64);
    const n = recvfrom(c, cp, fd, buf, 0x40, {});
    expect(n).toBe(31);
    expect([buf[0], buf[9], buf[20], buf[24], buf[25]]).toEqual([0x45, 1, 0, 0x12, 0x34]);
    expect(frames(w)).toEqual([
      'IP 10.0.0.1 > 10.0.0.2: ICMP echo request, id 4660, seq 7, length 11',
      'IP 10.0.0.2 > 10.0.0.1: ICMP echo reply, id 4660, seq 7, length 11',
    ]);
  });

  it('sends a user-built IP header unchanged except tot_len, id and checksum when the socket is IPPROTO_RAW', () => {
    const { w, c, cp } = world('3.10', ROOT);
    const fd = socket(c, cp, 2, 3, 255);
    const pkt = new Uint8Array(20 + 11);
    pkt.set([0x45, 0, 0, 0, 0, 0, 0x40, 0, 33, 1, 0, 0, 10, 0, 0, 1, 10, 0, 0, 2]);
    const req = echo(5, 5, 'hdr');
    const sum = checksum.internetChecksum(req);
    req[2] = sum >> 8;
    req[3] = sum & 0xff;
    pkt.set(req, 20);
    expect(sendto(c, cp, fd, pkt, 0, SERVER)).toBe(31);
    w.sim.runUntilIdle();
    const f = captureFrames(w.trace)[2]!.data.subarray(14);
    expect([f[2], f[3], f[8], checksum.checksumValid(f, 0, 20)]).toEqual([0, 31, 33, true]);
  });
});
