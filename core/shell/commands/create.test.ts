import { describe, expect, it } from 'vitest';
import { openShell } from '../../../test/helpers/shellTerminal';

describe('mkdir', () => {
  it('creates folders, and their parents with -p', async () => {
    const s = await openShell({ 'a.c': '' });
    expect(await s.run('mkdir lib && mkdir -p x/y/z && mkdir -p x/y')).toEqual([]);
    expect(s.workspace.stat('x/y/z')).toMatchObject({ ok: true, value: { kind: 'dir' } });
    expect(s.workspace.stat('lib')).toMatchObject({ ok: true, value: { kind: 'dir' } });
  });

  it('reports coreutils errors when a folder cannot be made', async () => {
    const s = await openShell({ 'a.c': '' });
    expect(await s.run('mkdir')).toEqual([
      'mkdir: missing operand',
      "Try 'help mkdir' for more information.",
    ]);
    expect(await s.run('mkdir a.c')).toEqual(["mkdir: cannot create directory 'a.c': File exists"]);
    expect(await s.run('mkdir x/y')).toEqual([
      "mkdir: cannot create directory 'x/y': No such file or directory",
    ]);
    expect(await s.run('mkdir -p a.c/b')).toEqual(["mkdir: cannot create directory 'a.c': Not a directory"]);
    expect(await s.run('mkdir -p a.c')).toEqual(["mkdir: cannot create directory 'a.c': File exists"]);
    expect(await s.run('mkdir ~')).toEqual(["mkdir: cannot create directory '/home/student': File exists"]);
    expect(await s.run('mkdir /tmp/x')).toEqual([
      "mkdir: cannot create directory '/tmp/x': Permission denied",
    ]);
  });
});

describe('touch', () => {
  it('creates an empty file and leaves an existing one unchanged', async () => {
    const s = await openShell({ 'a.c': 'keep\n' });
    expect(await s.run('touch new.txt a.c')).toEqual([]);
    expect(s.workspace.readText('new.txt')).toEqual({ ok: true, value: '' });
    expect(s.workspace.readText('a.c')).toEqual({ ok: true, value: 'keep\n' });
  });

  it('reports coreutils errors when the file cannot be made', async () => {
    const s = await openShell();
    expect(await s.run('touch')).toEqual([
      'touch: missing file operand',
      "Try 'help touch' for more information.",
    ]);
    expect(await s.run('touch nodir/x')).toEqual([
      "touch: cannot touch 'nodir/x': No such file or directory",
    ]);
  });
});
