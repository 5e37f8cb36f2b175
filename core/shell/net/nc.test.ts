// nc between the simulated hosts: a listener on server in the background writing what it
// receives to a file, a client sending a pipe's text, and nc's errors.
import { beforeAll, describe, expect, it } from 'vitest';
import { testParser } from '../../../test/helpers/cParser';
import { openLabShell } from '../../../test/helpers/shellTerminal';
import type { CParser } from '../../lang/index';
import { MemoryWorkspace } from '../memoryWorkspace';

let parser: CParser;
beforeAll(async () => {
  parser = await testParser();
});

describe('nc', () => {
  it('carries a line from a client pipe to a listener on server', async () => {
    const files = new MemoryWorkspace({});
    const { run } = await openLabShell(parser, files, { cols: 120, rows: 30 });
    expect(await run('on server nc -l 7100 > got.txt &')).toEqual(['[1] 100']);
    expect(await run('sleep 1')).toEqual([]);
    expect(await run('echo hello over tcp | nc server 7100')).toEqual([
      '[1]+  Done                    on server nc -l 7100 > got.txt',
    ]);
    expect(files.readText('got.txt')).toEqual({ ok: true, value: 'hello over tcp\n' });
    expect(await run('nc server 7101')).toEqual([
      'nc: connect to server port 7101 (tcp) failed: Connection refused',
    ]);
    expect(await run('nc server')).toEqual(['usage: nc [-lu] [destination] [port]']);
    expect(await run('nc mars 80')).toEqual([
      'nc: getaddrinfo for host "mars" port 80: Name or service not known',
    ]);
  });
});
