// `socklab shell` driven in-process with a script on stdin: the exchange (a C echo
// server in the background on server, a client on client, ss, ip neigh and tcpdump of the
// capture), set -e, comments, option errors, and the --pcap file.
import { copyFileSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { socklab } from './dispatch';
import type { CliIo } from './io';

const testdata = new URL('../../core/shell/testdata/', import.meta.url).pathname;

/** runScript runs `socklab shell ARGS` with script on stdin in a fresh folder holding the echo programs. */
async function runScript(script: string, args: string[] = []) {
  const dir = mkdtempSync(join(tmpdir(), 'socklab-shell-'));
  for (const f of ['echosrv.c', 'echocli.c']) copyFileSync(join(testdata, f), join(dir, f));
  let out = '';
  let err = '';
  const io: CliIo = {
    stdout: (c) => void (out += typeof c === 'string' ? c : new TextDecoder().decode(c)),
    stderr: (c) => void (err += typeof c === 'string' ? c : new TextDecoder().decode(c)),
    stdin: Readable.from([Buffer.from(script)]),
    stdoutIsTty: false,
    cwd: dir,
    onInterrupt: () => () => {},
  };
  const status = await socklab(['shell', ...args], io);
  return { status, out, err, dir };
}

describe('socklab shell', () => {
  it('runs the echo exchange script and shows ss, ip neigh and tcpdump as Linux would', async () => {
    const r = await runScript(
      [
        '# a C echo server on server, a client on client',
        'set -e',
        'cc echosrv.c -o echosrv',
        'cc echocli.c -o echocli',
        'sudo tcpdump -n -w echo.pcap &',
        'on server ./echosrv &',
        'sleep 1',
        'on server ss -tanp',
        './echocli server hello',
        'ss -tanp',
        'on server ss -tanp',
        'ip neigh',
        'kill %1',
        'tcpdump -n -r echo.pcap',
      ].join('\n'),
      ['--pcap', 'all.pcap'],
    );
    // The order and layout of Linux (recorded in core/shell/testdata/real): the listener while
    // the server waits, the client's TIME-WAIT after it closed first, nothing left on server.
    expect(r.out.split('\n')).toEqual([
      '[1]',
      '[2] 100',
      'State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess',
      'LISTEN 0      5            0.0.0.0:7007      0.0.0.0:*    users:(("echosrv",pid=100,fd=3))',
      'reply: hello',
      'echo server: client gone',
      'State     Recv-Q Send-Q Local Address:Port  Peer Address:PortProcess',
      'TIME-WAIT 0      0           10.0.0.1:50659     10.0.0.2:7007       ',
      'State Recv-Q Send-Q Local Address:Port Peer Address:PortProcess',
      '10.0.0.2 dev eth0 lladdr 02:00:00:00:00:02 REACHABLE ',
      '00:00:01.000000 ARP, Request who-has 10.0.0.2 tell 10.0.0.1, length 28',
      '00:00:01.000101 ARP, Reply 10.0.0.2 is-at 02:00:00:00:00:02, length 28',
      '00:00:01.000101 IP 10.0.0.1.50659 > 10.0.0.2.7007: Flags [S], seq 3238099751, win 14600, options [mss 1460,sackOK,TS val 1000 ecr 0,nop,wscale 7], length 0',
      '00:00:01.000203 IP 10.0.0.2.7007 > 10.0.0.1.50659: Flags [S.], seq 3819917871, ack 3238099752, win 14480, options [mss 1460,sackOK,TS val 1000 ecr 1000,nop,wscale 7], length 0',
      '00:00:01.000203 IP 10.0.0.1.50659 > 10.0.0.2.7007: Flags [.], ack 1, win 115, options [nop,nop,TS val 1000 ecr 1000], length 0',
      '00:00:01.000203 IP 10.0.0.1.50659 > 10.0.0.2.7007: Flags [P.], seq 1:6, ack 1, win 115, options [nop,nop,TS val 1000 ecr 1000], length 5',
      '00:00:01.000305 IP 10.0.0.2.7007 > 10.0.0.1.50659: Flags [.], ack 6, win 114, options [nop,nop,TS val 1000 ecr 1000], length 0',
      '00:00:01.000306 IP 10.0.0.2.7007 > 10.0.0.1.50659: Flags [P.], seq 1:6, ack 6, win 114, options [nop,nop,TS val 1000 ecr 1000], length 5',
      '00:00:01.000306 IP 10.0.0.1.50659 > 10.0.0.2.7007: Flags [.], ack 6, win 115, options [nop,nop,TS val 1000 ecr 1000], length 0',
      '00:00:01.000306 IP 10.0.0.1.50659 > 10.0.0.2.7007: Flags [F.], seq 6, ack 6, win 115, options [nop,nop,TS val 1000 ecr 1000], length 0',
      '00:00:01.000408 IP 10.0.0.2.7007 > 10.0.0.1.50659: Flags [.], ack 7, win 114, options [nop,nop,TS val 1000 ecr 1000], length 0',
      '00:00:01.000408 IP 10.0.0.2.7007 > 10.0.0.1.50659: Flags [F.], seq 6, ack 7, win 114, options [nop,nop,TS val 1000 ecr 1000], length 0',
      '00:00:01.000408 IP 10.0.0.1.50659 > 10.0.0.2.7007: Flags [.], ack 7, win 115, options [nop,nop,TS val 1000 ecr 1000], length 0',
      '',
    ]);
    expect(r.err).toBe(
      [
        'listening on eth0, link-type EN10MB (Ethernet), snapshot length 262144 bytes',
        '13 packets captured',
        '13 packets received by filter',
        '0 packets dropped by kernel',
        'reading from file echo.pcap, link-type EN10MB (Ethernet), snapshot length 262144',
        '',
      ].join('\n'),
    );
    expect(r.status).toBe(0);
    expect(existsSync(join(r.dir, 'all.pcap'))).toBe(true);
  }, 30_000);

  it('stops at the first failing command under set -e and exits with its status', async () => {
    const r = await runScript('echo one\nset -e\nls nothere\necho never\n');
    expect(r.out).toBe('one\n');
    expect(r.err).toBe("ls: cannot access 'nothere': No such file or directory\n");
    expect(r.status).toBe(2);
  }, 30_000);

  it('goes on after a failing command without set -e', async () => {
    const r = await runScript('ls nothere\n# a comment\n\necho after\n');
    expect(r.out).toBe('after\n');
    expect(r.err).toBe("ls: cannot access 'nothere': No such file or directory\n");
    expect(r.status).toBe(0);
  }, 30_000);

  it('refuses unknown options with the usage', async () => {
    const r = await runScript('', ['--frob']);
    expect(r.status).toBe(2);
    expect(r.err.split('\n')[0]).toBe("socklab shell: unknown option '--frob'");
  });
});
