// The C REPL: C statements and declarations evaluated one line at a time in a persistent scope,
// with every system header already included. `int fd = socket(AF_INET, SOCK_STREAM, 0);`
// prints `fd = 3`, an expression statement prints its value as gdb's `print` would
// (`htons(80)` → `htons(80) = 20480`), a definition (function, struct, typedef, #define) is
// kept for later lines, and an error is reported gcc-style against the line as typed and
// changes nothing. A line whose brackets are still open asks for more (`{ k: 'more' }`).
//
// How: each line becomes a whole program — the earlier definitions and variables (variables
// as globals) and a `main` that runs the line — compiled to a new chunk whose state continues
// the previous line's memory (repl/state.ts), so values, heap blocks and pointers persist.
//
// API (core/exec/repl.ts runs it as a process; use that from the shell):
//   const s = new ReplSession({ parser });      // s.state is the process's first state
//   const p = s.prepare(line);                  // more | empty | error (text) | run (vm, finish)
//   s.continuing / s.cancel()                   // brackets still open (prompt `...`) / drop them (Ctrl-C)
//   … run p.vm to its end (as the REPL's process) …
//   const r = p.finish(vm);                     // done (text to print, state kept) | exit (code)
// A line that faults or is killed is simply not finished: the previous state stays current.

import type { Program, TExpr } from './check/ir';
import type { Diagnostic } from './diagnostics';
import { formatDiagnostics, hasErrors } from './diagnostics';
import { Reporter } from './diagnostics/catalogue';
import { langMessages, type LangCode } from './messages';
import type { CParser } from './index';
import { compileProgram } from './index';
import type { Declarator, Expr, Stmt } from './parse/ast';
import { SYSTEM_HEADERS } from './headers';
import { showValue } from './repl/show';
import { REPL_HEAP, REPL_RODATA, dataEnd, nextState } from './repl/state';
import { isIncomplete, withoutInitializers } from './repl/text';
import type { CType } from './types';
import { ptrTo, sizeOf } from './types';
import type { VmState } from './vm/state';

/** ReplOptions configure a session. */
export interface ReplOptions {
  readonly parser: CParser;
  /** readFile reads the student's files for `#include "x.h"`. */
  readonly readFile?: (path: string) => string | undefined;
  /** name is the file name diagnostics use for the typed lines (default `<stdin>`). */
  readonly name?: string;
}

/** ReplFinished is how a line that ran to its end came out: text to print, or the program called exit(). */
export type ReplFinished =
  { readonly k: 'done'; readonly text: string } | { readonly k: 'exit'; readonly code: number };

/** ReplPrepared is a line read: wait for more, nothing to do, an error, or a program to run. */
export type ReplPrepared =
  | { readonly k: 'more' }
  | { readonly k: 'empty' }
  | { readonly k: 'error'; readonly text: string }
  | { readonly k: 'run'; readonly vm: VmState; readonly finish: (vm: VmState) => ReplFinished };

type Kind =
  | { k: 'top' }
  | { k: 'decl'; names: string[]; sizedByInit: boolean }
  | { k: 'expr'; label: string; paren?: boolean }
  | { k: 'stmt' };

const HEADER = '__socklab_repl.h';
const VALUE = '__repl_value';
const FINISHED = '__repl_finished';
/** VALUE_SIZE is the largest expression value the REPL prints (bigger structs print their type only). */
const VALUE_SIZE = 256;
const PRELUDE =
  Object.keys(SYSTEM_HEADERS)
    .filter((h) => !h.startsWith('bits/'))
    .map((h) => `#include <${h}>\n`)
    .join('') + `unsigned char ${VALUE}[${VALUE_SIZE}];\nint ${FINISHED};\n`;

/** ReplSession is one REPL's scope: the definitions so far and the program state they live in. */
export class ReplSession {
  readonly #o: ReplOptions;
  readonly #name: string;
  readonly #tops: string[] = [];
  #pending = '';
  #rodata = REPL_RODATA;
  #state: VmState | undefined;
  /** shown is the line as typed, which error messages quote. */
  #shown = '';
  /** vars are the variables the REPL has declared (so `a * b` reads as a product, not a declaration). */
  readonly #vars = new Set<string>();

  /** constructor compiles the empty scope, so `state` is ready to run as a process. */
  constructor(o: ReplOptions) {
    this.#o = o;
    this.#name = o.name ?? '<stdin>';
    const empty = this.#build({ k: 'stmt' }, '', '');
    if (empty.k !== 'run')
      throw new Error(`ReplSession: the empty scope does not compile: ${JSON.stringify(empty)}`);
    this.#state = empty.vm;
  }

  /** state is the current program state: the last finished line's (the empty scope's at first). */
  get state(): VmState {
    return this.#state!;
  }

  /** continuing tells whether earlier lines wait for more (their brackets are open): prompt with `...`. */
  get continuing(): boolean {
    return this.#pending !== '';
  }

  /** cancel drops the lines waiting for more (Ctrl-C at a continuation prompt). */
  cancel(): void {
    this.#pending = '';
  }

  /** prepare reads one typed line and compiles it (joined to earlier lines while brackets are open). */
  prepare(line: string): ReplPrepared {
    const text = this.#pending === '' ? line : `${this.#pending}\n${line}`;
    if (isIncomplete(text)) {
      this.#pending = text;
      return { k: 'more' };
    }
    this.#pending = '';
    this.#shown = text;
    const trimmed = text.trim();
    if (trimmed === '') return { k: 'empty' };
    if (trimmed.startsWith('#')) return this.#build({ k: 'top' }, text, '');
    const src = /[;}]$/.test(trimmed) || text.includes('//') ? text : `${text};`;
    const kind = this.#classify(src);
    if ('text' in kind) return kind;
    if (kind.k === 'top') return this.#build(kind, src, '');
    // `char msg[] = "hi";` takes its size from the initializer, so it is declared as written (a
    // global, so the initializer must be constant); other declarations run as locals and are copied.
    if (kind.k === 'decl')
      return kind.sizedByInit ? this.#build(kind, src, '') : this.#build(kind, withoutInitializers(src), src);
    return this.#build(
      kind,
      '',
      kind.k === 'expr' && kind.paren === true ? `(${src.trim().replace(/;$/, '')});` : src,
    );
  }

  /** classify parses the line as a function body's statements (or, failing that, as top-level definitions). */
  #classify(src: string): Kind | { k: 'error'; text: string } {
    const body = this.#o.parser.parse(`void f(void) {\n${src}\n}\n`, { file: this.#name });
    const fn = body.unit?.items[0];
    if (!hasErrors(body.diagnostics) && fn?.k === 'func' && fn.body.k === 'block') {
      const items = fn.body.items;
      const only = items.length === 1 ? items[0]! : undefined;
      if (only?.k === 'decl') {
        const d = only.d;
        if (d.spec.base.k === 'named' && this.#vars.has(d.spec.base.name))
          return { k: 'expr', label: src.trim().replace(/;$/, '').trim(), paren: true };
        if (
          d.spec.storage === 'typedef' ||
          d.spec.storage === 'extern' ||
          d.items.every((i) => isFunction(i.decl))
        )
          return { k: 'top' };
        const names = d.items.map((i) => nameOf(i.decl)).filter((n) => n !== undefined);
        return {
          k: 'decl',
          names,
          sizedByInit: d.items.some((i) => i.init !== undefined && unsizedArray(i.decl)),
        };
      }
      if (only?.k === 'expr' && only.e !== undefined) return { k: 'expr', label: labelOf(only, src) };
      if (only?.k === 'return') return this.#error('repl-return', only.pos.line - 1, only.pos.col);
      return { k: 'stmt' };
    }
    const top = this.#o.parser.parse(`${src}\n`, { file: this.#name });
    if (!hasErrors(top.diagnostics) && (top.unit?.items.length ?? 0) > 0) return { k: 'top' };
    // `a * b;` parses as a declaration of b; in parentheses it can only be the expression it is here.
    const expr = src.trim().replace(/;$/, '');
    const paren = this.#o.parser.parse(`void f(void) {\n(${expr});\n}\n`, { file: this.#name });
    if (!hasErrors(paren.diagnostics)) return { k: 'expr', label: expr.trim(), paren: true };
    return { k: 'error', text: this.#format(body.diagnostics.map((d) => ({ ...d, line: d.line - 1 }))) };
  }

  /** build compiles the scope plus `top` (new definitions) and a main running `run`. */
  #build(kind: Kind, top: string, run: string): ReplPrepared {
    const shown = kind.k === 'decl' ? kind.names : [];
    const names = run !== '' ? shown : [];
    const head =
      'int main(void) { ' +
      (names.length > 0
        ? `void *__repl_dst[${names.length}] = { ${names.map((n) => `&${n}`).join(', ')} }; { `
        : '');
    const copies = names.map((n, i) => `memcpy(__repl_dst[${i}], &${n}, sizeof ${n}); `).join('');
    const tail = `${names.length > 0 ? `${copies}} ` : ''}${FINISHED} = 1; return 0; }\n`;
    const topLines = top === '' ? 1 : top.split('\n').length;
    const text = `#include "${HEADER}"\n${top}\n${head}${run}\n${tail}`;
    const header = PRELUDE + this.#tops.map((t) => `${t}\n`).join('');
    let types: (CType | undefined)[] = [];
    const out = compileProgram(this.#o.parser, {
      path: this.#name,
      text,
      readFile: (p) => (p === HEADER ? header : this.#o.readFile?.(p)),
      layout: { rodataBase: this.#rodata, heapBase: REPL_HEAP },
      transform: (program) => {
        types =
          kind.k === 'expr'
            ? [captureValue(program)]
            : shown.map((n) => program.globals.find((g) => g.name === n)?.type);
      },
    });
    const shift = head.length + (kind.k === 'expr' && kind.paren === true ? 1 : 0);
    const mapped = out.diagnostics.map((d) => mapDiagnostic(d, this.#name, topLines, shift));
    if (out.program === undefined || hasErrors(out.diagnostics))
      return { k: 'error', text: this.#format(mapped) };
    const program = out.program;
    const { chunk } = program;
    if (dataEnd(program) > REPL_RODATA || chunk.rodataBase + chunk.rodata.length > REPL_HEAP)
      return this.#error('repl-memory-full', 1, 0);
    const vm = nextState(this.#state, program, ['c']);
    const flag = program.symbols.get(FINISHED)!;
    new DataView(vm.mem.buffer).setInt32(flag, 0, true);
    const finish = (end: VmState): ReplFinished => {
      if (end.status !== 'exited' || new DataView(end.mem.buffer).getInt32(flag, true) !== 1)
        return { k: 'exit', code: end.exitCode };
      this.#state = end;
      if (kind.k === 'top' || kind.k === 'decl') this.#tops.push(top);
      shown.forEach((n) => this.#vars.add(n));
      this.#rodata = (chunk.rodataBase + chunk.rodata.length + 15) & ~15;
      return { k: 'done', text: this.#show(end, program.symbols, kind, shown, types) };
    };
    return { k: 'run', vm, finish };
  }

  #show(
    s: VmState,
    symbols: ReadonlyMap<string, number>,
    kind: Kind,
    names: string[],
    types: (CType | undefined)[],
  ): string {
    if (kind.k === 'decl')
      return names
        .map((n, i) => `${n} = ${types[i] === undefined ? '?' : showValue(s, symbols.get(n)!, types[i])}\n`)
        .join('');
    const t = types[0];
    if (kind.k !== 'expr' || t === undefined) return '';
    const at = symbols.get(VALUE)!;
    if (t.k === 'array' || t.k === 'func' || sizeOf(t) > VALUE_SIZE) {
      const addr = Number(new DataView(s.mem.buffer).getBigUint64(at, true));
      return `${kind.label} = ${showValue(s, addr, t)}\n`;
    }
    return `${kind.label} = ${showValue(s, at, t)}\n`;
  }

  /** error reports one of the REPL's own diagnostics at a place in the typed line. */
  #error(code: LangCode, line: number, col: number): { k: 'error'; text: string } {
    const rep = new Reporter(langMessages);
    rep.report(code, { file: this.#name, line, col });
    return { k: 'error', text: this.#format(rep.diagnostics) };
  }

  #format(diagnostics: readonly Diagnostic[]): string {
    const seen = new Set<string>();
    const unique = diagnostics.filter((d) => {
      const key = `${d.file}:${d.line}:${d.col}:${d.message}`;
      return !seen.has(key) && seen.add(key) !== undefined;
    });
    const lines = this.#shown.split('\n');
    return formatDiagnostics(unique, {
      getLine: (file, n) => (file === this.#name ? lines[n - 1] : undefined),
    });
  }
}

/** mapDiagnostic moves a position in the generated program back to the line as typed. */
function mapDiagnostic(d: Diagnostic, name: string, topLines: number, headLen: number): Diagnostic {
  if (d.file !== name) return d;
  const runStart = 2 + topLines;
  if (d.line >= 2 && d.line < runStart) return { ...d, line: d.line - 1 };
  if (d.line === runStart) return { ...d, line: 1, col: Math.max(1, d.col - headLen) };
  return { ...d, line: Math.max(1, d.line - runStart + 1) };
}

/** captureValue makes the line's expression statement store its value (or, for arrays and functions, its address) in __repl_value; it returns the expression's type. */
function captureValue(program: Program): CType | undefined {
  const main = program.funcs.find((f) => f.name === 'main' && f.body !== undefined);
  const slot = program.globals.find((g) => g.name === VALUE);
  const body = main?.body;
  if (body?.k !== 'block' || slot === undefined) return undefined;
  const first = body.items[0];
  if (first?.k !== 'expr' || first.e.ty.k === 'void') return undefined;
  // A bare array or function name decays to a pointer; print what it names, as gdb does.
  const f = first.e;
  const e = f.k === 'addr' && (f.e.ty.k === 'array' || f.e.ty.k === 'func') ? f.e : f;
  const byAddress = e.ty.k === 'array' || e.ty.k === 'func' || sizeOf(e.ty) > VALUE_SIZE;
  const r: TExpr = byAddress ? { k: 'addr', ty: ptrTo(e.ty), line: e.line, e } : e;
  const lv: TExpr = { k: 'global', ty: r.ty, line: e.line, g: slot };
  body.items[0] = { ...first, e: { k: 'assign', ty: r.ty, line: e.line, lv, r } };
  return e.ty;
}

/** isFunction tells whether a declarator declares a function (the name's nearest derivation is a parameter list). */
function isFunction(d: Declarator): boolean {
  let nearest: Declarator['k'] = 'name';
  for (let x: Declarator = d; x.k !== 'name'; x = x.d) nearest = x.k;
  return nearest === 'func';
}

function nameOf(d: Declarator): string | undefined {
  let x = d;
  while (x.k !== 'name') x = x.d;
  return x.name;
}

/** labelOf is how the value of an expression statement is introduced: the assigned lvalue, or the expression as typed. */
function labelOf(stmt: Extract<Stmt, { k: 'expr' }>, src: string): string {
  const text = src.trim().replace(/;$/, '').trim();
  const e: Expr | undefined = stmt.e;
  if (e?.k === 'assign') {
    const eq = text.indexOf(e.op);
    if (eq > 0) return text.slice(0, eq).trim();
  }
  return text;
}

/** unsizedArray tells whether a declarator declares an array whose size comes from its initializer (`x[]`). */
function unsizedArray(d: Declarator): boolean {
  let nearest: Declarator | undefined;
  for (let x: Declarator = d; x.k !== 'name'; x = x.d) nearest = x;
  return nearest?.k === 'array' && nearest.size === undefined;
}
