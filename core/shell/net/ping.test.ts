// ping on the simulated segment: replies with ttl and round-trip times in simulated time, the
// statistics, and ping's errors for a missing or unknown host.
import { beforeAll, describe, expect, it } from 'vitest';
import { testParser } from '../../../test/helpers/cParser';
import { openLabShell, openShell } from '../../../test/helpers/shellTerminal';
import type { CParser } from '../../lang/index';
import { LabSession } from '../../session/index';

let parser: CParser;
beforeAll(async () => {
  parser = await testParser();
});

describe('ping', () => {
  it('prints three replies and the statistics as iputils ping does', async () => {
    const { run } = await openLabShell(parser, {}, { cols: 120, rows: 30 });
    expect(await run('ping -c 3 server')).toEqual([
      'PING server (10.0.0.2) 56(84) bytes of data.',
      '64 bytes from server (10.0.0.2): icmp_seq=1 ttl=64 time=0.203 ms',
      '64 bytes from server (10.0.0.2): icmp_seq=2 ttl=64 time=0.102 ms',
      '64 bytes from server (10.0.0.2): icmp_seq=3 ttl=64 time=0.102 ms',
      '',
      '--- server ping statistics ---',
      '3 packets transmitted, 3 received, 0% packet loss, time 2000ms',
      'rtt min/avg/max/mdev = 0.102/0.136/0.203/0.048 ms',
    ]);
    expect(await run('ping')).toEqual(['ping: usage error: Destination address required']);
    expect(await run('ping mars')).toEqual(['ping: mars: Name or service not known']);
    expect(await run('ping -c 0 server')).toEqual([
      "ping: invalid argument: '0': out of range: 1 <= value <= 9223372036854775807",
    ]);
  });

  it('reports Destination Host Unreachable from its own address when ARP for a subnet address fails', async () => {
    const session = new LabSession({ parser, seed: 1 });
    const screen = await openShell({}, 120, 30, { session });
    const before = screen.lines().length;
    await screen.type('ping -c 3 10.0.0.9; echo "exit $?"\r');
    for (let i = 0; i < 400 && session.settle(20) && screen.shell.busy; i++) await screen.type('');
    await screen.type('');
    expect(screen.lines().slice(before, -1)).toEqual([
      'PING 10.0.0.9 (10.0.0.9) 56(84) bytes of data.',
      'From 10.0.0.1 icmp_seq=1 Destination Host Unreachable',
      'From 10.0.0.1 icmp_seq=2 Destination Host Unreachable',
      'From 10.0.0.1 icmp_seq=3 Destination Host Unreachable',
      '',
      '--- 10.0.0.9 ping statistics ---',
      '3 packets transmitted, 0 received, +3 errors, 100% packet loss, time 2000ms',
      'pipe 3',
      'exit 1',
    ]);
  });
});
