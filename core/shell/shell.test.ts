import { describe, expect, it } from 'vitest';
import { openShell } from '../../test/helpers/shellTerminal';
import { MemoryWorkspace } from './memoryWorkspace';

const PROMPT = 'student@client:~$ ';

describe('LabShell', () => {
  it('greets and shows the bash-style prompt when started', async () => {
    const s = await openShell();
    expect(s.lines()).toEqual(["SockLab lab shell on client. Type 'help' for the commands.", PROMPT]);
    expect(s.cursorX()).toBe(PROMPT.length);
  });

  it('echoes its arguments when echo runs', async () => {
    const s = await openShell();
    await s.type('echo hello   "two  words"\r');
    expect(s.lines().slice(1)).toEqual([PROMPT + 'echo hello   "two  words"', 'hello two  words', PROMPT]);
  });

  it('prints no newline when echo -n runs and interprets escapes with -e', async () => {
    const s = await openShell();
    await s.type('echo -n hi\r');
    expect(s.lines().at(-1)).toBe('hi' + PROMPT);
    await s.type("echo -e 'a\\tb'\r");
    expect(s.lines().at(-2)).toBe('a       b');
  });

  it('reports an unknown command as bash does with status 127', async () => {
    const s = await openShell();
    await s.type('frobnicate now\r');
    expect(s.lines().at(-2)).toBe('frobnicate: command not found');
    expect(s.shell.lastStatus).toBe(127);
  });

  it('reports an unterminated quote instead of running the line', async () => {
    const s = await openShell();
    await s.type("echo 'oops\r");
    expect(s.lines().at(-2)).toBe("socklab: unexpected EOF while looking for matching `''");
  });

  it('prints the home directory when pwd runs', async () => {
    const s = await openShell();
    await s.type('pwd\r');
    expect(s.lines().at(-2)).toBe('/home/student');
  });

  it('lists files in columns sorted by name when ls runs', async () => {
    const s = await openShell({ 'hello.c': 'int main(){}\n', 'b.txt': 'b', 'src/x.c': '', '.hidden': '' });
    await s.type('ls\r');
    expect(s.lines().at(-2)).toBe('b.txt  hello.c  src');
    await s.type('ls -a\r');
    expect(s.lines().at(-2)).toBe('.  ..  .hidden  b.txt  hello.c  src');
  });

  it('lists one name per line when ls -1 runs and fills rows down columns when names do not fit', async () => {
    const names = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`file_number_${i}.c`, '']));
    const s = await openShell(names, 40);
    await s.type('ls\r');
    expect(s.lines().slice(-4, -1)).toEqual([
      'file_number_0.c  file_number_3.c',
      'file_number_1.c  file_number_4.c',
      'file_number_2.c  file_number_5.c',
    ]);
    await s.type('ls -1 file_number_0.c\r');
    expect(s.lines().at(-2)).toBe('file_number_0.c');
  });

  it('prints ls -l lines with mode, owner, size and name', async () => {
    const s = await openShell(new MemoryWorkspace({ 'a.c': 'abc' }, Date.UTC(2026, 0, 2, 3, 4)));
    await s.type('ls -l\r');
    const line = s.lines().at(-2)!;
    expect(line).toMatch(/^-rw-r--r-- 1 student student 3 Jan {1,2}\d{1,2} \d\d:\d\d a\.c$/);
    expect(s.lines().at(-3)).toBe('total 4');
  });

  it('reports a missing file in coreutils words when ls or cat cannot find it', async () => {
    const s = await openShell();
    await s.type('ls nope\r');
    expect(s.lines().at(-2)).toBe("ls: cannot access 'nope': No such file or directory");
    expect(s.shell.lastStatus).toBe(2);
    await s.type('cat nope.c\r');
    expect(s.lines().at(-2)).toBe('cat: nope.c: No such file or directory');
    expect(s.shell.lastStatus).toBe(1);
  });

  it('rejects a bad flag in the real tool words', async () => {
    const s = await openShell();
    await s.type('ls -z\r');
    expect(s.lines().slice(-3, -1)).toEqual([
      "ls: invalid option -- 'z'",
      "Try 'help ls' for more information.",
    ]);
  });

  it('prints a file when cat runs and refuses paths outside the workspace', async () => {
    const s = await openShell({ 'hello.c': '#include <stdio.h>\nint main(void) { return 0; }\n' });
    await s.type('cat hello.c\r');
    expect(s.lines().slice(-3, -1)).toEqual(['#include <stdio.h>', 'int main(void) { return 0; }']);
    await s.type('cat ../../etc/passwd\r');
    expect(s.lines().at(-2)).toBe('cat: ../../etc/passwd: Permission denied');
    await s.type('cat /home/student/hello.c\r');
    expect(s.lines().at(-2)).toBe('int main(void) { return 0; }');
  });

  it('says Is a directory when cat is given a folder', async () => {
    const s = await openShell({ 'src/a.c': '' });
    await s.type('cat src\r');
    expect(s.lines().at(-2)).toBe('cat: src: Is a directory');
  });

  it('changes directory with cd and shows it in the prompt', async () => {
    const s = await openShell({ 'src/a.c': 'x' });
    await s.type('cd src\r');
    expect(s.cursorLine()).toBe('student@client:~/src$ ');
    await s.type('pwd\r');
    expect(s.lines().at(-2)).toBe('/home/student/src');
    await s.type('cd ..\r');
    expect(s.cursorLine()).toBe(PROMPT);
    await s.type('cd nowhere\r');
    expect(s.lines().at(-2)).toBe('cd: nowhere: No such file or directory');
  });

  it('numbers the history as bash does when history runs', async () => {
    const s = await openShell();
    await s.type('echo a\recho b\rhistory\r');
    expect(s.lines().slice(-4, -1)).toEqual(['    1  echo a', '    2  echo b', '    3  history']);
    await s.type('history 1\r');
    expect(s.lines().at(-2)).toBe('    4  history 1');
  });

  it('describes one command when help CMD runs', async () => {
    const s = await openShell();
    await s.type('help ls\r');
    expect(s.lines().slice(-4, -1)).toEqual([
      'ls - list directory contents',
      '  usage:   ls [-a] [-l] [-1] [FILE]...',
      '  example: ls -l',
    ]);
    await s.type('help\r');
    expect(s.lines().join('\n')).toContain('  echo      print the arguments');
  });

  it('clears the screen when clear runs', async () => {
    const s = await openShell();
    await s.type('echo one\rclear\r');
    expect(s.cursorLine()).toBe(PROMPT);
    expect(s.term.buffer.active.cursorY).toBe(0);
  });
});
