import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lex } from './lexer';
import { preprocess } from './index';

// Macro expansion and #if evaluation compared token by token with `gcc -E -P` on this machine.
const dir = mkdtempSync(join(tmpdir(), 'socklab-pp-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** gccTokens preprocesses `text` with the real gcc and returns the token spellings. */
function gccTokens(text: string): string[] {
  const file = join(dir, 'case.c');
  writeFileSync(file, text);
  const out = execFileSync('gcc', ['-E', '-P', '-std=gnu99', '-w', '-undef', '-nostdinc', file], {
    encoding: 'utf8',
  });
  return tokens(out);
}

function tokens(text: string): string[] {
  return lex('x', text)
    .tokens.filter((t) => t.kind !== 'newline')
    .map((t) => t.text);
}

function ourTokens(text: string): string[] {
  const r = preprocess({ path: 'case.c', text, readFile: () => undefined });
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return tokens(r.code);
}

const CASES: Record<string, string> = {
  'C99 6.10.3.5 example 3 (rescanning and hide sets)': `#define x 3
#define f(a) f(x * (a))
#undef x
#define x 2
#define g f
#define z z[0]
#define h g(~
#define m(a) a(w)
#define w 0,1
#define t(a) a
#define p() int
#define q(x) x
#define r(x,y) x ## y
#define str(x) # x
f(y+1) + f(f(z)) % t(t(g)(0) + t)(1);
g(x+(3,4)-w) | h 5) & m
(f)^m(m);
p() i[q()] = { q(1), r(2,3), r(4,), r(,5), r(,) };
char c[2][6] = { str(hello), str() };
`,
  'C99 6.10.3.5 example 4 (stringizing and pasting)': `#define str(s) # s
#define xstr(s) str(s)
#define debug(s, t) printf("x" # s "= %d, x" # t "= %s", \\
 x ## s, x ## t)
#define INCFILE(n) vers ## n
#define glue(a, b) a ## b
#define xglue(a, b) glue(a, b)
#define HIGHLOW "hello"
#define LOW LOW ", world"
debug(1, 2);
fputs(str(strncmp("abc\\0d", "abc", '\\4') // this goes away
 == 0) str(: @\\n), s);
xstr(INCFILE(2).h)
glue(HIGH, LOW);
xglue(HIGH, LOW)
`,
  'C99 6.10.3.5 example 5 (placemarkers)': `#define t(x,y,z) x ## y ## z
int j[] = { t(1,2,3), t(,4,5), t(6,,7), t(8,9,),
 t(10,,), t(,11,), t(,,12), t(,,) };
`,
  'C99 6.10.3.5 example 7 (variadic macros)': `#define debug(...) fprintf(stderr, __VA_ARGS__)
#define showlist(...) puts(#__VA_ARGS__)
#define report(test, ...) ((test)?puts(#test): printf(__VA_ARGS__))
debug("Flag");
debug("X = %d\\n", x);
showlist(The first, second, and third items.);
report(x>y, "x is %d but y is %d", x, y);
`,
  'self-reference and mutual recursion': `#define foo foo a
#define SHUT_RD SHUT_RD
#define a b
#define b a
#define AFTERX(x) X_ ## x
#define XAFTERX(x) AFTERX(x)
#define TABLESIZE 1024
#define BUFSIZE TABLESIZE
foo SHUT_RD a b AFTERX(BUFSIZE) XAFTERX(BUFSIZE)
`,
  'GNU comma paste and empty variadic arguments': `#define e(fmt, ...) printf(fmt, ## __VA_ARGS__)
e("x"); e("x", 1, 2); e("y",);
`,
  'invocation spanning lines and a name without parentheses': `#define f(x, y) (x + y)
#define g f
int v = f(1,
  2) + g (3, 4) + f;
int w = g
(5, 6);
`,
  'stringizing an argument that spans lines': `#define S(x) #x
S(struct
iovec) S(a
  b)
`,
  'stringizing quotes and backslashes': `#define s(x) #x
s("a\\n" 'b' "\\"q\\"") s(  spaced   out  ) s(a/**/b)
`,
  'nested function-like macros from arguments': `#define ADD(a, b) ((a) + (b))
#define MUL(a, b) ((a) * (b))
#define SQ(x) MUL(x, x)
#define APPLY(f, x) f(x)
int r = APPLY(SQ, ADD(1, 2)) + ADD(SQ(3), APPLY(SQ, 4));
`,
};

const CONDITIONS = [
  '-1 > 0u', '(-1 >> 1) == -1', '0x7fffffffffffffff + 0 > 0', "'\\377' < 0", "'ab' == 24930",
  '1 ? 2 : (1/0)', '0 && (1/0)', '1 || (1/0)', '~0u == 18446744073709551615u', 'defined X || !defined(Y)',
  '(2 || 3) == 1', '10 % 3 == 1', '-7 / 2 == -3', '-7 % 2 == -1', '(1 << 62) > 0', 'UNDEFINED_NAME == 0',
  '0x10 == 16 && 010 == 8', '(1, 2) == 2', '18446744073709551615u / 2 == 9223372036854775807', '3 > 2 > 1',
  '-1 < 0 ? 1u : -1', '!!5 == 1', '~5 == -6', '(0 ? 1u : -1) > 0', "'\\n' == 10 && '\\x41' == 65", '1 - 2 < 0u',
  'X == 1', 'Y', 'F(3) == 4', 'F(F(F(0))) == 3', 'defined F && !defined G',
]; // prettier-ignore

describe('preprocess compared with gcc -E', () => {
  it.each(Object.entries(CASES))('expands like gcc when the input is the %s case', (_name, text) => {
    expect(ourTokens(text)).toEqual(gccTokens(text));
  });

  it.each(CONDITIONS)('takes the same #if branch as gcc when the condition is %s', (condition) => {
    const text = `#define X 1\n#define F(a) ((a) + 1)\n#if ${condition}\nyes\n#else\nno\n#endif\n`;
    expect(ourTokens(text)).toEqual(gccTokens(text));
  });
});
