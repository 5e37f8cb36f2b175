import { describe, expect, it } from 'vitest';
import { openShell } from '../../../test/helpers/shellTerminal';
import { MemoryWorkspace } from '../memoryWorkspace';

const files = () => new MemoryWorkspace({ 'a.c': 'A\n', 'd/f.c': 'F\n', 'd/sub/g.c': 'G\n' });

describe('cp', () => {
  it('copies a file to a new name and into a folder', async () => {
    const s = await openShell(files());
    expect(await s.run('cp a.c b.c && cp a.c d && cp a.c d/')).toEqual([]);
    expect(s.workspace.readText('b.c')).toEqual({ ok: true, value: 'A\n' });
    expect(s.workspace.readText('d/a.c')).toEqual({ ok: true, value: 'A\n' });
  });

  it('copies bytes exactly when the file is not text', async () => {
    const s = await openShell(files());
    const bytes = Uint8Array.from([0xd4, 0xc3, 0xb2, 0xa1, 0xff, 0]);
    s.workspace.writeBytes('cap.pcap', bytes);
    await s.run('cp cap.pcap copy.pcap');
    expect(s.workspace.readBytes('copy.pcap')).toEqual({ ok: true, value: bytes });
  });

  it('copies a folder tree with -r and refuses a folder without it', async () => {
    const s = await openShell(files());
    expect(await s.run('cp d e')).toEqual(["cp: -r not specified; omitting directory 'd'"]);
    expect(s.shell.lastStatus).toBe(1);
    expect(await s.run('cp -r d e')).toEqual([]);
    expect(s.workspace.readText('e/sub/g.c')).toEqual({ ok: true, value: 'G\n' });
    expect(await s.run('cp -r d e')).toEqual([]);
    expect(s.workspace.readText('e/d/f.c')).toEqual({ ok: true, value: 'F\n' });
  });

  it('reports coreutils errors when operands are missing or wrong', async () => {
    const s = await openShell(files());
    expect(await s.run('cp')).toEqual(['cp: missing file operand', "Try 'help cp' for more information."]);
    expect(await s.run('cp a.c')).toEqual([
      "cp: missing destination file operand after 'a.c'",
      "Try 'help cp' for more information.",
    ]);
    expect(await s.run('cp -z a b')).toEqual([
      "cp: invalid option -- 'z'",
      "Try 'help cp' for more information.",
    ]);
    expect(await s.run('cp nope b')).toEqual(["cp: cannot stat 'nope': No such file or directory"]);
    expect(await s.run('cp a.c a.c')).toEqual(["cp: 'a.c' and 'a.c' are the same file"]);
    expect(await s.run('cp a.c nodir/x')).toEqual([
      "cp: cannot create regular file 'nodir/x': No such file or directory",
    ]);
    expect(await s.run('cp -r d d/sub')).toEqual([
      "cp: cannot copy a directory, 'd', into itself, 'd/sub/d'",
    ]);
    expect(await s.run('cp a.c d/f.c c')).toEqual(["cp: target 'c': No such file or directory"]);
    expect(await s.run('cp a.c d/f.c a.c')).toEqual(["cp: target 'a.c' is not a directory"]);
    expect(await s.run('cp -r d a.c')).toEqual([
      "cp: cannot overwrite non-directory 'a.c' with directory 'd'",
    ]);
    expect(await s.run('cp a.c /etc/x')).toEqual([
      "cp: cannot create regular file '/etc/x': Permission denied",
    ]);
  });
});

describe('mv', () => {
  it('renames a file and moves files into a folder', async () => {
    const s = await openShell(files());
    expect(await s.run('mv a.c b.c && mv b.c d/f.c d/sub')).toEqual([]);
    expect(s.workspace.readText('d/sub/b.c')).toEqual({ ok: true, value: 'A\n' });
    expect(s.workspace.readText('d/sub/f.c')).toEqual({ ok: true, value: 'F\n' });
    expect(s.workspace.stat('a.c').ok).toBe(false);
  });

  it('renames a folder with everything in it', async () => {
    const s = await openShell(files());
    expect(await s.run('mv d lib')).toEqual([]);
    expect(s.workspace.readText('lib/sub/g.c')).toEqual({ ok: true, value: 'G\n' });
  });

  it('reports coreutils errors when a move is impossible', async () => {
    const s = await openShell(files());
    expect(await s.run('mv')).toEqual(['mv: missing file operand', "Try 'help mv' for more information."]);
    expect(await s.run('mv nope b')).toEqual(["mv: cannot stat 'nope': No such file or directory"]);
    expect(await s.run('mv a.c a.c')).toEqual(["mv: 'a.c' and 'a.c' are the same file"]);
    expect(await s.run('mv d d/sub')).toEqual(["mv: cannot move 'd' to a subdirectory of itself, 'd/sub/d'"]);
    expect(await s.run('mv d a.c')).toEqual(["mv: cannot overwrite non-directory 'a.c' with directory 'd'"]);
    expect(await s.run('mv a.c nodir/x')).toEqual([
      "mv: cannot move 'a.c' to 'nodir/x': No such file or directory",
    ]);
  });
});
