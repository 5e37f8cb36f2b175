// Route changes as `ip route add | del | replace` makes them (route_api.ts): iproute2's answers
// per era, and what sockets see afterwards: no route gives ENETUNREACH from connect() and
// sendto(), and a connected socket's cached route (sk_dst_cache) is dropped at its next send,
// so the datagram follows the new route.
import { describe, expect, it } from 'vitest';
import { World } from '../world/world';
import { connect, send, sendto, socket, spawn } from '../syscalls';
import { STUDENT } from '../sched/task';
import { errno } from '../include/uapi/errno';
import { ipFromString, type SockaddrIn } from '../include/uapi/in';
import type { Rtable } from '../include/net/route';
import { neighShow } from '../net/core/neighbour';
import { inet_rtm_delroute, inet_rtm_newroute, mainTable, type RouteSpec } from '../net/ipv4/route_api';
import { sockOf } from '../testing/harness';
import type { KernelVersion } from '../profiles';

const KERNELS: KernelVersion[] = ['2.6.32', '3.10', '6.x'];
const SERVER: SockaddrIn = { family: 2, port: 9, addr: ipFromString('10.0.0.2')! };
const HELLO = new TextEncoder().encode('hello');

/**
 * REAL_AFTER_DEL is what Linux 6.18 answered (shared/tools/real-run.sh, a netns whose eth0 is a
 * veth end with 10.0.0.1/24): a C program connected a UDP socket to 10.0.0.2:9, ran
 * `ip route del 10.0.0.0/24`, tried a send on it, a sendto and a connect on a new UDP socket and
 * a TCP connect, then `ip route add 10.0.0.0/24 dev eth0` and sent again.
 */
const REAL_AFTER_DEL = [
  'udp connect = 0',
  'udp send before = 5',
  'udp send after del = ENETUNREACH',
  'udp sendto after del = ENETUNREACH',
  'udp connect after del = ENETUNREACH',
  'tcp connect after del = ENETUNREACH',
  'udp send after add = 5',
];

/** route builds a request for dst/len with the given attributes. */
function route(dst: string, prefixLen: number, more: Partial<RouteSpec> = {}): RouteSpec {
  return { dst, prefixLen, gw: null, dev: null, prefsrc: null, metric: null, ...more };
}

/** client is a fresh world's client host with a student task. */
function client(kernel: KernelVersion) {
  const w = new World({ kernel });
  const h = w.host('client');
  return { w, h, pid: spawn(h, STUDENT) };
}

/** table lists table main as `dst/len gateway dev src` strings. */
function table(h: ReturnType<typeof client>['h']): string[] {
  return mainTable(h).map((r) => `${r.dst}/${r.prefixLen} ${r.gw ?? '-'} ${r.dev} ${r.src}`);
}

describe.each(KERNELS)('route changes on %s', (kernel) => {
  it('adds, replaces and deletes routes in fib dump order, choosing the lowest metric', () => {
    const { h } = client(kernel);
    expect(inet_rtm_newroute(h, route('0.0.0.0', 0, { gw: '10.0.0.254' }), false)).toBeNull();
    expect(inet_rtm_newroute(h, route('172.16.0.0', 16, { gw: '10.0.0.3', metric: 100 }), false)).toBeNull();
    expect(inet_rtm_newroute(h, route('172.16.0.0', 16, { gw: '10.0.0.4', metric: 50 }), false)).toBeNull();
    expect(inet_rtm_newroute(h, route('0.0.0.0', 0, { gw: '10.0.0.253' }), true)).toBeNull();
    expect(table(h)).toEqual([
      '0.0.0.0/0 10.0.0.253 eth0 10.0.0.1',
      '10.0.0.0/24 - eth0 10.0.0.1',
      '172.16.0.0/16 10.0.0.4 eth0 10.0.0.1',
      '172.16.0.0/16 10.0.0.3 eth0 10.0.0.1',
    ]);
    expect(inet_rtm_delroute(h, route('172.16.0.0', 16, { metric: 50 }))).toBeNull();
    expect(inet_rtm_delroute(h, route('0.0.0.0', 0))).toBeNull();
    expect(table(h)).toEqual(['10.0.0.0/24 - eth0 10.0.0.1', '172.16.0.0/16 10.0.0.3 eth0 10.0.0.1']);
  });

  it('answers sends and connects after `ip route del` of the subnet exactly as Linux 6.18 did', () => {
    const { h, pid } = client(kernel);
    const name = (r: unknown): string => (r === -errno.ENETUNREACH ? 'ENETUNREACH' : String(r));
    const lines: string[] = [];
    const u = socket(h, pid, 2, 2, 0);
    lines.push(`udp connect = ${name(connect(h, pid, u, SERVER))}`);
    lines.push(`udp send before = ${name(send(h, pid, u, HELLO))}`);
    expect(inet_rtm_delroute(h, route('10.0.0.0', 24))).toBeNull();
    lines.push(`udp send after del = ${name(send(h, pid, u, HELLO))}`);
    const u2 = socket(h, pid, 2, 2, 0);
    lines.push(`udp sendto after del = ${name(sendto(h, pid, u2, HELLO, 0, SERVER))}`);
    lines.push(`udp connect after del = ${name(connect(h, pid, u2, SERVER))}`);
    const t = socket(h, pid, 2, 1, 0);
    lines.push(`tcp connect after del = ${name(connect(h, pid, t, SERVER))}`);
    expect(inet_rtm_newroute(h, route('10.0.0.0', 24, { dev: 'eth0' }), false)).toBeNull();
    lines.push(`udp send after add = ${name(send(h, pid, u, HELLO))}`);
    expect(lines).toEqual(REAL_AFTER_DEL);
  });

  it("drops a connected socket's cached route at its next send after a route change", () => {
    const { h, pid } = client(kernel);
    const udp = socket(h, pid, 2, 2, 0);
    expect(connect(h, pid, udp, SERVER)).toBe(0);
    expect(send(h, pid, udp, HELLO)).toBe(5);
    const sk = sockOf(h, pid, udp);
    const before = sk.f.sk_dst_cache;
    expect(inet_rtm_newroute(h, route('10.0.0.2', 32, { gw: '10.0.0.3' }), false)).toBeNull();
    expect(sk.f.sk_dst_cache).toBe(before);
    expect(send(h, pid, udp, HELLO)).toBe(5);
    expect(sk.f.sk_dst_cache).not.toBe(before);
    const rt = h.live.get(sk.f.sk_dst_cache!) as Rtable;
    expect(rt.f.rt_gateway).toBe('10.0.0.3');
    expect(neighShow(h).some((l) => l.startsWith('10.0.0.3 dev eth0'))).toBe(true);
    expect(inet_rtm_delroute(h, route('10.0.0.0', 24))).toBeNull();
    expect(inet_rtm_delroute(h, route('10.0.0.2', 32))).toBeNull();
    expect(send(h, pid, udp, HELLO)).toBe(-errno.ENETUNREACH);
    expect(sk.f.sk_dst_cache).toBeNull();
  });
});

describe('route change errors as iproute2 prints them', () => {
  it.each([
    ['3.10', 'RTNETLINK answers: Network is unreachable', 'RTNETLINK answers: Invalid argument'],
    ['2.6.32', 'RTNETLINK answers: Network is unreachable', 'RTNETLINK answers: Invalid argument'],
    ['6.x', 'Error: Nexthop has invalid gateway.', 'Error: Invalid prefsrc address.'],
  ] as const)('answers like the %s kernel', (kernel, badGateway, badSrc) => {
    const { h } = client(kernel);
    const before = table(h);
    expect(inet_rtm_newroute(h, route('10.0.0.0', 24, { dev: 'eth0' }), false)).toBe(
      'RTNETLINK answers: File exists',
    );
    expect(inet_rtm_newroute(h, route('192.168.5.0', 24, { gw: '192.168.1.1' }), false)).toBe(badGateway);
    expect(inet_rtm_newroute(h, route('172.18.0.0', 16, { dev: 'eth0', prefsrc: '10.9.9.9' }), false)).toBe(
      badSrc,
    );
    expect(inet_rtm_newroute(h, route('172.20.0.0', 16), false)).toBe('RTNETLINK answers: No such device');
    expect(inet_rtm_delroute(h, route('192.168.9.0', 24))).toBe('RTNETLINK answers: No such process');
    expect(inet_rtm_delroute(h, route('10.0.0.0', 24, { metric: 5 }))).toBe(
      'RTNETLINK answers: No such process',
    );
    expect(inet_rtm_delroute(h, route('10.0.0.0', 24, { gw: '10.0.0.9' }))).toBe(
      'RTNETLINK answers: No such process',
    );
    expect(table(h)).toEqual(before);
  });

  it('rejects host bits outside the prefix (6.x extack)', () => {
    expect(inet_rtm_newroute(client('6.x').h, route('172.19.0.1', 16, { dev: 'eth0' }), false)).toBe(
      'Error: Invalid prefix for given prefix length.',
    );
    expect(inet_rtm_newroute(client('3.10').h, route('172.19.0.1', 16, { dev: 'eth0' }), false)).toBe(
      'RTNETLINK answers: Invalid argument',
    );
  });
});
