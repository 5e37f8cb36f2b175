import { describe, expect, it } from 'vitest';
import { World } from '../../world/world';
import { STUDENT } from '../../sched/task';
import { ipFromString, type SockaddrIn } from '../../include/uapi/in';
import { bind, connect, recv, send, sendto, socket, spawn } from '../../syscalls';
import { nfAppend, nfDelete, nfFlush, nfInsert, nfList } from './api';

const SERVER: SockaddrIn = { family: 2, port: 9000, addr: ipFromString('10.0.0.2')! };

/** setup builds the default world with a task on each host. */
function setup() {
  const w = new World();
  const c = w.host('client');
  const s = w.host('server');
  return { w, c, s, cp: spawn(c, STUDENT), sp: spawn(s, STUDENT) };
}

/** verdicts lists every nf_hook event as "host hook verdict rule". */
const verdicts = (w: World): string[] =>
  w.trace.ofKind('nf_hook').map((e) => `${e.host} ${e.hook} ${e.verdict} ${e.rule}`);

describe('REJECT', () => {
  it('answers with icmp-port-unreachable by default, which a connected UDP socket sees as ECONNREFUSED', () => {
    const { w, c, s, cp, sp } = setup();
    bind(s, sp, socket(s, sp, 2, 2, 0), { family: 2, port: 9000, addr: 0 });
    expect(nfAppend(s, 'INPUT', { protocol: 17, dport: 9000, target: 'REJECT' })).toBe(null);
    const fd = socket(c, cp, 2, 2, 0);
    connect(c, cp, fd, SERVER);
    send(c, cp, fd, new Uint8Array(2));
    w.sim.runUntilIdle();
    expect(verdicts(w).filter((v) => v.startsWith('server NF_INET_LOCAL_IN'))).toEqual([
      'server NF_INET_LOCAL_IN NF_DROP INPUT#1 -j REJECT --reject-with icmp-port-unreachable',
    ]);
    expect(recv(c, cp, fd, new Uint8Array(4))).toBe(-111);
  });

  it('answers a SYN with a RST under --reject-with tcp-reset, so connect() fails with ECONNREFUSED', () => {
    const { w, c, s, cp, sp } = setup();
    const l = socket(s, sp, 2, 1, 0);
    bind(s, sp, l, { family: 2, port: 80, addr: 0 });
    expect(nfAppend(s, 'INPUT', { protocol: 6, dport: 80, target: 'REJECT', rejectWith: 'tcp-reset' })).toBe(
      null,
    );
    const fd = socket(c, cp, 2, 1, 0);
    connect(c, cp, fd, { ...SERVER, port: 80 });
    w.sim.runUntilIdle();
    expect(connect(c, cp, fd, { ...SERVER, port: 80 })).toBe(-111);
    expect(w.trace.ofKind('call').some((e) => e.host === 'server' && e.fn === 'nf_send_reset')).toBe(true);
  });
});

describe('REJECT in OUTPUT', () => {
  it('fails the sendto with EPERM and tells the connected socket ECONNREFUSED through an ICMP error to itself', () => {
    const { w, c, cp } = setup();
    nfAppend(c, 'OUTPUT', { protocol: 17, dport: 9000, target: 'REJECT' });
    const fd = socket(c, cp, 2, 2, 0);
    connect(c, cp, fd, SERVER);
    expect(send(c, cp, fd, new Uint8Array(2))).toBe(-1);
    w.sim.runUntilIdle();
    expect(w.trace.ofKind('frame_tx')).toEqual([]);
    expect(recv(c, cp, fd, new Uint8Array(4))).toBe(-111);
  });
});

describe('LOG', () => {
  it('writes the packet line to the kernel log and lets the next rule decide', () => {
    const { w, c, s, cp } = setup();
    nfAppend(c, 'OUTPUT', { protocol: 17, target: 'LOG', logPrefix: 'out: ' });
    nfAppend(c, 'OUTPUT', { protocol: 17, dport: 9000, target: 'DROP' });
    const fd = socket(c, cp, 2, 2, 0);
    expect(sendto(c, cp, fd, new Uint8Array(5), 0, SERVER)).toBe(-1);
    expect(w.trace.ofKind('syscall_exit').at(-1)!.errfn).toBe('nf_hook_slow');
    expect(verdicts(w)).toEqual([
      'client NF_INET_LOCAL_OUT LOG OUTPUT#1 -j LOG',
      'client NF_INET_LOCAL_OUT NF_DROP OUTPUT#2 -j DROP',
    ]);
    expect(c.klog.map((l) => l.replace(/SPT=\d+/, 'SPT=P'))).toEqual(
      ['[    0.000000] out: IN= OUT=eth0 SRC=10.0.0.1 DST=10.0.0.2 LEN=33 TOS=0x00 PRECDUMMY'].map((l) =>
        l.replace('PRECDUMMY', 'PREC=0x00 TTL=64 ID=0 DF PROTO=UDP SPT=P DPT=9000 LEN=13'),
      ),
    );
    expect(s.klog).toEqual([]);
  });
});

describe('rule matching', () => {
  it('matches TCP flags with a mask: only the bare SYN is dropped, not the SYN-ACK', () => {
    const { w, c, s, cp, sp } = setup();
    const l = socket(c, cp, 2, 1, 0);
    bind(c, cp, l, { family: 2, port: 7000, addr: 0 });
    nfAppend(s, 'OUTPUT', { protocol: 6, tcpFlags: 0x02, tcpFlagsMask: 0x12, target: 'DROP' });
    nfAppend(c, 'INPUT', { protocol: 6, tcpFlags: 0x02, tcpFlagsMask: 0x12, target: 'ACCEPT' });
    const fd = socket(s, sp, 2, 1, 0);
    connect(s, sp, fd, { family: 2, port: 7000, addr: ipFromString('10.0.0.1')! });
    w.sim.runUntil(w.sim.now + 1_000_000);
    expect(verdicts(w).filter((v) => v.includes('OUTPUT#1'))).toEqual([
      'server NF_INET_LOCAL_OUT NF_DROP OUTPUT#1 -j DROP',
    ]);
  });

  it('matches a source network in CIDR form and an input interface', () => {
    const { w, c, s, cp, sp } = setup();
    bind(s, sp, socket(s, sp, 2, 2, 0), { family: 2, port: 9000, addr: 0 });
    nfAppend(s, 'PREROUTING', { saddr: '10.0.0.0/24', inIface: 'eth0', protocol: 17, target: 'ACCEPT' });
    sendto(c, cp, socket(c, cp, 2, 2, 0), new Uint8Array(1), 0, SERVER);
    w.sim.runUntilIdle();
    expect(verdicts(w).filter((v) => v.includes('PRE_ROUTING'))).toEqual([
      'server NF_INET_PRE_ROUTING NF_ACCEPT PREROUTING#1 -j ACCEPT',
    ]);
  });
});

describe('iptables API', () => {
  it('appends, inserts, lists in iptables -S form, deletes by number and by rule, and flushes', () => {
    const { s } = setup();
    expect(nfAppend(s, 'INPUT', { protocol: 6, dport: 80, target: 'REJECT', rejectWith: 'tcp-reset' })).toBe(
      null,
    );
    expect(nfInsert(s, 'INPUT', { saddr: '10.0.0.1', target: 'LOG', logPrefix: 'in ' }, 1)).toBe(null);
    expect(nfList(s, 'INPUT')).toEqual([
      '-P INPUT ACCEPT',
      '-A INPUT -s 10.0.0.1/32 -j LOG --log-prefix "in "',
      '-A INPUT -p tcp -m tcp --dport 80 -j REJECT --reject-with tcp-reset',
    ]);
    expect(nfDelete(s, 'INPUT', 1)).toBe(null);
    expect(nfDelete(s, 'INPUT', { protocol: 6, dport: 80, target: 'REJECT', rejectWith: 'tcp-reset' })).toBe(
      null,
    );
    expect((nfList(s, 'INPUT') as string[]).length).toBe(1);
    nfAppend(s, 'OUTPUT', { target: 'DROP' });
    expect(nfFlush(s)).toBe(null);
    expect(nfList(s)).toEqual(
      ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'].map((c) => `-P ${c} ACCEPT`),
    );
  });

  it('refuses what iptables refuses, with its message', () => {
    const { s } = setup();
    expect(nfAppend(s, 'PREROUTING', { target: 'REJECT' })).toBe(
      'iptables: REJECT is only valid in the INPUT, FORWARD and OUTPUT chains, not PREROUTING.',
    );
    expect(nfAppend(s, 'INPUT', { protocol: 17, target: 'REJECT', rejectWith: 'tcp-reset' })).toBe(
      'iptables: TCP_RESET invalid for non-tcp',
    );
    expect(nfAppend(s, 'INPUT', { dport: 80, target: 'DROP' })).toBe(
      "iptables: port matches need '-p tcp' or '-p udp'",
    );
    expect(nfAppend(s, 'NOPE', { target: 'DROP' })).toBe('iptables: No chain/target/match by that name.');
    expect(nfDelete(s, 'INPUT', 3)).toBe('iptables: Index of deletion too big.');
    expect(nfInsert(s, 'INPUT', { target: 'DROP' }, 5)).toBe('iptables: Index of insertion too big.');
    expect(nfAppend(s, 'INPUT', { saddr: '10.0.0.300', target: 'DROP' })).toBe(
      "iptables: host/network `10.0.0.300' not found",
    );
  });
});
