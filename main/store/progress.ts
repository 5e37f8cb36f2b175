// The student's progress on disk (progress.json in the app's user-data folder), written so that
// nothing already saved is ever lost: each save first copies the current good file to
// progress.json.bak, then replaces progress.json, both atomically (temp file + fsync + rename).
// A kill at any moment leaves both files readable. On load, a file that fails to decode
// (damaged, truncated, checksum mismatch, unknown version) is renamed aside to
// progress.json.corrupt-<time> and the backup is used; export and import move progress as one file.
import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { writeFileAtomic } from './atomicWrite';
import {
  decodeProgress,
  emptyProgress,
  emptyStep,
  encodeProgress,
  mergeProgress,
  type LabProgress,
  type Progress,
  type StepProgress,
} from './progressFile';

/** PROGRESS_FILE is the progress file's name in the user-data folder. */
export const PROGRESS_FILE = 'progress.json';

/** LoadReport says where loaded progress came from and what was set aside. */
export interface LoadReport {
  readonly from: 'file' | 'backup' | 'new';
  /** problems lists each file that could not be used, why, and where it was kept. */
  readonly problems: readonly string[];
}

/** ProgressStore holds one student's progress and saves every change. */
export class ProgressStore {
  readonly #path: string;
  readonly #now: () => number;
  #data: Progress = emptyProgress();
  #loaded: LoadReport | undefined;

  /** constructor names the folder the progress lives in; now gives the time for passedAt (Date.now). */
  constructor(dir: string, now: () => number = Date.now) {
    this.#path = join(dir, PROGRESS_FILE);
    this.#now = now;
  }

  /** load reads the progress file, falling back to its backup and keeping damaged files aside. */
  load(): LoadReport {
    const problems: string[] = [];
    this.#removeStaleTemps();
    for (const [path, from] of [
      [this.#path, 'file'],
      [`${this.#path}.bak`, 'backup'],
    ] as const) {
      if (!existsSync(path)) continue;
      const data = decodeProgress(readFileSync(path, 'utf8'));
      if (!('error' in data)) {
        this.#data = data;
        if (from === 'backup') writeFileAtomic(this.#path, encodeProgress(data));
        return (this.#loaded = { from, problems });
      }
      const aside = `${path}.corrupt-${this.#now()}`;
      renameSync(path, aside);
      problems.push(`${path}: ${data.error}; kept as ${aside}`);
    }
    this.#data = emptyProgress();
    return (this.#loaded = { from: 'new', problems });
  }

  /** data returns a copy of the whole progress. */
  get data(): Progress {
    return structuredClone(this.#data);
  }

  /** lab returns a copy of one lab's progress (empty when not started). */
  lab(labId: string): LabProgress {
    return structuredClone(this.#data.labs[labId] ?? { timeMs: 0, steps: {} });
  }

  /** recordCheck counts one check of a step and marks it passed when it passed. */
  recordCheck(labId: string, stepId: string, passed: boolean): StepProgress {
    return this.#update(labId, stepId, (s) => {
      s.attempts++;
      if (passed && !s.passed) {
        s.passed = true;
        s.passedAt = this.#now();
      }
    });
  }

  /** useHint counts one more hint revealed for a step. */
  useHint(labId: string, stepId: string): StepProgress {
    return this.#update(labId, stepId, (s) => void s.hintsUsed++);
  }

  /** recordPrediction keeps the student's answer to a predict question and whether the run agreed. */
  recordPrediction(
    labId: string,
    stepId: string,
    questionId: string,
    answer: string,
    right: boolean,
  ): StepProgress {
    return this.#update(labId, stepId, (s) => void (s.predictions[questionId] = { answer, right }));
  }

  /** addTime adds time spent with a lab open. */
  addTime(labId: string, ms: number): void {
    const lab = (this.#data.labs[labId] ??= { timeMs: 0, steps: {} });
    lab.timeMs += Math.max(0, Math.round(ms));
    this.save();
  }

  /** exportText returns the whole progress as one file's text. */
  exportText(): string {
    return encodeProgress(this.#data);
  }

  /** importText merges an exported file into the progress (nothing already saved is lost); it returns an error or undefined. */
  importText(text: string): string | undefined {
    const other = decodeProgress(text);
    if ('error' in other) return `not a SockLab progress file: ${other.error}`;
    this.#data = mergeProgress(this.#data, other);
    this.save();
    return undefined;
  }

  /** save writes the progress: the current good file becomes the backup, then the file is replaced. */
  save(): void {
    if (this.#loaded === undefined) throw new Error('ProgressStore.save: load() first');
    if (existsSync(this.#path)) {
      const current = readFileSync(this.#path, 'utf8');
      if (!('error' in decodeProgress(current))) writeFileAtomic(`${this.#path}.bak`, current);
    }
    writeFileAtomic(this.#path, encodeProgress(this.#data));
  }

  /** removeStaleTemps deletes temporary files an interrupted save of another process left behind. */
  #removeStaleTemps(): void {
    const dir = dirname(this.#path);
    if (!existsSync(dir)) return;
    const mine = `.${process.pid}.`;
    for (const name of readdirSync(dir)) {
      if (name.startsWith(`.${PROGRESS_FILE}`) && name.endsWith('.tmp') && !name.includes(mine))
        rmSync(join(dir, name), { force: true });
    }
  }

  #update(labId: string, stepId: string, change: (s: StepProgress) => void): StepProgress {
    const lab = (this.#data.labs[labId] ??= { timeMs: 0, steps: {} });
    const step = (lab.steps[stepId] ??= emptyStep());
    change(step);
    this.save();
    return structuredClone(step);
  }
}
