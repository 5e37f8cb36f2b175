import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDiagnostics } from '../diagnostics';
import type { PreprocessResult } from './index';
import { locate, preprocess } from './index';

// Bad input must always come back as diagnostics: no throw, no hang, a consistent line map.
const SEED_PROGRAM = `#include <stdio.h>
#include <sys/socket.h>
#include "util.h"
#define PORT "3490"
#define MAX(a, b) ((a) > (b) ? (a) : (b))
#define LOG(fmt, ...) fprintf(stderr, fmt, ## __VA_ARGS__)
#define CAT(a, b) a ## b
#define STR(x) #x
#if defined(PORT) && (1 << 3) == 8 && MAX(2, 3) == 3
int CAT(sock, fd) = MAX(1, 2); /* comment */
#elif 0
#error never
#else
#endif
int main(void) { LOG("%s\\n", STR(PORT)); return 0; } // done
`;
const FILES: Record<string, string> = {
  'util.h': '#ifndef UTIL_H\n#define UTIL_H\n#include "other.h"\nint util;\n#endif\n',
  'other.h': '#include "util.h"\n#include "other.h"\n#define OTHER 1\n',
};
const ALPHABET = '#()<>",\'\\/*\n \tabcdefxyz019_.#+-&|!?:;{}[]=%^~'.split('');
const WORDS = ['#', '##', 'define', 'undef', 'include', 'if', 'ifdef', 'elif', 'else', 'endif', 'defined', '__VA_ARGS__', '...', '<stdio.h>', '"util.h"', '"other.h"', '(', ')', ',', '\n', '\\\n', '/*', '*/', '//', "'", '"', 'x', 'f', '1', '0x', '/0', '__LINE__', '__FILE__', 'line', 'error', 'pragma', 'once']; // prettier-ignore

const LIMIT_MS = 3000;

function check(text: string): void {
  const started = performance.now();
  let r: PreprocessResult | undefined;
  expect(() => {
    r = preprocess({ path: 'main.c', text, readFile: (p) => FILES[p] });
  }).not.toThrow();
  expect(performance.now() - started).toBeLessThan(LIMIT_MS);
  const result = r!;
  const outputLines = result.code === '' ? 0 : result.code.split('\n').length - 1;
  expect(result.lineMap.length).toBe(outputLines);
  for (const d of result.diagnostics) {
    expect(d.line).toBeGreaterThanOrEqual(0);
    expect(d.col).toBeGreaterThanOrEqual(0);
  }
  expect(() => formatDiagnostics(result.diagnostics, { getLine: () => text.split('\n')[0] })).not.toThrow();
}

const mutation = fc.record({
  at: fc.nat(),
  del: fc.nat({ max: 8 }),
  insert: fc.array(fc.constantFrom(...WORDS), { maxLength: 4 }),
});

describe('preprocess fuzz', () => {
  it('returns a consistent result without throwing when the input is random characters', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ALPHABET), { maxLength: 300 }), (chars) =>
        check(chars.join('')),
      ),
      { seed: 0x50c1ab, numRuns: 400 },
    );
  });

  it('returns a consistent result without throwing when the input is random preprocessor words', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...WORDS), { maxLength: 120 }), (words) => check(words.join(' '))),
      { seed: 0x50c1ac, numRuns: 400 },
    );
  });

  it('returns a consistent result without throwing when a real program is mutated', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (edits) => {
        let text = SEED_PROGRAM;
        for (const e of edits) {
          const at = e.at % (text.length + 1);
          text = text.slice(0, at) + e.insert.join(' ') + text.slice(at + e.del);
        }
        check(text);
      }),
      { seed: 0x50c1ad, numRuns: 400 },
    );
  }, 60_000); // bounded by numRuns; the limit only stops a hang on a loaded machine

  it('keeps every token at its source column when the text has no directives, comments or macros', () => {
    const word = fc.constantFrom(
      'int',
      'x',
      'fd',
      '=',
      '(',
      ')',
      ';',
      '42',
      '"s"',
      "'c'",
      '->',
      '+',
      '{',
      '}',
      ' ',
      '  ',
      '\t',
      '\n',
    );
    fc.assert(
      fc.property(fc.array(word, { maxLength: 80 }), (words) => {
        const text = words.join('');
        const r = preprocess({ path: 'm.c', text, readFile: () => undefined });
        const want = text.split('\n').map((l) => l.replace(/\s/g, ' ').trimEnd());
        if (text.endsWith('\n') || text === '') want.pop();
        expect(r.code === '' ? [] : r.code.split('\n').slice(0, -1)).toEqual(want);
        expect(locate(r.lineMap, want.length, 1)?.line ?? 0).toBe(want.length);
      }),
      { seed: 0x50c1af, numRuns: 300 },
    );
  });

  it('returns without throwing when the input is arbitrary unicode', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => check(text)),
      { seed: 0x50c1ae, numRuns: 300 },
    );
  });
});
