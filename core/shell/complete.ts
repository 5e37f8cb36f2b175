// Tab completion for the lab shell: command names for the first word of each command (also
// after `|`, `;`, `&&`, `||`), file names (from the workspace, directories with a trailing
// slash) for the others and after a redirection, as bash completes them.
import type { ShellCommand } from './command';
import type { Workspace } from './workspace';
import { resolvePath } from './workspace';
import { quoteWord } from './words';

/** Completion is what Tab does: the new line and cursor, and the candidates to list if ambiguous. */
export interface Completion {
  line: string;
  cursor: number;
  candidates: string[];
}

/** complete computes the completion of the word before the cursor. */
export function complete(
  line: string,
  cursor: number,
  cwd: string,
  workspace: Workspace,
  commands: ReadonlyMap<string, ShellCommand>,
): Completion {
  const chars = [...line];
  const before = chars.slice(0, cursor).join('');
  const after = chars.slice(cursor).join('');
  const blank = Math.max(before.lastIndexOf(' '), before.lastIndexOf('\t')) + 1;
  // An operator glued to the word (`a|ca`, `>he`) belongs before it.
  const glued = /^(?:.*[|;&<>])?/.exec(before.slice(blank))![0].length;
  const wordStart = blank + glued;
  const word = before.slice(wordStart);
  const head = before.slice(0, wordStart);
  const redirected = /[<>]\s*$/.test(head);
  const segment = head.split(/[|;&]/).pop() ?? '';
  const firstWord = segment.trim() === '' && !redirected;
  let names: { name: string; dir: boolean }[];
  let dirPart = '';
  let partial = word;
  if (firstWord && !word.includes('/')) {
    names = [...commands.keys()].map((name) => ({ name, dir: false }));
  } else {
    const cmd = commands.get(segment.trim().split(/\s+/)[0] ?? '');
    if (cmd && !cmd.completesFiles && !redirected) return { line, cursor, candidates: [] };
    const slash = word.lastIndexOf('/');
    dirPart = slash >= 0 ? word.slice(0, slash + 1) : '';
    partial = word.slice(slash + 1);
    const dir = resolvePath(cwd, dirPart || '.');
    const listed = dir.ok ? workspace.list(dir.value) : dir;
    names = listed.ok ? listed.value.map((e) => ({ name: e.name, dir: e.kind === 'dir' })) : [];
    if (!partial.startsWith('.')) names = names.filter((n) => !n.name.startsWith('.'));
  }
  const matches = names.filter((n) => n.name.startsWith(partial)).sort((a, b) => (a.name < b.name ? -1 : 1));
  if (matches.length === 0) return { line, cursor, candidates: [] };
  if (matches.length === 1) {
    const m = matches[0]!;
    const completed = quoteWord(dirPart + m.name) + (m.dir ? '/' : after.startsWith(' ') ? '' : ' ');
    return finish(before.slice(0, wordStart) + completed, after, []);
  }
  const common = commonPrefix(matches.map((m) => m.name));
  if (common.length > partial.length) {
    return finish(before.slice(0, wordStart) + quoteWord(dirPart + common), after, []);
  }
  return { line, cursor, candidates: matches.map((m) => m.name + (m.dir ? '/' : '')) };
}

function finish(head: string, tail: string, candidates: string[]): Completion {
  return { line: head + tail, cursor: [...head].length, candidates };
}

function commonPrefix(words: string[]): string {
  let prefix = words[0] ?? '';
  for (const w of words) while (!w.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}
