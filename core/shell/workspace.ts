// The student's files as the lab shell sees them. The shell speaks in virtual paths under
// the student's home directory; a Workspace implementation (on disk in main/, in memory in
// tests) receives only normalized paths relative to the workspace root, already confined to it.

/** HOME is the student's home directory inside the simulated hosts; it maps to the workspace root. */
export const HOME = '/home/student';

/** FsErrno names the ways a workspace operation fails, with the errno a Linux tool would print. */
export type FsErrno =
  'ENOENT' | 'ENOTDIR' | 'EISDIR' | 'EACCES' | 'EEXIST' | 'ENOTEMPTY' | 'EINVAL' | 'EBUSY' | 'EIO';

/** fsErrorText gives each FsErrno the text coreutils prints for it. */
export const fsErrorText: Record<FsErrno, string> = {
  ENOENT: 'No such file or directory',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  EACCES: 'Permission denied',
  EEXIST: 'File exists',
  ENOTEMPTY: 'Directory not empty',
  EINVAL: 'Invalid argument',
  EBUSY: 'Device or resource busy',
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

/**
 * Workspace is the student's folder; every path is relative to its root ('' is the root).
 * The operations follow the Linux system calls they stand for (stat, readdir, open/read,
 * open(O_CREAT|O_TRUNC)/write, mkdir, unlink/rmdir, rename, utimes) and fail with their errno.
 * A write never creates a missing parent folder (ENOENT), as open(2) does not.
 */
export interface Workspace {
  /** stat describes a file or directory. */
  stat(path: string): FsResult<WorkspaceEntry>;
  /** list gives a directory's entries, in no particular order. */
  list(path: string): FsResult<WorkspaceEntry[]>;
  /** readText reads a file as UTF-8 text. */
  readText(path: string): FsResult<string>;
  /** readBytes reads a file's exact bytes. */
  readBytes(path: string): FsResult<Uint8Array>;
  /** writeText creates or replaces a file with UTF-8 text, atomically. */
  writeText(path: string, text: string): FsResult<void>;
  /** writeBytes creates or replaces a file with bytes, atomically. */
  writeBytes(path: string, data: Uint8Array): FsResult<void>;
  /** appendText adds text at the end of a file, creating it when missing. */
  appendText(path: string, text: string): FsResult<void>;
  /** touch creates an empty file when missing, else updates its modification time. */
  touch(path: string): FsResult<void>;
  /** mkdir creates one directory (EEXIST if the name exists, ENOENT if its parent does not). */
  mkdir(path: string): FsResult<void>;
  /** remove deletes a file or an empty directory (ENOTEMPTY otherwise; the root is EBUSY). */
  remove(path: string): FsResult<void>;
  /** rename moves a file or directory as rename(2) does, replacing a file or empty directory at `to`. */
  rename(from: string, to: string): FsResult<void>;
}

/** parentOf is the workspace-relative folder holding path ('' for a top-level name). */
export function parentOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
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

/** utf8Length counts the bytes a string takes in UTF-8, as a file's size on disk. */
export function utf8Length(text: string): number {
  let n = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}
