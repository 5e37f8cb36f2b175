// The lab shell running students' C programs in the LabSession's world: cc with gcc's
// diagnostics, ./name, run, background jobs on another host, jobs/wait/kill, Ctrl-C, sudo and
// sleep in simulated time, driven through the terminal API and read back from the screen.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openLabShell } from '../../../test/helpers/shellTerminal';
import type { CParser } from '../../lang/index';
import { createCParser } from '../../lang/index';
import { MemoryWorkspace } from '../memoryWorkspace';

const root = new URL('../../../', import.meta.url).pathname;
const fixture = (name: string) => readFileSync(join(root, 'core/shell/testdata', name), 'utf8');

let parser: CParser;
beforeAll(async () => {
  parser = await createCParser({
    runtimeWasm: readFileSync(join(root, 'node_modules/web-tree-sitter/web-tree-sitter.wasm')),
    languageWasm: readFileSync(join(root, 'node_modules/tree-sitter-c/tree-sitter-c.wasm')),
  });
});

/** lab opens a shell on a fresh session whose world runs only when the test settles it. */
async function lab(host = 'client') {
  const files = new MemoryWorkspace({
    'echosrv.c': fixture('echosrv.c'),
    'echocli.c': fixture('echocli.c'),
    'spin.c': fixture('spin.c'),
    'bad.c': fixture('bad.c'),
    'upper.c': fixture('upper.c'),
    'segv.c': 'int main(void) {\n    int *p = 0;\n    return *p;\n}\n',
  });
  const { session, screen, run, settle } = await openLabShell(parser, files, { cols: 100, rows: 30, host });
  return { session, screen, run, settle, files };
}

describe('LabShell programs', () => {
  it('compiles with cc and runs a server in the background on server and a client on client', async () => {
    const { run, screen, session } = await lab();
    expect(await run('cc echosrv.c -o echosrv')).toEqual([]);
    expect(await run('gcc -Wall -g echocli.c -o echocli')).toEqual([]);
    expect(await run('on server ./echosrv &')).toEqual(['[1] 100']);
    expect(await run('sleep 1')).toEqual([]);
    expect(await run('jobs')).toEqual(['[1]+  Running                 on server ./echosrv &']);
    expect(await run('on server ss -tlnp')).toEqual([
      // On a terminal ss widens its columns to the screen (100 columns here), and the one
      // socket's unpadded Process field runs past the edge and wraps, as on Linux.
      'State      Recv-Q     Send-Q         Local Address:Port           Peer Address:Port     Process     ',
      'LISTEN     0          5                    0.0.0.0:7007                0.0.0.0:*         users:(("ec',
      'hosrv",pid=100,fd=3))',
    ]);
    expect(await run('ss -tan | cat')).toEqual([
      'State Recv-Q Send-Q Local Address:Port Peer Address:PortProcess',
    ]);
    expect(await run('./echocli server hello')).toEqual([
      'reply: hello',
      'echo server: client gone',
      '[1]+  Done                    on server ./echosrv',
    ]);
    expect(screen.cursorLine()).toBe('student@client:~$ ');
    expect(session.log.filter((e) => e.kind === 'command').map((e) => e.line)).toEqual([
      'cc echosrv.c -o echosrv',
      'gcc -Wall -g echocli.c -o echocli',
      'on server ./echosrv &',
      'sleep 1',
      'jobs',
      'on server ss -tlnp',
      'ss -tan | cat',
      './echocli server hello',
    ]);
  });

  it('prints gcc diagnostics and fails when the C file has an error', async () => {
    const { run } = await lab();
    expect(await run('cc bad.c')).toEqual([
      "bad.c:2:12: error: 'undeclared' undeclared",
      '    2 |     return undeclared;',
      '      |            ^',
    ]);
    expect(await run('echo $?')).toEqual(['1']);
  });

  it('gives the errors of gcc and bash for missing files, bad options and non-programs', async () => {
    const { run } = await lab();
    expect(await run('cc nofile.c')).toEqual([
      'cc1: fatal error: nofile.c: No such file or directory',
      'compilation terminated.',
    ]);
    expect(await run('gcc')).toEqual(['gcc: fatal error: no input files', 'compilation terminated.']);
    expect(await run('cc -Zfoo spin.c')).toEqual(['cc: error: unrecognized command-line option ‘-Zfoo’']);
    expect(await run('./nothere')).toEqual(['./nothere: No such file or directory']);
    expect(await run('echo $?')).toEqual(['127']);
    expect(await run('./spin.c')).toEqual(['./spin.c: cannot execute binary file: Exec format error']);
    expect(await run('on mars ls')).toEqual(['on: mars: unknown host']);
    expect(await run('kill %3')).toEqual(['kill: %3: no such job']);
    expect(await run('kill -FOO 1')).toEqual(['kill: FOO: invalid signal specification']);
    expect(await run('kill 4242')).toEqual(['kill: (4242) - No such process']);
    expect(await run('fg')).toEqual(['fg: current: no such job']);
  });

  it('stops a spinning program with Ctrl-C and reports status 130', async () => {
    const { screen, session, run, settle } = await lab();
    await run('cc spin.c -o spin');
    await screen.type('./spin\r');
    expect(session.settle(3)).toBe(true);
    await screen.type('\x03');
    await settle();
    expect(screen.lines().slice(-4)).toEqual([
      'student@client:~$ ./spin',
      'spinning',
      '^C',
      'student@client:~$ ',
    ]);
    expect(await run('echo $?')).toEqual(['130']);
  });

  it('stops a server blocked in accept() with Ctrl-C', async () => {
    const { screen, session, run, settle } = await lab('server');
    await run('cc echosrv.c -o echosrv');
    await screen.type('./echosrv\r');
    expect(session.settle(50)).toBe(false);
    await screen.type('\x03');
    await settle();
    expect(screen.cursorLine()).toBe('student@server:~$ ');
    expect(await run('echo $?')).toEqual(['130']);
  });

  it('kills a background job with kill %1 and reports it Terminated', async () => {
    const { run } = await lab();
    await run('cc spin.c -o spin');
    expect(await run('./spin > out.txt &')).toEqual(['[1] 100']);
    expect(await run('ps')).toEqual(['    PID TTY          TIME CMD', '    100 pts/0    00:00:00 spin']);
    // As in bash, the job's end is reported before the prompt after the next command; stdio's
    // buffer for a file was never flushed, so SIGTERM lost "spinning" as it would on Linux.
    expect(await run('kill %1')).toEqual([]);
    expect(await run('cat out.txt')).toEqual(['[1]+  Terminated              ./spin > out.txt']);
    expect(await run('jobs')).toEqual([]);
  });

  it('gives the terminal to a background program brought back with fg', async () => {
    const { run, screen, settle } = await lab();
    await run('cc upper.c -o upper');
    expect(await run('./upper &')).toEqual(['[1] 100']);
    await screen.type('fg\r');
    await settle();
    await screen.type('hello\r');
    await settle();
    await screen.type('\x04');
    await settle();
    expect(screen.lines().slice(-5)).toEqual([
      'student@client:~$ fg',
      './upper',
      'hello',
      'HELLO',
      'student@client:~$ ',
    ]);
  });

  it('reports a crash and a kill of the foreground job as bash does', async () => {
    const { run, screen, session, settle } = await lab();
    const crash = await run('run segv.c');
    expect(crash.at(-1)).toBe('Segmentation fault (core dumped)');
    expect(await run('echo $?')).toEqual(['139']);
    await run('cc spin.c -o spin');
    await screen.type('./spin\r');
    session.settle(2);
    session.reset(); // another terminal ran `reset`
    await settle();
    expect(screen.lines().slice(-3)).toEqual(['spinning', 'Killed', 'student@client:~$ ']);
  });

  it('hangs up every job when the terminal closes', async () => {
    const { run, screen, session } = await lab();
    await run('cc spin.c -o spin');
    await run('./spin > a.txt &');
    await screen.type('./spin\r');
    session.settle(3);
    screen.shell.hangup();
    session.settle(20);
    const exits = session.log.filter((e) => e.kind === 'exit');
    expect(exits).toEqual([
      { kind: 'exit', host: 'client', pid: 100, status: 129 },
      { kind: 'exit', host: 'client', pid: 101, status: 129 },
    ]);
    expect(screen.shell.busy).toBe(false);
  });

  it('compiles and runs in one step with run, and waits in simulated time with sleep', async () => {
    const { run, session } = await lab();
    const t0 = session.world.sim.now;
    expect(await run('sleep 2.5')).toEqual([]);
    expect(session.world.sim.now - t0).toBe(2_500_000_000);
    expect(await run('run echocli.c')).toEqual(['usage: ./echocli HOST TEXT']);
    expect(await run('echo $?')).toEqual(['2']);
  });
});
