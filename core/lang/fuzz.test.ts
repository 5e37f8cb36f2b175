// Bad input never breaks the front end: random text and mutations of real programs always
// come back as diagnostics or a program (never an exception), and whatever compiles runs a
// bounded slice without the VM throwing.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CParser } from './index';
import { compileProgram, createCParser, createVm, runSlice } from './index';
import { MemoryHost } from './vm/memoryHost';

const root = new URL('../../', import.meta.url).pathname;
const seeds = readdirSync(join(root, 'test/c/diff'))
  .filter((f) => f.endsWith('.c'))
  .map((f) => readFileSync(join(root, 'test/c/diff', f), 'utf8'));

let parser: CParser;
beforeAll(async () => {
  parser = await createCParser({
    runtimeWasm: readFileSync(join(root, 'node_modules/web-tree-sitter/web-tree-sitter.wasm')),
    languageWasm: readFileSync(join(root, 'node_modules/tree-sitter-c/tree-sitter-c.wasm')),
  });
});

function survive(text: string): void {
  const out = compileProgram(parser, { path: 'fuzz.c', text });
  if (out.program === undefined) {
    expect(out.diagnostics.some((d) => d.severity === 'error')).toBe(true);
    return;
  }
  const r = runSlice(
    createVm(out.program, { memorySize: 2 * 1024 * 1024, stackSize: 256 * 1024 }),
    new MemoryHost(),
    20_000,
  );
  expect(['yield', 'exit', 'fault', 'block']).toContain(r.k);
}

const TOKENS = [
  'int',
  'char',
  '*',
  '(',
  ')',
  '{',
  '}',
  ';',
  'x',
  '=',
  '1',
  '+',
  'struct',
  's',
  '[',
  ']',
  ',',
  'return',
  'if',
  'while',
  '"a"',
  "'c'",
  '->',
  '.',
  '&',
  'sizeof',
  'void',
  'main',
  '0x1f',
  '...',
  'typedef',
  'switch',
  'case',
  ':',
  'goto',
  'L',
];

describe('front end under fuzzing', () => {
  it('returns diagnostics and never throws when given random token soup', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }), (toks) => {
        survive(toks.join(' '));
        survive(`int main(void) { ${toks.join(' ')} }`);
      }),
      { numRuns: 150, seed: 5 },
    );
  });

  it('returns diagnostics and never throws when real programs are mutated', () => {
    fc.assert(
      fc.property(
        fc.nat(seeds.length - 1),
        fc.array(
          fc.tuple(
            fc.nat(),
            fc.nat(8),
            fc.constantFrom('', ';', '}', '{', '*', '(', '0', 'x', '"', "'", '-', '['),
          ),
          { minLength: 1, maxLength: 4 },
        ),
        (which, edits) => {
          let text = seeds[which]!;
          for (const [at, del, ins] of edits) {
            const i = at % (text.length + 1);
            text = text.slice(0, i) + ins + text.slice(i + del);
          }
          survive(text);
        },
      ),
      { numRuns: 150, seed: 7 },
    );
  });

  it('returns diagnostics and never throws when given arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => survive(s)),
      { numRuns: 200, seed: 11 },
    );
  });
});
