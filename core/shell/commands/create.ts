// mkdir and touch: create folders (with -p, every missing parent) and empty files, with
// coreutils' messages.
import type { CommandIo, ShellCommand } from '../command';
import { parseFlags } from '../command';
import { fsErrorText } from '../workspace';
import { invalidOption, resolveOperand, usageError } from './common';

/** mkdir creates folders; -p creates missing parents and accepts existing folders. */
export const mkdir: ShellCommand = {
  name: 'mkdir',
  summary: 'make folders (-p: with their parents, no error if they exist)',
  usage: 'mkdir [-p] DIR...',
  example: 'mkdir -p labs/echo',
  completesFiles: true,
  run(argv, io) {
    const parsed = parseFlags(argv, 'p');
    if (!parsed.ok) return invalidOption(io, 'mkdir', parsed.bad);
    if (parsed.operands.length === 0) return usageError(io, 'mkdir', 'missing operand');
    let status = 0;
    for (const name of parsed.operands) {
      const error = parsed.flags.has('p') ? makeParents(name, io) : makeOne(name, io);
      if (error) {
        io.err(`mkdir: cannot create directory '${error.name}': ${error.text}\n`);
        status = 1;
      }
    }
    return status;
  },
};

interface MkdirError {
  name: string;
  text: string;
}

function makeOne(name: string, io: CommandIo): MkdirError | undefined {
  const rel = resolveOperand(io, name);
  const made = rel.ok
    ? rel.value === ''
      ? ({ ok: false, errno: 'EEXIST' } as const)
      : io.workspace.mkdir(rel.value)
    : rel;
  return made.ok ? undefined : { name, text: fsErrorText[made.errno] };
}

/** makeParents creates each missing folder on the way, naming the one that failed as typed. */
function makeParents(name: string, io: CommandIo): MkdirError | undefined {
  const rel = resolveOperand(io, name);
  if (!rel.ok) return { name, text: fsErrorText[rel.errno] };
  const parts = rel.value.split('/').filter(Boolean);
  const typedParts = name.replace(/\/+$/, '').split('/');
  for (let k = 0; k < parts.length; k++) {
    const path = parts.slice(0, k + 1).join('/');
    const shown =
      typedParts.slice(0, Math.max(1, typedParts.length - (parts.length - k - 1))).join('/') || name;
    const stat = io.workspace.stat(path);
    if (stat.ok && stat.value.kind === 'dir') continue;
    if (stat.ok) return { name: shown, text: fsErrorText[k === parts.length - 1 ? 'EEXIST' : 'ENOTDIR'] };
    const made = io.workspace.mkdir(path);
    if (!made.ok) return { name: shown, text: fsErrorText[made.errno] };
  }
  return undefined;
}

/** touch creates empty files, or updates the time of existing ones. */
export const touch: ShellCommand = {
  name: 'touch',
  summary: 'create empty files or update their time',
  usage: 'touch FILE...',
  example: 'touch notes.txt',
  completesFiles: true,
  run(argv, io) {
    const parsed = parseFlags(argv, '');
    if (!parsed.ok) return invalidOption(io, 'touch', parsed.bad);
    if (parsed.operands.length === 0) return usageError(io, 'touch', 'missing file operand');
    let status = 0;
    for (const name of parsed.operands) {
      const rel = resolveOperand(io, name);
      const touched = rel.ok ? io.workspace.touch(rel.value) : rel;
      if (!touched.ok) {
        io.err(`touch: cannot touch '${name}': ${fsErrorText[touched.errno]}\n`);
        status = 1;
      }
    }
    return status;
  },
};
