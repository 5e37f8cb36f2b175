// Reading lab folders from disk for the app and `socklab grade`: every text file of a lab
// folder (bounded in count and size) handed to labs/'s validator, the lab folders found under
// a root in name order, and a student's submission (a folder of files or one .c file).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { loadLab, type BrokenLab, type Lab } from '../../labs/index';

/** MAX_LAB_FILES bounds how many files one lab folder or submission may hold. */
const MAX_LAB_FILES = 200;
/** MAX_LAB_FILE_BYTES bounds one file's size (lab text, C source). */
const MAX_LAB_FILE_BYTES = 256 * 1024;
/** TEXT_FILE names the files a lab folder or submission is read for. */
const TEXT_FILE = /\.(c|h|md|json|txt)$/;

/** readFolderFiles reads a folder's text files recursively into a path → text map (paths use "/"). */
export function readFolderFiles(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (rel: string) => {
    for (const entry of readdirSync(join(dir, rel), { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const path = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && TEXT_FILE.test(entry.name)) {
        if (out.size >= MAX_LAB_FILES) throw new Error(`${dir}: more than ${MAX_LAB_FILES} files`);
        const full = join(dir, path);
        if (statSync(full).size > MAX_LAB_FILE_BYTES)
          throw new Error(`${full}: larger than ${MAX_LAB_FILE_BYTES} bytes`);
        out.set(path, readFileSync(full, 'utf8'));
      }
    }
  };
  walk('');
  return out;
}

/** readLab loads one lab folder; a folder that cannot be read loads as a BrokenLab saying why. */
export function readLab(dir: string): Lab | BrokenLab {
  const folder = basename(dir);
  try {
    return loadLab(folder, readFolderFiles(dir));
  } catch (e) {
    return { ok: false, folder, errors: [e instanceof Error ? e.message : String(e)] };
  }
}

/** readLabs loads every lab folder under root (folders holding a lab.json), in name order. */
export function readLabs(root: string): Array<Lab | BrokenLab> {
  return readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()
    .filter((name) => {
      try {
        return statSync(join(root, name, 'lab.json')).isFile();
      } catch {
        return false;
      }
    })
    .map((name) => readLab(join(root, name)));
}

/** readSubmission reads one student's submission: a folder's files, or one .c file named as the lab's student file. */
export function readSubmission(path: string, studentFiles: readonly string[]): Map<string, string> {
  if (statSync(path).isDirectory()) return readFolderFiles(path);
  if (!path.endsWith('.c')) throw new Error(`${path}: a submission is a folder or a .c file`);
  if (studentFiles.length !== 1)
    throw new Error(`${path}: this lab needs ${studentFiles.join(', ')}; submit them in a folder`);
  return new Map([[studentFiles[0]!, readFileSync(path, 'utf8')]]);
}
