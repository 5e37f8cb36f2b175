// The preprocessor's driver: reads the main file and its includes line by line, runs the
// directives and conditional groups, expands macros in the text lines through the Expander,
// and writes the output text with a line map back to the student's files.
import type { Diagnostic, IncludeSite } from '../diagnostics';
import { Reporter } from '../diagnostics';
import { SYSTEM_HEADER_DIR, systemHeader } from '../headers';
import { macroFromText, parseDefine, sameDefinition } from './define';
import { evaluateExpression, isProblem, replaceDefined } from './expr';
import type { LexedFile } from './lexer';
import { lex } from './lexer';
import { FileCursor } from './cursor';
import type { Macro } from './macro';
import { Expander } from './macro';
import type { PreprocessCode } from './messages';
import { PREPROCESS_MESSAGES } from './messages';
import type { LineOrigin } from './output';
import { Output } from './output';
import { dirname, includeTarget, joinPath } from './includePath';
import { predefinedMacros } from './predefined';
import type { Token } from './token';
import { isPunct, spell } from './token';

/** PreprocessInput is the main file, how to read the student's other files, and extra `-D` style macros. */
export interface PreprocessInput {
  readonly path: string;
  readonly text: string;
  /**
   * readFile returns a student file's text by its resolved path, or undefined if there is none.
   * `#include "x.h"` in `dir/main.c` asks for `dir/x.h`: POSIX paths, `.` and `..` folded, no
   * leading `./`, absolute when the including path is. A header it does not have is then looked
   * up among the system headers, as gcc's search order does; `#include <x.h>` only looks there.
   */
  readonly readFile: (path: string) => string | undefined;
  /** defines maps a name (or `NAME(params)`) to its replacement text, like gcc's `-DNAME=value` (gcc's bare `-DNAME` is `'1'`). */
  readonly defines?: Readonly<Record<string, string>>;
}

/** PreprocessResult is the expanded code, where each output line came from (index = output line - 1), and the diagnostics. */
export interface PreprocessResult {
  readonly code: string;
  readonly lineMap: LineOrigin[];
  readonly diagnostics: Diagnostic[];
}

/** MAX_INCLUDE_DEPTH is gcc's default `-fmax-include-depth`. */
export const MAX_INCLUDE_DEPTH = 200;
/** MAX_TOKENS bounds the tokens one run may read and produce, so no input runs for long. */
export const MAX_TOKENS = 500_000;

// System headers never change, and tokens are never mutated, so their lexing is shared by all runs.
const SYSTEM_LEXED = new Map<string, LexedFile>();

interface Conditional {
  readonly directive: string;
  readonly at: Token;
  active: boolean;
  taken: boolean;
  seenElse: boolean;
  readonly parentActive: boolean;
}

/** preprocess runs the C preprocessor over a program; it never throws and always returns, whatever the input. */
export function preprocess(input: PreprocessInput): PreprocessResult {
  return new Preprocessor(input).run();
}

class Preprocessor {
  readonly #input: PreprocessInput;
  readonly #reporter = new Reporter(PREPROCESS_MESSAGES);
  readonly #macros = new Map<string, Macro>();
  readonly #out = new Output();
  readonly #expander: Expander;
  readonly #once = new Set<string>();
  readonly #lexed = new Map<string, LexedFile>();
  readonly #systemFiles = new Set<string>();
  #budget = MAX_TOKENS;
  // The include chain of the file being read (innermost first) and the stack of files being read.
  #chain: readonly IncludeSite[] = [];
  readonly #currentFile: string[] = [];
  #stopped = false;

  constructor(input: PreprocessInput) {
    this.#input = input;
    this.#expander = new Expander({
      macros: this.#macros,
      problem: (code, at, args, macro) => {
        this.#report(code, at, args);
        if (macro !== undefined)
          this.#report(
            'pp-macro-defined-here',
            { file: macro.file, line: macro.line, col: 0 },
            { name: macro.name },
          );
      },
      dynamicValue: (kind, at) => {
        const where = this.#out.presumed(at.line);
        const text = kind === '__LINE__' ? String(where.line) : JSON.stringify(where.file);
        return { ...at, kind: kind === '__LINE__' ? 'number' : 'string', text, fromMacro: true };
      },
      spend: (count, at) => this.#spend(count, at),
    });
  }

  run(): PreprocessResult {
    for (const macro of predefinedMacros()) this.#macros.set(macro.name, macro);
    for (const [name, value] of Object.entries(this.#input.defines ?? {})) {
      const macro = macroFromText('<command-line>', name, value);
      if (macro !== undefined) this.#macros.set(macro.name, macro);
    }
    try {
      this.#processFile(this.#input.path, this.#input.text, 0);
    } catch (e) {
      // The explicit limits (MAX_TOKENS, MAX_INCLUDE_DEPTH, the nesting limits) should stop any
      // input first; a RangeError (stack or string size) still means "input too big", not a crash.
      if (!(e instanceof RangeError)) throw e;
      this.#report('pp-too-complex', { file: this.#input.path, line: 1, col: 0 }, undefined, true);
    }
    return { ...this.#out.finish(), diagnostics: this.#reporter.diagnostics };
  }

  #report(
    code: PreprocessCode,
    at: { file: string; line: number; col: number; text?: string },
    args?: Record<string, string | number>,
    fatal = false,
  ): void {
    const entry = PREPROCESS_MESSAGES[code];
    if (entry.severity === 'warning' && this.#systemFiles.has(at.file)) return; // gcc hides warnings in system headers
    const length = at.text === undefined ? undefined : Math.max(1, at.text.length);
    const inCurrent = at.file === (this.#currentFile.at(-1) ?? this.#input.path);
    this.#reporter.report(
      code,
      { file: at.file, line: at.line, col: at.col, ...(length === undefined ? {} : { length }) },
      { ...(args === undefined ? {} : { args }), fatal, ...(inCurrent ? { includedFrom: this.#chain } : {}) },
    );
  }

  #spend(count: number, at: Token): boolean {
    if (this.#budget <= 0) return false;
    this.#budget -= count;
    if (this.#budget > 0) return true;
    this.#report('pp-expansion-limit', at, { limit: MAX_TOKENS }, true);
    this.#stopped = true;
    return false;
  }

  #processFile(path: string, text: string, depth: number): void {
    const cache = this.#systemFiles.has(path) ? SYSTEM_LEXED : this.#lexed;
    let lexed = cache.get(path);
    if (lexed === undefined) cache.set(path, (lexed = lex(path, text)));
    for (const p of lexed.problems)
      this.#report('pp-unterminated-comment', { file: path, line: p.line, col: p.col, text: '/*' });
    if (!this.#spend(lexed.tokens.length, lexed.tokens[0] ?? ({ file: path, line: 1, col: 0 } as Token)))
      return;
    const leave = this.#out.enterFile(path, this.#chain);
    const tokens = lexed.tokens;
    const stack: Conditional[] = [];
    const cursor = new FileCursor(tokens);
    while (cursor.pos < tokens.length && !this.#stopped) {
      const t = tokens[cursor.pos]!;
      if (t.kind === 'newline') {
        cursor.pos++;
      } else if (t.bol && isPunct(t, '#')) {
        const { line, eol } = cursor.directiveLine(t);
        this.#out.reachLine(t.line);
        this.#directive(t, line, eol, stack, depth, path);
      } else if (stack.length > 0 && !stack[stack.length - 1]!.active) {
        cursor.skipLine();
      } else {
        this.#expander.expandStream(cursor, (tok) => this.#emit(tok));
      }
    }
    if (!this.#stopped) {
      for (const c of stack)
        this.#report(
          'pp-unterminated-conditional',
          { file: c.at.file, line: c.at.line, col: 0 },
          { directive: c.directive },
        );
      this.#out.reachLine(lexed.lineCount);
    }
    leave();
  }

  #emit(t: Token): void {
    if (t.unterminated === true) {
      this.#report('pp-missing-terminator', t, {
        quote: t.text.includes('"') && !t.text.startsWith("'") ? '"' : "'",
      });
    }
    this.#out.write(t);
  }

  #directive(
    hash: Token,
    line: Token[],
    eol: Token,
    stack: Conditional[],
    depth: number,
    path: string,
  ): void {
    const name = line[0];
    const rest = line.slice(1);
    const top = stack[stack.length - 1];
    const skipping = top !== undefined && !top.active;
    if (name === undefined) return; // the null directive
    const word = name.kind === 'ident' || name.kind === 'number' ? name.text : '';
    switch (word) {
      case 'if':
      case 'ifdef':
      case 'ifndef': {
        const live = !skipping && this.#condition(word, name, rest, eol);
        stack.push({
          directive: word,
          at: hash,
          active: live,
          taken: live,
          seenElse: false,
          parentActive: !skipping,
        });
        return;
      }
      case 'elif':
      case 'else': {
        if (top === undefined) return this.#report('pp-without-if', name, { directive: word });
        if (top.seenElse) {
          this.#report('pp-after-else', name, { directive: word });
          this.#report('pp-conditional-began-here', { file: top.at.file, line: top.at.line, col: 0 });
        }
        if (word === 'else') {
          top.seenElse = true;
          if (rest.length > 0 && top.parentActive)
            this.#report('pp-extra-tokens', rest[0]!, { directive: word });
          top.active = top.parentActive && !top.taken;
        } else top.active = top.parentActive && !top.taken && this.#condition('elif', name, rest, eol);
        top.taken ||= top.active;
        return;
      }
      case 'endif':
        if (top === undefined) return this.#report('pp-without-if', name, { directive: word });
        if (rest.length > 0 && top.parentActive)
          this.#report('pp-extra-tokens', rest[0]!, { directive: word });
        stack.pop();
        return;
    }
    if (skipping) return;
    switch (word) {
      case 'define':
        return this.#define(rest, eol);
      case 'undef':
        return this.#undef(rest, eol);
      case 'include':
      case 'include_next':
        return this.#include(name, rest, eol, depth, path);
      case 'error':
      case 'warning':
        return this.#report(word === 'error' ? 'pp-error-directive' : 'pp-warning-directive', name, {
          text: spell(rest),
        });
      case 'line':
        return this.#line(hash, rest, eol);
      case 'pragma':
        if (rest[0]?.text === 'once') this.#once.add(path);
        return; // other pragmas are ignored, as gcc does without -Wunknown-pragmas
      case 'ident':
      case 'sccs':
        return;
    }
    if (name.kind === 'number') return; // `# 33 "file"` linemarkers from gcc -E output: accepted and ignored
    this.#report('pp-invalid-directive', name, { name: name.text });
  }

  #condition(directive: string, name: Token, rest: Token[], eol: Token): boolean {
    if (directive !== 'if' && directive !== 'elif') {
      const id = rest[0];
      if (id === undefined) {
        this.#report('pp-no-macro-name', eol, { directive });
        return false;
      }
      if (id.kind !== 'ident') {
        this.#report('pp-macro-name-not-identifier', id);
        return false;
      }
      if (rest.length > 1) this.#report('pp-extra-tokens', rest[1]!, { directive });
      return this.#macros.has(id.text) === (directive === 'ifdef');
    }
    if (rest.length === 0) {
      this.#report('pp-if-no-expression', eol, { directive });
      return false;
    }
    const replaced = replaceDefined(rest, eol, (name) => this.#macros.has(name));
    if (isProblem(replaced)) {
      this.#report(replaced.code, replaced.at ?? eol, replaced.args);
      return false;
    }
    const expanded = this.#expander.expandList(replaced);
    const warnings: Token[] = [];
    const result = evaluateExpression(expanded, eol, warnings);
    for (const w of warnings) this.#report('pp-if-too-large', w);
    if (!isProblem(result)) return result.v !== 0n;
    this.#report(result.code, result.at ?? eol, result.args);
    return false;
  }

  #define(rest: Token[], eol: Token): void {
    const { macro, problems } = parseDefine(rest, eol);
    for (const p of problems) this.#report(p.code, p.at ?? eol, p.args);
    if (macro === undefined) return;
    const old = this.#macros.get(macro.name);
    if (old !== undefined && !sameDefinition(old, macro)) {
      this.#report(
        'pp-macro-redefined',
        { file: macro.file, line: macro.line, col: 0 },
        { name: macro.name },
      );
      if (old.line > 0) this.#report('pp-previous-definition', { file: old.file, line: old.line, col: 0 });
    }
    this.#macros.set(macro.name, macro);
  }

  #undef(rest: Token[], eol: Token): void {
    const id = rest[0];
    if (id === undefined) return this.#report('pp-no-macro-name', eol, { directive: 'undef' });
    if (id.kind !== 'ident') return this.#report('pp-macro-name-not-identifier', id);
    if (id.text === 'defined') return this.#report('pp-defined-as-macro-name', id);
    if (rest.length > 1) this.#report('pp-extra-tokens', rest[1]!, { directive: 'undef' });
    if (this.#macros.get(id.text)?.file === '<built-in>')
      this.#report('pp-undefining-builtin', id, { name: id.text });
    this.#macros.delete(id.text);
  }

  #line(hash: Token, rest: Token[], eol: Token): void {
    const tokens = this.#expander.expandList(rest);
    const num = tokens[0];
    if (num === undefined || num.kind !== 'number' || !/^\d+$/.test(num.text) || Number(num.text) === 0) {
      return this.#report('pp-line-not-positive', num ?? eol, { token: num?.text ?? '' });
    }
    const file = tokens[1];
    if (file !== undefined && (file.kind !== 'string' || !file.text.startsWith('"'))) {
      return this.#report('pp-line-bad-file', file, { token: file.text });
    }
    this.#out.setPresumed(
      hash.line,
      Number(num.text),
      file === undefined ? undefined : parseStringLiteral(file.text),
    );
  }

  #include(name: Token, rest: Token[], eol: Token, depth: number, path: string): void {
    const { header, angled, at: target } = includeTarget(rest, (tokens) => this.#expander.expandList(tokens));
    if (header === undefined || header === '') {
      return this.#report('pp-include-expects-name', target ?? eol, undefined, false);
    }
    if (depth + 1 >= MAX_INCLUDE_DEPTH) {
      this.#report('pp-include-too-deep', name, { depth: depth + 1, max: MAX_INCLUDE_DEPTH }, true);
      this.#stopped = true;
      return;
    }
    const found = this.#resolve(header, angled, path);
    if (found === undefined) {
      this.#report('pp-include-not-found', target ?? name, { name: header }, true);
      this.#stopped = true;
      return;
    }
    if (this.#once.has(found.path)) return;
    const outer = this.#chain;
    this.#chain = [this.#out.presumed(name.line), ...outer].map((o) => ({ file: o.file, line: o.line }));
    this.#currentFile.push(found.path);
    this.#processFile(found.path, found.text, depth + 1);
    this.#currentFile.pop();
    this.#chain = outer;
  }

  #resolve(header: string, angled: boolean, from: string): { path: string; text: string } | undefined {
    if (!angled && !this.#systemFiles.has(from)) {
      const path = joinPath(dirname(from), header);
      let text: string | undefined;
      try {
        text = this.#input.readFile(path);
      } catch {
        text = undefined; // a failing reader is the same as a missing file
      }
      if (typeof text === 'string') return { path, text };
    }
    const text = systemHeader(header);
    if (text === undefined) return undefined;
    const path = `${SYSTEM_HEADER_DIR}/${header}`;
    this.#systemFiles.add(path);
    return { path, text };
  }
}

function parseStringLiteral(text: string): string {
  return text.slice(1, -1).replace(/\\(.)/g, '$1');
}
