// `ip route add | del | replace | get` against iproute2-6.1 on this machine's 6.18 kernel
// (testdata/real/ip-route-change.client.txt: a network namespace whose eth0 is one end of a
// veth pair with the client's address 10.0.0.1/24; each command, its output and its exit
// status). The 6.x profile must print the same; 3.10 answers without the kernel's extack texts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openShell } from '../../../test/helpers/shellTerminal';
import { LabSession } from '../../session/index';
import type { KernelVersion } from '../../kernel/index';

/** Step is one recorded command with the lines it printed and its exit status line. */
interface Step {
  readonly cmd: string;
  readonly out: string[];
}

/** recorded reads the fixture into steps: a `$ cmd` line, then its output up to `[exit N]`. */
function recorded(): Step[] {
  const path = join(
    new URL('../../../', import.meta.url).pathname,
    'core/shell/testdata/real/ip-route-change.client.txt',
  );
  const steps: { cmd: string; out: string[] }[] = [];
  for (const line of readFileSync(path, 'utf8').replace(/\n$/, '').split('\n')) {
    if (line.startsWith('$ ')) steps.push({ cmd: line.slice(2), out: [] });
    else steps.at(-1)!.out.push(line);
  }
  return steps;
}

async function shell(kernel?: KernelVersion) {
  const session = new LabSession({ seed: 1, kernel });
  const screen = await openShell({}, 120, 30, { session, host: 'client' });
  return { session, run: (line: string) => screen.run(line) };
}

describe('ip route add / del / replace', () => {
  it('matches the real iproute2 and 6.x kernel command by command, output and exit status', async () => {
    const { run } = await shell('6.x');
    for (const step of recorded()) {
      expect([step.cmd, ...(await run(`sudo ${step.cmd}; echo "[exit $?]"`))]).toEqual([
        step.cmd,
        ...step.out,
      ]);
    }
  });

  it('answers 3.10-style RTNETLINK errors where 6.x sends extack messages', async () => {
    const { run } = await shell('3.10');
    expect(await run('sudo ip route add 192.168.5.0/24 via 192.168.1.1')).toEqual([
      'RTNETLINK answers: Network is unreachable',
    ]);
    expect(await run('sudo ip route add 172.19.0.1/16 dev eth0')).toEqual([
      'RTNETLINK answers: Invalid argument',
    ]);
    expect(await run('sudo ip route add 172.20.0.0/16 dev eth0 src 10.9.9.9')).toEqual([
      'RTNETLINK answers: Invalid argument',
    ]);
  });

  it('needs root to change routes, after checking the arguments', async () => {
    const { run } = await shell();
    expect(await run('ip route add default via 10.0.0.254; echo $?')).toEqual([
      'RTNETLINK answers: Operation not permitted',
      '2',
    ]);
    expect(await run('ip route del default dev eth9; echo $?')).toEqual(['Cannot find device "eth9"', '1']);
    expect(await run('ip route')).toEqual(['10.0.0.0/24 dev eth0 proto kernel scope link src 10.0.0.1 ']);
  });

  it('shows each change in ip route and ip route get, down to an empty main table', async () => {
    const { run, session } = await shell();
    const h = session.world.host('client');
    expect(await run('sudo ip route add 10.0.0.2/32 via 10.0.0.3')).toEqual([]);
    expect(await run('ip route get 10.0.0.2')).toEqual([
      '10.0.0.2 via 10.0.0.3 dev eth0 src 10.0.0.1 uid 1000 ',
      '    cache ',
    ]);
    expect(await run('sudo ip route replace 10.0.0.2/32 via 10.0.0.4 metric 0')).toEqual([]);
    expect(await run('ip route')).toEqual([
      '10.0.0.0/24 dev eth0 proto kernel scope link src 10.0.0.1 ',
      '10.0.0.2 via 10.0.0.4 dev eth0 ',
    ]);
    expect(await run('sudo ip route del 10.0.0.0/24; sudo ip route del 10.0.0.2')).toEqual([]);
    expect(h.net.routes.filter((r) => r.table === 254)).toEqual([]);
    expect((await run('ip addr show eth0')).slice(2, 3)).toEqual([
      '    inet 10.0.0.1/24 brd 10.0.0.255 scope global eth0',
    ]);
    expect(await run('ip route get 10.0.0.2')).toEqual(['RTNETLINK answers: Network is unreachable']);
  });
});
