// The lab shell's file commands over a real folder: what the student types reaches the disk
// through DiskWorkspace, and nothing they type reaches outside the folder.
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LabShell, MemoryWorkspace } from '../../core/index';
import { openShell } from '../../test/helpers/shellTerminal';
import { DiskWorkspace } from './diskWorkspace';

function folder() {
  const base = mkdtempSync(join(tmpdir(), 'socklab-shell-'));
  const root = join(base, 'ws');
  mkdirSync(root);
  writeFileSync(join(base, 'secret.txt'), 'outside\n');
  symlinkSync(base, join(root, 'up'));
  return { base, root, ws: new DiskWorkspace(root) };
}

describe('lab shell on DiskWorkspace', () => {
  it('writes the file on disk when cat > file ends with Ctrl-D', async () => {
    const { root, ws } = folder();
    const s = await openShell(ws);
    await s.type('cat > hello.c\rint main(void) { return 0; }\r\x04');
    expect(readFileSync(join(root, 'hello.c'), 'utf8')).toBe('int main(void) { return 0; }\n');
    expect(await s.run('mkdir -p a/b && cp hello.c a/b && mv a lib')).toEqual([]);
    expect(await s.run('wc -l lib/b/hello.c')).toEqual(['1 lib/b/hello.c']);
    expect(await s.run('rm -r lib && ls')).toEqual(['hello.c']); // a link leading out is not listed
    expect(readdirSync(root).sort()).toEqual(['hello.c', 'up']);
  });

  it('refuses every command that would reach outside through a link', async () => {
    const { base, ws } = folder();
    const s = await openShell(ws);
    expect(await s.run('cat up/secret.txt')).toEqual(['cat: up/secret.txt: Permission denied']);
    expect(await s.run('echo x >> up/secret.txt')).toEqual(['socklab: up/secret.txt: Permission denied']);
    expect(await s.run('cp up/secret.txt mine.txt')).toEqual([
      "cp: cannot stat 'up/secret.txt': Permission denied",
    ]);
    expect(await s.run('rm -r up/secret.txt')).toEqual([
      "rm: cannot remove 'up/secret.txt': Permission denied",
    ]);
    expect(await s.run('mkdir up/x; touch up/y')).toEqual([
      "mkdir: cannot create directory 'up/x': Permission denied",
      "touch: cannot touch 'up/y': Permission denied",
    ]);
    expect(await s.run('rm up; ls')).toEqual([]);
    expect(readdirSync(base).sort()).toEqual(['secret.txt', 'ws']);
    expect(readFileSync(join(base, 'secret.txt'), 'utf8')).toBe('outside\n');
  });
});

describe('lab shell on both workspaces', () => {
  const words = [
    ...['cat', 'cp', 'cp -r', 'mv', 'rm', 'rm -r', 'rm -f', 'mkdir', 'mkdir -p', 'rmdir', 'touch'],
    ...['head -n 1', 'tail -n 1', 'wc', 'ls', 'echo x >', 'echo y >>', 'cd', '|', ';', '&&', '||'],
    ...['a', 'b', 'a/x', 'b/y', 'a/x/z', 'c.txt', '..', '.', '~', 'a/', '*', '*/*', '2>&1', '$?'],
  ];

  it('prints the same screen on disk as in memory when random command lines run', () => {
    const line = fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 7 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 10 }), (lines) => {
        const base = mkdtempSync(join(tmpdir(), 'socklab-both-'));
        mkdirSync(join(base, 'ws'));
        const disk = new DiskWorkspace(join(base, 'ws'));
        const screens = [disk, new MemoryWorkspace()].map((workspace) => {
          let out = '';
          const shell = new LabShell({ workspace, write: (d) => (out += d) });
          for (const l of lines) shell.input(l + '\r\x04\x03');
          return out;
        });
        rmSync(base, { recursive: true, force: true });
        expect(screens[0]).toEqual(screens[1]);
      }),
      { seed: 11, numRuns: 120 },
    );
  });
});
