// The editor's view of the workspace: list its text files, read one, write it back atomically
// and create new ones. Paths arrive as the renderer names them (relative to the student's
// home, or under /home/student or ~/) and are resolved as the shell resolves them, so `..` can
// never leave the workspace; the Workspace itself refuses symbolic links that lead out of it.
// A write that names the modification time it read refuses with `conflict` when the file was
// changed (or deleted) on disk since, so another program's edit is never silently overwritten.
import type { FsErrno, FsResult, Workspace } from '../../core/index';
import { HOME, fsErrorText, resolvePath } from '../../core/index';
import type { ErrorCode, ReplyValue } from '../common/contract';
import { MAX_EDITOR_TEXT } from '../common/contract';

/** MAX_LISTED_FILES bounds how many files workspace.list returns. */
export const MAX_LISTED_FILES = 1000;
/** MAX_LIST_DEPTH bounds how deep workspace.list descends into folders. */
export const MAX_LIST_DEPTH = 8;
/** MAX_LIST_VISITS bounds how many directory entries workspace.list looks at in all. */
export const MAX_LIST_VISITS = 20_000;

/** TEXT_EXTENSIONS are the file name endings the Open picker offers (files without a dot are offered too). */
export const TEXT_EXTENSIONS = new Set([
  'c', 'h', 'txt', 'md', 'sh', 'py', 'json', 'csv', 'log', 'conf', 'cfg', 'ini', 'mk', 'in', 'out', 'diff', 'patch',
]); // prettier-ignore

/** RequestError is a handler's typed refusal; the session turns it into an error reply. */
export class RequestError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

const errnoCodes: Partial<Record<FsErrno, ErrorCode>> = {
  ENOENT: 'not-found',
  ENOTDIR: 'not-found',
  EACCES: 'denied',
  EEXIST: 'exists',
  EISDIR: 'bad-request',
  EINVAL: 'bad-request',
};

/** WorkspaceFiles answers the editor's file requests over one Workspace. */
export class WorkspaceFiles {
  readonly #workspace: Workspace;

  constructor(workspace: Workspace) {
    this.#workspace = workspace;
  }

  /** list walks the workspace breadth-first for text files, skipping hidden names, within the bounds above. */
  list(): ReplyValue<'workspace.list'> {
    const files: ReplyValue<'workspace.list'>['files'] = [];
    const queue: { dir: string; depth: number }[] = [{ dir: '', depth: 0 }];
    let visits = 0;
    let truncated = false;
    while (queue.length > 0 && !truncated) {
      const { dir, depth } = queue.shift()!;
      const entries = this.#workspace.list(dir);
      if (!entries.ok) continue; // vanished or unreadable: leave it out
      for (const entry of entries.value.sort((a, b) => (a.name < b.name ? -1 : 1))) {
        if (++visits > MAX_LIST_VISITS || files.length >= MAX_LISTED_FILES) {
          truncated = true;
          break;
        }
        if (entry.name.startsWith('.')) continue;
        const path = dir ? `${dir}/${entry.name}` : entry.name;
        if (entry.kind === 'dir') {
          if (depth + 1 < MAX_LIST_DEPTH) queue.push({ dir: path, depth: depth + 1 });
        } else if (isTextName(entry.name)) files.push({ path, size: entry.size, mtimeMs: entry.mtimeMs });
      }
    }
    files.sort((a, b) => (a.path < b.path ? -1 : 1));
    return { files, truncated };
  }

  /** stat describes one file; a folder is refused. */
  stat(typed: string): ReplyValue<'file.stat'> {
    const path = this.#resolve(typed);
    const entry = unwrap(this.#workspace.stat(path), path);
    if (entry.kind !== 'file') throw new RequestError('bad-request', `${path} is a folder, not a file`);
    return { path, size: entry.size, mtimeMs: entry.mtimeMs };
  }

  /** read returns a file's text and the modification time it was read at. */
  read(typed: string): ReplyValue<'file.read'> {
    const { path, size, mtimeMs } = this.stat(typed);
    if (size > MAX_EDITOR_TEXT)
      throw new RequestError(
        'too-large',
        `${path} is ${size} bytes; the editor opens files up to ${MAX_EDITOR_TEXT / 1024} KiB`,
      );
    const text = unwrap(this.#workspace.readText(path), path);
    if (text.includes('\0')) throw new RequestError('bad-request', `${path} is not a text file`);
    return { path, text, mtimeMs };
  }

  /** write replaces a file atomically, refusing when it changed on disk since expectedMtimeMs. */
  write(typed: string, text: string, expectedMtimeMs?: number): ReplyValue<'file.write'> {
    const path = this.#resolve(typed);
    if (expectedMtimeMs !== undefined) {
      const now = this.#workspace.stat(path);
      if (!now.ok && now.errno === 'ENOENT')
        throw new RequestError('conflict', `${path} was deleted on disk since it was opened`);
      const entry = unwrap(now, path);
      if (entry.kind !== 'file') throw new RequestError('bad-request', `${path} is a folder, not a file`);
      if (entry.mtimeMs !== expectedMtimeMs)
        throw new RequestError('conflict', `${path} was changed on disk since it was opened`);
    }
    unwrap(this.#workspace.writeText(path, text), path);
    return { path, mtimeMs: unwrap(this.#workspace.stat(path), path).mtimeMs };
  }

  /** create makes a new file, refusing a name that is taken or a folder that does not exist. */
  create(typed: string, text: string): ReplyValue<'file.create'> {
    const path = this.#resolve(typed);
    const existing = this.#workspace.stat(path);
    if (existing.ok) throw new RequestError('exists', `${path} already exists`);
    if (existing.errno !== 'ENOENT') unwrap(existing, path);
    const made = this.#workspace.writeText(path, text);
    if (!made.ok && made.errno === 'ENOENT')
      throw new RequestError('not-found', `cannot create ${path}: its folder does not exist`);
    unwrap(made, path);
    return { path, mtimeMs: unwrap(this.#workspace.stat(path), path).mtimeMs };
  }

  /** #resolve turns the renderer's path into a workspace-relative one, refusing anything outside it. */
  #resolve(typed: string): string {
    const resolved = resolvePath(HOME, typed);
    if (!resolved.ok) throw new RequestError('denied', `${typed} is outside the workspace`);
    if (resolved.value === '')
      throw new RequestError('bad-request', `${typed} is the workspace folder itself`);
    return resolved.value;
  }
}

/** isTextName is true for names the Open picker offers: a known text extension or no extension. */
export function isTextName(name: string): boolean {
  const dot = name.lastIndexOf('.');
  return dot <= 0 || TEXT_EXTENSIONS.has(name.slice(dot + 1).toLowerCase());
}

function unwrap<T>(result: FsResult<T>, path: string): T {
  if (result.ok) return result.value;
  throw new RequestError(errnoCodes[result.errno] ?? 'io', `${path}: ${fsErrorText[result.errno]}`);
}
