import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CParser } from '../index';
import { compileProgram, createCParser, createVm, runSlice } from '../index';
import { MemoryHost } from '../vm/memoryHost';
import { compileBenchSource, vmBenchJs, vmBenchSource } from './vmBench';

let parser: CParser;
beforeAll(async () => {
  const nm = new URL('../../../node_modules/', import.meta.url);
  parser = await createCParser({
    runtimeWasm: readFileSync(new URL('web-tree-sitter/web-tree-sitter.wasm', nm)),
    languageWasm: readFileSync(new URL('tree-sitter-c/tree-sitter-c.wasm', nm)),
  });
});

function runAll(text: string): string {
  const out = compileProgram(parser, { path: 'bench.c', text });
  expect(out.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const host = new MemoryHost();
  const vm = createVm(out.program!);
  let r = runSlice(vm, host, 1_000_000);
  while (r.k === 'yield') r = runSlice(vm, host, 1_000_000);
  expect(r).toEqual({ k: 'exit', code: 0 });
  return host.out;
}

describe('vmBench', () => {
  it('prints what the plain-JavaScript version computes when run at a small scale', () => {
    expect(runAll(vmBenchSource(64))).toBe(vmBenchJs(64));
  });

  it('compiles and runs the generated 300-line program when asked to', () => {
    const text = compileBenchSource();
    expect(text.split('\n').length).toBeGreaterThan(290);
    expect(runAll(text)).toMatch(/^-?\d+\n$/);
  });
});
