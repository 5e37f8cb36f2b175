// One behaviour suite for both Workspace implementations: the disk folder and the in-memory
// map must answer every operation with the same value or errno.
import { mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Workspace } from '../../core/index';
import { MemoryWorkspace } from '../../core/index';
import { DiskWorkspace } from './diskWorkspace';

const seed = { 'a.c': 'int a;\n', 'src/main.c': 'int main;\n', 'empty/.keep': '' };

function disk(): Workspace {
  const root = join(mkdtempSync(join(tmpdir(), 'socklab-contract-')), 'ws');
  mkdirSync(root);
  const ws = new DiskWorkspace(root);
  for (const [path, text] of Object.entries(seed)) {
    const parts = path.split('/');
    if (parts.length > 1) ws.mkdir(parts[0]!);
    ws.writeText(path, text);
  }
  ws.remove('empty/.keep');
  return ws;
}

function memory(): Workspace {
  const ws = new MemoryWorkspace(seed);
  ws.remove('empty/.keep');
  return ws;
}

const names = (ws: Workspace, dir: string) => {
  const listed = ws.list(dir);
  return listed.ok ? listed.value.map((e) => e.name).sort() : listed.errno;
};
const OK = { ok: true, value: undefined };
const err = (errno: string) => ({ ok: false, errno });

describe.each([
  ['MemoryWorkspace', memory],
  ['DiskWorkspace', disk],
])('%s', (_name, make) => {
  it('creates a directory once and refuses a second or an orphan when mkdir runs', () => {
    const ws = make();
    expect(ws.mkdir('lib')).toEqual(OK);
    expect(ws.stat('lib')).toMatchObject({ ok: true, value: { kind: 'dir' } });
    expect(ws.mkdir('lib')).toEqual(err('EEXIST'));
    expect(ws.mkdir('a.c')).toEqual(err('EEXIST'));
    expect(ws.mkdir('x/y')).toEqual(err('ENOENT'));
    expect(ws.mkdir('a.c/y')).toEqual(err('ENOTDIR'));
  });

  it('removes a file or an empty directory and refuses a full one when remove runs', () => {
    const ws = make();
    expect(ws.remove('src')).toEqual(err('ENOTEMPTY'));
    expect(ws.remove('src/main.c')).toEqual(OK);
    expect(ws.remove('src')).toEqual(OK);
    expect(ws.remove('empty')).toEqual(OK);
    expect(ws.remove('nope')).toEqual(err('ENOENT'));
    expect(ws.remove('')).toEqual(err('EBUSY'));
    expect(names(ws, '')).toEqual(['a.c']);
  });

  it('moves files and folders as rename(2) does when rename runs', () => {
    const ws = make();
    expect(ws.rename('a.c', 'src/b.c')).toEqual(OK);
    expect(ws.readText('src/b.c')).toEqual({ ok: true, value: 'int a;\n' });
    expect(ws.rename('src', 'lib')).toEqual(OK);
    expect(names(ws, 'lib')).toEqual(['b.c', 'main.c']);
    expect(ws.rename('lib/b.c', 'lib/main.c')).toEqual(OK);
    expect(ws.readText('lib/main.c')).toEqual({ ok: true, value: 'int a;\n' });
    expect(ws.rename('lib', 'lib/sub')).toEqual(err('EINVAL'));
    expect(ws.rename('lib/main.c', 'empty')).toEqual(err('EISDIR'));
    expect(ws.rename('empty', 'lib/main.c')).toEqual(err('ENOTDIR'));
    expect(ws.rename('empty', 'lib')).toEqual(err('ENOTEMPTY'));
    expect(ws.rename('nope', 'x')).toEqual(err('ENOENT'));
    expect(ws.rename('lib/main.c', 'no/x')).toEqual(err('ENOENT'));
  });

  it('appends to a file and creates a missing one when appendText runs', () => {
    const ws = make();
    expect(ws.appendText('a.c', 'int b;\n')).toEqual(OK);
    expect(ws.readText('a.c')).toEqual({ ok: true, value: 'int a;\nint b;\n' });
    expect(ws.appendText('new.txt', 'x')).toEqual(OK);
    expect(ws.readText('new.txt')).toEqual({ ok: true, value: 'x' });
    expect(ws.appendText('src', 'x')).toEqual(err('EISDIR'));
  });

  it('keeps every byte when bytes that are not UTF-8 are written and read', () => {
    const ws = make();
    const bytes = Uint8Array.from([0xd4, 0xc3, 0xb2, 0xa1, 0, 0xff, 0x80, 10]);
    expect(ws.writeBytes('cap.pcap', bytes)).toEqual(OK);
    expect(ws.readBytes('cap.pcap')).toEqual({ ok: true, value: bytes });
    expect(ws.stat('cap.pcap')).toMatchObject({ ok: true, value: { size: 8 } });
    expect(ws.readText('cap.pcap')).toEqual({ ok: true, value: '\ufffd\u00f2\ufffd\0\ufffd\ufffd\n' });
  });

  it('never creates a missing folder when a file is written into it', () => {
    const ws = make();
    expect(ws.writeText('no/x.c', '')).toEqual(err('ENOENT'));
    expect(ws.writeText('a.c/x.c', '')).toEqual(err('ENOTDIR'));
    expect(ws.writeText('src', '')).toEqual(err('EISDIR'));
    expect(ws.stat('no')).toEqual(err('ENOENT'));
  });

  it('creates an empty file or keeps an existing one when touch runs', () => {
    const ws = make();
    expect(ws.touch('t.txt')).toEqual(OK);
    expect(ws.readText('t.txt')).toEqual({ ok: true, value: '' });
    expect(ws.touch('a.c')).toEqual(OK);
    expect(ws.readText('a.c')).toEqual({ ok: true, value: 'int a;\n' });
    expect(ws.touch('src')).toEqual(OK);
    expect(ws.touch('no/t.txt')).toEqual(err('ENOENT'));
  });
});

describe('DiskWorkspace writes', () => {
  it('leaves no temporary file behind when appendText and rename run', () => {
    const root = join(mkdtempSync(join(tmpdir(), 'socklab-contract-')), 'ws');
    const ws = new DiskWorkspace(root);
    ws.appendText('hello.c', '/* more */\n');
    ws.rename('hello.c', 'h.c');
    expect(readdirSync(root)).toEqual(['h.c']);
  });
});
