import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CParser } from './parser';
import { createCParser } from './parser';

let parser: CParser;
beforeAll(async () => {
  const nm = new URL('../../../node_modules/', import.meta.url);
  parser = await createCParser({
    runtimeWasm: readFileSync(new URL('web-tree-sitter/web-tree-sitter.wasm', nm)),
    languageWasm: readFileSync(new URL('tree-sitter-c/tree-sitter-c.wasm', nm)),
  });
});

describe('createCParser', () => {
  it('loads tree-sitter from injected bytes when run under Node', () => {
    expect(parser.parse('int x;', { file: 'a.c' }).diagnostics).toEqual([]);
  });

  it('builds a plain-data AST with positions when the code is valid', () => {
    const r = parser.parse('int main(void) {\n  return -1 + 2 * x;\n}', { file: 'a.c' });
    const fn = r.unit!.items[0]!;
    expect(fn.k).toBe('func');
    const body = fn.k === 'func' ? fn.body : undefined;
    expect(body?.k === 'block' && body.items[0]).toMatchObject({
      k: 'return',
      pos: { line: 2, col: 3 },
      e: { k: 'bin', op: '+', l: { k: 'un', op: '-', e: { k: 'int', text: '1' } }, r: { k: 'bin', op: '*' } },
    });
    expect(structuredClone(r.unit)).toEqual(r.unit);
  });

  it('decodes escapes and joins adjacent literals when strings are concatenated', () => {
    const r = parser.parse('char *s = "a\\n\\x41" "\\101\\0";', { file: 'a.c' });
    const d = r.unit!.items[0]!;
    expect(d.k === 'decl' && d.d.items[0]!.init).toEqual({
      k: 'expr',
      e: { k: 'str', bytes: [97, 10, 65, 65, 0], pos: { line: 1, col: 11 } },
    });
  });

  it('reports a missing semicolon at its place when a statement is cut short', () => {
    const r = parser.parse('int main(void) {\n  int x = 1\n  return x;\n}', { file: 'a.c' });
    expect(r.unit).toBeUndefined();
    expect(r.diagnostics.map((d) => [d.line, d.col, d.message])).toEqual([[2, 12, "expected ';'"]]);
  });

  it('maps positions through the line map when the text was preprocessed', () => {
    const r = parser.parse('\nint main(void) { return }', {
      file: 'main.c',
      lineMap: [
        { file: 'x.h', line: 7 },
        { file: 'main.c', line: 40 },
      ],
    });
    expect(r.diagnostics[0]).toMatchObject({ file: 'main.c', line: 40, severity: 'error' });
  });

  it('refuses constructs outside the subset with a clear message when it meets them', () => {
    const r = parser.parse('int f(void) { return _Generic(1, int: 2); }', { file: 'a.c' });
    expect(r.diagnostics.map((d) => d.message)).toEqual([
      "not supported by SockLab's C: the 'generic expression' construct",
    ]);
  });
});
