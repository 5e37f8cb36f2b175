// cp and mv over the workspace, with coreutils' checks and messages: a folder into itself, a
// file onto itself, a folder over a file and the other way round, several sources into a
// folder. cp copies bytes, so a pcap or a binary survives unchanged.
import type { CommandIo, ShellCommand } from '../command';
import { parseFlags } from '../command';
import type { WorkspaceEntry } from '../workspace';
import { fsErrorText } from '../workspace';
import { baseName, childName, invalidOption, resolveOperand, usageError } from './common';

/** Place is a path as the student typed it and as the workspace knows it. */
interface Place {
  typed: string;
  rel: string;
}

type Tool = 'cp' | 'mv';

/** cp copies files, and folders with -r. */
export const cp: ShellCommand = {
  name: 'cp',
  summary: 'copy files (and folders with -r)',
  usage: 'cp [-r] SOURCE... DEST',
  example: 'cp hello.c hello2.c',
  completesFiles: true,
  run(argv, io) {
    const parsed = parseFlags(argv, 'rR');
    if (!parsed.ok) return invalidOption(io, 'cp', parsed.bad);
    const recursive = parsed.flags.has('r') || parsed.flags.has('R');
    return forEachSource('cp', parsed.operands, io, (src, dst) => copy(src, dst, recursive, io));
  },
};

/** mv moves or renames files and folders. */
export const mv: ShellCommand = {
  name: 'mv',
  summary: 'move or rename files and folders',
  usage: 'mv SOURCE... DEST',
  example: 'mv hello2.c old.c',
  completesFiles: true,
  run(argv, io) {
    const parsed = parseFlags(argv, 'f');
    if (!parsed.ok) return invalidOption(io, 'mv', parsed.bad);
    return forEachSource('mv', parsed.operands, io, (src, dst) => move(src, dst, io));
  },
};

/** forEachSource checks the operands and runs `act` for each source and its destination. */
function forEachSource(
  tool: Tool,
  operands: string[],
  io: CommandIo,
  act: (src: Place, dst: Place) => boolean,
): number {
  if (operands.length === 0) return usageError(io, tool, 'missing file operand');
  const dest = operands.at(-1)!;
  if (operands.length === 1) return usageError(io, tool, `missing destination file operand after '${dest}'`);
  const destRel = resolveOperand(io, dest);
  const destStat = destRel.ok ? io.workspace.stat(destRel.value) : destRel;
  const intoDir = destStat.ok && destStat.value.kind === 'dir';
  const sources = operands.slice(0, -1);
  if (sources.length > 1 && !intoDir) {
    io.err(
      `${tool}: target '${dest}'${destStat.ok ? ' is not a directory' : `: ${fsErrorText[destStat.errno]}`}\n`,
    );
    return 1;
  }
  let status = 0;
  for (const source of sources) {
    const srcRel = resolveOperand(io, source);
    const srcStat = srcRel.ok ? io.workspace.stat(srcRel.value) : srcRel;
    if (!srcRel.ok || !srcStat.ok) {
      io.err(`${tool}: cannot stat '${source}': ${fsErrorText[srcStat.ok ? 'ENOENT' : srcStat.errno]}\n`);
      status = 1;
      continue;
    }
    const base = baseName(source);
    const dst: Place = intoDir
      ? { typed: childName(dest, base), rel: joinRel(destRel.ok ? destRel.value : '', base) }
      : { typed: dest, rel: destRel.ok ? destRel.value : '' };
    if (!destRel.ok) {
      io.err(`${tool}: cannot create regular file '${dest}': ${fsErrorText[destRel.errno]}\n`);
      status = 1;
      continue;
    }
    const src: Place = { typed: source, rel: srcRel.value };
    if (!checkPair(tool, src, srcStat.value, dst, io) || !act(src, dst)) status = 1;
  }
  return status;
}

/** checkPair refuses what coreutils refuses before touching anything. */
function checkPair(tool: Tool, src: Place, srcEntry: WorkspaceEntry, dst: Place, io: CommandIo): boolean {
  const fail = (message: string) => {
    io.err(`${tool}: ${message}\n`);
    return false;
  };
  if (src.rel === dst.rel) return fail(`'${src.typed}' and '${dst.typed}' are the same file`);
  const isDir = srcEntry.kind === 'dir';
  if (isDir && (src.rel === '' || dst.rel.startsWith(src.rel + '/'))) {
    return fail(
      tool === 'cp'
        ? `cannot copy a directory, '${src.typed}', into itself, '${dst.typed}'`
        : `cannot move '${src.typed}' to a subdirectory of itself, '${dst.typed}'`,
    );
  }
  const existing = io.workspace.stat(dst.rel);
  if (!isDir && !existing.ok && dst.typed.endsWith('/')) {
    return fail(
      tool === 'cp'
        ? `cannot create regular file '${dst.typed}': Not a directory`
        : `cannot move '${src.typed}' to '${dst.typed}': Not a directory`,
    );
  }
  if (existing.ok && isDir && existing.value.kind !== 'dir')
    return fail(`cannot overwrite non-directory '${dst.typed}' with directory '${src.typed}'`);
  if (existing.ok && !isDir && existing.value.kind === 'dir')
    return fail(`cannot overwrite directory '${dst.typed}' with non-directory`);
  return true;
}

function copy(src: Place, dst: Place, recursive: boolean, io: CommandIo): boolean {
  const entry = io.workspace.stat(src.rel);
  if (!entry.ok) {
    io.err(`cp: cannot stat '${src.typed}': ${fsErrorText[entry.errno]}\n`);
    return false;
  }
  if (entry.value.kind === 'file') {
    const data = io.workspace.readBytes(src.rel);
    if (!data.ok) {
      io.err(`cp: cannot open '${src.typed}' for reading: ${fsErrorText[data.errno]}\n`);
      return false;
    }
    const written = io.workspace.writeBytes(dst.rel, data.value);
    if (!written.ok) io.err(`cp: cannot create regular file '${dst.typed}': ${fsErrorText[written.errno]}\n`);
    return written.ok;
  }
  if (!recursive) {
    io.err(`cp: -r not specified; omitting directory '${src.typed}'\n`);
    return false;
  }
  const target = io.workspace.stat(dst.rel);
  if (!target.ok) {
    const made = io.workspace.mkdir(dst.rel);
    if (!made.ok) {
      io.err(`cp: cannot create directory '${dst.typed}': ${fsErrorText[made.errno]}\n`);
      return false;
    }
  }
  const listed = io.workspace.list(src.rel);
  if (!listed.ok) {
    io.err(`cp: cannot access '${src.typed}': ${fsErrorText[listed.errno]}\n`);
    return false;
  }
  let ok = true;
  for (const child of listed.value.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const from = { typed: childName(src.typed, child.name), rel: joinRel(src.rel, child.name) };
    const to = { typed: childName(dst.typed, child.name), rel: joinRel(dst.rel, child.name) };
    if (!checkPair('cp', from, child, to, io) || !copy(from, to, true, io)) ok = false;
  }
  return ok;
}

function move(src: Place, dst: Place, io: CommandIo): boolean {
  const moved = io.workspace.rename(src.rel, dst.rel);
  if (!moved.ok) io.err(`mv: cannot move '${src.typed}' to '${dst.typed}': ${fsErrorText[moved.errno]}\n`);
  return moved.ok;
}

/** joinRel joins a workspace-relative folder and a name. */
function joinRel(dir: string, name: string): string {
  return dir === '' ? name : `${dir}/${name}`;
}
