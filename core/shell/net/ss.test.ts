// ss's layout against outputs recorded from iproute2's ss on this machine (testdata/real), and
// ss over the simulated world after a C server and client connect.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openShell } from '../../../test/helpers/shellTerminal';
import { createCParser } from '../../lang/index';
import { LabSession } from '../../session/index';
import { renderSs, type SsRow } from './ssTable';

const real = (name: string) =>
  readFileSync(
    join(new URL('../../../', import.meta.url).pathname, 'core/shell/testdata/real', name),
    'utf8',
  );

/** tcpRow is one socket's fields as ss's TCP columns hold them. */
function tcpRow(
  state: string,
  rq: string,
  sq: string,
  l: string,
  lp: string,
  p: string,
  pp: string,
  proc?: string,
): SsRow {
  return [undefined, state, rq, sq, `${l}:`, lp, `${p}:`, pp, proc, undefined];
}

const TCP = [false, true, true, true, true, true, true, true, true, false];

describe('renderSs', () => {
  it('lays out ss -tanp on the server as iproute2 does when two sockets widen the Process column', () => {
    const pid = /pid=(\d+)/.exec(real('ss-tanp.server.txt'))![1];
    const users = (fd: number) => ` users:(("hold",pid=${pid},fd=${fd}))`;
    expect(
      renderSs(TCP, [
        tcpRow('LISTEN', '0', '5', '0.0.0.0', '7007', '0.0.0.0', '*', users(3)),
        tcpRow(
          'ESTAB',
          '5',
          '0',
          '10.0.0.2',
          '7007',
          '10.0.0.1',
          /10\.0\.0\.1:(\d+)/.exec(real('ss-tanp.server.txt'))![1]!,
          users(4),
        ),
      ]),
    ).toBe(real('ss-tanp.server.txt'));
  });

  it('leaves the Process header unpadded when one socket is listed (ss -tlnp, -tnp)', () => {
    const text = real('ss-tlnp.server.txt');
    const pid = /pid=(\d+)/.exec(text)![1];
    expect(
      renderSs(TCP, [
        tcpRow('LISTEN', '0', '5', '0.0.0.0', '7007', '0.0.0.0', '*', ` users:(("hold",pid=${pid},fd=3))`),
      ]),
    ).toBe(text);
  });

  it('pads the empty Process field of ss -tan and leaves it out before ss -tm detail lines', () => {
    const port = /10\.0\.0\.1:(\d+)/.exec(real('ss-tan.client.txt'))![1]!;
    expect(renderSs(TCP, [tcpRow('ESTAB', '0', '0', '10.0.0.1', port, '10.0.0.2', '7007', '')])).toBe(
      real('ss-tan.client.txt'),
    );
    const lines = real('ss-tm.client.txt').split('\n');
    expect(renderSs(TCP, [tcpRow('ESTAB', '0', '0', '10.0.0.1', port, '10.0.0.2', '7007')])).toBe(
      `${lines[0]}\n${lines[1]}\n`,
    );
  });

  it('widens the columns to the terminal width as ss does on a tty (80 and 120 columns)', () => {
    for (const cols of [80, 120]) {
      const server = real(`ss-tanp.server.tty${cols}.txt`);
      const pid = /pid=(\d+)/.exec(server)![1];
      const port = /10\.0\.0\.1:(\d+)/.exec(server)![1]!;
      const users = (fd: number) => ` users:(("hold",pid=${pid},fd=${fd}))`;
      expect(
        renderSs(
          TCP,
          [
            tcpRow('LISTEN', '0', '5', '0.0.0.0', '7007', '0.0.0.0', '*', users(3)),
            tcpRow('ESTAB', '5', '0', '10.0.0.2', '7007', '10.0.0.1', port, users(4)),
          ],
          cols,
        ),
      ).toBe(server);
      const client = real(`ss-tan.client.tty${cols}.txt`);
      expect(renderSs(TCP, [tcpRow('ESTAB', '0', '0', '10.0.0.1', port, '10.0.0.2', '7007', '')], cols)).toBe(
        client,
      );
    }
  });

  it('prints only the header when there is no socket (ss -uan)', () => {
    expect(renderSs(TCP, [])).toBe(real('ss-uan.client.txt'));
  });
});

describe('ss over the simulated world', () => {
  it('shows an established connection with -m skmem and -i TCP info', async () => {
    const root = new URL('../../../', import.meta.url).pathname;
    const parser = await createCParser({
      runtimeWasm: readFileSync(join(root, 'node_modules/web-tree-sitter/web-tree-sitter.wasm')),
      languageWasm: readFileSync(join(root, 'node_modules/tree-sitter-c/tree-sitter-c.wasm')),
    });
    const session = new LabSession({ parser, seed: 1 });
    const screen = await openShell({}, 200, 40, { session });
    const run = async (line: string) => {
      const before = screen.lines().length;
      await screen.type(line + '\r');
      for (let i = 0; i < 100 && session.settle(20) && screen.shell.busy; i++) await screen.type('');
      await screen.type('');
      return screen.lines().slice(before, -1);
    };
    await run('on server nc -l 7100 &');
    await run('nc server 7100 &');
    await run('sleep 1');
    // Through a pipe ss prints compactly; the tab before skmem shows as the terminal's tab stop;
    // rtt is in jiffies (HZ 1000) on 3.10.
    expect(await run('ss -tmi | cat')).toEqual([
      'State Recv-Q Send-Q Local Address:Port  Peer Address:PortProcess',
      'ESTAB 0      0           10.0.0.1:50659     10.0.0.2:7100',
      '         skmem:(r0,rb87380,t1,tb18920,f0,w0,o0,bl0,d0) cubic wscale:7,7 rto:201 rtt:1/0.5 mss:1448 advmss:1460 cwnd:10 rcv_ssthresh:14600 snd_wnd:14480',
    ]);
    await run('on server nc -u -l 7200 &');
    expect(await run('on server ss -uanp | cat')).toEqual([
      'State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess',
      'UNCONN 0      0            0.0.0.0:7200      0.0.0.0:*    users:(("nc",pid=101,fd=3))',
    ]);
    expect(await run('ss -e')).toEqual(['ss: -e (inode, uid and cgroup details) is not modelled in SockLab']);
  }, 30_000);
});
