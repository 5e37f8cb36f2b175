// The tools change what the simulated network does, as on Linux: a netem delay shows in ping's
// round-trip time, an iptables REJECT with tcp-reset refuses a connection, and a live tcpdump
// prints the frames as they cross eth0.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { testParser } from '../../../test/helpers/cParser';
import { openLabShell } from '../../../test/helpers/shellTerminal';
import type { CParser } from '../../lang/index';
import { MemoryWorkspace } from '../memoryWorkspace';

const root = new URL('../../../', import.meta.url).pathname;
let parser: CParser;
beforeAll(async () => {
  parser = await testParser();
});

async function shell() {
  const files = new MemoryWorkspace({
    'echocli.c': readFileSync(join(root, 'core/shell/testdata/echocli.c'), 'utf8'),
  });
  const { run } = await openLabShell(parser, files, { cols: 200, rows: 40 });
  return { run };
}

describe('tools acting on the simulated network', () => {
  it('adds netem delay to the round-trip time ping measures', async () => {
    const { run } = await shell();
    expect(await run('sudo tc qdisc add dev eth0 root netem delay 100ms')).toEqual([]);
    // netem delays what client sends: the ARP request and then the echo request, 100 ms each,
    // as the first ping after `tc qdisc add … delay 100ms` with an empty ARP cache shows on Linux.
    const lines = await run('ping -c 2 server');
    expect(lines.slice(1, 3)).toEqual([
      '64 bytes from server (10.0.0.2): icmp_seq=1 ttl=64 time=200.203 ms',
      '64 bytes from server (10.0.0.2): icmp_seq=2 ttl=64 time=100.102 ms',
    ]);
  });

  it('fills the neighbour table that ip neigh and arp -n print, as recorded on Linux', async () => {
    const { run } = await shell();
    await run('ping -c 1 server');
    const real = (name: string) =>
      readFileSync(join(root, 'core/shell/testdata/real', name), 'utf8')
        .replace(/\n$/, '')
        .split('\n');
    expect(await run('ip neigh')).toEqual(real('ip-neigh.client.txt'));
    expect(await run('arp -n')).toEqual(real('arp-n.client.txt'));
  });

  it('refuses a connection with an iptables REJECT --reject-with tcp-reset on the server', async () => {
    const { run } = await shell();
    expect(
      await run('on server sudo iptables -A INPUT -p tcp --dport 7007 -j REJECT --reject-with tcp-reset'),
    ).toEqual([]);
    expect(await run('run echocli.c server hi')).toEqual(['connect: Connection refused']);
  });

  it('prints frames live while tcpdump runs in the background', async () => {
    const { run } = await shell();
    expect(await run('sudo tcpdump -n -i eth0 icmp &')).toEqual([
      '[1]',
      'tcpdump: verbose output suppressed, use -v[v]... for full protocol decode',
      'listening on eth0, link-type EN10MB (Ethernet), snapshot length 262144 bytes',
    ]);
    const lines = await run('ping -c 1 server');
    expect(lines.filter((l) => l.includes(' IP '))).toEqual([
      '00:00:00.000101 IP 10.0.0.1 > 10.0.0.2: ICMP echo request, id 100, seq 1, length 64',
      '00:00:00.000203 IP 10.0.0.2 > 10.0.0.1: ICMP echo reply, id 100, seq 1, length 64',
    ]);
  });
});
