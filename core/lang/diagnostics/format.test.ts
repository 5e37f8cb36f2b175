import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { preprocess, PREPROCESS_MESSAGES } from '../preprocess';
import type { Diagnostic } from './index';
import { displayColumn, expandTabs, formatDiagnostic, formatDiagnostics, sourceLines } from './index';

const dir = mkdtempSync(join(tmpdir(), 'socklab-diag-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** gccStderr runs `gcc -E` on `text` saved as `name` and returns what it prints on stderr. */
function gccStderr(name: string, text: string, color = false): string {
  writeFileSync(join(dir, name), text);
  const args = ['-E', `-fdiagnostics-color=${color ? 'always' : 'never'}`, '-o', '/dev/null', name];
  return spawnSync('gcc', args, { cwd: dir, encoding: 'utf8' }).stderr;
}

/** ours preprocesses `text` as `name` and prints the diagnostics gcc-style. */
function ours(name: string, text: string, color = false): string {
  const r = preprocess({ path: name, text, readFile: () => undefined });
  return formatDiagnostics(r.diagnostics, { getLine: sourceLines(new Map([[name, text]])), color });
}

// Each case is one file whose preprocessing diagnostics gcc 12 prints in exactly this layout. (A
// few gcc diagnostics point at a neighbouring token or drop the range; those are not listed.)
const CASES: Record<string, string> = {
  'an #error directive': 'int a;\n#error boom here\n',
  'a #warning directive with its option': '#warning careful now\n',
  'a division by zero in #if': '#if 1/0\n#endif\n',
  'an invalid directive': '#foo\n',
  'a bad #undef': '#undef 3\n',
  'a duplicate macro parameter': '#define F(x,x) x\n',
  'a redefinition with its note': '#define A 1\n#define A 2\n',
  'too many macro arguments with the definition note': '#define J(x) x\nJ(1,2)\n',
  'an unterminated #if': '#if 1\n',
  '#else after #else with where the group began': '#if 1\n#else\n#else\n#endif\n',
  'a missing include, fatal': '#include "nope.h"\nint x;\n',
  'a missing operand at the end of the line': '#if 1 +\n#endif\n',
  'a missing open parenthesis': '#if 1)\n#endif\n',
  'a string in #if': '#if "s"\n#endif\n',
  'extra tokens after #ifdef': '#ifdef X Y\n#endif\n',
  'a too-few-arguments call': '#define K(a, b) a\nint k = K(1);\n',
  'an #elif without #if': '#elif 1\n',
  'an invalid #line': '#line x\n',
  'a non-identifier after #ifdef': '#ifdef 3\n#endif\n',
  'defined used as a macro name': '#define defined\n',
  'a tab before the error in the source line': '\t#if 2 x\n#endif\n',
  'a line number wider than the margin': `${'\n'.repeat(123455)}#error far\n`,
};

describe('formatDiagnostics', () => {
  it.each(Object.entries(CASES))('prints what gcc prints when the input has %s', (_name, text) => {
    expect(ours('t.c', text)).toBe(gccStderr('t.c', text));
  });

  it('prints the include chain like gcc when the error is in an included header', () => {
    const files = new Map([
      ['m.c', 'int m;\n#include "inc/a.h"\n#error top\n'],
      ['inc/a.h', '#include "b.h"\n'],
      ['inc/b.h', 'int x;\n#error deep\n'],
    ]);
    mkdirSync(join(dir, 'inc'), { recursive: true });
    for (const [name, text] of files) if (name !== 'm.c') writeFileSync(join(dir, name), text);
    const r = preprocess({ path: 'm.c', text: files.get('m.c')!, readFile: (p) => files.get(p) });
    for (const color of [false, true]) {
      const got = formatDiagnostics(r.diagnostics, { getLine: sourceLines(files), color });
      expect(got).toBe(gccStderr('m.c', files.get('m.c')!, color));
    }
    expect(r.lineMap[4]).toEqual({
      file: 'inc/b.h',
      line: 2,
      includedFrom: [
        { file: 'inc/a.h', line: 1 },
        { file: 'm.c', line: 2 },
      ],
    });
  });

  it('prints gcc colours when color is on', () => {
    const text = '#define A 1\n#define A 2\n#if 1/0\n#endif\n#warning w\n';
    expect(ours('c.c', text, true)).toBe(gccStderr('c.c', text, true));
  });

  it('prints the location line only when the source line is unknown', () => {
    const d: Diagnostic = { code: 'x', severity: 'error', file: 'gone.c', line: 3, col: 7, message: 'oops' };
    expect(formatDiagnostic(d)).toBe('gone.c:3:7: error: oops\n');
  });

  it('prints Chinese labels and messages when the locale is zh-CN', () => {
    const r = preprocess({ path: 'z.c', text: '#if 1\n', readFile: () => undefined });
    const text = formatDiagnostics(r.diagnostics, { locale: 'zh-CN', catalogues: [PREPROCESS_MESSAGES] });
    expect(text).toBe('z.c:1: 错误: 未终止的 #if\n');
  });

  it('counts display columns with tabs to the next multiple of 8 and wide characters as 2', () => {
    expect(displayColumn('\tx', 2)).toBe(9);
    expect(displayColumn('ab\tx', 4)).toBe(9);
    expect(displayColumn('界x', 2)).toBe(3);
    expect(displayColumn('😀x', 3)).toBe(3);
    expect(expandTabs('a\tb')).toBe('a       b');
  });

  it('prints a range of tildes under the whole token when the diagnostic has a length', () => {
    const d: Diagnostic = {
      code: 'x',
      severity: 'warning',
      file: 'r.c',
      line: 1,
      col: 5,
      length: 6,
      message: 'm',
    };
    expect(formatDiagnostic(d, { getLine: () => 'int socket;' })).toBe(
      'r.c:1:5: warning: m\n    1 | int socket;\n      |     ^~~~~~\n',
    );
  });
});
