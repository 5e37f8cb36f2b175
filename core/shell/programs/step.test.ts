// The `step` command: a C program run one source line at a time from the lab shell, paused
// before each line with a `(step) ` prompt, resumed by Enter, `c`, `q`, Ctrl-C or by anyone
// holding the session (the editor's buttons), with the kernel's trace growing line by line.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openLabShell } from '../../../test/helpers/shellTerminal';
import type { CParser } from '../../lang/index';
import { createCParser } from '../../lang/index';
import { MemoryWorkspace } from '../memoryWorkspace';

const root = new URL('../../../', import.meta.url).pathname;

let parser: CParser;
beforeAll(async () => {
  parser = await createCParser({
    runtimeWasm: readFileSync(join(root, 'node_modules/web-tree-sitter/web-tree-sitter.wasm')),
    languageWasm: readFileSync(join(root, 'node_modules/tree-sitter-c/tree-sitter-c.wasm')),
  });
});

const COUNT = [
  '#include <stdio.h>',
  'int main(int argc, char **argv) {',
  '    int a = argc;',
  '    a = a + 1;',
  '    printf("a=%d\\n", a);',
  '    return 0;',
  '}',
  '',
].join('\n');

const SOCK = [
  '#include <sys/socket.h>',
  '#include <unistd.h>',
  'int main(void) {',
  '    int fd = socket(AF_INET, SOCK_STREAM, 0);',
  '    close(fd);',
  '    return 0;',
  '}',
  '',
].join('\n');

const ECHO = [
  '#include <stdio.h>',
  'int main(void) {',
  '    char line[32];',
  '    fgets(line, sizeof line, stdin);',
  '    printf("got %s", line);',
  '    return 0;',
  '}',
  '',
].join('\n');

const FORK = [
  '#include <stdio.h>',
  '#include <unistd.h>',
  'int main(void) {',
  '    pid_t pid = fork();',
  '    if (pid == 0) { printf("child\\n"); return 0; }',
  '    return 0;',
  '}',
  '',
].join('\n');

/** at is how the terminal shows a paused line: its number, a tab to column 8, its text. */
const at = (line: number, text: string) => `${String(line).padEnd(8)}${text}`;

/** lab opens a shell on a fresh session whose world runs only when the test settles it. */
async function lab() {
  const files = new MemoryWorkspace({ 'count.c': COUNT, 'sock.c': SOCK, 'echo.c': ECHO, 'fork.c': FORK });
  const { session, screen, settle } = await openLabShell(parser, files, { cols: 100, rows: 30 });
  /** type sends keys, runs the world until nothing more can happen, and returns the rows written since (the cursor's row last). */
  const type = async (keys: string): Promise<string[]> => {
    const before = screen.lines().length;
    await screen.type(keys);
    await settle();
    return screen.lines().slice(before - 1);
  };
  return { session, screen, type };
}

describe('step', () => {
  it('pauses before each source line of main and runs to the next line on Enter', async () => {
    const { type } = await lab();
    expect(await type('step count.c x\r')).toEqual([
      'student@client:~$ step count.c x',
      at(3, '    int a = argc;'),
      '(step) ',
    ]);
    expect(await type('\r')).toEqual(['(step) ', at(4, '    a = a + 1;'), '(step) ']);
    expect(await type('s\r')).toEqual(['(step) s', at(5, '    printf("a=%d\\n", a);'), '(step) ']);
    expect(await type('\r')).toEqual(['(step) ', 'a=3', at(6, '    return 0;'), '(step) ']);
    expect(await type('\r')).toEqual(['(step) ', 'student@client:~$ ']);
    expect(await type('echo $?\r')).toEqual(['student@client:~$ echo $?', '0', 'student@client:~$ ']);
  });

  it('runs freely after c, and explains a command it does not know', async () => {
    const { type } = await lab();
    await type('step count.c\r');
    expect(await type('next\r')).toEqual([
      '(step) next',
      'step: unknown command "next"; Enter or s: run to the next line; c: continue; q: kill the program',
      '(step) ',
    ]);
    expect(await type('c\r')).toEqual(['(step) c', 'a=2', 'student@client:~$ ']);
  });

  it('makes each system call only when its line is stepped over', async () => {
    const { type, session } = await lab();
    const syscalls = () =>
      session.world.trace.events().flatMap((e) => (e.kind === 'syscall_exit' ? [e.name] : []));
    expect((await type('step sock.c\r')).slice(1)).toEqual([
      at(4, '    int fd = socket(AF_INET, SOCK_STREAM, 0);'),
      '(step) ',
    ]);
    expect(syscalls()).toEqual([]);
    expect(await type('\r')).toEqual(['(step) ', at(5, '    close(fd);'), '(step) ']);
    expect(syscalls()).toEqual(['socket']);
    expect(await type('\r')).toEqual(['(step) ', at(6, '    return 0;'), '(step) ']);
    expect(syscalls()).toEqual(['socket', 'close']);
  });

  it('gives the terminal to the program while it runs and to the prompt while it is paused', async () => {
    const { type } = await lab();
    await type('step echo.c\r');
    expect(await type('\r')).toEqual(['(step) ']); // it waits in fgets on the next row
    expect(await type('hello\r')).toEqual([
      '(step) ',
      'hello',
      at(5, '    printf("got %s", line);'),
      '(step) ',
    ]);
    expect(await type('c\r')).toEqual(['(step) c', 'got hello', 'student@client:~$ ']);
  });

  it('follows a resume from outside the terminal, and ends on q or Ctrl-C', async () => {
    const { type, session } = await lab();
    const paused: string[] = [];
    session.onPause((pause) => paused.push(`${pause.path}:${pause.line}`));
    await type('step count.c\r');
    const proc = session.exec.procs[0]!;
    session.resume(proc, 'step');
    expect(await type('')).toEqual(['(step) ', at(4, '    a = a + 1;'), '(step) ']);
    expect(paused).toEqual(['count.c:3', 'count.c:4']);
    expect(await type('q\r')).toEqual(['(step) q', 'Killed', 'student@client:~$ ']);
    expect(await type('echo $?\r')).toEqual(['student@client:~$ echo $?', '137', 'student@client:~$ ']);
    expect(paused).toEqual(['count.c:3', 'count.c:4', 'count.c:null']);
    await type('step count.c\r');
    session.resume(session.exec.procs[0]!, 'continue');
    expect(await type('')).toEqual(['(step) ', 'a=2', 'student@client:~$ ']);
    await type('step count.c\r');
    expect(await type('\x03')).toEqual(['(step) ^C', 'student@client:~$ ']);
    expect(await type('echo $?\r')).toEqual(['student@client:~$ echo $?', '130', 'student@client:~$ ']);
  });

  it('lets a child forked by a stepped program run freely', async () => {
    const { type } = await lab();
    await type('step fork.c\r');
    expect(await type('\r')).toEqual([
      '(step) ',
      'child',
      at(5, '    if (pid == 0) { printf("child\\n"); return 0; }'),
      '(step) ',
    ]);
    expect(await type('c\r')).toEqual(['(step) c', 'student@client:~$ ']);
  });

  it('refuses a missing file, a missing argument and the background', async () => {
    const { type } = await lab();
    expect(await type('step\r')).toEqual([
      'student@client:~$ step',
      'step: usage: step FILE.c [ARG]...',
      'student@client:~$ ',
    ]);
    expect(await type('step nope.c\r')).toEqual([
      'student@client:~$ step nope.c',
      'cc1: fatal error: nope.c: No such file or directory',
      'compilation terminated.',
      'student@client:~$ ',
    ]);
    expect((await type('step count.c &\r')).slice(1)).toEqual([
      '[1]',
      'step: a stepped program needs the terminal: run it in the foreground, without <',
      '[1]+  Exit 1                  step count.c',
      'student@client:~$ ',
    ]);
  });
});
