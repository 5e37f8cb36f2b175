import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CParser } from '../index';
import { compileProgram, createCParser, createVm, runSlice } from '../index';
import { SYSTEM_HEADERS } from '../headers';
import { MemoryHost } from '../vm/memoryHost';
import { T, alignOf, arithResult, layoutStruct, promote, sizeOf } from './types';
import type { StructInfo } from './types';

interface Measured {
  size: number;
  align: number;
  fields?: Record<string, { offset: number; size: number }>;
}
const fixture = JSON.parse(
  readFileSync(new URL('../headers/fixtures/gcc-layout.json', import.meta.url), 'utf8'),
) as {
  types: Record<string, Measured>;
};
const HEADERS = Object.keys(SYSTEM_HEADERS);

let parser: CParser;
beforeAll(async () => {
  const nm = new URL('../../../node_modules/', import.meta.url);
  parser = await createCParser({
    runtimeWasm: readFileSync(new URL('web-tree-sitter/web-tree-sitter.wasm', nm)),
    languageWasm: readFileSync(new URL('tree-sitter-c/tree-sitter-c.wasm', nm)),
  });
});

describe('layoutStruct', () => {
  it('pads and aligns like gcc when members have mixed sizes', () => {
    const info: StructInfo = { tag: 'm', union: false, complete: false, fields: [], size: 0, align: 1 };
    layoutStruct(info, [
      { name: 'c', type: T.char },
      { name: 'i', type: T.int },
      { name: 'd', type: T.char },
      { name: 'x', type: T.double },
    ]);
    expect(info.fields.map((f) => f.offset)).toEqual([0, 4, 8, 16]);
    expect([info.size, info.align]).toEqual([24, 8]);
  });

  it('sizes a union by its largest member when laid out as a union', () => {
    const info: StructInfo = { tag: 'u', union: true, complete: false, fields: [], size: 0, align: 1 };
    layoutStruct(info, [
      { name: 'c', type: { k: 'array', of: T.char, len: 5 } },
      { name: 'i', type: T.int },
    ]);
    expect([info.size, info.align]).toEqual([8, 4]);
  });
});

describe('usual arithmetic conversions', () => {
  it('follows C when mixing signedness and widths', () => {
    expect(promote(T.uchar)).toBe(T.int);
    expect(arithResult(T.int, T.uint)).toBe(T.uint);
    expect(arithResult(T.long, T.uint)).toBe(T.long);
    expect(arithResult(T.ulong, T.long)).toBe(T.ulong);
    expect(arithResult(T.int, T.float)).toBe(T.float);
    expect(arithResult(T.float, T.double)).toBe(T.double);
    expect([sizeOf(T.llong), alignOf(T.double)]).toEqual([8, 8]);
  });
});

describe('header layouts', () => {
  it('match the sizes, alignments and offsets gcc measured when compiled in SockLab', () => {
    const exprs: string[] = [];
    const want: string[] = [];
    for (const [name, m] of Object.entries(fixture.types)) {
      exprs.push(`printf("${name} %zu %zu\\n", sizeof(${name}), _Alignof(${name}));`);
      want.push(`${name} ${m.size} ${m.align}`);
      for (const [f, fm] of Object.entries(m.fields ?? {})) {
        exprs.push(
          `printf("${name}.${f} %zu %zu\\n", offsetof(${name}, ${f}), sizeof(((${name} *)0)->${f}));`,
        );
        want.push(`${name}.${f} ${fm.offset} ${fm.size}`);
      }
    }
    const text = `${HEADERS.map((h) => `#include <${h}>`).join('\n')}\nint main(void) {\n${exprs.join('\n')}\nreturn 0;\n}\n`;
    const out = compileProgram(parser, { path: 'layout.c', text });
    expect(
      out.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}:${d.line}: ${d.message}`),
    ).toEqual([]);
    const host = new MemoryHost();
    expect(runSlice(createVm(out.program!), host, 10_000_000)).toEqual({ k: 'exit', code: 0 });
    expect(host.out.trimEnd().split('\n')).toEqual(want);
  });
});
