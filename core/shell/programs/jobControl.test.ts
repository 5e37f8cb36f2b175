// Programs' standard input through the lab shell (pipes and redirections between programs and
// files, Ctrl-D ending only the foreground program's input, two terminals never reading each
// other's input) and job control stops (kill -STOP/-TSTP/-CONT, jobs, bg, fg), driven through
// the terminal API and read back from the screen.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openLabShell } from '../../../test/helpers/shellTerminal';
import type { CParser } from '../../lang/index';
import { createCParser } from '../../lang/index';
import { LabSession } from '../../session/index';
import { MemoryWorkspace } from '../memoryWorkspace';

const root = new URL('../../../', import.meta.url).pathname;
const fixture = (name: string) => readFileSync(join(root, 'core/shell/testdata', name), 'utf8');

/** NUMBER prints each line of its input after its number, and how many lines there were. */
const NUMBER = `#include <stdio.h>
int main(void) {
    char line[128];
    int n = 0;
    while (fgets(line, sizeof line, stdin) != NULL) printf("%d: %s", ++n, line);
    printf("%d lines\\n", n);
    return 0;
}
`;

let parser: CParser;
beforeAll(async () => {
  parser = await createCParser({
    runtimeWasm: readFileSync(join(root, 'node_modules/web-tree-sitter/web-tree-sitter.wasm')),
    languageWasm: readFileSync(join(root, 'node_modules/tree-sitter-c/tree-sitter-c.wasm')),
  });
});

/** lab opens shells on one fresh session whose world runs only when a test settles it. */
async function lab() {
  const files = new MemoryWorkspace({
    'spin.c': fixture('spin.c'),
    'upper.c': fixture('upper.c'),
    'number.c': NUMBER,
    'in.txt': 'hello\nworld\n',
  });
  const session = new LabSession({ parser, seed: 1 });
  const open = (host = 'client') => openLabShell(parser, files, { cols: 100, rows: 30, host, session });
  const first = await open();
  await first.run('cc upper.c -o upper');
  await first.run('cc number.c -o number');
  await first.run('cc spin.c -o spin');
  return { open, ...first };
}

describe('LabShell program stdin', () => {
  it('pipes and redirects between programs and files', async () => {
    const { run } = await lab();
    expect(await run('./number < in.txt')).toEqual(['1: hello', '2: world', '2 lines']);
    expect(await run('cat in.txt | ./upper')).toEqual(['HELLO', 'WORLD']);
    expect(await run('./upper < in.txt | ./number')).toEqual(['1: HELLO', '2: WORLD', '2 lines']);
    expect(await run('./upper < in.txt > up.txt')).toEqual([]);
    expect(await run('./number < up.txt | wc -l')).toEqual(['3']);
  });

  it('ends only the foreground program input on Ctrl-D, so the next program reads the terminal again', async () => {
    const { screen, settle } = await lab();
    for (const word of ['one', 'two']) {
      await screen.type('./number\r');
      await settle();
      await screen.type(`${word}\r`);
      await settle();
      await screen.type('\x04');
      await settle();
    }
    expect(screen.lines().slice(-9)).toEqual([
      'student@client:~$ ./number',
      'one',
      '1: one',
      '1 lines',
      'student@client:~$ ./number',
      'two',
      '1: two',
      '1 lines',
      'student@client:~$ ',
    ]);
  });

  it('gives each terminal its own program input', async () => {
    const { open, screen, settle } = await lab();
    const other = await open('server');
    await screen.type('./upper\r');
    await other.screen.type('./number\r');
    await settle();
    await other.settle();
    await screen.type('abc\r');
    await other.screen.type('xyz\r');
    await settle();
    await screen.type('\x04');
    await settle();
    expect(screen.lines().slice(-4)).toEqual([
      'student@client:~$ ./upper',
      'abc',
      'ABC',
      'student@client:~$ ',
    ]);
    expect(other.screen.shell.busy).toBe(true);
    await other.screen.type('more\r\x04');
    await other.settle();
    expect(other.screen.lines().slice(-7, -1)).toEqual([
      'student@server:~$ ./number',
      'xyz',
      '1: xyz',
      'more',
      '2: more',
      '2 lines',
    ]);
    expect(other.screen.cursorLine()).toBe('student@server:~$ ');
  });
});

describe('LabShell job control stops', () => {
  it('lists the signals with kill -l as bash does on x86-64 Linux, and names or numbers one', async () => {
    const { run, screen } = await lab();
    expect(await run('kill -l > sigs.txt')).toEqual([]);
    expect(screen.workspace.readText('sigs.txt')).toEqual({ ok: true, value: fixture('real/kill-l.txt') });
    expect(await run('kill -l 9 137 SIGSEGV winch 99')).toEqual([
      'KILL',
      'KILL',
      '11',
      '28',
      'kill: 99: invalid signal specification',
    ]);
    expect(await run('kill -l 64; kill -l 35')).toEqual(['RTMAX', 'RTMIN+1']);
  });

  it('stops a background job with kill -STOP, lists it Stopped, and resumes it with bg', async () => {
    const { run, session, screen } = await lab();
    expect(await run('./spin > out.txt &')).toEqual(['[1] 100']);
    const proc = session.exec.procs.find((p) => p.pid === 100)!;
    const heard: (number | null)[] = [];
    screen.shell.jobs.list()[0]!.job.onStop((stoppedBy) => heard.push(stoppedBy));
    expect(await run('kill -STOP %1')).toEqual([]);
    expect(heard).toEqual([19]);
    expect(await run('jobs')).toEqual(['[1]+  Stopped                 ./spin > out.txt']);
    const steps = proc.vm.steps;
    session.settle(20);
    expect(proc.vm.steps).toBe(steps);
    expect(await run('jobs -l')).toEqual(['[1]+ 100 Stopped (signal)        ./spin > out.txt']);
    expect(await run('bg')).toEqual(['[1]+ ./spin > out.txt &']);
    expect(await run('jobs')).toEqual(['[1]+  Running                 ./spin > out.txt &']);
    expect(proc.vm.steps).toBeGreaterThan(steps);
    expect(heard).toEqual([19, null]);
    expect(await run('bg %1')).toEqual(['bg: job 1 already in background']);
  });

  it('reports a job stopped by kill -TSTP before the next prompt, and kill %1 ends it though stopped', async () => {
    const { run } = await lab();
    await run('./spin > out.txt &');
    await run('kill -TSTP 100');
    expect(await run('echo next')).toEqual(['next', '[1]+  Stopped                 ./spin > out.txt']);
    expect(await run('echo again')).toEqual(['again']);
    expect(await run('kill %1')).toEqual([]);
    expect(await run('jobs')).toEqual(['[1]+  Terminated              ./spin > out.txt']);
  });

  it('hangs up a stopped job when the terminal closes: SIGHUP, then SIGCONT so that it dies of it', async () => {
    const { run, screen, session } = await lab();
    await run('./spin > out.txt &');
    await run('kill -STOP %1');
    screen.shell.hangup();
    session.settle(20);
    expect(session.log.filter((e) => e.kind === 'exit')).toEqual([
      { kind: 'exit', host: 'client', pid: 100, status: 129 },
    ]);
  });

  it('brings a stopped job back with fg, which continues it in the foreground', async () => {
    const { run, screen, session, settle } = await lab();
    await run('./spin > out.txt &');
    await run('kill -STOP %1');
    await run('kill -CONT %1');
    expect(await run('jobs')).toEqual(['[1]+  Running                 ./spin > out.txt &']);
    await run('kill -STOP %1');
    const proc = session.exec.procs.find((p) => p.pid === 100)!;
    await screen.type('fg\r');
    expect(session.settle(3)).toBe(true);
    expect([screen.shell.busy, proc.stoppedBy]).toEqual([true, null]);
    await screen.type('\x03');
    await settle();
    expect(screen.lines().slice(-4)).toEqual([
      'student@client:~$ fg',
      './spin > out.txt',
      '^C',
      'student@client:~$ ',
    ]);
    expect(await run('echo $?')).toEqual(['130']);
  });

  it('stops a background program that reads the terminal with SIGTTIN until fg gives it the terminal', async () => {
    const { run, screen, settle } = await lab();
    expect(await run('./upper &')).toEqual(['[1] 100']);
    expect(await run('jobs -l')).toEqual(['[1]+ 100 Stopped (tty input)     ./upper']);
    expect(await run('bg')).toEqual(['[1]+ ./upper &']);
    expect(await run('jobs')).toEqual(['[1]+  Stopped                 ./upper']);
    await screen.type('fg\r');
    await settle();
    await screen.type('typed\r\x04');
    await settle();
    expect(screen.lines().slice(-5)).toEqual([
      'student@client:~$ fg',
      './upper',
      'typed',
      'TYPED',
      'student@client:~$ ',
    ]);
  });

  it('stops the foreground program on Ctrl-Z as bash does, then bg and kill %1', async () => {
    const { run, screen, session, settle } = await lab();
    await screen.type('./spin\r');
    expect(session.settle(3)).toBe(true);
    await screen.type('\x1a');
    await settle();
    expect(screen.lines().slice(-5)).toEqual([
      'student@client:~$ ./spin',
      'spinning',
      '^Z',
      '[1]+  Stopped                 ./spin',
      'student@client:~$ ',
    ]);
    expect(await run('echo $?')).toEqual(['148']);
    expect(await run('jobs')).toEqual(['[1]+  Stopped                 ./spin']);
    expect(await run('bg')).toEqual(['[1]+ ./spin &']);
    expect(await run('jobs')).toEqual(['[1]+  Running                 ./spin &']);
    expect(await run('kill %1')).toEqual([]);
    expect(await run('jobs')).toEqual(['[1]+  Terminated              ./spin']);
  });

  it('gives the terminal back to the shell on Ctrl-Z and to the program again on fg', async () => {
    const { run, screen, settle } = await lab();
    await screen.type('./upper\r');
    await settle();
    await screen.type('ab\r');
    await settle();
    await screen.type('\x1a');
    await settle();
    expect(await run('echo shell')).toEqual(['shell']);
    await screen.type('fg\r');
    await settle();
    await screen.type('cd\r\x04');
    await settle();
    expect(screen.lines().slice(-12)).toEqual([
      'student@client:~$ ./upper',
      'ab',
      'AB',
      '^Z',
      '[1]+  Stopped                 ./upper',
      'student@client:~$ echo shell',
      'shell',
      'student@client:~$ fg',
      './upper',
      'cd',
      'CD',
      'student@client:~$ ',
    ]);
  });

  it('goes on with the rest of the command list after Ctrl-Z', async () => {
    const { screen, session, settle } = await lab();
    await screen.type('./spin; echo after $?\r');
    session.settle(3);
    await screen.type('\x1a');
    await settle();
    expect(screen.lines().slice(-4)).toEqual([
      '^Z',
      '[1]+  Stopped                 ./spin',
      'after 148',
      'student@client:~$ ',
    ]);
  });
});
