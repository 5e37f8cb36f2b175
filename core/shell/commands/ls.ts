// ls over the student's workspace, with GNU ls's layout: columns and colours on a terminal,
// one name per line into a pipe or file.
import type { CommandIo, ShellCommand } from '../command';
import { parseFlags } from '../command';
import { invalidOption } from './common';
import type { WorkspaceEntry } from '../workspace';
import { fsErrorText, resolvePath } from '../workspace';
import { textWidth } from '../width';

const DIR_COLOUR = '\x1b[01;34m';
const RESET = '\x1b[0m';

/** ls lists directory contents in columns, as GNU ls does on a terminal. */
export const ls: ShellCommand = {
  name: 'ls',
  summary: 'list directory contents',
  usage: 'ls [-a] [-l] [-1] [FILE]...',
  example: 'ls -l',
  completesFiles: true,
  run(argv, io) {
    const parsed = parseFlags(argv, 'al1');
    if (!parsed.ok) return invalidOption(io, 'ls', parsed.bad, 2);
    const { flags } = parsed;
    const tty = io.isatty(1);
    const colour = (e: WorkspaceEntry) => (tty ? coloured(e) : e.name);
    const operands = parsed.operands.length ? parsed.operands : ['.'];
    let status = 0;
    const files: WorkspaceEntry[] = [];
    const dirs: { name: string; entries: WorkspaceEntry[] }[] = [];
    for (const name of operands) {
      const rel = resolvePath(io.cwd, name);
      const stat = rel.ok ? io.workspace.stat(rel.value) : rel;
      if (!rel.ok || !stat.ok) {
        io.err(`ls: cannot access '${name}': ${fsErrorText[stat.ok ? 'ENOENT' : stat.errno]}\n`);
        status = 2;
        continue;
      }
      if (stat.value.kind === 'file') {
        files.push({ ...stat.value, name });
        continue;
      }
      const listed = io.workspace.list(rel.value);
      if (!listed.ok) {
        io.err(`ls: cannot open directory '${name}': ${fsErrorText[listed.errno]}\n`);
        status = 2;
        continue;
      }
      let entries = listed.value.filter((e) => flags.has('a') || !e.name.startsWith('.'));
      if (flags.has('a')) entries = [dirEntry('.'), dirEntry('..'), ...entries];
      dirs.push({ name, entries: sortByName(entries) });
    }
    const print = (entries: WorkspaceEntry[]) => {
      if (flags.has('l')) printLong(entries, io, colour);
      else if (flags.has('1') || !tty) for (const e of entries) io.out(colour(e) + '\n');
      else printColumns(entries, io);
    };
    if (files.length) print(sortByName(files));
    const headings = dirs.length + files.length > 1;
    dirs.forEach((dir, i) => {
      if (headings) io.out(`${files.length || i > 0 ? '\n' : ''}${dir.name}:\n`);
      print(dir.entries);
    });
    return status;
  },
};

function dirEntry(name: string): WorkspaceEntry {
  return { name, kind: 'dir', size: 4096, mtimeMs: 0 };
}

function sortByName(entries: WorkspaceEntry[]): WorkspaceEntry[] {
  return [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function coloured(e: WorkspaceEntry): string {
  return e.kind === 'dir' ? `${DIR_COLOUR}${e.name}${RESET}` : e.name;
}

/** printColumns lays names out down then across, using the fewest rows that fit (GNU ls -C). */
function printColumns(entries: WorkspaceEntry[], io: CommandIo): void {
  if (entries.length === 0) return;
  const widths = entries.map((e) => textWidth(e.name));
  for (let rows = 1; rows <= entries.length; rows++) {
    const cols = Math.ceil(entries.length / rows);
    const colWidths: number[] = [];
    for (let c = 0; c < cols; c++) {
      colWidths.push(Math.max(...widths.slice(c * rows, (c + 1) * rows)));
    }
    const total = colWidths.reduce((sum, w) => sum + w + 2, 0) - 2;
    if (total >= io.cols && rows < entries.length) continue;
    for (let r = 0; r < rows; r++) {
      let line = '';
      for (let c = 0; c < cols; c++) {
        const i = c * rows + r;
        const entry = entries[i];
        if (!entry) continue;
        const last = c === cols - 1 || (c + 1) * rows + r >= entries.length;
        line += coloured(entry) + (last ? '' : ' '.repeat(colWidths[c]! - widths[i]! + 2));
      }
      io.out(line + '\n');
    }
    return;
  }
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** printLong prints `ls -l` lines: mode, links, owner, group, size, date, name. */
function printLong(entries: WorkspaceEntry[], io: CommandIo, colour: (e: WorkspaceEntry) => string): void {
  const blocks = entries.reduce((sum, e) => sum + Math.ceil(e.size / 4096) * 4, 0);
  io.out(`total ${blocks}\n`);
  const sizeWidth = Math.max(...entries.map((e) => String(e.size).length), 1);
  for (const e of entries) {
    const mode = e.kind === 'dir' ? 'drwxr-xr-x' : '-rw-r--r--';
    const links = e.kind === 'dir' ? 2 : 1;
    const d = new Date(e.mtimeMs);
    const date = `${MONTHS[d.getMonth()]} ${String(d.getDate()).padStart(2)} ${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
    io.out(`${mode} ${links} student student ${String(e.size).padStart(sizeWidth)} ${date} ${colour(e)}\n`);
  }
}

const pad2 = (n: number) => String(n).padStart(2, '0');
