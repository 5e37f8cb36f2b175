// Macro expansion after Dave Prosser's algorithm (the one C99 6.10.3 was written from): every
// token carries a hide set of the macros it came out of, so expansion always ends, `#`
// stringizes, `##` pastes through placemarkers, and arguments are expanded on their own.
import { lex } from './lexer';
import type { Token } from './token';
import { isPunct, stringize } from './token';

/** Macro is one `#define`: `params` is null for an object-like macro. */
export interface Macro {
  readonly name: string;
  readonly params: readonly string[] | null;
  readonly variadic: boolean;
  readonly body: readonly Token[];
  readonly file: string;
  readonly line: number;
  /** A predefined macro whose value depends on where it is used. */
  readonly dynamic?: '__FILE__' | '__LINE__';
}

/** TokenSource is where expansion reads tokens that follow a macro name (for its arguments). */
export interface TokenSource {
  /** next returns the next token, crossing line ends when `acrossLines`, or undefined at the end. */
  next(acrossLines: boolean): Token | undefined;
  /** peekParen tells whether the next token (across line ends, not into a directive) is `(`. */
  peekParen(): boolean;
}

/** ExpansionHost is what the expander needs from the preprocessor around it. */
export interface ExpansionHost {
  readonly macros: ReadonlyMap<string, Macro>;
  /** problem reports a diagnostic at a token. */
  problem(
    code:
      | 'pp-too-many-arguments'
      | 'pp-too-few-arguments'
      | 'pp-unterminated-arguments'
      | 'pp-paste-invalid'
      | 'pp-too-deep',
    at: Token,
    args: Record<string, string | number>,
    macro?: Macro,
  ): void;
  /** dynamicValue gives the token a `__FILE__` or `__LINE__` expands to at `at`. */
  dynamicValue(kind: '__FILE__' | '__LINE__', at: Token): Token;
  /** spend counts produced tokens against the budget; false means stop expanding and drop the rest. */
  spend(count: number, at: Token): boolean;
}

const EMPTY_LIST: readonly Token[] = [];

/** MAX_MACRO_NESTING bounds how many macros one token may have come out of (its hide set). */
export const MAX_MACRO_NESTING = 1000;

/** MAX_ARGUMENT_DEPTH bounds how deeply macro calls may nest inside macro arguments. */
export const MAX_ARGUMENT_DEPTH = 200;

/** Call is a function-like invocation's arguments, its `)` and whether the variable arguments were left out. */
interface Call {
  readonly args: Token[][];
  readonly rparen: Token;
  readonly vaOmitted: boolean;
}

/** Expander replaces macro invocations in a token stream by their expansions. */
export class Expander {
  readonly #host: ExpansionHost;
  #depth = 0;
  #tooDeep = false;

  /** Expander's constructor binds it to the macro table and reporting of one preprocess run. */
  constructor(host: ExpansionHost) {
    this.#host = host;
  }

  /** expandList fully expands a self-contained token list (a macro argument, an `#if` line). */
  expandList(tokens: readonly Token[]): Token[] {
    if (this.#depth >= MAX_ARGUMENT_DEPTH) {
      if (tokens[0] !== undefined && !this.#tooDeep)
        this.#host.problem('pp-too-deep', tokens[0], { limit: MAX_ARGUMENT_DEPTH });
      this.#tooDeep = true;
      return [...tokens];
    }
    this.#depth++;
    try {
      return this.#expandListAt(tokens);
    } finally {
      this.#depth--;
    }
  }

  #expandListAt(tokens: readonly Token[]): Token[] {
    let i = 0;
    const source: TokenSource = {
      next: () => tokens[i++],
      peekParen: () => isPunct(tokens[i], '('),
    };
    const out: Token[] = [];
    this.expandStream(source, (t) => out.push(t));
    return out;
  }

  /** expandStream expands tokens from `source` until it runs dry, handing each final token to `emit`. */
  expandStream(source: TokenSource, emit: (t: Token) => void): void {
    const pending: Token[] = []; // next token last
    const take = (across: boolean): Token | undefined => pending.pop() ?? source.next(across);
    const nextIsParen = (): boolean =>
      pending.length > 0 ? isPunct(pending[pending.length - 1], '(') : source.peekParen();
    for (let t = take(false); t !== undefined; t = take(false)) {
      const macro = t.kind === 'ident' && t.noExpand !== true ? this.#host.macros.get(t.text) : undefined;
      if (macro === undefined) {
        emit(t);
        continue;
      }
      if (t.hide?.has(t.text) === true) {
        emit({ ...t, noExpand: true });
        continue;
      }
      if ((t.hide?.size ?? 0) >= MAX_MACRO_NESTING) {
        // Each hide set is a copy one name longer than its parent's, so a chain of thousands
        // of macros would need quadratic memory; no real program nests macros this deep.
        if (!this.#tooDeep) this.#host.problem('pp-too-deep', t, { limit: MAX_MACRO_NESTING });
        this.#tooDeep = true;
        emit({ ...t, noExpand: true });
        continue;
      }
      if (macro.dynamic !== undefined) {
        emit(this.#host.dynamicValue(macro.dynamic, t));
        continue;
      }
      let body: Token[];
      if (macro.params === null) {
        body = this.#substitute(macro, [], withName(t.hide, t.text), t);
      } else {
        if (!nextIsParen()) {
          emit(t);
          continue;
        }
        take(true);
        const call = this.#collectArguments(macro, t, () => take(true));
        if (call === undefined) {
          emit({ ...t, noExpand: true });
          continue;
        }
        const hide = withName(intersect(t.hide, call.rparen.hide), t.text);
        body = this.#substitute(macro, call.args, hide, t, call.vaOmitted);
      }
      if (!this.#host.spend(body.length, t)) return; // over budget: the run is being stopped
      for (let k = body.length - 1; k >= 0; k--) pending.push(body[k]!);
    }
  }

  /** #collectArguments reads `a, b, ...)` after the `(` and checks the count against the macro. */
  #collectArguments(macro: Macro, name: Token, take: () => Token | undefined): Call | undefined {
    const args: Token[][] = [[]];
    let depth = 0;
    for (;;) {
      const t = take();
      if (t === undefined) {
        this.#host.problem('pp-unterminated-arguments', name, { name: macro.name });
        return undefined;
      }
      if (t.kind === 'newline') continue;
      if (isPunct(t, '(')) depth++;
      else if (isPunct(t, ')')) {
        if (depth === 0) return this.#checkCount(macro, name, args, t);
        depth--;
      } else if (isPunct(t, ',') && depth === 0 && !(macro.variadic && args.length >= macro.params!.length)) {
        args.push([]);
        continue;
      }
      const arg = args[args.length - 1]!;
      arg.push(arg.length === 0 ? { ...t, space: false } : t);
    }
  }

  #checkCount(macro: Macro, name: Token, args: Token[][], rparen: Token): Call | undefined {
    const params = macro.params!;
    const fixed = params.length - (macro.variadic ? 1 : 0);
    if (params.length === 0 && args.length === 1 && args[0]!.length === 0)
      return { args: [], rparen, vaOmitted: false };
    const vaOmitted = macro.variadic && args.length === fixed;
    if (vaOmitted) args.push([]);
    if (args.length > params.length) {
      this.#host.problem(
        'pp-too-many-arguments',
        rparen,
        { name: macro.name, given: args.length, takes: params.length },
        macro,
      );
      return undefined;
    }
    if (args.length < params.length) {
      this.#host.problem(
        'pp-too-few-arguments',
        rparen,
        { name: macro.name, given: args.length, takes: params.length },
        macro,
      );
      return undefined;
    }
    return { args, rparen, vaOmitted };
  }

  /** #substitute builds a macro's replacement for one invocation (Prosser's `subst`). */
  #substitute(
    macro: Macro,
    args: readonly Token[][],
    hide: ReadonlySet<string>,
    at: Token,
    vaOmitted = false,
  ): Token[] {
    const body = macro.body;
    const params = macro.params ?? [];
    const paramIndex = (t: Token | undefined): number =>
      t !== undefined && t.kind === 'ident' ? params.indexOf(t.text) : -1;
    const expanded = new Map<number, Token[]>();
    const out: Token[] = [];
    for (let i = 0; i < body.length; i++) {
      const b = body[i]!;
      if (macro.params !== null && isPunct(b, '#') && paramIndex(body[i + 1]) >= 0) {
        const arg = args[paramIndex(body[i + 1])] ?? EMPTY_LIST;
        out.push({ ...b, kind: 'string', text: stringize(arg) });
        i++;
      } else if (isPunct(b, '##') && i + 1 < body.length) {
        const next = body[++i]!;
        const p = paramIndex(next);
        if (p < 0) this.#paste(out, next);
        else {
          const arg = args[p] ?? EMPTY_LIST;
          const left = out[out.length - 1];
          if (next.text === '__VA_ARGS__' && macro.variadic && isPunct(left, ',')) {
            // GNU `, ## __VA_ARGS__`: the comma goes when the variable arguments are left out, else nothing is pasted.
            if (vaOmitted) out.pop();
            else out.push(...arg);
          } else if (arg.length === 0) this.#paste(out, placemarker(b));
          else {
            this.#paste(out, arg[0]!);
            out.push(...arg.slice(1));
          }
        }
      } else if (paramIndex(b) >= 0) {
        const p = paramIndex(b);
        const arg = args[p] ?? EMPTY_LIST;
        if (isPunct(body[i + 1], '##')) out.push(...(arg.length === 0 ? [placemarker(b)] : arg));
        else {
          let e = expanded.get(p);
          if (e === undefined) expanded.set(p, (e = this.expandList(arg)));
          e.forEach((t, k) => out.push(k === 0 ? { ...t, space: b.space } : t));
        }
      } else out.push(b);
    }
    const result: Token[] = [];
    for (const t of out) {
      if (t.placemarker === true) continue;
      result.push({
        ...t,
        file: at.file,
        line: at.line,
        col: at.col,
        bol: false,
        space: result.length === 0 ? at.space : t.space,
        hide: union(t.hide, hide),
        fromMacro: true,
      });
    }
    return result;
  }

  /** #paste glues `right` onto the last token of `out` (the `##` operator). */
  #paste(out: Token[], right: Token): void {
    const left = out.pop();
    if (left === undefined || left.placemarker === true) {
      out.push(right);
      return;
    }
    if (right.placemarker === true) {
      out.push(left);
      return;
    }
    const glued = lex(left.file, left.text + right.text).tokens;
    if (glued.length === 1 && glued[0]!.kind !== 'newline') {
      out.push({ ...left, kind: glued[0]!.kind, text: glued[0]!.text, noExpand: false });
    } else {
      this.#host.problem('pp-paste-invalid', left, { left: left.text, right: right.text });
      out.push(left, { ...right, space: false });
    }
  }
}

function placemarker(at: Token): Token {
  return { ...at, kind: 'other', text: '', placemarker: true };
}

// Hide sets are shared and never changed; adding a name to one is memoized, so a deep
// expansion does not copy its hide set at every step.
const EMPTY_HIDE: ReadonlySet<string> = new Set();
const withNameMemo = new WeakMap<ReadonlySet<string>, Map<string, ReadonlySet<string>>>();

function withName(hide: ReadonlySet<string> | undefined, name: string): ReadonlySet<string> {
  const base = hide ?? EMPTY_HIDE;
  if (base.has(name)) return base;
  let byName = withNameMemo.get(base);
  if (byName === undefined) withNameMemo.set(base, (byName = new Map()));
  let next = byName.get(name);
  if (next === undefined) {
    const s = new Set(base);
    s.add(name);
    byName.set(name, (next = s));
  }
  return next;
}

function intersect(
  a: ReadonlySet<string> | undefined,
  b: ReadonlySet<string> | undefined,
): ReadonlySet<string> {
  if (a === undefined || b === undefined) return new Set();
  return new Set([...a].filter((x) => b.has(x)));
}

function union(a: ReadonlySet<string> | undefined, b: ReadonlySet<string>): ReadonlySet<string> {
  if (a === undefined || a.size === 0 || a === b) return b;
  let s = b;
  for (const x of a) s = withName(s, x);
  return s;
}
