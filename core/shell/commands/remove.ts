// rm and rmdir over the workspace, with coreutils' messages. `rm -r` refuses '.', '..' and the
// workspace folder itself: the student's home is where all their work lives.
import type { CommandIo, ShellCommand } from '../command';
import { parseFlags } from '../command';
import { fsErrorText } from '../workspace';
import { baseName, childName, invalidOption, resolveOperand, usageError } from './common';

/** rm removes files, and folders with everything in them with -r. */
export const rm: ShellCommand = {
  name: 'rm',
  summary: 'remove files (and folders with -r; -f: no error for missing files)',
  usage: 'rm [-r] [-f] FILE...',
  example: 'rm old.c',
  completesFiles: true,
  run(argv, io) {
    const parsed = parseFlags(argv, 'rRf');
    if (!parsed.ok) return invalidOption(io, 'rm', parsed.bad);
    const recursive = parsed.flags.has('r') || parsed.flags.has('R');
    const force = parsed.flags.has('f');
    if (parsed.operands.length === 0) return force ? 0 : usageError(io, 'rm', 'missing operand');
    let status = 0;
    for (const name of parsed.operands) if (!removeOne(name, recursive, force, io)) status = 1;
    return status;
  },
};

function removeOne(name: string, recursive: boolean, force: boolean, io: CommandIo): boolean {
  const fail = (message: string) => {
    io.err(`rm: ${message}\n`);
    return false;
  };
  const last = baseName(name);
  if (recursive && (last === '.' || last === '..'))
    return fail(`refusing to remove '.' or '..' directory: skipping '${name}'`);
  const rel = resolveOperand(io, name);
  if (!rel.ok) return fail(`cannot remove '${name}': ${fsErrorText[rel.errno]}`);
  const stat = io.workspace.stat(rel.value);
  if (!stat.ok) {
    if (force && stat.errno === 'ENOENT') return true;
    // A link that leads out of the workspace cannot be followed, but the link itself may go.
    if (stat.errno === 'EACCES' && io.workspace.remove(rel.value).ok) return true;
    return fail(`cannot remove '${name}': ${fsErrorText[stat.errno]}`);
  }
  if (stat.value.kind === 'dir') {
    if (!recursive) return fail(`cannot remove '${name}': Is a directory`);
    if (rel.value === '') return fail(`refusing to remove '${name}': it is your SockLab workspace`);
    return removeTree(name, rel.value, io);
  }
  const removed = io.workspace.remove(rel.value);
  return removed.ok || fail(`cannot remove '${name}': ${fsErrorText[removed.errno]}`);
}

/** removeTree removes a folder's contents depth first, then the folder, as rm -r does. */
function removeTree(typed: string, rel: string, io: CommandIo): boolean {
  const listed = io.workspace.list(rel);
  let ok = true;
  for (const child of listed.ok ? listed.value : []) {
    const childTyped = childName(typed, child.name);
    const childRel = `${rel}/${child.name}`;
    if (child.kind === 'dir') {
      if (!removeTree(childTyped, childRel, io)) ok = false;
      continue;
    }
    const removed = io.workspace.remove(childRel);
    if (!removed.ok) {
      io.err(`rm: cannot remove '${childTyped}': ${fsErrorText[removed.errno]}\n`);
      ok = false;
    }
  }
  const removed = io.workspace.remove(rel);
  if (!removed.ok && ok) io.err(`rm: cannot remove '${typed}': ${fsErrorText[removed.errno]}\n`);
  return ok && removed.ok;
}

/** rmdir removes empty folders. */
export const rmdir: ShellCommand = {
  name: 'rmdir',
  summary: 'remove empty folders',
  usage: 'rmdir DIR...',
  example: 'rmdir old',
  completesFiles: true,
  run(argv, io) {
    const parsed = parseFlags(argv, '');
    if (!parsed.ok) return invalidOption(io, 'rmdir', parsed.bad);
    if (parsed.operands.length === 0) return usageError(io, 'rmdir', 'missing operand');
    let status = 0;
    for (const name of parsed.operands) {
      const last = baseName(name);
      const rel = resolveOperand(io, name);
      const stat = rel.ok ? io.workspace.stat(rel.value) : rel;
      const removed =
        last === '.' || last === '..'
          ? ({ ok: false, errno: 'EINVAL' } as const)
          : !rel.ok || !stat.ok
            ? stat
            : stat.value.kind !== 'dir'
              ? ({ ok: false, errno: 'ENOTDIR' } as const)
              : io.workspace.remove(rel.value);
      if (!removed.ok) {
        io.err(`rmdir: failed to remove '${name}': ${fsErrorText[removed.errno]}\n`);
        status = 1;
      }
    }
    return status;
  },
};
