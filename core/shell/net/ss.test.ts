// ss's layout against outputs recorded from iproute2's ss on this machine (testdata/real), and
// ss over the simulated world after a C server and client connect.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testParser } from '../../../test/helpers/cParser';
import { openLabShell } from '../../../test/helpers/shellTerminal';
import { printMsTimer, timerText } from './ssInfo';
import { established, filterLink } from '../../kernel/testing/tcp';
import { sockOf } from '../../kernel/testing/harness';
import { send, setsockopt } from '../../kernel/syscalls';
import { SO, TCP_OPT } from '../../kernel/net/core/sockopt';
import { MSG_DONTWAIT, SOL_SOCKET, SOL_TCP } from '../../kernel/include/uapi/socket';
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

  it('puts -e details, then -m detail lines, into the Process field as ss does (ss -tane, -tanpe, -tanem, -tlnpe, -uane)', () => {
    const server = real('ss-tane.server.txt');
    const port = /10\.0\.0\.1:(\d+)/.exec(server)![1]!;
    const pid = /pid=(\d+)/.exec(real('ss-tanpe.server.txt'))![1];
    const [ino1, ino2] = [...server.matchAll(/ino:(\d+)/g)].map((m) => m[1]);
    const [sk1, sk2] = [...server.matchAll(/sk:([0-9a-f]+)/g)].map((m) => m[1]);
    const ext = (ino: string | undefined, sk: string | undefined) =>
      ` uid:1000 ino:${ino} sk:${sk} cgroup:/ <->`;
    const users = (fd: number) => ` users:(("hold",pid=${pid},fd=${fd}))`;
    const listen = (proc: string) => tcpRow('LISTEN', '0', '5', '0.0.0.0', '7007', '0.0.0.0', '*', proc);
    const estab = (proc: string) => tcpRow('ESTAB', '5', '0', '10.0.0.2', '7007', '10.0.0.1', port, proc);
    expect(renderSs(TCP, [listen(ext(ino1, sk1)), estab(ext(ino2, sk2))])).toBe(server);
    expect(renderSs(TCP, [listen(users(3) + ext(ino1, sk1)), estab(users(4) + ext(ino2, sk2))])).toBe(
      real('ss-tanpe.server.txt'),
    );
    expect(
      renderSs(TCP, [
        listen(ext(ino1, sk1) + '\n\t skmem:(r0,rb131072,t0,tb16384,f0,w0,o0,bl0,d0)'),
        estab(ext(ino2, sk2) + '\n\t skmem:(r837,rb131072,t0,tb69120,f3259,w0,o0,bl0,d0)'),
      ]),
    ).toBe(real('ss-tanem.server.txt'));
    expect(renderSs(TCP, [listen(users(3) + ext(ino1, sk1))])).toBe(real('ss-tlnpe.server.txt'));
    const udp = real('ss-uane.server.txt');
    const u = ext(/ino:(\d+)/.exec(udp)![1], /sk:([0-9a-f]+)/.exec(udp)![1]);
    expect(renderSs(TCP, [tcpRow('UNCONN', '0', '0', '0.0.0.0', '7200', '0.0.0.0', '*', u)])).toBe(udp);
    const client = real('ss-tane.client.txt');
    const c = ext(/ino:(\d+)/.exec(client)![1], /sk:([0-9a-f]+)/.exec(client)![1]);
    expect(renderSs(TCP, [tcpRow('ESTAB', '0', '0', '10.0.0.1', port, '10.0.0.2', '7007', c)])).toBe(client);
  });

  it('shows a TIME-WAIT entry with its timer and no owner under -e, padded to the Process column', () => {
    const text = real('ss-tane.timewait.server.txt');
    const port = /10\.0\.0\.1:(\d+)/.exec(text)![1]!;
    const [ino] = [...text.matchAll(/ino:(\d+)/g)].map((m) => m[1]);
    const [sk1, sk2] = [...text.matchAll(/sk:([0-9a-f]+)/g)].map((m) => m[1]);
    expect(
      renderSs(TCP, [
        tcpRow(
          'LISTEN',
          '0',
          '5',
          '0.0.0.0',
          '7007',
          '0.0.0.0',
          '*',
          ` uid:1000 ino:${ino} sk:${sk1} cgroup:/ <->`,
        ),
        tcpRow(
          'TIME-WAIT',
          '0',
          '0',
          '10.0.0.2',
          '7007',
          '10.0.0.1',
          port,
          ` timer:(timewait,58sec,0) ino:0 sk:${sk2}`,
        ),
      ]),
    ).toBe(text);
  });

  it('shows a connection not yet accepted with its owner, no inode and the peer shut down (-->)', () => {
    const text = real('ss-tane.unaccepted.server.txt');
    const port = /10\.0\.0\.1:(\d+)/.exec(text)![1]!;
    const [ino] = [...text.matchAll(/ino:([1-9]\d*)/g)].map((m) => m[1]);
    const [sk1, sk2] = [...text.matchAll(/sk:([0-9a-f]+)/g)].map((m) => m[1]);
    expect(
      renderSs(TCP, [
        tcpRow(
          'LISTEN',
          '1',
          '5',
          '0.0.0.0',
          '7007',
          '0.0.0.0',
          '*',
          ` uid:1000 ino:${ino} sk:${sk1} cgroup:/ <->`,
        ),
        tcpRow(
          'CLOSE-WAIT',
          '1',
          '0',
          '10.0.0.2',
          '7007',
          '10.0.0.1',
          port,
          ` uid:1000 ino:0 sk:${sk2} cgroup:/ -->`,
        ),
      ]),
    ).toBe(text);
  });

  it('prints only the header when there is no socket (ss -uan)', () => {
    expect(renderSs(TCP, [])).toBe(real('ss-uan.client.txt'));
  });
});

describe('printMsTimer', () => {
  it("prints timer values as iproute2 6.1's print_ms_timer does", () => {
    expect([58_000, 9_501, 476, 200, 1_200, 60_000, 61_500, 600_000, 0].map(printMsTimer)).toEqual([
      '58sec',
      '9.501ms',
      '476ms',
      '200ms',
      '1.200ms',
      '1min',
      '1min1sec',
      '10min',
      '',
    ]);
  });
});

describe('ss over the simulated world', () => {
  it('shows an established connection with -m skmem and -i TCP info', async () => {
    const parser = await testParser();
    const { run } = await openLabShell(parser, {}, { cols: 200, rows: 40 });
    await run('on server nc -l 7100 &');
    await run('nc server 7100 &');
    await run('sleep 1');
    // Through a pipe ss prints compactly; the tab before skmem shows as the terminal's tab stop;
    // rtt is in jiffies (HZ 1000) on 3.10.
    expect(await run('ss -tmi | cat')).toEqual([
      'State Recv-Q Send-Q Local Address:Port  Peer Address:PortProcess',
      'ESTAB 0      0           10.0.0.1:50659     10.0.0.2:7100',
      '         skmem:(r0,rb87380,t0,tb18920,f0,w0,o0,bl0,d0) cubic wscale:7,7 rto:201 rtt:1/0.5 mss:1448 advmss:1460 cwnd:10 rcv_ssthresh:14600 snd_wnd:14480',
    ]);
    await run('on server nc -u -l 7200 &');
    expect(await run('on server ss -uanp | cat')).toEqual([
      'State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess',
      'UNCONN 0      0            0.0.0.0:7200      0.0.0.0:*    users:(("nc",pid=101,fd=3))',
    ]);
    // 3.10: sk is the sock's address (idiag_cookie), no cgroup id; the accepted socket's inode is the next one.
    expect(await run('on server ss -tanpe | cat')).toEqual([
      'State  Recv-Q Send-Q Local Address:Port Peer Address:Port Process                                                                ',
      'LISTEN 0      1            0.0.0.0:7100      0.0.0.0:*     users:(("nc",pid=100,fd=3)) uid:1000 ino:20001 sk:ffff888020001280 <->',
      'ESTAB  0      0           10.0.0.2:7100     10.0.0.1:50659 users:(("nc",pid=100,fd=4)) uid:1000 ino:20002 sk:ffff888020001f80 <->',
    ]);
    expect(await run('ss -tane | cat')).toEqual([
      'State Recv-Q Send-Q Local Address:Port  Peer Address:PortProcess',
      'ESTAB 0      0           10.0.0.1:50659     10.0.0.2:7100 uid:1000 ino:20001 sk:ffff888010001280 <->',
    ]);
    // With -m, the detail line is part of the last field; skmem's t is sk_wmem_alloc_get (no bias).
    expect(await run('on server ss -uaem | cat')).toEqual([
      'State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess',
      'UNCONN 0      0            0.0.0.0:7200      0.0.0.0:*    uid:1000 ino:20003 sk:ffff888020002e80 <->',
      '         skmem:(r0,rb212992,t0,tb212992,f0,w0,o0,bl0,d0)',
    ]);
  }, 30_000);

  it('shows -e on 6.x with sock cookies in listing order and the root cgroup', async () => {
    const parser = await testParser();
    const { run } = await openLabShell(parser, {}, { cols: 200, rows: 40, kernel: '6.x' });
    await run('on server nc -l 7100 &');
    await run('nc server 7100 &');
    await run('sleep 1');
    // -i reads struct tcp_info: 6.x keeps RTTs in microseconds, ss prints milliseconds
    expect((await run('ss -ti | cat'))[2]).toMatch(/ wscale:10,10 rto:201 rtt:0\.\d+\/0\.\d+ mss:1448 /);
    // sock_gen_cookie numbers socks the first time ss asks, per host; inode numbers count per host.
    expect(await run('on server ss -tane | cat')).toEqual([
      'State  Recv-Q Send-Q Local Address:Port Peer Address:Port Process                              ',
      'LISTEN 0      1            0.0.0.0:7100      0.0.0.0:*     uid:1000 ino:20001 sk:1 cgroup:/ <->',
      'ESTAB  0      0           10.0.0.2:7100     10.0.0.1:52462 uid:1000 ino:20002 sk:2 cgroup:/ <->',
    ]);
    expect(await run('ss -tane | cat')).toEqual([
      'State Recv-Q Send-Q Local Address:Port  Peer Address:PortProcess',
      'ESTAB 0      0           10.0.0.1:52462     10.0.0.2:7100 uid:1000 ino:20001 sk:1 cgroup:/ <->',
    ]);
    await run('kill %1');
    await run('sleep 1');
    expect(await run('ss -tane | cat')).toEqual([
      'State Recv-Q Send-Q Local Address:Port Peer Address:PortProcess',
    ]);
    // -e shows timers as -o does. A TIME-WAIT entry has no inode, owner, cgroup or shutdown
    // state, and keeps the sock's cookie.
    expect(await run('on server ss -tane | cat')).toEqual([
      'State     Recv-Q Send-Q Local Address:Port Peer Address:Port Process',
      'TIME-WAIT 0      0           10.0.0.2:7100     10.0.0.1:52462 timer:(timewait,59sec,0) ino:0 sk:2',
    ]);
    expect(await run('on server ss -tano | cat')).toEqual([
      'State     Recv-Q Send-Q Local Address:Port Peer Address:Port Process',
      'TIME-WAIT 0      0           10.0.0.2:7100     10.0.0.1:52462 timer:(timewait,59sec,0)',
    ]);
  }, 30_000);

  it('shows the owner of a connection not yet accepted only on 6.x (sk_uid from the listener)', async () => {
    const parser = await testParser();
    const listenOnly = [
      '#include <netinet/in.h>',
      '#include <string.h>',
      '#include <sys/socket.h>',
      '#include <unistd.h>',
      'int main(void) {',
      '  struct sockaddr_in a;',
      '  memset(&a, 0, sizeof a);',
      '  a.sin_family = AF_INET;',
      '  a.sin_port = htons(7007);',
      '  int s = socket(AF_INET, SOCK_STREAM, 0);',
      '  bind(s, (struct sockaddr *)&a, sizeof a);',
      '  listen(s, 5);',
      '  sleep(100);',
      '  return 0;',
      '}',
      '',
    ].join('\n');
    const lines: Record<string, string[]> = {};
    const closeWait: Record<string, string> = {};
    for (const kernel of ['3.10', '6.x'] as const) {
      const { run } = await openLabShell(parser, { 'listen.c': listenOnly }, { cols: 200, rows: 40, kernel });
      await run('on server run listen.c &');
      await run('nc server 7007 &');
      await run('sleep 1');
      lines[kernel] = await run('on server ss -tane | cat');
      await run('kill %2');
      await run('sleep 1');
      closeWait[kernel] = (await run('on server ss -tane | cat'))[2]!;
    }
    // Before 6.x sock_diag reads the owner from the socket inode, which an unaccepted child lacks.
    expect(lines).toEqual({
      '3.10': [
        'State  Recv-Q Send-Q Local Address:Port Peer Address:Port Process                                    ',
        'LISTEN 1      5            0.0.0.0:7007      0.0.0.0:*     uid:1000 ino:20001 sk:ffff888020001280 <->',
        'ESTAB  0      0           10.0.0.2:7007     10.0.0.1:50659 ino:0 sk:ffff888020001f80 <->             ',
      ],
      '6.x': [
        'State  Recv-Q Send-Q Local Address:Port Peer Address:Port Process                              ',
        'LISTEN 1      5            0.0.0.0:7007      0.0.0.0:*     uid:1000 ino:20001 sk:1 cgroup:/ <->',
        'ESTAB  0      0           10.0.0.2:7007     10.0.0.1:52462 uid:1000 ino:0 sk:2 cgroup:/ <->    ',
      ],
    });
    // Once the client has gone, the child's peer has shut down: sk_shutdown RCV_SHUTDOWN shows as -->.
    expect(closeWait).toEqual({
      '3.10':
        'CLOSE-WAIT 1      0           10.0.0.2:7007     10.0.0.1:50659 ino:0 sk:ffff888020001f80 -->             ',
      '6.x':
        'CLOSE-WAIT 1      0           10.0.0.2:7007     10.0.0.1:52462 uid:1000 ino:0 sk:2 cgroup:/ -->    ',
    });
  }, 30_000);
});

describe('timerText', () => {
  it('shows the keepalive sk_timer with icsk_probes_out as inet_diag reports idiag_timer 2', () => {
    const { w, c, s, cp, cfd } = established('3.10');
    const sk = sockOf(c, cp, cfd);
    expect(timerText(sk, w.sim.now, false)).toBe('');
    expect(setsockopt(c, cp, cfd, SOL_SOCKET, SO.SO_KEEPALIVE, 1)).toBe(0);
    expect(timerText(sk, w.sim.now, false)).toBe(' timer:(keepalive,120min,0)');
    w.sim.runUntil(w.sim.now + 61_000_000_000);
    expect(timerText(sk, w.sim.now, false)).toBe(' timer:(keepalive,118min,0)');
    setsockopt(c, cp, cfd, SOL_TCP, TCP_OPT.TCP_KEEPIDLE, 10);
    setsockopt(c, cp, cfd, SOL_TCP, TCP_OPT.TCP_KEEPINTVL, 2);
    filterLink(s, () => 'drop');
    // TCP_KEEPIDLE 10 after 61 s of silence fires at once; then one probe is out, the next due in 2 s.
    w.sim.runUntil(w.sim.now + 500_000_000);
    expect(timerText(sk, w.sim.now, false)).toBe(' timer:(keepalive,1.500ms,1)');
  });

  it('shows the zero-window probe timer as persist with icsk_probes_out (idiag_timer 4)', () => {
    const { w, c, s, cp, cfd } = established('3.10');
    const sk = sockOf(c, cp, cfd);
    const data = new Uint8Array(300_000);
    let sent = 0;
    for (let i = 0; i < 50; i++) {
      const r = send(c, cp, cfd, data.subarray(sent), MSG_DONTWAIT);
      if (typeof r === 'number' && r > 0) sent += r;
      w.sim.runUntil(w.sim.now + 1_000_000);
    }
    // The reader never reads: the window closes and the persist timer probes it (tcp_flow.test.ts).
    w.sim.runUntil(w.sim.now + 150_000_000);
    const got = [timerText(sk, w.sim.now, false)];
    // The receiver's answers are lost from here: the next probe stays unanswered.
    filterLink(s, () => 'drop');
    w.sim.runUntil(w.sim.now + 300_000_000);
    got.push(timerText(sk, w.sim.now, false));
    // print_ms_timer pads the milliseconds to three digits.
    expect(got).toEqual([' timer:(persist,047ms,0)', ' timer:(persist,157ms,1)']);
  });
});

describe('ss -o over the simulated world', () => {
  it('shows timer:(keepalive,…) on a connection accepted from a listener with SO_KEEPALIVE and TCP_KEEPIDLE', async () => {
    const parser = await testParser();
    const server = [
      '#include <netinet/in.h>',
      '#include <netinet/tcp.h>',
      '#include <string.h>',
      '#include <sys/socket.h>',
      '#include <unistd.h>',
      'int main(void) {',
      '  struct sockaddr_in a;',
      '  memset(&a, 0, sizeof a);',
      '  a.sin_family = AF_INET;',
      '  a.sin_port = htons(7007);',
      '  int s = socket(AF_INET, SOCK_STREAM, 0);',
      '  int on = 1, idle = 60;',
      '  setsockopt(s, SOL_SOCKET, SO_KEEPALIVE, &on, sizeof on);',
      '  setsockopt(s, IPPROTO_TCP, TCP_KEEPIDLE, &idle, sizeof idle);',
      '  bind(s, (struct sockaddr *)&a, sizeof a);',
      '  listen(s, 5);',
      '  int c = accept(s, 0, 0);',
      '  sleep(100);',
      '  return c;',
      '}',
      '',
    ].join('\n');
    const { run } = await openLabShell(parser, { 'ka.c': server }, { cols: 200, rows: 40 });
    await run('on server run ka.c &');
    await run('nc server 7007 &');
    await run('sleep 1');
    expect(await run('on server ss -tno | cat')).toEqual([
      'State Recv-Q Send-Q Local Address:Port Peer Address:Port Process',
      'ESTAB 0      0           10.0.0.2:7007     10.0.0.1:50659 timer:(keepalive,59sec,0)',
    ]);
  }, 30_000);
});
