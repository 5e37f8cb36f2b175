import { describe, expect, it } from 'vitest';
import { openShell } from '../../test/helpers/shellTerminal';

const PROMPT = 'student@client:~$ ';

describe('Executor', () => {
  it('runs every command of a list joined by ; when one fails', async () => {
    const s = await openShell();
    expect(await s.run('echo a; cat nope; echo b')).toEqual([
      'a',
      'cat: nope: No such file or directory',
      'b',
    ]);
  });

  it('runs the right side of && only after success and of || only after failure', async () => {
    const s = await openShell({ 'a.c': 'x\n' });
    expect(await s.run('cat a.c && echo yes || echo no')).toEqual(['x', 'yes']);
    expect(await s.run('cat b.c && echo yes || echo no')).toEqual([
      'cat: b.c: No such file or directory',
      'no',
    ]);
    expect(await s.run('false-cmd || echo one && echo two')).toEqual([
      'false-cmd: command not found',
      'one',
      'two',
    ]);
  });

  it('expands $? to the status of the command before when it runs', async () => {
    const s = await openShell();
    expect(await s.run('cat nope 2> err.txt; echo $?')).toEqual(['1']);
    expect(await s.run('nosuch 2>err.txt; echo "status $?" \'$?\'')).toEqual(['status 127 $?']);
    expect(await s.run('echo $?')).toEqual(['0']);
  });

  it('expands HOME, USER and ~, and drops an unset unquoted parameter', async () => {
    const s = await openShell();
    expect(await s.run('echo ~ ~/x $USER "$HOME" $NOPE end "$NOPE"')).toEqual([
      '/home/student /home/student/x student /home/student end ',
    ]);
  });

  it('passes output through each pipe when commands are joined by |', async () => {
    const s = await openShell({ 'n.txt': '1\n2\n3\n4\n5\n' });
    expect(await s.run('cat n.txt | head -n 4 | tail -n 2')).toEqual(['3', '4']);
    expect(await s.run('cat n.txt | wc -l')).toEqual(['5']);
    expect(await s.run('echo hello world | wc')).toEqual(['      1       2      12']);
  });

  it('prints one name per line without colour when ls writes into a pipe', async () => {
    const s = await openShell({ 'b.c': '', 'a.c': '', 'src/x.c': '' });
    expect(await s.run('ls | cat')).toEqual(['a.c', 'b.c', 'src']);
    expect(await s.run('ls | wc -l')).toEqual(['3']);
  });

  it('writes, appends and reads files when > >> and < redirect', async () => {
    const s = await openShell();
    expect(await s.run('echo one > f.txt')).toEqual([]);
    expect(await s.run('echo two >> f.txt')).toEqual([]);
    expect(s.workspace.readText('f.txt')).toEqual({ ok: true, value: 'one\ntwo\n' });
    expect(await s.run('wc -l < f.txt')).toEqual(['2']);
    expect(await s.run('wc < f.txt')).toEqual(['2 2 8']);
    expect(await s.run('wc f.txt - < f.txt')).toEqual([' 2  2  8 f.txt', ' 2  2  8 -', ' 4  4 16 total']);
    expect(await s.run('echo three > f.txt; cat f.txt')).toEqual(['three']);
  });

  it('sends standard error to a file with 2> and to standard output with 2>&1', async () => {
    const s = await openShell({ 'a.c': 'A\n' });
    expect(await s.run('cat a.c nope 2> err.txt')).toEqual(['A']);
    expect(s.workspace.readText('err.txt')).toEqual({
      ok: true,
      value: 'cat: nope: No such file or directory\n',
    });
    expect(await s.run('cat nope a.c > all.txt 2>&1')).toEqual([]);
    expect(s.workspace.readText('all.txt')).toEqual({
      ok: true,
      value: 'cat: nope: No such file or directory\nA\n',
    });
    expect(await s.run('cat nope 2>&1 | wc -l')).toEqual(['1']);
    expect(await s.run('cat nope 2>&1 > out.txt')).toEqual(['cat: nope: No such file or directory']);
  });

  it('sends both output streams to one file when &> or &>> redirects', async () => {
    const s = await openShell({ 'a.c': 'A\n' });
    expect(await s.run('cat a.c nope &> all.txt; cat a.c &>> all.txt')).toEqual([]);
    expect(await s.run('cat nope &> /dev/null')).toEqual([]);
    expect(s.workspace.readText('all.txt')).toEqual({
      ok: true,
      value: 'A\ncat: nope: No such file or directory\nA\n',
    });
  });

  it('creates the output file before the command runs, as the shell does', async () => {
    const s = await openShell({ 'a.c': '' });
    expect(await s.run('ls > list.txt; cat list.txt')).toEqual(['a.c', 'list.txt']);
    expect(await s.run('> empty.txt')).toEqual([]);
    expect(s.workspace.stat('empty.txt')).toMatchObject({ ok: true, value: { size: 0 } });
  });

  it('discards output and reads nothing when redirected to or from /dev/null', async () => {
    const s = await openShell();
    expect(await s.run('cat nope 2>/dev/null; echo $?')).toEqual(['1']);
    expect(await s.run('wc -l < /dev/null')).toEqual(['0']);
  });

  it('reports a redirection it cannot open in bash words and skips the command', async () => {
    const s = await openShell({ 'src/a.c': '' });
    expect(await s.run('echo hi > nodir/x.txt')).toEqual(['socklab: nodir/x.txt: No such file or directory']);
    expect(s.shell.lastStatus).toBe(1);
    expect(await s.run('wc < nope')).toEqual(['socklab: nope: No such file or directory']);
    expect(await s.run('echo hi > src')).toEqual(['socklab: src: Is a directory']);
    expect(await s.run('echo hi > /etc/passwd')).toEqual(['socklab: /etc/passwd: Permission denied']);
    expect(await s.run('echo hi > $NOPE')).toEqual(['socklab: $NOPE: ambiguous redirect']);
  });

  it('reports bash syntax errors with status 2 when operators are misplaced', async () => {
    const s = await openShell();
    expect(await s.run('echo a |')).toEqual(['socklab: syntax error: unexpected end of file']);
    expect(s.shell.lastStatus).toBe(2);
    expect(await s.run('| wc')).toEqual(["socklab: syntax error near unexpected token `|'"]);
    expect(await s.run('echo >')).toEqual(["socklab: syntax error near unexpected token `newline'"]);
    expect(await s.run('echo a ;; echo b')).toEqual(["socklab: syntax error near unexpected token `;'"]);
    expect(await s.run('echo a &&')).toEqual(['socklab: syntax error: unexpected end of file']);
  });

  it('refuses a background job when the shell has no simulated world', async () => {
    const s = await openShell();
    expect(await s.run('echo a & echo b')).toEqual([
      'socklab: background jobs (&) need the simulated world',
      'b',
    ]);
  });

  it('treats quoted operators as ordinary text', async () => {
    const s = await openShell();
    expect(await s.run('echo "a | b" \'c > d\' e\\;f')).toEqual(['a | b c > d e;f']);
    expect(s.workspace.stat('d').ok).toBe(false);
  });

  it('shows the prompt again after a list that ran synchronously', async () => {
    const s = await openShell();
    await s.type('echo a && echo b\r');
    expect(s.lines().slice(-3)).toEqual(['a', 'b', PROMPT]);
    expect(s.shell.busy).toBe(false);
  });
});
