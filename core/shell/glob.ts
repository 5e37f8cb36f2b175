// Pathname expansion (XCU 2.13): an unquoted `*`, `?` or `[...]` in a word matches names in
// the workspace, one path segment at a time. Names starting with '.' match only a pattern
// that starts with '.'; a pattern that matches nothing stays as typed, as in bash.
import type { Workspace } from './workspace';
import { resolvePath } from './workspace';

/** globEscape escapes text that must match literally (quoted text, parameter values). */
export function globEscape(text: string): string {
  return text.replace(/[*?[\]\\]/g, '\\$&');
}

/** hasGlob is true when an escaped pattern holds an unescaped `*`, `?` or `[`. */
export function hasGlob(pattern: string): boolean {
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] === '\\') i++;
    else if ('*?['.includes(pattern[i]!)) return true;
  }
  return false;
}

/** expandGlob lists the paths an escaped pattern matches, sorted; [] when none does. */
export function expandGlob(pattern: string, cwd: string, workspace: Workspace): string[] {
  const segments = pattern.split('/');
  let paths: string[][] = [[]];
  for (const [i, segment] of segments.entries()) {
    if (segment === '' && (i === 0 || i === segments.length - 1)) {
      paths = paths.map((p) => [...p, '']);
      continue;
    }
    if (!hasGlob(segment)) {
      const literal = segment.replace(/\\(.)/g, '$1');
      paths = paths.map((p) => [...p, literal]);
      continue;
    }
    const matcher = segmentRegExp(segment);
    const next: string[][] = [];
    for (const parts of paths) {
      const dir = parts.join('/');
      const rel = resolvePath(cwd, dir === '' && parts.length === 0 ? '.' : dir || '/');
      const listed = rel.ok ? workspace.list(rel.value) : rel;
      if (!listed.ok) continue;
      const names = listed.value
        .map((e) => e.name)
        .filter((n) => matcher.test(n) && (!n.startsWith('.') || segment.startsWith('.')))
        .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      for (const name of names) next.push([...parts, name]);
    }
    paths = next;
  }
  return paths
    .map((parts) => parts.join('/'))
    .filter((path) => {
      const rel = resolvePath(cwd, path);
      return rel.ok && workspace.stat(rel.value).ok;
    });
}

/** segmentRegExp turns one escaped path segment into an anchored regular expression. */
function segmentRegExp(segment: string): RegExp {
  let source = '';
  for (let i = 0; i < segment.length; i++) {
    const ch = segment[i]!;
    if (ch === '\\') source += escapeRegExp(segment[++i] ?? '\\');
    else if (ch === '*') source += '.*';
    else if (ch === '?') source += '.';
    else if (ch === '[') {
      const end = segment.indexOf(']', i + 2);
      if (end < 0) {
        source += '\\[';
        continue;
      }
      let body = segment.slice(i + 1, end);
      const negate = body.startsWith('!') || body.startsWith('^');
      if (negate) body = body.slice(1);
      source += `[${negate ? '^' : ''}${body.replace(/\\(.)/g, '$1').replace(/[\\\]^]/g, '\\$&')}]`;
      i = end;
    } else source += escapeRegExp(ch);
  }
  try {
    return new RegExp(`^${source}$`, 'u');
  } catch {
    return { test: (name: string) => name === segment.replace(/\\(.)/g, '$1') } as RegExp; // e.g. [z-a]
  }
}

function escapeRegExp(ch: string): string {
  return ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
