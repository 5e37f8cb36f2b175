// The student's files as the lab shell sees them. The shell speaks in virtual paths under
// the student's home directory; a Workspace implementation (on disk in main/, in memory in
// tests) receives only normalized paths relative to the workspace root, already confined to it.

/** HOME is the student's home directory inside the simulated hosts; it maps to the workspace root. */
export const HOME = '/home/student';

/** FsErrno names the ways a workspace operation fails, with the errno a Linux tool would print. */
export type FsErrno = 'ENOENT' | 'ENOTDIR' | 'EISDIR' | 'EACCES' | 'EEXIST' | 'ENOTEMPTY' | 'EIO';

/** fsErrorText gives each FsErrno the text coreutils prints for it. */
export const fsErrorText: Record<FsErrno, string> = {
  ENOENT: 'No such file or directory',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  EACCES: 'Permission denied',
  EEXIST: 'File exists',
  ENOTEMPTY: 'Directory not empty',
  EIO: 'Input/output error',
};

/** FsResult is a value or the errno that prevented it. */
export type FsResult<T> = { ok: true; value: T } | { ok: false; errno: FsErrno };

/** WorkspaceEntry describes one file or directory. */
export interface WorkspaceEntry {
  name: string;
  kind: 'file' | 'dir';
  size: number;
  mtimeMs: number;
}

/** Workspace is the student's folder; every path is relative to its root ('' is the root). */
export interface Workspace {
  stat(path: string): FsResult<WorkspaceEntry>;
  list(path: string): FsResult<WorkspaceEntry[]>;
  readText(path: string): FsResult<string>;
  writeText(path: string, text: string): FsResult<void>;
}

/** ok wraps a value as a successful FsResult. */
export const ok = <T>(value: T): FsResult<T> => ({ ok: true, value });
/** fail wraps an errno as a failed FsResult. */
export const fail = <T = never>(errno: FsErrno): FsResult<T> => ({ ok: false, errno });

/**
 * resolvePath turns a path typed in the shell into a workspace-relative path, or EACCES when
 * it points outside the student's home (the workspace may not be escaped, DESIGN.md).
 */
export function resolvePath(cwd: string, typed: string): FsResult<string> {
  let path = typed;
  if (path === '~' || path.startsWith('~/')) path = HOME + path.slice(1);
  const absolute = path.startsWith('/') ? path : `${cwd}/${path}`;
  const parts: string[] = [];
  for (const part of absolute.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  const full = '/' + parts.join('/');
  if (full === HOME) return ok('');
  if (!full.startsWith(HOME + '/')) return fail('EACCES');
  return ok(full.slice(HOME.length + 1));
}

/** displayPath shows a virtual path the way bash's prompt does (home as ~). */
export function displayPath(virtual: string): string {
  if (virtual === HOME) return '~';
  return virtual.startsWith(HOME + '/') ? '~' + virtual.slice(HOME.length) : virtual;
}

/** MemoryWorkspace keeps files in a map; tests and headless runs without a folder use it. */
export class MemoryWorkspace implements Workspace {
  readonly #files = new Map<string, { text: string; mtimeMs: number }>();
  readonly #dirs = new Set<string>(['']);

  constructor(files: Record<string, string> = {}, mtimeMs = 0) {
    for (const [path, text] of Object.entries(files)) {
      this.#mkdirs(path);
      this.#files.set(path, { text, mtimeMs });
    }
  }

  stat(path: string): FsResult<WorkspaceEntry> {
    const name = path.split('/').pop() ?? '';
    if (this.#dirs.has(path)) return ok({ name, kind: 'dir', size: 4096, mtimeMs: 0 });
    const file = this.#files.get(path);
    if (!file) return fail('ENOENT');
    return ok({ name, kind: 'file', size: utf8Length(file.text), mtimeMs: file.mtimeMs });
  }

  list(path: string): FsResult<WorkspaceEntry[]> {
    if (this.#files.has(path)) return fail('ENOTDIR');
    if (!this.#dirs.has(path)) return fail('ENOENT');
    const prefix = path === '' ? '' : path + '/';
    const names = new Set<string>();
    for (const p of [...this.#files.keys(), ...this.#dirs]) {
      if (p !== path && p.startsWith(prefix) && !p.slice(prefix.length).includes('/')) names.add(p);
    }
    const entries: WorkspaceEntry[] = [];
    for (const p of names) {
      const entry = this.stat(p);
      if (entry.ok) entries.push(entry.value);
    }
    return ok(entries);
  }

  readText(path: string): FsResult<string> {
    if (this.#dirs.has(path)) return fail('EISDIR');
    const file = this.#files.get(path);
    return file ? ok(file.text) : fail('ENOENT');
  }

  writeText(path: string, text: string): FsResult<void> {
    if (this.#dirs.has(path)) return fail('EISDIR');
    const parent = path.split('/').slice(0, -1).join('/');
    if (!this.#dirs.has(parent)) return fail('ENOENT');
    this.#files.set(path, { text, mtimeMs: 0 });
    return ok(undefined);
  }

  #mkdirs(path: string): void {
    const parts = path.split('/').slice(0, -1);
    for (let i = 1; i <= parts.length; i++) this.#dirs.add(parts.slice(0, i).join('/'));
  }
}

/** utf8Length counts the bytes a string takes in UTF-8, as a file's size on disk. */
export function utf8Length(text: string): number {
  let n = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}
