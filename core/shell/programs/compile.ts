// Compiling a student's C file for the shell: the file and its local headers read from the
// workspace, gcc-style diagnostics (coloured for a terminal), and a per-session cache so that
// running the same binary twice compiles once.
import type { LabSession } from '../../session/index';
import type { CParser, CompiledProgram } from '../../lang/index';
import { compileProgram } from '../../lang/index';
import { formatDiagnostics, hasErrors, sourceLines } from '../../lang/diagnostics/index';
import type { Workspace } from '../workspace';
import { parentOf } from '../workspace';

/** CompileResult is the program (absent after an error) and the diagnostics as gcc prints them. */
export interface CompileResult {
  readonly program?: CompiledProgram;
  readonly text: string;
}

/** CACHE_LIMIT is how many compiled programs a session keeps. */
const CACHE_LIMIT = 32;
const caches = new WeakMap<LabSession, Map<string, CompileResult>>();

/**
 * compileC compiles source (the text of the workspace file sourcePath, shown as `shownPath` in
 * diagnostics); color asks for gcc's colours. Identical inputs without local headers come from
 * the session's cache.
 */
export function compileC(
  session: LabSession,
  parser: CParser,
  workspace: Workspace,
  file: { sourcePath: string; shownPath: string; source: string },
  color: boolean,
): CompileResult {
  const dir = parentOf(file.sourcePath);
  const headers = new Map<string, string>();
  const readFile = (p: string): string | undefined => {
    const rel = dir === '' ? p : `${dir}/${p}`;
    const r = workspace.readText(rel.replace(/^\.\//, ''));
    if (!r.ok) return undefined;
    headers.set(p, r.value);
    return r.value;
  };
  let cache = caches.get(session);
  if (cache === undefined) {
    cache = new Map();
    caches.set(session, cache);
  }
  const key = `${color ? 1 : 0}\0${file.shownPath}\0${file.sourcePath}\0${file.source}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const out = compileProgram(parser, { path: file.shownPath, text: file.source, readFile });
  headers.set(file.shownPath, file.source);
  const text = formatDiagnostics(out.diagnostics, { getLine: sourceLines(headers), color });
  const result: CompileResult =
    out.program === undefined || hasErrors(out.diagnostics) ? { text } : { program: out.program, text };
  // Only programs without local headers are cached: a changed header must be seen.
  if (headers.size === 1) {
    cache.set(key, result);
    if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  }
  return result;
}
