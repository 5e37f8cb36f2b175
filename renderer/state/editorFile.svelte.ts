// The Editor pane's file: which workspace file is open, the modification time it was read at,
// whether it still matches the disk, the last error, and the workspace's files for the Open
// picker. The buffer itself lives in CodeMirror; this class only talks to main.
import { t } from '../i18n';
import type { MAX_EDITOR_TEXT, ReplyValue, SocklabApi } from '../../main/common/contract';

const LAST_FILE_KEY = 'socklab.editor.lastFile';
/** MAX_TEXT is the contract's MAX_EDITOR_TEXT (the renderer imports types only; the type keeps the two equal). */
const MAX_TEXT: typeof MAX_EDITOR_TEXT = 256 * 1024;

/** FileData is one file as read from the workspace. */
export type FileData = ReplyValue<'file.read'>;
/** WorkspaceFile is one entry of the Open picker. */
export type WorkspaceFile = ReplyValue<'workspace.list'>['files'][number];
/** DiskState says how the open file on disk relates to what was read or last saved. */
export type DiskState = 'same' | 'changed' | 'deleted';

/** EditorFile tracks the open file and its relation to the disk. */
export class EditorFile {
  path = $state<string | undefined>();
  modified = $state(false);
  disk = $state<DiskState>('same');
  /** conflict is set when a save was refused because the disk changed; Overwrite clears it. */
  conflict = $state(false);
  error = $state<string | undefined>();
  status = $state<string | undefined>();
  saving = $state(false);
  files = $state.raw<WorkspaceFile[]>([]);
  filesTruncated = $state(false);
  readonly #api: SocklabApi;
  readonly #storage: Storage | undefined;
  #mtimeMs: number | undefined;
  /** #generation counts opens and saves, so a disk check that raced one of them is ignored. */
  #generation = 0;

  constructor(api: SocklabApi, storage: Storage | undefined) {
    this.#api = api;
    this.#storage = storage;
  }

  /** name is the open file's name without its folder. */
  get name(): string | undefined {
    return this.path?.split('/').pop();
  }

  /** lastPath is the file that was open when the app last ran. */
  get lastPath(): string | undefined {
    return this.#storage?.getItem(LAST_FILE_KEY) ?? undefined;
  }

  /** read fetches a file; on failure it sets error and returns undefined. */
  async read(path: string, quiet = false): Promise<FileData | undefined> {
    const reply = await this.#api.request('file.read', { path });
    if (reply.ok) return reply.value;
    if (!quiet) this.error = `Could not open ${path}: ${reply.error.message}`;
    return undefined;
  }

  /** adopt makes a file just read (or created) the open one, and remembers it. */
  adopt(path: string, mtimeMs: number): void {
    this.path = path;
    this.#mtimeMs = mtimeMs;
    this.#generation++;
    this.modified = false;
    this.disk = 'same';
    this.conflict = false;
    this.error = undefined;
    this.status = undefined;
    this.#storage?.setItem(LAST_FILE_KEY, path);
  }

  /**
   * save writes text back atomically. It names the time the file was read at, so a change on
   * disk since is refused as a conflict, unless overwrite is set or the file was deleted (then
   * saving writes it back). It returns true when the text is on disk.
   */
  async save(text: string, overwrite = false): Promise<boolean> {
    const path = this.path;
    if (path === undefined || this.saving) return false;
    if (text.length > MAX_TEXT) {
      this.error = `Not saved: the editor saves files up to ${MAX_TEXT / 1024} KiB. Your text is still here.`;
      return false;
    }
    this.saving = true;
    this.#generation++;
    const expectedMtimeMs = overwrite || this.disk === 'deleted' ? undefined : this.#mtimeMs;
    const reply = await this.#api.request('file.write', { path, text, expectedMtimeMs });
    this.saving = false;
    if (path !== this.path) return false;
    if (!reply.ok) {
      this.conflict = reply.error.code === 'conflict';
      if (this.conflict)
        this.disk = (await this.#api.request('file.stat', { path })).ok ? 'changed' : 'deleted';
      this.error = `Not saved: ${reply.error.message}. Your text is still here.`;
      return false;
    }
    this.#mtimeMs = reply.value.mtimeMs;
    this.disk = 'same';
    this.conflict = false;
    this.error = undefined;
    this.status = t('editor.saved', { path });
    return true;
  }

  /** create makes a new file with the given text; it returns its modification time, or undefined with error set. */
  async create(path: string, text: string): Promise<number | undefined> {
    const reply = await this.#api.request('file.create', { path, text });
    if (reply.ok) return reply.value.mtimeMs;
    this.error = `Could not create ${path}: ${reply.error.message}`;
    return undefined;
  }

  /** listFiles refreshes the Open picker's list. */
  async listFiles(): Promise<void> {
    const reply = await this.#api.request('workspace.list', {});
    if (!reply.ok) {
      this.error = `Could not list the workspace: ${reply.error.message}`;
      return;
    }
    this.files = reply.value.files;
    this.filesTruncated = reply.value.truncated;
  }

  /**
   * checkDisk compares the open file with the disk. It returns true when the file changed on
   * disk and the buffer has no edits, so the pane may reload it quietly.
   */
  async checkDisk(): Promise<boolean> {
    const path = this.path;
    const generation = this.#generation;
    if (path === undefined || this.saving) return false;
    const reply = await this.#api.request('file.stat', { path });
    if (generation !== this.#generation || this.saving) return false;
    if (!reply.ok) {
      if (reply.error.code === 'not-found') this.disk = 'deleted';
      return false;
    }
    if (reply.value.mtimeMs === this.#mtimeMs) {
      if (!this.conflict) this.disk = 'same';
      return false;
    }
    if (this.modified) {
      this.disk = 'changed';
      return false;
    }
    return true;
  }
}
