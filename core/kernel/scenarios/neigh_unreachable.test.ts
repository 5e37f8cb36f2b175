// An address on the local subnet that nobody answers: ARP gives up (neighbour FAILED) and each
// skb still waiting on arp_queue goes through arp_error_report → ipv4_link_failure → icmp_send,
// so this host sends itself an ICMP host unreachable from its own address, quoting the packet.
// A raw ICMP socket (setuid ping's) receives that message, and a TCP connect() fails with
// EHOSTUNREACH after 3 s. Linux 6.18 did the same in a netns (shared/tools/real-run.sh, eth0 a
// veth end with 10.0.0.1/24): `tcp connect = EHOSTUNREACH after 3 s`, and for a 16-byte echo
// request sent on a raw socket `raw got 64 bytes: 10.0.0.1 > 10.0.0.1 type 3 code 1`.
import { describe, expect, it } from 'vitest';
import { World } from '../world/world';
import { ipFromString } from '../include/uapi/in';
import { neighShow } from '../net/core/neighbour';
import { connect, isBlock, recvfrom, sendto, socket, spawn } from '../syscalls';
import { ROOT, STUDENT } from '../sched/task';
import type { KernelVersion } from '../profiles';

const GHOST = { family: 2, port: 0, addr: ipFromString('10.0.0.9')! };

/** echoRequest is an ICMP echo request with id and seq and a valid checksum. */
function echoRequest(id: number, seq: number): Uint8Array {
  const b = new Uint8Array(16);
  b.set([8, 0, 0, 0, id >> 8, id & 0xff, seq >> 8, seq & 0xff]);
  let sum = 0;
  for (let i = 0; i < b.length; i += 2) sum += (b[i]! << 8) | b[i + 1]!;
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  const c = ~sum & 0xffff;
  b[2] = c >> 8;
  b[3] = c & 0xff;
  return b;
}

describe.each(['2.6.32', '3.10', '6.x'] as KernelVersion[])('an unanswered neighbour on %s', (kernel) => {
  it('reports each queued echo request to the raw socket as ICMP host unreachable from 10.0.0.1', () => {
    const w = new World({ kernel });
    const c = w.host('client');
    const pid = spawn(c, ROOT);
    const fd = socket(c, pid, 2, 3, 1);
    for (const seq of [1, 2]) expect(sendto(c, pid, fd, echoRequest(0x1234, seq), 0, GHOST)).toBe(16);
    w.sim.runUntilIdle();
    expect(neighShow(c)).toEqual(['10.0.0.9 dev eth0 FAILED']);
    const seen: string[] = [];
    for (;;) {
      const buf = new Uint8Array(256);
      const n = recvfrom(c, pid, fd, buf, 0x40, {});
      if (typeof n !== 'number' || n < 0) break;
      const q = buf.subarray(28);
      const quoted = `${q[12]}.${q[13]}.${q[14]}.${q[15]} > ${q[16]}.${q[17]}.${q[18]}.${q[19]}`;
      const echo = q.subarray(20);
      seen.push(
        `${n} bytes: ${buf[12]}.${buf[13]}.${buf[14]}.${buf[15]} > ${buf[16]}.${buf[17]}.${buf[18]}.${buf[19]} ` +
          `type ${buf[20]} code ${buf[21]} quoting ${quoted} echo id ${(echo[4]! << 8) | echo[5]!} seq ${echo[7]}`,
      );
    }
    expect(seen).toEqual([
      '64 bytes: 10.0.0.1 > 10.0.0.1 type 3 code 1 quoting 10.0.0.1 > 10.0.0.9 echo id 4660 seq 1',
      '64 bytes: 10.0.0.1 > 10.0.0.1 type 3 code 1 quoting 10.0.0.1 > 10.0.0.9 echo id 4660 seq 2',
    ]);
    const calls = w.trace
      .events(0)
      .filter((e) => e.kind === 'call' && /arp_error_report|ipv4_link_failure|icmp_send/.test(e.fn))
      .map((e) => (e.kind === 'call' ? e.fn : ''));
    expect(calls).toEqual([
      'arp_error_report',
      'ipv4_link_failure',
      'icmp_send',
      'arp_error_report',
      'ipv4_link_failure',
      'icmp_send',
    ]);
  });

  it('fails a TCP connect() with EHOSTUNREACH (No route to host) when ARP gives up after 3 s', () => {
    const w = new World({ kernel });
    const c = w.host('client');
    const pid = spawn(c, STUDENT);
    const fd = socket(c, pid, 2, 1, 0);
    const dst = { family: 2, port: 80, addr: ipFromString('10.0.0.9')! };
    expect(isBlock(connect(c, pid, fd, dst))).toBe(true);
    w.sim.runUntilIdle();
    expect(connect(c, pid, fd, dst)).toBe(-113);
    const exit = w.trace.ofKind('syscall_exit').at(-1)!;
    expect(exit.errno).toBe('EHOSTUNREACH');
    // 2.6.32 sends its first ARP probe from the neighbour timer one jiffy after the SYN.
    expect(w.trace.ofKind('inet_sock_set_state').at(-1)!.t).toBe(
      kernel === '2.6.32' ? 3_001_000_000 : 3_000_000_000,
    );
  });
});
