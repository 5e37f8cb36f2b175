// The checker: walks a parsed translation unit, resolves every name, computes every type and
// struct layout, reports type errors and unsupported constructs, and produces the typed
// Program the compiler turns into bytecode.
import { Reporter } from '../diagnostics/catalogue';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { langMessages } from '../messages';
import type { TranslationUnit } from '../parse/ast';
import type { SourceInfo } from '../source';
import { Ctx } from './context';
import { fileDecl, funcDef } from './decl';
import type { Program } from './ir';

export type { Program, FuncSym, GlobalVar, TExpr, TStmt, InitOp } from './ir';

/** CheckResult is the checked program (absent after an error) and the diagnostics. */
export interface CheckResult {
  readonly program?: Program;
  readonly diagnostics: Diagnostic[];
}

/** check checks translation units in order in one file scope (a prelude first, then the program). */
export function check(units: readonly { unit: TranslationUnit; src: SourceInfo }[]): CheckResult {
  const rep = new Reporter(langMessages);
  let cx: Ctx | undefined;
  for (const { unit, src } of units) {
    const next = new Ctx(src, rep);
    if (cx !== undefined) {
      next.scopes[0] = cx.scopes[0]!;
      next.globals.push(...cx.globals);
      for (const [k, v] of cx.funcs) next.funcs.set(k, v);
      next.staticCount = cx.staticCount;
    }
    cx = next;
    for (const item of unit.items) {
      if (item.k === 'func') funcDef(cx, item.spec, item.decl, item.body, item.pos);
      else fileDecl(cx, item.d);
    }
  }
  if (cx === undefined || rep.errorCount > 0) return { diagnostics: rep.diagnostics };
  return { program: { globals: cx.globals, funcs: [...cx.funcs.values()] }, diagnostics: rep.diagnostics };
}
