import { describe, expect, it } from 'vitest';
import { World } from '../world/world';
import { STUDENT } from '../sched/task';
import { IP_OPT, IP_PMTUDISC_DO, ipFromString, ipToString, type SockaddrIn } from '../include/uapi/in';
import { captureFrames } from '../world/capture';
import { describeFrame } from '../../wire/summary';
import { SO } from '../net/core/sockopt';
import { bind, recvfrom, sendto, setsockopt, socket, spawn } from '../syscalls';
import type { KernelVersion } from '../profiles';

/** udpPair builds a server task bound to UDP port 9000 and a client task with a UDP socket. */
function udpPair(kernel: KernelVersion = '3.10') {
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

/** ipFields returns "id off MF DF len" for every IPv4 frame on the wire. */
function ipFields(w: World): string[] {
  return captureFrames(w.trace)
    .map((f) => f.data)
    .filter((f) => f[12] === 0x08 && f[13] === 0x00)
    .map((f) => {
      const fo = (f[20]! << 8) | f[21]!;
      return `off=${(fo & 0x1fff) * 8} MF=${(fo >> 13) & 1} DF=${(fo >> 14) & 1} len=${(f[16]! << 8) | f[17]!}`;
    });
}

describe('ip_fragment / ip_defrag', () => {
  it('cuts a 4000-byte datagram into 1500-byte fragments without DF and reassembles it on the server', () => {
    const { w, s, c, cp, sp, sfd, cfd, dst } = udpPair();
    const data = new Uint8Array(4000).map((_, i) => (i * 7) & 0xff);
    expect(sendto(c, cp, cfd, data, 0, dst)).toBe(4000);
    w.sim.runUntilIdle();
    expect(ipFields(w)).toEqual([
      'off=0 MF=1 DF=0 len=1500',
      'off=1480 MF=1 DF=0 len=1500',
      'off=2960 MF=0 DF=0 len=1068',
    ]);
    const buf = new Uint8Array(5000);
    const from: { addr?: SockaddrIn } = {};
    expect(recvfrom(s, sp, sfd, buf, 0, from)).toBe(4000);
    expect(buf.subarray(0, 4000)).toEqual(data);
    expect(ipToString(from.addr!.addr)).toBe('10.0.0.1');
    const calls = w.trace.ofKind('call').filter((e) => /^ip_(fragment|defrag|frag_)/.test(e.fn));
    expect(calls.map((e) => `${e.host} ${e.fn}`)).toEqual([
      'client ip_fragment',
      'server ip_defrag',
      'server ip_frag_queue',
      'server ip_defrag',
      'server ip_frag_queue',
      'server ip_defrag',
      'server ip_frag_queue',
      'server ip_frag_reasm',
    ]);
  });

  it('names ip_do_fragment under ip_fragment on 6.x', () => {
    const { w, c, cp, cfd, dst } = udpPair('6.x');
    sendto(c, cp, cfd, new Uint8Array(2000), 0, dst);
    const fns = w.trace.ofKind('call').filter((e) => /fragment/.test(e.fn));
    expect(fns.map((e) => `${e.depth - fns[0]!.depth} ${e.fn}`)).toEqual([
      '0 ip_fragment',
      '1 ip_do_fragment',
    ]);
  });

  it('sets DF on a datagram that fits the MTU (IP_PMTUDISC_WANT)', () => {
    const { w, c, cp, cfd, dst } = udpPair();
    sendto(c, cp, cfd, new Uint8Array(1472), 0, dst);
    w.sim.runUntilIdle();
    expect(ipFields(w)).toEqual(['off=0 MF=0 DF=1 len=1500']);
  });

  it('refuses a datagram above the MTU with EMSGSIZE under IP_PMTUDISC_DO', () => {
    const { w, c, cp, cfd, dst } = udpPair();
    expect(setsockopt(c, cp, cfd, 0, IP_OPT.IP_MTU_DISCOVER, IP_PMTUDISC_DO)).toBe(0);
    expect(sendto(c, cp, cfd, new Uint8Array(1473), 0, dst)).toBe(-90);
    expect(w.trace.ofKind('syscall_exit').at(-1)!.errfn).toBe('__ip_append_data');
  });

  it('drops an incomplete fragment queue after ipfrag_time with FRAG_REASM_TIMEOUT and answers time exceeded', () => {
    const w = new World({ link: { loss: 0 } });
    const c = w.host('client');
    const cp = spawn(c, STUDENT);
    const cfd = socket(c, cp, 2, 2, 0);
    const dst: SockaddrIn = { family: 2, port: 9000, addr: ipFromString('10.0.0.2')! };
    const wire = c.net.wire!;
    let n = 0;
    c.net.wire = (from, dev, bytes) => (n++ === 3 ? undefined : wire(from, dev, bytes)); // lose the last fragment
    sendto(c, cp, cfd, new Uint8Array(4000), 0, dst);
    w.sim.runUntilIdle();
    expect(w.trace.ofKind('kfree_skb').map((e) => `${e.host} ${e.reason}`)).toEqual([
      'server SKB_DROP_REASON_FRAG_REASM_TIMEOUT',
    ]);
    const ip = captureFrames(w.trace)
      .map((f) => describeFrame(f.data))
      .filter((l) => l.startsWith('IP '));
    expect(ip.at(-1)).toBe('IP 10.0.0.2 > 10.0.0.1: ICMP ip reassembly time exceeded, length 556');
  });
});

describe('IP options (ip_setsockopt)', () => {
  it('sends with the TTL and TOS set by IP_TTL and IP_TOS, and IP_TTL -1 restores ip_default_ttl', () => {
    const { w, c, cp, cfd, dst } = udpPair();
    expect(setsockopt(c, cp, cfd, 0, IP_OPT.IP_TTL, 5)).toBe(0);
    expect(setsockopt(c, cp, cfd, 0, IP_OPT.IP_TOS, 0x10)).toBe(0);
    sendto(c, cp, cfd, new Uint8Array(1), 0, dst);
    expect(setsockopt(c, cp, cfd, 0, IP_OPT.IP_TTL, -1)).toBe(0);
    sendto(c, cp, cfd, new Uint8Array(1), 0, dst);
    w.sim.runUntilIdle();
    const ip = captureFrames(w.trace).filter((f) => f.data[12] === 0x08 && f.data[13] === 0);
    expect(ip.map((f) => [f.data[15], f.data[22]])).toEqual([
      [0x10, 5],
      [0x10, 64],
    ]);
    expect(setsockopt(c, cp, cfd, 0, IP_OPT.IP_TTL, 0)).toBe(-22);
    expect(setsockopt(c, cp, cfd, 0, IP_OPT.IP_HDRINCL, 1)).toBe(-92);
  });
});

describe('broadcast', () => {
  it('returns EACCES from udp_sendmsg for 10.0.0.255 without SO_BROADCAST', () => {
    const { w, c, cp, cfd } = udpPair();
    const bcast = { family: 2, port: 9000, addr: ipFromString('10.0.0.255')! };
    expect(sendto(c, cp, cfd, new Uint8Array(4), 0, bcast)).toBe(-13);
    expect(w.trace.ofKind('syscall_exit').at(-1)!.errfn).toBe('udp_sendmsg');
  });

  it('sends to ff:ff:ff:ff:ff:ff without ARP and delivers to the bound server socket with SO_BROADCAST', () => {
    const { w, s, c, cp, sp, sfd, cfd } = udpPair();
    const bcast = { family: 2, port: 9000, addr: ipFromString('10.0.0.255')! };
    expect(setsockopt(c, cp, cfd, 1, SO.SO_BROADCAST, 1)).toBe(0);
    expect(sendto(c, cp, cfd, new TextEncoder().encode('all'), 0, bcast)).toBe(3);
    w.sim.runUntilIdle();
    const f = captureFrames(w.trace);
    expect(f.length).toBe(1);
    expect([...f[0]!.data.subarray(0, 6)]).toEqual([255, 255, 255, 255, 255, 255]);
    expect(recvfrom(s, sp, sfd, new Uint8Array(8), 0, {})).toBe(3);
  });

  it('loops a copy back through ip_mc_output so a socket on the sending host receives its own broadcast', () => {
    const { w, c, cp, cfd } = udpPair();
    const mine = socket(c, cp, 2, 2, 0);
    bind(c, cp, mine, { family: 2, port: 9000, addr: 0 });
    setsockopt(c, cp, cfd, 1, SO.SO_BROADCAST, 1);
    sendto(c, cp, cfd, new TextEncoder().encode('all'), 0, {
      family: 2,
      port: 9000,
      addr: ipFromString('10.0.0.255')!,
    });
    w.sim.runUntilIdle();
    const from: { addr?: SockaddrIn } = {};
    expect(recvfrom(c, cp, mine, new Uint8Array(8), 0, from)).toBe(3);
    expect(ipToString(from.addr!.addr)).toBe('10.0.0.1');
    const fns = w.trace
      .ofKind('call')
      .filter((e) => e.host === 'client' && /ip_mc_output|dev_loopback_xmit/.test(e.fn));
    expect(fns.map((e) => e.fn)).toEqual(['ip_mc_output', 'dev_loopback_xmit']);
  });
});
