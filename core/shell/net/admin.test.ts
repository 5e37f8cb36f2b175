// sysctl, tc and iptables on the simulated hosts: reading and (as root) changing the kernel's
// parameters, the root qdisc and the filter table, in the real tools' formats and words.
import { describe, expect, it } from 'vitest';
import { openShell } from '../../../test/helpers/shellTerminal';
import { LabSession } from '../../session/index';

async function shell() {
  const session = new LabSession({ seed: 1 });
  const screen = await openShell({}, 160, 40, { session });
  return { session, run: (line: string) => screen.run(line) };
}

describe('sysctl', () => {
  it('prints a parameter, refuses a student and sets it under sudo', async () => {
    const { run } = await shell();
    expect(await run('sysctl net.core.somaxconn')).toEqual(['net.core.somaxconn = 128']);
    expect(await run('sysctl -w net.core.somaxconn=16')).toEqual([
      'sysctl: permission denied on key "net.core.somaxconn"',
    ]);
    expect(await run('sudo sysctl -w net.core.somaxconn=16')).toEqual(['net.core.somaxconn = 16']);
    expect(await run('sysctl -n net.core.somaxconn')).toEqual(['16']);
    expect(await run('sysctl net.ipv4.tcp_rmem')).toEqual([
      // tab-separated, as the terminal's tab stops show it
      'net.ipv4.tcp_rmem = 4096        87380   6291456',
    ]);
    expect(await run('sysctl net.ipv4.nope')).toEqual([
      'sysctl: cannot stat /proc/sys/net/ipv4/nope: No such file or directory',
    ]);
  });
});

describe('tc', () => {
  it('shows the default qdiscs and adds and removes netem as root', async () => {
    const { run } = await shell();
    expect(await run('tc qdisc show dev eth0')).toEqual([
      'qdisc pfifo_fast 0: dev eth0 root refcnt 2 bands 3 priomap 1 2 2 2 1 2 0 0 1 1 1 1 1 1 1 1 ',
    ]);
    expect(await run('tc qdisc add dev eth0 root netem delay 100ms')).toEqual([
      'RTNETLINK answers: Operation not permitted',
    ]);
    expect(await run('sudo tc qdisc add dev eth0 root netem delay 100ms 10ms loss 1%')).toEqual([]);
    expect(await run('tc qdisc show dev eth0')).toEqual([
      'qdisc netem 8001: dev eth0 root refcnt 2 limit 1000 delay 100ms  10ms loss 1% ',
    ]);
    expect(await run('sudo tc qdisc del dev eth0 root')).toEqual([]);
    expect(await run('sudo tc qdisc add dev eth0 root netem delay fast')).toEqual(['Illegal "latency"']);
    expect(await run('tc foo')).toEqual(['Object "foo" is unknown, try "tc help".']);
  });
});

describe('iptables', () => {
  it('appends, lists and deletes rules as root', async () => {
    const { run } = await shell();
    expect((await run('iptables -L'))[0]).toBe(
      "iptables v1.4.21: can't initialize iptables table `filter': Permission denied (you must be root)",
    );
    expect(await run('sudo iptables -A INPUT -p tcp --dport 7007 -j REJECT --reject-with tcp-reset')).toEqual(
      [],
    );
    expect(await run('sudo iptables -I INPUT -s 10.0.0.2 -j LOG --log-prefix SEEN')).toEqual([]);
    expect(await run('sudo iptables -S INPUT')).toEqual([
      '-P INPUT ACCEPT',
      '-A INPUT -s 10.0.0.2/32 -j LOG --log-prefix "SEEN"',
      '-A INPUT -p tcp -m tcp --dport 7007 -j REJECT --reject-with tcp-reset',
    ]);
    expect(await run('sudo iptables -L INPUT -n')).toEqual([
      'Chain INPUT (policy ACCEPT)',
      'target     prot opt source               destination         ',
      'LOG        all  --  10.0.0.2             0.0.0.0/0            LOG flags 0 level 4 prefix "SEEN"',
      'REJECT     tcp  --  0.0.0.0/0            0.0.0.0/0            tcp dpt:7007 reject-with tcp-reset',
    ]);
    expect(await run('sudo iptables -D INPUT 1')).toEqual([]);
    expect(await run('sudo iptables -D INPUT 5')).toEqual(['iptables: Index of deletion too big.']);
    expect(await run('sudo iptables -F')).toEqual([]);
    expect(await run('sudo iptables -S INPUT')).toEqual(['-P INPUT ACCEPT']);
    expect(await run('sudo iptables -A NOPE -j DROP')).toEqual([
      'iptables: No chain/target/match by that name.',
    ]);
    expect(await run('sudo iptables -A INPUT -j BOUNCE')).toEqual([
      "iptables v1.4.21: Couldn't load target `BOUNCE':No such file or directory",
    ]);
  });
});
