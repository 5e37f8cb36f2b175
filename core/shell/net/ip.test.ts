// ip and arp over the simulated hosts, against iproute2's and net-tools' layouts recorded on
// this machine (testdata/real: two network namespaces joined by a veth pair with the default
// world's addresses). The simulated eth0 is a plain Ethernet NIC with pfifo_fast, so `ip addr`
// differs from the veth recording only where a veth differs (eth0@if2, link-netns, noqueue).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openShell } from '../../../test/helpers/shellTerminal';
import { LabSession } from '../../session/index';

const real = (name: string) =>
  readFileSync(join(new URL('../../../', import.meta.url).pathname, 'core/shell/testdata/real', name), 'utf8')
    .replace(/\n$/, '')
    .split('\n');

async function shell(host = 'client') {
  const session = new LabSession({ seed: 1 });
  const screen = await openShell({}, 120, 30, { session, host });
  return { session, run: (line: string) => screen.run(line) };
}

describe('ip', () => {
  it('prints the main routing table and route lookups as iproute2 does', async () => {
    const { run } = await shell();
    expect(await run('ip route')).toEqual(real('ip-route.client.txt'));
    expect(await run('sudo ip route get 10.0.0.2')).toEqual(real('ip-route-get.client.txt'));
    expect(await run('ip r get 10.0.0.2')).toEqual([
      '10.0.0.2 dev eth0 src 10.0.0.1 uid 1000 ',
      '    cache ',
    ]);
    expect(await run('ip route get 10.0.0.1')).toEqual([
      'local 10.0.0.1 dev lo table local src 10.0.0.1 uid 1000 ',
      '    cache <local> ',
    ]);
    expect(await run('ip route get 192.168.1.1')).toEqual(['RTNETLINK answers: Network is unreachable']);
  });

  it('prints devices and addresses in ip addr and ip link layout', async () => {
    const { run } = await shell();
    const recorded = real('ip-addr.client.txt');
    const addr = await run('ip addr');
    expect(addr.slice(0, 2)).toEqual([recorded[0]!.replace(' qlen 1000', ''), recorded[1]]);
    expect(addr.slice(2)).toEqual([
      '    inet 127.0.0.1/8 scope host lo',
      '       valid_lft forever preferred_lft forever',
      '2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc pfifo_fast state UP group default qlen 1000',
      '    link/ether 02:00:00:00:00:01 brd ff:ff:ff:ff:ff:ff',
      '    inet 10.0.0.1/24 brd 10.0.0.255 scope global eth0',
      '       valid_lft forever preferred_lft forever',
    ]);
    // lo has qlen 1000 on this machine's 6.18 kernel; SockLab's lo keeps tx_queue_len 0, as 3.10's did.
    const link = real('ip-link.client.txt');
    expect((await run('ip link')).slice(0, 2)).toEqual([link[0]!.replace(' qlen 1000', ''), link[1]]);
    expect(await run('ip link show eth0')).toEqual([
      '2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc pfifo_fast state UP mode DEFAULT group default qlen 1000',
      '    link/ether 02:00:00:00:00:01 brd ff:ff:ff:ff:ff:ff',
    ]);
  });

  it('changes the MTU only as root, and says why otherwise', async () => {
    const { run, session } = await shell();
    expect(await run('ip link set eth0 mtu 1400')).toEqual(['RTNETLINK answers: Operation not permitted']);
    expect(await run('sudo ip link set dev eth0 mtu 1400')).toEqual([]);
    expect(session.world.host('client').net.devices.get('eth0')!.f.mtu).toBe(1400);
    expect(await run('sudo ip link set eth9 mtu 1400')).toEqual(['Cannot find device "eth9"']);
    expect(await run('ip link set eth0 mtu big')).toEqual([
      'Error: argument "big" is wrong: Invalid "mtu" value',
    ]);
  });

  it('answers unknown objects and devices in iproute2 words', async () => {
    const { run } = await shell();
    expect(await run('ip foo')).toEqual(['Object "foo" is unknown, try "ip help".']);
    expect(await run('ip addr show dev eth7')).toEqual(['Device "eth7" does not exist.']);
    expect(await run('ip neigh')).toEqual([]);
    expect(await run('ip neigh flush all')).toEqual([
      'Failed to send flush request: Operation not permitted',
    ]);
  });
});

describe('arp', () => {
  it('prints nothing for an empty table and refuses unknown options', async () => {
    const { run } = await shell();
    expect(await run('arp -n')).toEqual([]);
    expect(await run('arp -x')).toEqual(["arp: invalid option -- 'x'"]);
  });
});
