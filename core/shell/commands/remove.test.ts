import { describe, expect, it } from 'vitest';
import { openShell } from '../../../test/helpers/shellTerminal';
import { MemoryWorkspace } from '../memoryWorkspace';

const files = () => new MemoryWorkspace({ 'a.c': 'A\n', 'd/f.c': 'F\n', 'd/sub/g.c': 'G\n' });

describe('rm', () => {
  it('removes files, and folders only with -r', async () => {
    const s = await openShell(files());
    expect(await s.run('rm a.c')).toEqual([]);
    expect(s.workspace.stat('a.c').ok).toBe(false);
    expect(await s.run('rm d')).toEqual(["rm: cannot remove 'd': Is a directory"]);
    expect(await s.run('rm -r d')).toEqual([]);
    expect(s.workspace.stat('d').ok).toBe(false);
  });

  it('reports a missing file unless -f is given', async () => {
    const s = await openShell(files());
    expect(await s.run('rm nope')).toEqual(["rm: cannot remove 'nope': No such file or directory"]);
    expect(s.shell.lastStatus).toBe(1);
    expect(await s.run('rm -f nope')).toEqual([]);
    expect(s.shell.lastStatus).toBe(0);
    expect(await s.run('rm')).toEqual(['rm: missing operand', "Try 'help rm' for more information."]);
    expect(await s.run('rm -f')).toEqual([]);
    expect(await s.run('rm -x a.c')).toEqual([
      "rm: invalid option -- 'x'",
      "Try 'help rm' for more information.",
    ]);
  });

  it('refuses to remove the workspace, . and .. when rm -r is pointed at them', async () => {
    const s = await openShell(files());
    expect(await s.run('rm -rf ~')).toEqual([
      "rm: refusing to remove '/home/student': it is your SockLab workspace",
    ]);
    expect(await s.run('cd d; rm -r ..')).toEqual([
      "rm: refusing to remove '.' or '..' directory: skipping '..'",
    ]);
    expect(await s.run('rm -r .')).toEqual(["rm: refusing to remove '.' or '..' directory: skipping '.'"]);
    expect(await s.run('rm -r ../../..')).toEqual([
      "rm: refusing to remove '.' or '..' directory: skipping '../../..'",
    ]);
    expect(await s.run('rm ../../etc/passwd')).toEqual([
      "rm: cannot remove '../../etc/passwd': Permission denied",
    ]);
    expect(s.workspace.readText('d/sub/g.c')).toEqual({ ok: true, value: 'G\n' });
  });
});

describe('rmdir', () => {
  it('removes an empty folder and refuses a full one or a file', async () => {
    const s = await openShell(files());
    expect(await s.run('rmdir d')).toEqual(["rmdir: failed to remove 'd': Directory not empty"]);
    expect(await s.run('rmdir a.c')).toEqual(["rmdir: failed to remove 'a.c': Not a directory"]);
    expect(await s.run('rmdir nope')).toEqual(["rmdir: failed to remove 'nope': No such file or directory"]);
    expect(await s.run('rmdir d/.')).toEqual(["rmdir: failed to remove 'd/.': Invalid argument"]);
    expect(await s.run('rm d/sub/g.c; rmdir d/sub')).toEqual([]);
    expect(s.workspace.stat('d/sub').ok).toBe(false);
  });
});
