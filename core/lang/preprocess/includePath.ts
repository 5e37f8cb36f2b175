// What an `#include` line names, and POSIX path helpers to resolve `#include "..."` relative to
// the including file (pure string work: core/ has no node:path).
import type { Token } from './token';
import { isPunct, spell } from './token';

/** IncludeTarget is the header an `#include` names, whether it was `<...>`, and the token to point at. */
export interface IncludeTarget {
  readonly header: string | undefined;
  readonly angled: boolean;
  readonly at: Token | undefined;
}

/** includeTarget reads `"x.h"`, `<x.h>` or a macro expanding to either (C99 6.10.2p4) from the tokens after `#include`. */
export function includeTarget(
  rest: readonly Token[],
  expand: (tokens: readonly Token[]) => Token[],
): IncludeTarget {
  const first = rest[0];
  if (first === undefined) return { header: undefined, angled: false, at: undefined };
  if (first.kind === 'header') return { header: first.text.slice(1, -1), angled: true, at: first };
  if (first.kind === 'string' && first.text.startsWith('"'))
    return { header: first.text.slice(1, -1), angled: false, at: first };
  if (first.kind === 'other') return { header: undefined, angled: false, at: first };
  const expanded = expand(rest);
  const target = expanded[0] ?? first;
  if (target.kind === 'string' && target.text.startsWith('"'))
    return { header: target.text.slice(1, -1), angled: false, at: target };
  const close = expanded.findIndex((t) => isPunct(t, '>'));
  if (isPunct(target, '<') && close > 0)
    return { header: spell(expanded.slice(1, close)), angled: true, at: target };
  return { header: undefined, angled: false, at: target };
}

/** dirname returns the folder part of a path ('' for a bare file name, '/' for a root file). */
export function dirname(path: string): string {
  const k = path.lastIndexOf('/');
  if (k < 0) return '';
  return k === 0 ? '/' : path.slice(0, k);
}

/** joinPath resolves `name` against folder `dir` and normalizes `.` and `..` segments. */
export function joinPath(dir: string, name: string): string {
  const full = name.startsWith('/') || dir === '' ? name : `${dir}/${name}`;
  const absolute = full.startsWith('/');
  const parts: string[] = [];
  for (const part of full.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
    else if (part !== '..' || !absolute) parts.push(part);
  }
  return (absolute ? '/' : '') + parts.join('/');
}
