// inspect fd N and trace last over a C server listening on server: the inspector's struct
// chain and the last system call's kernel call tree, in the terminal.
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

async function serverShell() {
  const files = new MemoryWorkspace({
    'echosrv.c': readFileSync(join(root, 'core/shell/testdata/echosrv.c'), 'utf8'),
  });
  const { run } = await openLabShell(parser, files, { cols: 160, rows: 60, host: 'server' });
  return { run };
}

describe('inspect and trace', () => {
  it('shows the listening socket of fd 3 as file → socket → sock with kernel names', async () => {
    const { run } = await serverShell();
    expect(await run('inspect fd 3')).toEqual([
      'inspect: the structs come from the trace: run `trace on` (level full) first, then the program',
    ]);
    expect(await run('trace on')).toEqual(['trace level: full']);
    await run('cc echosrv.c -o echosrv');
    expect(await run('./echosrv &')).toEqual(['[1] 100']);
    const lines = await run('inspect fd 3');
    expect(lines[0]).toBe('fd 3 of pid 100 on server');
    expect(lines).toContain('    socket_state state = SS_UNCONNECTED (1)');
    expect(lines).toContain('        volatile unsigned char sk_state = TCP_LISTEN (10)');
    expect(lines).toContain('        unsigned short sk_max_ack_backlog = 5');
    expect(await run('inspect fd 9')).toEqual(['inspect: no socket at fd 9 on server']);
    expect(await run('inspect 3')).toEqual(['inspect: usage: inspect fd N [PID]']);
  });

  it('prints the call tree of the last system call with kernel files', async () => {
    const { run } = await serverShell();
    await run('trace on');
    await run('cc echosrv.c -o echosrv');
    await run('./echosrv &');
    expect(await run('trace last')).toEqual([
      'accept4(3, 0x0)  pid 100',
      '  sys_accept4(3)  net/socket.c',
      '    sockfd_lookup_light(fd=3)  net/socket.c',
      '    inet_csk_accept(sk=0xffff888020001280 via tcp_prot.accept)  net/ipv4/inet_connection_sock.c',
      '      inet_csk_wait_for_connect(sk=0xffff888020001280)  net/ipv4/inet_connection_sock.c',
      '(not returned yet: the task sleeps in this call)',
    ]);
    expect(await run('trace level bogus')).toEqual(['trace: usage: trace [on|off|level syscalls|full|last]']);
  });
});
