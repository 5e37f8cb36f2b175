// tcpdump against real tcpdump's output for a capture recorded on this machine (testdata/real:
// an echo exchange between two network namespaces), and a live capture in the simulated world
// written with -w and read back with -r.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { testParser } from '../../../test/helpers/cParser';
import { openLabShell } from '../../../test/helpers/shellTerminal';
import type { CParser } from '../../lang/index';
import { MemoryWorkspace } from '../memoryWorkspace';

const root = new URL('../../../', import.meta.url).pathname;
const testdata = (name: string) => join(root, 'core/shell/testdata', name);
const lines = (name: string) => readFileSync(testdata(name), 'utf8').replace(/\n$/, '').split('\n');

let parser: CParser;
beforeAll(async () => {
  parser = await testParser();
});

async function shell() {
  const files = new MemoryWorkspace({ 'echocli.c': readFileSync(testdata('echocli.c'), 'utf8') });
  files.writeBytes('cap.pcap', new Uint8Array(readFileSync(testdata('real/echo.pcap'))));
  const { run } = await openLabShell(parser, files, { cols: 200, rows: 40 });
  return { run, files };
}

describe('tcpdump -r', () => {
  it('prints a real capture exactly as tcpdump -n -r does, relative sequence numbers included', async () => {
    const { run } = await shell();
    expect(await run('tcpdump -n -r cap.pcap')).toEqual([
      ...lines('real/tcpdump-n-r.stderr.txt'),
      ...lines('real/tcpdump-n-r.txt'),
    ]);
  });

  it('adds the hex and ASCII dump with -X', async () => {
    const { run, files } = await shell();
    expect(await run('tcpdump -nX -r cap.pcap > dump.txt 2>/dev/null')).toEqual([]);
    expect(files.readText('dump.txt')).toEqual({
      ok: true,
      value: readFileSync(testdata('real/tcpdump-n-X-r.txt'), 'utf8'),
    });
  });

  it('names hosts and well-known ports without -n', async () => {
    const { run } = await shell();
    const lines = await run('tcpdump -r cap.pcap 2>/dev/null');
    expect(lines[0]).toBe('11:25:42.457075 ARP, Request who-has server tell client, length 28');
    expect(lines[2]).toMatch(/^11:25:42\.457095 IP client\.33194 > server\.7007: Flags \[S\]/);
  });

  it('filters by protocol, host and port', async () => {
    const { run } = await shell();
    expect(await run('tcpdump -n -r cap.pcap arp 2>/dev/null')).toEqual(
      lines('real/tcpdump-n-r.txt').slice(0, 2),
    );
    expect(await run('tcpdump -n -r cap.pcap src host 10.0.0.2 and tcp port 7007 2>/dev/null')).toHaveLength(
      4,
    );
    expect(await run('tcpdump -n -r cap.pcap udp 2>/dev/null')).toEqual([]);
  });

  it('answers bad options, files and filters in tcpdump words', async () => {
    const { run } = await shell();
    expect(await run('tcpdump -r nothere.pcap')).toEqual([
      'tcpdump: nothere.pcap: No such file or directory',
    ]);
    expect(await run('tcpdump -r echocli.c')).toEqual(['tcpdump: echocli.c: bad dump file format']);
    expect(await run('tcpdump -n -r cap.pcap port x')).toEqual(['tcpdump: illegal port number']);
    expect(await run('tcpdump -n -r cap.pcap frob')).toEqual([
      'tcpdump: syntax error in filter expression: syntax error',
    ]);
    expect((await run('tcpdump -Q'))[0]).toBe("tcpdump: invalid option -- 'Q'");
    expect(await run('tcpdump -n')).toEqual([
      "tcpdump: eth0: You don't have permission to perform this capture on that device",
      '(socket: Operation not permitted)',
    ]);
  });
});

describe('tcpdump capture', () => {
  it('records a refused connection with -w in the background and reads it back with -r', async () => {
    const { run } = await shell();
    expect(await run('sudo tcpdump -n -w refused.pcap &')).toEqual([
      '[1]',
      'listening on eth0, link-type EN10MB (Ethernet), snapshot length 262144 bytes',
    ]);
    expect(await run('run echocli.c server hi')).toEqual(['connect: Connection refused']);
    expect(await run('kill %1')).toEqual([
      '4 packets captured',
      '4 packets received by filter',
      '0 packets dropped by kernel',
      '[1]+  Done                    sudo tcpdump -n -w refused.pcap',
    ]);
    expect(await run('tcpdump -n -r refused.pcap 2>/dev/null')).toEqual([
      '00:00:00.000000 ARP, Request who-has 10.0.0.2 tell 10.0.0.1, length 28',
      '00:00:00.000101 ARP, Reply 10.0.0.2 is-at 02:00:00:00:00:02, length 28',
      '00:00:00.000101 IP 10.0.0.1.50659 > 10.0.0.2.7007: Flags [S], seq 3238099751, win 14600, options [mss 1460,sackOK,TS val 0 ecr 0,nop,wscale 7], length 0',
      '00:00:00.000202 IP 10.0.0.2.7007 > 10.0.0.1.50659: Flags [R.], seq 0, ack 3238099752, win 0, length 0',
    ]);
  });
});
