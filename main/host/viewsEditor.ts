// The Editor pane's compile check: an unsaved buffer compiled (never run) with the session's
// C parser, its local headers read from the workspace, and the diagnostics that
// belong to the buffer itself returned with their line, column and length for inline marks.
import type { CParser, Workspace } from '../../core/index';
import { lang } from '../../core/index';
import type { ReplyValue, RequestArgs } from '../common/contract';

/** checkSource compiles text as the workspace file path; without a parser yet it answers ready: false. */
export function checkSource(
  parser: CParser | undefined,
  workspace: Workspace,
  args: RequestArgs<'editor.check'>,
): ReplyValue<'editor.check'> {
  if (parser === undefined) return { ready: false, diagnostics: [] };
  // the preprocessor names a local header by its path beside the including file (src/a.h)
  const readFile = (p: string): string | undefined => {
    const r = workspace.readText(p.replace(/^\.\//, ''));
    return r.ok ? r.value : undefined;
  };
  const out = lang.compileProgram(parser, { path: args.path, text: args.text, readFile });
  const diagnostics = out.diagnostics
    .filter((d) => d.file === args.path)
    .map((d) => ({
      line: d.line,
      col: d.col,
      length: d.length ?? 1,
      severity: d.severity,
      message: d.message,
    }));
  return { ready: true, diagnostics };
}
