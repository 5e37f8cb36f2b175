import {
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryWorkspace } from '../../core/index';
import type { EventName, Reply, ReplyValue, RequestName } from '../common/contract';
import { MAX_EDITOR_TEXT } from '../common/contract';
import { DiskWorkspace } from '../store/diskWorkspace';
import { MAX_LISTED_FILES, isTextName } from './files';
import type { Session } from './sessionHost';
import { SessionHost } from './sessionHost';

const dirs: string[] = [];
/** call sends a request, typing its reply as the contract does (args stay unchecked to test validation). */
const call = <N extends RequestName>(session: Session, name: N, args: unknown) =>
  session.request(name, args) as Promise<Reply<ReplyValue<N>>>;
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function sessionOver(workspace: MemoryWorkspace | DiskWorkspace) {
  const host = new SessionHost({ mode: 'web', version: '0', workspaceDir: '/w', workspace });
  return host.open({ send: (_name: EventName) => {} });
}

function memory(files: Record<string, string>, mtimeMs = 1000) {
  return sessionOver(new MemoryWorkspace(files, mtimeMs));
}

function disk(files: Record<string, string>) {
  const root = mkdtempSync(join(tmpdir(), 'socklab-files-'));
  dirs.push(root);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, name), text);
  return { root, session: sessionOver(new DiskWorkspace(root)) };
}

describe('workspace.list', () => {
  it('lists text files recursively, sorted, without hidden names or binaries', async () => {
    const session = memory({
      'hello.c': 'x',
      'src/net.h': 'y',
      'src/deep/a.c': 'z',
      Makefile: 'all:',
      '.hidden.c': 'h',
      '.git/config': 'c',
      'photo.png': 'p',
    });
    const reply = await call(session, 'workspace.list', {});
    expect(reply).toEqual({
      ok: true,
      value: {
        files: [
          { path: 'Makefile', size: 4, mtimeMs: 1000 },
          { path: 'hello.c', size: 1, mtimeMs: 1000 },
          { path: 'src/deep/a.c', size: 1, mtimeMs: 1000 },
          { path: 'src/net.h', size: 1, mtimeMs: 1000 },
        ],
        truncated: false,
      },
    });
  });

  it('stops at the bound and says it was truncated when there are too many files', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < MAX_LISTED_FILES + 5; i++) files[`f${i}.c`] = '';
    const reply = await call(memory(files), 'workspace.list', {});
    expect(reply.ok && reply.value.files.length).toBe(MAX_LISTED_FILES);
    expect(reply.ok && reply.value.truncated).toBe(true);
  });

  it('offers names with text extensions or none when asked which files are text', () => {
    expect(['a.c', 'b.H', 'README', 'notes.txt'].map(isTextName)).toEqual([true, true, true, true]);
    expect(['a.o', 'img.png', 'x.tar.gz'].map(isTextName)).toEqual([false, false, false]);
  });
});

describe('file.read', () => {
  it('returns the text and modification time when the file exists', async () => {
    const reply = await call(memory({ 'src/a.c': 'int x;\n' }), 'file.read', { path: 'src/a.c' });
    expect(reply).toEqual({ ok: true, value: { path: 'src/a.c', text: 'int x;\n', mtimeMs: 1000 } });
  });

  it('accepts the path under /home/student or ~ and answers the normalized path', async () => {
    const session = memory({ 'a.c': 'A' });
    for (const path of ['/home/student/a.c', '~/a.c', './src/../a.c']) {
      const reply = await call(session, 'file.read', { path });
      expect(reply.ok && reply.value.path, path).toBe('a.c');
    }
  });

  it.each([
    ['../outside.c', 'denied', '../outside.c is outside the workspace'],
    ['/etc/passwd', 'denied', '/etc/passwd is outside the workspace'],
    ['~/../../etc/passwd', 'denied', '~/../../etc/passwd is outside the workspace'],
    ['missing.c', 'not-found', 'missing.c: No such file or directory'],
    ['src', 'bad-request', 'src is a folder, not a file'],
    ['.', 'bad-request', '. is the workspace folder itself'],
  ])('refuses %s with %s', async (path, code, message) => {
    const reply = await call(memory({ 'src/a.c': '' }), 'file.read', { path });
    expect(reply).toEqual({ ok: false, error: { code, message } });
  });

  it('replies bad-request for a malformed path', async () => {
    const session = memory({});
    for (const args of [{ path: '' }, { path: 7 }, { path: 'a\0b' }, { path: 'a.c', extra: 1 }, {}]) {
      const reply = await call(session, 'file.read', args);
      expect(reply.ok ? 'ok' : reply.error.code, JSON.stringify(args)).toBe('bad-request');
    }
  });

  it('refuses a binary file', async () => {
    const reply = await call(memory({ 'a.out': 'ELF\0\0' }), 'file.read', { path: 'a.out' });
    expect(reply).toEqual({ ok: false, error: { code: 'bad-request', message: 'a.out is not a text file' } });
  });

  it('refuses a symbolic link that leads out of the workspace', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'socklab-outside-'));
    dirs.push(outside);
    writeFileSync(join(outside, 'secret.c'), 'secret');
    const { root, session } = disk({});
    symlinkSync(join(outside, 'secret.c'), join(root, 'link.c'));
    const reply = await call(session, 'file.read', { path: 'link.c' });
    expect(reply.ok ? 'ok' : reply.error.code).toBe('denied');
  });
});

describe('file.write', () => {
  it('writes the file on disk atomically and returns the new modification time', async () => {
    const { root, session } = disk({ 'a.c': 'old' });
    const read = await call(session, 'file.read', { path: 'a.c' });
    if (!read.ok) throw new Error(read.error.message);
    const reply = await call(session, 'file.write', {
      path: 'a.c',
      text: 'new\n',
      expectedMtimeMs: read.value.mtimeMs,
    });
    expect(reply.ok).toBe(true);
    const again = await call(session, 'file.read', { path: 'a.c' });
    expect(again.ok && again.value.text).toBe('new\n');
    expect(reply.ok && again.ok && reply.value.mtimeMs).toBe(again.ok && again.value.mtimeMs);
    expect(readFileSync(join(root, 'a.c'), 'utf8')).toBe('new\n');
  });

  it('reports a conflict when the file changed on disk since it was read', async () => {
    const { root, session } = disk({ 'a.c': 'mine' });
    const read = await call(session, 'file.read', { path: 'a.c' });
    if (!read.ok) throw new Error(read.error.message);
    writeFileSync(join(root, 'a.c'), 'theirs');
    utimesSync(join(root, 'a.c'), new Date(2001, 1, 1), new Date(2001, 1, 1));
    const reply = await call(session, 'file.write', {
      path: 'a.c',
      text: 'mine, edited',
      expectedMtimeMs: read.value.mtimeMs,
    });
    expect(reply).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'a.c was changed on disk since it was opened' },
    });
    const after = await call(session, 'file.read', { path: 'a.c' });
    expect(after.ok && after.value.text).toBe('theirs');
  });

  it('reports a conflict when the file was deleted since it was read, and recreates it when forced', async () => {
    const { root, session } = disk({ 'a.c': 'mine' });
    const read = await call(session, 'file.read', { path: 'a.c' });
    if (!read.ok) throw new Error(read.error.message);
    unlinkSync(join(root, 'a.c'));
    const refused = await call(session, 'file.write', {
      path: 'a.c',
      text: 'kept',
      expectedMtimeMs: read.value.mtimeMs,
    });
    expect(refused).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'a.c was deleted on disk since it was opened' },
    });
    expect((await call(session, 'file.write', { path: 'a.c', text: 'kept' })).ok).toBe(true);
    const after = await call(session, 'file.read', { path: 'a.c' });
    expect(after.ok && after.value.text).toBe('kept');
  });

  it('refuses a path outside the workspace without writing', async () => {
    const { session } = disk({});
    const reply = await call(session, 'file.write', { path: '../escape.c', text: 'x' });
    expect(reply).toEqual({
      ok: false,
      error: { code: 'denied', message: '../escape.c is outside the workspace' },
    });
  });

  it('refuses a missing folder with not-found', async () => {
    const reply = await call(memory({}), 'file.write', { path: 'nope/a.c', text: 'x' });
    expect(reply.ok ? 'ok' : reply.error.code).toBe('not-found');
  });

  it('refuses text longer than the editor limit as a bad request', async () => {
    const reply = await call(memory({}), 'file.write', {
      path: 'a.c',
      text: 'x'.repeat(MAX_EDITOR_TEXT + 1),
    });
    expect(reply.ok ? 'ok' : reply.error.code).toBe('bad-request');
  });

  it('refuses to open a file larger than the editor limit with too-large', async () => {
    const big = memory({ 'big.c': 'x'.repeat(MAX_EDITOR_TEXT + 1) });
    expect(await call(big, 'file.read', { path: 'big.c' })).toEqual({
      ok: false,
      error: {
        code: 'too-large',
        message: `big.c is ${MAX_EDITOR_TEXT + 1} bytes; the editor opens files up to 256 KiB`,
      },
    });
  });
});

describe('file.create and file.stat', () => {
  it('creates a new file and describes it', async () => {
    const { session } = disk({});
    const made = await call(session, 'file.create', { path: 'new.c', text: 'int main(void) {}\n' });
    expect(made.ok && made.value.path).toBe('new.c');
    const stat = await call(session, 'file.stat', { path: 'new.c' });
    expect(stat.ok && stat.value.size).toBe(18);
  });

  it('refuses a name that exists with exists', async () => {
    const reply = await call(memory({ 'a.c': 'keep' }), 'file.create', { path: 'a.c', text: '' });
    expect(reply).toEqual({ ok: false, error: { code: 'exists', message: 'a.c already exists' } });
  });

  it('refuses a name in a missing folder, saying so', async () => {
    const reply = await call(memory({}), 'file.create', { path: 'src/a.c', text: '' });
    expect(reply).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'cannot create src/a.c: its folder does not exist' },
    });
  });

  it('answers not-found for a file that is gone', async () => {
    const reply = await call(memory({}), 'file.stat', { path: 'gone.c' });
    expect(reply.ok ? 'ok' : reply.error.code).toBe('not-found');
  });
});
