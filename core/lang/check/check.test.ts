import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CParser } from '../parse/parser';
import { createCParser } from '../parse/parser';
import { check } from './index';

let parser: CParser;
beforeAll(async () => {
  const nm = new URL('../../../node_modules/', import.meta.url);
  parser = await createCParser({
    runtimeWasm: readFileSync(new URL('web-tree-sitter/web-tree-sitter.wasm', nm)),
    languageWasm: readFileSync(new URL('tree-sitter-c/tree-sitter-c.wasm', nm)),
  });
});

function diags(code: string): string[] {
  const p = parser.parse(code, { file: 'a.c' });
  expect(p.diagnostics).toEqual([]);
  return check([{ unit: p.unit!, src: { file: 'a.c' } }]).diagnostics.map(
    (d) => `${d.line}:${d.col}: ${d.severity}: ${d.message}`,
  );
}

describe('check', () => {
  it('accepts a well-typed program when nothing is wrong', () => {
    expect(diags('struct s { int a; } g; int f(struct s *p) { return p->a + g.a; }')).toEqual([]);
  });

  it('folds constant expressions when sizing arrays and labelling cases', () => {
    const p = parser.parse(
      'enum { N = 3 * 4 }; int a[N + sizeof(long)]; int f(int x) { switch (x) { case N: return 1; } return 0; }',
      { file: 'a.c' },
    );
    const r = check([{ unit: p.unit!, src: { file: 'a.c' } }]);
    expect(r.diagnostics).toEqual([]);
    expect(r.program!.globals[0]!.type).toMatchObject({ k: 'array', len: 20 });
  });

  it('warns like gcc when an integer becomes a pointer without a cast', () => {
    expect(diags('int main(void) { int *p = 5; return 0; }')).toEqual([
      "1:27: warning: initialization of 'int *' from 'int' makes pointer from integer without a cast",
    ]);
  });

  it('warns like gcc when a pointer of another type is passed without a cast', () => {
    expect(
      diags('struct a { int x; }; struct b { int y; }; void f(struct a *p); void g(struct b *q) { f(q); }'),
    ).toEqual(["1:88: warning: passing argument 1 of 'f' from incompatible pointer type"]);
  });

  it('reports invalid operands when a struct is added to an int', () => {
    expect(diags('struct s { int a; } v; int main(void) { return v + 1; }')).toEqual([
      "1:48: error: invalid operands to binary + (have 'struct s' and 'int')",
    ]);
  });

  it('reports a duplicate case when two labels have the same value', () => {
    expect(diags('int f(int x) { switch (x) { case 1: case 1: return 0; } return 1; }')).toEqual([
      '1:42: error: duplicate case value',
    ]);
  });

  it('reports an undefined label when goto names none', () => {
    expect(diags('int main(void) { goto out; return 0; }')).toEqual([
      "1:18: error: label 'out' used but not defined",
    ]);
  });

  it('reports calling a non-function when an int is called', () => {
    expect(diags('int main(void) { int x = 1; return x(2); }')).toEqual([
      '1:36: error: called object is not a function or function pointer',
    ]);
  });
});
