// A Workspace held in memory, for tests and for headless runs without a folder on disk. It
// keeps bytes per file and a set of directories, and answers each operation with the errno
// the Linux system call would give.
import { decodeUtf8, encodeUtf8 } from './utf8';
import type { FsResult, Workspace, WorkspaceEntry } from './workspace';
import { fail, ok, parentOf } from './workspace';

interface MemoryFile {
  data: Uint8Array;
  mtimeMs: number;
}

/** MemoryWorkspace keeps files in a map; tests and headless runs without a folder use it. */
export class MemoryWorkspace implements Workspace {
  readonly #files = new Map<string, MemoryFile>();
  readonly #dirs = new Set<string>(['']);
  readonly #mtimeMs: number;

  /** The files given (path → text) are created with their folders; mtimeMs stamps every file. */
  constructor(files: Record<string, string> = {}, mtimeMs = 0) {
    this.#mtimeMs = mtimeMs;
    for (const [path, text] of Object.entries(files)) {
      const parts = path.split('/').slice(0, -1);
      for (let i = 1; i <= parts.length; i++) this.#dirs.add(parts.slice(0, i).join('/'));
      this.#files.set(path, { data: encodeUtf8(text), mtimeMs });
    }
  }

  stat(path: string): FsResult<WorkspaceEntry> {
    const name = path.split('/').pop() ?? '';
    if (this.#dirs.has(path)) return ok({ name, kind: 'dir', size: 4096, mtimeMs: this.#mtimeMs });
    const file = this.#files.get(path);
    if (file) return ok({ name, kind: 'file', size: file.data.length, mtimeMs: file.mtimeMs });
    return fail(this.#parentIsFile(path) ? 'ENOTDIR' : 'ENOENT');
  }

  list(path: string): FsResult<WorkspaceEntry[]> {
    if (!this.#dirs.has(path)) return fail(this.#files.has(path) ? 'ENOTDIR' : 'ENOENT');
    const entries: WorkspaceEntry[] = [];
    for (const p of this.#children(path)) {
      const entry = this.stat(p);
      if (entry.ok) entries.push(entry.value);
    }
    return ok(entries);
  }

  readText(path: string): FsResult<string> {
    const bytes = this.readBytes(path);
    return bytes.ok ? ok(decodeUtf8(bytes.value)) : bytes;
  }

  readBytes(path: string): FsResult<Uint8Array> {
    if (this.#dirs.has(path)) return fail('EISDIR');
    const file = this.#files.get(path);
    return file ? ok(file.data.slice()) : fail(this.#parentIsFile(path) ? 'ENOTDIR' : 'ENOENT');
  }

  writeText(path: string, text: string): FsResult<void> {
    return this.writeBytes(path, encodeUtf8(text));
  }

  writeBytes(path: string, data: Uint8Array): FsResult<void> {
    if (this.#dirs.has(path)) return fail('EISDIR');
    const checked = this.#canCreate(path);
    if (!checked.ok) return checked;
    this.#files.set(path, { data: data.slice(), mtimeMs: this.#mtimeMs });
    return ok(undefined);
  }

  appendText(path: string, text: string): FsResult<void> {
    const old = this.#files.get(path);
    if (!old) return this.writeText(path, text);
    const added = encodeUtf8(text);
    const data = new Uint8Array(old.data.length + added.length);
    data.set(old.data);
    data.set(added, old.data.length);
    this.#files.set(path, { data, mtimeMs: this.#mtimeMs });
    return ok(undefined);
  }

  touch(path: string): FsResult<void> {
    if (this.#dirs.has(path) || this.#files.has(path)) return ok(undefined);
    return this.writeBytes(path, new Uint8Array(0));
  }

  mkdir(path: string): FsResult<void> {
    if (this.#dirs.has(path) || this.#files.has(path)) return fail('EEXIST');
    const checked = this.#canCreate(path);
    if (!checked.ok) return checked;
    this.#dirs.add(path);
    return ok(undefined);
  }

  remove(path: string): FsResult<void> {
    if (path === '') return fail('EBUSY');
    if (this.#files.delete(path)) return ok(undefined);
    if (!this.#dirs.has(path)) return fail(this.#parentIsFile(path) ? 'ENOTDIR' : 'ENOENT');
    if (this.#children(path).length > 0) return fail('ENOTEMPTY');
    this.#dirs.delete(path);
    return ok(undefined);
  }

  rename(from: string, to: string): FsResult<void> {
    if (from === '' || to === '') return fail('EBUSY');
    // rename(2) looks both parent folders up before it looks at the names themselves.
    const fromParent = this.#canCreate(from);
    if (!fromParent.ok) return fromParent;
    const toParent = this.#canCreate(to);
    if (!toParent.ok) return toParent;
    const source = this.stat(from);
    if (!source.ok) return source;
    if (from === to) return ok(undefined);
    const isDir = source.value.kind === 'dir';
    if (isDir && to.startsWith(from + '/')) return fail('EINVAL'); // the source is an ancestor of the target
    if (from.startsWith(to + '/')) return fail('ENOTEMPTY'); // the target is an ancestor of the source
    const target = this.stat(to);
    if (target.ok) {
      if (!isDir && target.value.kind === 'dir') return fail('EISDIR');
      if (isDir && target.value.kind !== 'dir') return fail('ENOTDIR');
      if (isDir && this.#children(to).length > 0) return fail('ENOTEMPTY');
      this.#dirs.delete(to);
    }
    const file = this.#files.get(from);
    if (file) {
      this.#files.delete(from);
      this.#files.set(to, file);
      return ok(undefined);
    }
    const moved = (p: string) => to + p.slice(from.length);
    for (const d of [...this.#dirs].filter((d) => d === from || d.startsWith(from + '/'))) {
      this.#dirs.delete(d);
      this.#dirs.add(moved(d));
    }
    for (const [p, f] of [...this.#files].filter(([p]) => p.startsWith(from + '/'))) {
      this.#files.delete(p);
      this.#files.set(moved(p), f);
    }
    return ok(undefined);
  }

  /** #canCreate checks that path's parent is an existing directory. */
  #canCreate(path: string): FsResult<void> {
    if (path === '') return fail('EEXIST');
    const parent = parentOf(path);
    if (this.#dirs.has(parent)) return ok(undefined);
    return fail(this.#files.has(parent) || this.#parentIsFile(parent) ? 'ENOTDIR' : 'ENOENT');
  }

  /** #parentIsFile is true when some folder on the way to path is a file (ENOTDIR, not ENOENT). */
  #parentIsFile(path: string): boolean {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) if (this.#files.has(parts.slice(0, i).join('/'))) return true;
    return false;
  }

  #children(path: string): string[] {
    const prefix = path === '' ? '' : path + '/';
    const names: string[] = [];
    for (const p of [...this.#files.keys(), ...this.#dirs]) {
      if (p !== path && p.startsWith(prefix) && !p.slice(prefix.length).includes('/')) names.push(p);
    }
    return names;
  }
}
