import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiskWorkspace } from './diskWorkspace';

function workspace() {
  const base = mkdtempSync(join(tmpdir(), 'socklab-disk-'));
  const root = join(base, 'ws');
  mkdirSync(root);
  writeFileSync(join(base, 'secret.txt'), 'outside');
  writeFileSync(join(root, 'a.c'), 'int a;\n');
  mkdirSync(join(root, 'src'));
  return { base, root, ws: new DiskWorkspace(root) };
}

describe('DiskWorkspace', () => {
  it('creates a missing folder with a starter program', () => {
    const root = join(mkdtempSync(join(tmpdir(), 'socklab-disk-')), 'SockLab');
    const ws = new DiskWorkspace(root);
    const text = ws.readText('hello.c');
    expect(text.ok && text.value).toContain('printf("hello, SockLab\\n");');
  });

  it('lists, stats and reads files', () => {
    const { ws } = workspace();
    const list = ws.list('');
    expect(list.ok && list.value.map((e) => [e.name, e.kind]).sort()).toEqual([
      ['a.c', 'file'],
      ['src', 'dir'],
    ]);
    expect(ws.stat('a.c')).toMatchObject({ ok: true, value: { name: 'a.c', kind: 'file', size: 7 } });
    expect(ws.readText('a.c')).toEqual({ ok: true, value: 'int a;\n' });
    expect(ws.readText('src')).toEqual({ ok: false, errno: 'EISDIR' });
    expect(ws.readText('nope')).toEqual({ ok: false, errno: 'ENOENT' });
    expect(ws.list('a.c')).toEqual({ ok: false, errno: 'ENOTDIR' });
  });

  it('refuses a symbolic link that leads out of the workspace', () => {
    const { base, root, ws } = workspace();
    symlinkSync(join(base, 'secret.txt'), join(root, 'leak'));
    symlinkSync(base, join(root, 'up'));
    expect(ws.readText('leak')).toEqual({ ok: false, errno: 'EACCES' });
    expect(ws.readText('up/secret.txt')).toEqual({ ok: false, errno: 'EACCES' });
    expect(ws.writeText('up/new.txt', 'x')).toEqual({ ok: false, errno: 'EACCES' });
    expect(existsSync(join(base, 'new.txt'))).toBe(false);
    const names = ws.list('');
    expect(names.ok && names.value.map((e) => e.name).sort()).toEqual(['a.c', 'src']);
  });

  it('allows a link that stays inside the workspace', () => {
    const { root, ws } = workspace();
    symlinkSync(join(root, 'a.c'), join(root, 'alias.c'));
    expect(ws.readText('alias.c')).toEqual({ ok: true, value: 'int a;\n' });
  });

  it('writes atomically, leaving no temporary file behind', () => {
    const { root, ws } = workspace();
    expect(ws.writeText('src/new.c', 'int n;\n')).toEqual({ ok: true, value: undefined });
    expect(readFileSync(join(root, 'src/new.c'), 'utf8')).toBe('int n;\n');
    expect(readdirSync(join(root, 'src'))).toEqual(['new.c']);
  });
});

describe('DiskWorkspace confinement', () => {
  it('removes a link that leads out without touching its target', () => {
    const { base, root, ws } = workspace();
    symlinkSync(join(base, 'secret.txt'), join(root, 'leak'));
    symlinkSync(base, join(root, 'up'));
    expect(ws.remove('leak')).toEqual({ ok: true, value: undefined });
    expect(ws.remove('up/secret.txt')).toEqual({ ok: false, errno: 'EACCES' });
    expect(readFileSync(join(base, 'secret.txt'), 'utf8')).toBe('outside');
  });

  it('refuses every write through a link that leads out', () => {
    const { base, root, ws } = workspace();
    symlinkSync(base, join(root, 'up'));
    const denied = { ok: false, errno: 'EACCES' };
    expect(ws.mkdir('up/d')).toEqual(denied);
    expect(ws.appendText('up/secret.txt', 'x')).toEqual(denied);
    expect(ws.touch('up/t')).toEqual(denied);
    expect(ws.writeBytes('up/b', new Uint8Array([1]))).toEqual(denied);
    expect(ws.rename('a.c', 'up/a.c')).toEqual(denied);
    expect(ws.rename('up/secret.txt', 'stolen.txt')).toEqual(denied);
    expect(ws.readBytes('up/secret.txt')).toEqual(denied);
    expect(readdirSync(base).sort()).toEqual(['secret.txt', 'ws']);
    expect(readFileSync(join(base, 'secret.txt'), 'utf8')).toBe('outside');
  });
});
