// The student's workspace folder on disk, seen by the lab shell through core's Workspace
// interface. Every path is confined to the folder: a symbolic link that leads out of it is
// refused as EACCES, like `..` already is in the shell.
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { join, sep } from 'node:path';
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
    const full = this.#confine(path);
    if (!full.ok) return full;
    return this.#try(() => {
      const stats = statSync(full.value);
      if (stats.isDirectory()) throw Object.assign(new Error('dir'), { code: 'EISDIR' });
      if (stats.size > MAX_TEXT_FILE) throw Object.assign(new Error('big'), { code: 'EIO' });
      return readFileSync(full.value, 'utf8');
    });
  }

  writeText(path: string, text: string): FsResult<void> {
    const full = this.#confine(path);
    if (!full.ok) return full;
    return this.#try(() => writeFileAtomic(full.value, text));
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

const known: readonly FsErrno[] = ['ENOENT', 'ENOTDIR', 'EISDIR', 'EACCES', 'EEXIST', 'ENOTEMPTY'];

function errnoOf(error: unknown): FsErrno {
  const code = (error as { code?: string }).code;
  if (code === 'EPERM') return 'EACCES';
  return known.find((k) => k === code) ?? 'EIO';
}
