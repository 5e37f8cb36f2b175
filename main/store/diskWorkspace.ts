// The student's workspace folder on disk, seen by the lab shell through core's Workspace
// interface. Every path is confined to the folder: a symbolic link that leads out of it is
// refused as EACCES, like `..` already is in the shell. Operations on a name itself (remove,
// rename) confine its parent folder and act on the name without following it, so a link that
// points out can be deleted but never read or written through. Every write is atomic.
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmdirSync,
  statSync,
  unlinkSync,
  utimesSync,
} from 'node:fs';
import type { Stats } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import type { FsErrno, FsResult, Workspace, WorkspaceEntry } from '../../core/index';
import { fail, ok } from '../../core/index';
import { writeFileAtomic } from './atomicWrite';

/** MAX_TEXT_FILE is the largest file the shell reads as text (larger ones are refused with EIO). */
export const MAX_TEXT_FILE = 16 * 1024 * 1024;

const STARTER = `/* hello.c - your first SockLab program.
 * Run it in the terminal below: run hello.c
 */
#include <stdio.h>

int main(void)
{
    printf("hello, SockLab\\n");
    return 0;
}
`;

/** DiskWorkspace serves a folder on disk as the student's home directory. */
export class DiskWorkspace implements Workspace {
  readonly root: string;

  /** The folder is created (with a starter hello.c) when it does not exist yet. */
  constructor(root: string) {
    if (!existsSync(root)) {
      mkdirSync(root, { recursive: true });
      writeFileAtomic(join(root, 'hello.c'), STARTER);
    }
    this.root = realpathSync(root);
  }

  stat(path: string): FsResult<WorkspaceEntry> {
    const full = this.#confine(path);
    if (!full.ok) return full;
    return this.#try(() => toEntry(path.split('/').pop() ?? '', statSync(full.value)));
  }

  list(path: string): FsResult<WorkspaceEntry[]> {
    const full = this.#confine(path);
    if (!full.ok) return full;
    return this.#try(() => {
      const entries: WorkspaceEntry[] = [];
      for (const name of readdirSync(full.value)) {
        const child = this.#confine(path ? `${path}/${name}` : name);
        if (!child.ok) continue; // a link leading out of the workspace is not shown
        try {
          entries.push(toEntry(name, statSync(child.value)));
        } catch {
          // vanished between readdir and stat, or a dangling link: leave it out
        }
      }
      return entries;
    });
  }

  readText(path: string): FsResult<string> {
    const bytes = this.readBytes(path);
    return bytes.ok ? ok(Buffer.from(bytes.value).toString('utf8')) : bytes;
  }

  readBytes(path: string): FsResult<Uint8Array> {
    const full = this.#confine(path);
    if (!full.ok) return full;
    return this.#try(() => {
      const stats = statSync(full.value);
      if (stats.isDirectory()) throw errno('EISDIR');
      if (stats.size > MAX_TEXT_FILE) throw errno('EIO');
      return new Uint8Array(readFileSync(full.value));
    });
  }

  writeText(path: string, text: string): FsResult<void> {
    return this.writeBytes(path, Buffer.from(text, 'utf8'));
  }

  writeBytes(path: string, data: Uint8Array): FsResult<void> {
    const full = this.#confine(path);
    if (!full.ok) return full;
    return this.#try(() => {
      // open(2) does not create a missing folder; writeFileAtomic would, so check first.
      if (!statSync(dirname(full.value)).isDirectory()) throw errno('ENOTDIR');
      if (existsSync(full.value) && statSync(full.value).isDirectory()) throw errno('EISDIR');
      writeFileAtomic(full.value, data);
    });
  }

  appendText(path: string, text: string): FsResult<void> {
    const old = this.readBytes(path);
    if (!old.ok && old.errno !== 'ENOENT') return old;
    const added = Buffer.from(text, 'utf8');
    return this.writeBytes(path, old.ok ? Buffer.concat([old.value, added]) : added);
  }

  touch(path: string): FsResult<void> {
    const full = this.#confine(path);
    if (!full.ok) return full;
    if (!existsSync(full.value)) return this.writeBytes(path, new Uint8Array(0));
    const now = new Date();
    return this.#try(() => utimesSync(full.value, now, now));
  }

  mkdir(path: string): FsResult<void> {
    const full = this.#confine(path);
    if (!full.ok) return full;
    return this.#try(() => {
      mkdirSync(full.value);
    });
  }

  remove(path: string): FsResult<void> {
    const full = this.#confineName(path);
    if (!full.ok) return full;
    return this.#try(() => {
      if (lstatSync(full.value).isDirectory()) rmdirSync(full.value);
      else unlinkSync(full.value);
    });
  }

  rename(from: string, to: string): FsResult<void> {
    const source = this.#confineName(from);
    if (!source.ok) return source;
    const target = this.#confineName(to);
    if (!target.ok) return target;
    return this.#try(() => renameSync(source.value, target.value));
  }

  /** #confineName confines the folder holding path, leaving its last name unresolved (lstat, unlink). */
  #confineName(path: string): FsResult<string> {
    const parts = path.split('/').filter(Boolean);
    const name = parts.pop();
    if (name === undefined) return fail('EBUSY');
    if (name === '..' || name === '.') return fail('EINVAL');
    const parent = this.#confine(parts.join('/'));
    return parent.ok ? ok(join(parent.value, name)) : parent;
  }

  /** #confine maps a workspace-relative path to disk, refusing anything that resolves outside. */
  #confine(path: string): FsResult<string> {
    if (path.split('/').some((p) => p === '..')) return fail('EACCES');
    const full = join(this.root, ...path.split('/').filter(Boolean));
    let probe = full;
    // Resolve the deepest part that exists: links anywhere along the path are followed.
    for (;;) {
      try {
        const real = realpathSync(probe);
        if (real !== this.root && !real.startsWith(this.root + sep)) return fail('EACCES');
        return ok(full);
      } catch {
        const parent = probe.slice(0, probe.lastIndexOf(sep));
        if (parent.length < this.root.length) return fail('EACCES');
        probe = parent;
      }
    }
  }

  #try<T>(fn: () => T): FsResult<T> {
    try {
      return ok(fn());
    } catch (error) {
      return fail(errnoOf(error));
    }
  }
}

function toEntry(name: string, stats: Stats): WorkspaceEntry {
  return {
    name,
    kind: stats.isDirectory() ? 'dir' : 'file',
    size: stats.isDirectory() ? 4096 : stats.size,
    mtimeMs: stats.mtimeMs,
  };
}

const known: readonly FsErrno[] = [
  'ENOENT',
  'ENOTDIR',
  'EISDIR',
  'EACCES',
  'EEXIST',
  'ENOTEMPTY',
  'EINVAL',
  'EBUSY',
];

function errno(code: FsErrno): Error {
  return Object.assign(new Error(code), { code });
}

function errnoOf(error: unknown): FsErrno {
  const code = (error as { code?: string }).code;
  if (code === 'EPERM') return 'EACCES';
  return known.find((k) => k === code) ?? 'EIO';
}
