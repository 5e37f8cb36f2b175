import { describe, expect, it } from 'vitest';
import type { PreprocessResult } from './index';
import { MAX_INCLUDE_DEPTH, preprocess } from './index';

/** run preprocesses `main.c` with the other student files given. */
function run(
  text: string,
  files: Record<string, string> = {},
  defines?: Record<string, string>,
): PreprocessResult {
  return preprocess({
    path: 'main.c',
    text,
    readFile: (p) => (Object.hasOwn(files, p) ? files[p] : undefined),
    ...(defines === undefined ? {} : { defines }),
  });
}

const lines = (r: PreprocessResult): string[] => r.code.split('\n').slice(0, -1);
const codes = (r: PreprocessResult): string[] => r.diagnostics.map((d) => d.code);
const words = (r: PreprocessResult): string => r.code.split(/\s+/).filter(Boolean).join(' ');

describe('preprocess', () => {
  it('keeps one output line per source line when directives, comments and splices take lines', () => {
    const r = run('#define N 4\n/* a\n b */ int a[N];\nint \\\nb;\n#if 0\nskipped\n#endif\nint c; // x\n');
    expect(lines(r)).toEqual(['', '', '      int a[4];', 'int', 'b;', '', '', '', 'int c;']);
    expect(r.lineMap.map((o) => o.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(r.diagnostics).toEqual([]);
  });

  it('puts source tokens at their own columns when a macro expansion is shorter', () => {
    const r = run('#define LONGNAME 1\nint x = LONGNAME + y;\n');
    const line = lines(r)[1]!;
    expect(line.indexOf('y')).toBe('int x = LONGNAME + y;'.indexOf('y'));
  });

  it('shifts the rest of the line right by the excess when a macro expansion is longer', () => {
    const r = run('#define S(x) ((x) * (x))\nint y = S(a) + b;\n');
    expect(lines(r)[1]).toBe('int y = ((a) * (a)) + b;');
  });

  it('maps included lines to their own file and line when a student header is included', () => {
    const r = run('#include "net/util.h"\nint main;\n', {
      'net/util.h': '#pragma once\nint helper(void);\n',
    });
    expect(r.lineMap).toEqual([
      { file: 'main.c', line: 1 },
      { file: 'net/util.h', line: 1, includedFrom: [{ file: 'main.c', line: 1 }] },
      { file: 'net/util.h', line: 2, includedFrom: [{ file: 'main.c', line: 1 }] },
      { file: 'main.c', line: 2 },
    ]);
    expect(lines(r)).toEqual(['', '', 'int helper(void);', 'int main;']);
  });

  it('maps system header lines under /usr/include when a program includes one', () => {
    const r = run('#include <stdbool.h>\nbool ok = true;\n');
    expect(r.lineMap[1]).toEqual({
      file: '/usr/include/stdbool.h',
      line: 1,
      includedFrom: [{ file: 'main.c', line: 1 }],
    });
    expect(r.lineMap.at(-1)).toEqual({ file: 'main.c', line: 2 });
    expect(lines(r).at(-1)).toBe('_Bool ok = 1  ;');
  });

  it('resolves quoted includes relative to the including file when headers include headers', () => {
    const files = { 'src/a.h': '#include "../inc/b.h"\nint a;\n', 'inc/b.h': 'int b;\n' };
    const r = preprocess({
      path: 'src/main.c',
      text: '#include "a.h"\n',
      readFile: (p) => files[p as keyof typeof files],
    });
    expect(words(r)).toBe('int b; int a;');
    expect(r.diagnostics).toEqual([]);
  });

  it('includes a file once when it has an include guard or #pragma once', () => {
    const files = {
      'g.h': '#ifndef G_H\n#define G_H\nint g;\n#endif\n',
      'o.h': '#pragma once\nint o;\n',
    };
    const r = run('#include "g.h"\n#include "o.h"\n#include "g.h"\n#include "o.h"\n', files);
    expect(words(r)).toBe('int g; int o;');
  });

  it('stops with a fatal diagnostic when includes nest without a guard', () => {
    const r = run('#include "self.h"\n', { 'self.h': '#include "self.h"\n' });
    expect(codes(r)).toEqual(['pp-include-too-deep']);
    expect(r.diagnostics[0]).toMatchObject({
      fatal: true,
      message: `#include nested depth ${MAX_INCLUDE_DEPTH} exceeds maximum of ${MAX_INCLUDE_DEPTH}`,
    });
  });

  it('reports a fatal error at the name when an include is not found', () => {
    const r = run('int a;\n#include "nope.h"\nint b;\n');
    expect(r.diagnostics).toEqual([
      expect.objectContaining({
        code: 'pp-include-not-found',
        line: 2,
        col: 10,
        length: 8,
        fatal: true,
        message: 'nope.h: No such file or directory',
      }),
    ]);
    expect(words(r)).toBe('int a;');
  });

  it('finds a system header for a quoted include when no student file has that name', () => {
    const r = run('#include "stdlib.h"\nint x = EXIT_FAILURE;\n');
    expect(r.diagnostics).toEqual([]);
    expect(lines(r).at(-1)).toBe('int x = 1           ;');
  });

  it('treats a throwing readFile as a missing file when resolving an include', () => {
    const r = preprocess({ path: 'm.c', text: '#include "x.h"\n', readFile: () => { throw new Error('disk on fire'); } }); // prettier-ignore
    expect(codes(r)).toEqual(['pp-include-not-found']);
  });

  it('picks the right group when #if, #elif and #else nest', () => {
    const text = '#if 0\nA\n#elif 1\n#ifdef X\nB\n#else\nC\n#endif\n#elif 1\nD\n#else\nE\n#endif\n';
    expect(words(run(text))).toBe('C');
    expect(words(run(text, {}, { X: '' }))).toBe('B');
  });

  it('does not evaluate or check directives when their group is skipped', () => {
    const r = run('#if 0\n#if 1/0\n#endif\n#error no\n#include <nothing.h>\n#bogus\n#endif\nok\n');
    expect(r.diagnostics).toEqual([]);
    expect(words(r)).toBe('ok');
  });

  it('reports where the conditional began when #else follows #else', () => {
    const r = run('#if 1\n#else\n#else\n#endif\n');
    expect(codes(r)).toEqual(['pp-after-else', 'pp-conditional-began-here']);
  });

  it('reports unterminated and unmatched conditionals when the groups do not balance', () => {
    expect(codes(run('#ifdef A\n#if 1\n'))).toEqual([
      'pp-unterminated-conditional',
      'pp-unterminated-conditional',
    ]);
    expect(codes(run('#endif\n#else\n#elif 1\n'))).toEqual([
      'pp-without-if',
      'pp-without-if',
      'pp-without-if',
    ]);
  });

  it('expands __FILE__ and __LINE__ where they are used when #line renumbers', () => {
    const r = run(
      '#define HERE __LINE__\nint a = HERE;\n#line 100 "renamed.c"\nconst char *f = __FILE__; int l = __LINE__;\n',
    );
    expect(lines(r)[1]).toBe('int a = 2   ;');
    expect(lines(r)[3]).toBe('const char *f = "renamed.c"; int l = 100  ;');
    expect(r.lineMap[3]).toEqual({ file: 'renamed.c', line: 100 });
  });

  it('defines the documented predefined macros when nothing else is defined', () => {
    const r = run(
      '__STDC__ __STDC_VERSION__ __x86_64__ __linux__ __LP64__ __CHAR_BIT__\n#ifdef __GNUC__\ngnu\n#endif\n',
    );
    expect(words(r)).toBe('1 199901L 1 1 1 8');
  });

  it('applies defines from the input when they include a function-like macro', () => {
    const r = run('PORT SQ(3)\n', {}, { PORT: '3490', 'SQ(x)': '((x)*(x))' });
    expect(words(r)).toBe('3490 ((3)*(3))');
  });

  it('warns with a note when a macro is redefined differently', () => {
    const r = run('#define A 1\n#define A 1\n#define A 2\n');
    expect(r.diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['pp-macro-redefined', 3],
      ['pp-previous-definition', 2],
    ]);
  });

  it('reports the argument count with the definition when a macro is called wrongly', () => {
    const r = run('#define J(x) x\nJ(1,2)\n#define K(a, b) a\nK(1)\n');
    expect(r.diagnostics.map((d) => d.message)).toEqual([
      'macro "J" passed 2 arguments, but takes just 1',
      'macro "J" defined here',
      'macro "K" requires 2 arguments, but only 1 given',
      'macro "K" defined here',
    ]);
  });

  it('reports an unterminated argument list when the file ends inside a call', () => {
    expect(codes(run('#define J(x) x\nJ(1,\n'))).toEqual(['pp-unterminated-arguments']);
  });

  it('reports #error and #warning with their text when they are reached', () => {
    const r = run('#warning check this\n#error stop  here\n');
    expect(r.diagnostics.map((d) => [d.severity, d.message, d.col])).toEqual([
      ['warning', '#warning check this', 2],
      ['error', '#error stop here', 2],
    ]);
  });

  it('reports bad #define lines when names, parameters or operators are misplaced', () => {
    const bad = [
      '#define',
      '#define 3 x',
      '#define defined 1',
      '#define F(a,a) a',
      '#define G(a',
      '#define H(a) #b',
      '#define I ## x',
      '#define L(a) a ##',
    ];
    const got = bad.map((line) => codes(run(line + '\n')));
    expect(got).toEqual([
      ['pp-no-macro-name'], ['pp-macro-name-not-identifier'], ['pp-defined-as-macro-name'], ['pp-duplicate-parameter'],
      ['pp-bad-parameter-list'], ['pp-stringify-not-parameter'], ['pp-paste-at-edge'], ['pp-paste-at-edge'],
    ]); // prettier-ignore
  });

  it('reports #if expression errors at the offending token when the expression is malformed', () => {
    const cases: [string, string, number][] = [
      ['#if 1/0', 'pp-if-division-by-zero', 6],
      ['#if 1 +', 'pp-if-no-right-operand', 8],
      ['#if (1', 'pp-if-missing-paren', 5],
      ['#if 2 x', 'pp-if-missing-operator', 7],
      ['#if "s"', 'pp-if-invalid-token', 5],
      ['#if 1 ? 2', 'pp-if-missing-colon', 10],
      ['#if 1.5', 'pp-if-float', 5],
      ['#if 12abc', 'pp-if-bad-suffix', 5],
      ['#if 99999999999999999999', 'pp-if-too-large', 5],
      ['#if', 'pp-if-no-expression', 4],
      ['#if defined(', 'pp-defined-needs-identifier', 13],
      ['#if defined(X', 'pp-defined-missing-paren', 14],
      ['#if ()', 'pp-if-empty-parens', 6],
      ['#if 1)', 'pp-if-missing-open-paren', 6],
    ];
    const got = cases.map(([text]) => run(`${text}\n#endif\n`).diagnostics.map((d) => [d.code, d.col]));
    expect(got).toEqual(cases.map(([, code, col]) => [[code, col]]));
  });

  it('reports invalid directives and extra tokens when directive lines are malformed', () => {
    const r = run('#foo\n#ifdef X Y\n#endif\n#undef\n#include\n#line 0\n# 12 "ignored"\n#\n');
    expect(codes(r)).toEqual([
      'pp-invalid-directive',
      'pp-extra-tokens',
      'pp-no-macro-name',
      'pp-include-expects-name',
      'pp-line-not-positive',
    ]);
  });

  it('accepts a computed include when a macro names the header', () => {
    const r = run('#define HDR <errno.h>\n#define Q "q.h"\n#include HDR\n#include Q\nint e = EINTR + q;\n', {
      'q.h': 'int q;\n',
    });
    expect(r.diagnostics).toEqual([]);
    expect(lines(r).at(-1)).toBe('int e = 4     + q;');
  });

  it('reports unterminated comments and literals when they run off the end', () => {
    expect(codes(run('int a; /* never closed\n'))).toEqual(['pp-unterminated-comment']);
    expect(codes(run("char c = 'x;\n"))).toEqual(['pp-missing-terminator']);
  });

  it('reports a nesting limit instead of overflowing the stack when input nests deeply', () => {
    const parens = run(`#if ${'('.repeat(50_000)}1${')'.repeat(50_000)}\n#endif\n`);
    const args = run(`#define f(x) x\n${'f('.repeat(5_000)}1${')'.repeat(5_000)}\n`);
    const chain = run(
      `${Array.from({ length: 3_000 }, (_, i) => `#define m${i} m${i + 1}`).join('\n')}\nm0\n`,
    );
    expect([parens, args, chain].map((r) => codes(r)[0])).toEqual([
      'pp-too-deep',
      'pp-too-deep',
      'pp-too-deep',
    ]);
  });

  it('reports an expansion limit instead of running on when macros grow exponentially', () => {
    const defs = Array.from({ length: 40 }, (_, i) => `#define m${i} m${i + 1} m${i + 1}`).join('\n');
    const r = run(`${defs}\nm0\n`);
    expect(codes(r)).toEqual(['pp-expansion-limit']);
  });
});
