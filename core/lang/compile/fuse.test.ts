// The compiler's superinstructions: each common sequence compiles to its fused form, and a
// program built from them prints what gcc's build prints and faults where gcc's would.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CParser, CompiledProgram, RunResult } from '../index';
import { compileProgram, createCParser, createVm, disassemble, runSlice } from '../index';
import { MemoryHost } from '../vm/memoryHost';

let parser: CParser;
beforeAll(async () => {
  const nm = new URL('../../../node_modules/', import.meta.url);
  parser = await createCParser({
    runtimeWasm: readFileSync(new URL('web-tree-sitter/web-tree-sitter.wasm', nm)),
    languageWasm: readFileSync(new URL('tree-sitter-c/tree-sitter-c.wasm', nm)),
  });
});

function build(text: string): CompiledProgram {
  const out = compileProgram(parser, { path: 'fuse.c', text });
  expect(out.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return out.program!;
}

function runAll(program: CompiledProgram): { result: RunResult; out: string } {
  const host = new MemoryHost();
  const vm = createVm(program);
  let result = runSlice(vm, host, 1_000_000);
  while (result.k === 'yield') result = runSlice(vm, host, 1_000_000);
  return { result, out: host.out };
}

/** mainCode is the disassembly of main only (libc's C parts come first). */
const mainCode = (p: CompiledProgram) => disassemble(p.chunk).split('\nmain:\n')[1]!;

// Each superinstruction appears in this program; the expected output is gcc -O0's.
const FUSED = `#include <stdio.h>
char g[8];
int w[4] = {10, 20, 30, 40};
int main(void) {
  int a = -100, b = 7, c = 0, i;
  unsigned u = 4026531840u;
  char *p = g;
  printf("%d %d %d %d %d %d\\n", a + 3, a - 3, a * 3, a & 12, a | 3, a ^ 5);
  printf("%d %d %u %d %d\\n", a << 2, a >> 2, u >> 28, a + b, a - b);
  c = a + b;
  printf("%d\\n", c);
  for (i = 0; i < 7; i++) g[i] = 'a';
  for (i = 0; i < 7; i += 2) p[i] = (char)(i * 3 + 48);
  printf("%s\\n", g);
  c = 0;
  for (i = 0; i < 4; i++) c += w[i] * p[i];
  printf("%d\\n", c);
  i = 0;
  while (i++ < 3) c++;
  printf("%d %d\\n", i, c);
  for (i = 5; i < 3; i++) c = -1;
  printf("%d %d\\n", i, c);
  return 0;
}
`;

describe('superinstructions', () => {
  it('emits every fused form when the program has the sequences they replace', () => {
    const names = new Set(
      mainCode(build(FUSED))
        .match(/^\d+ +\d+ (\w+)/gm)!
        .map((l) => l.split(/ +/)[2]),
    );
    for (const name of ['ADDK_I', 'SUBK_I', 'MULK_I', 'ANDK_I', 'ORK_I', 'XORK_I', 'SHLK_I', 'SHRK_I'])
      expect(names, name).toContain(name);
    for (const name of ['SHRK_U', 'ADDL_I', 'SUBL_I', 'ADDLL_I', 'PADDLL', 'PADDKL', 'STOREPK'])
      expect(names, name).toContain(name);
    for (const name of ['ADDSETL_I', 'LDXL', 'LDXK', 'INCBRLK_I']) expect(names, name).toContain(name);
  });

  it('prints what gcc -O0 prints when the fused program runs', () => {
    const { result, out } = runAll(build(FUSED));
    expect(result).toEqual({ k: 'exit', code: 0 });
    expect(out).toBe('-97 -103 -300 12 -97 -103\n-400 -25 15 -93 -107\n-93\n0a6a<aB\n7920\n4 7923\n5 7923\n');
  });

  it('tests a loop condition once per pass when the loop is guarded in front', () => {
    const program = build(`#include <stdio.h>
int tests;
int more(int i) { tests++; return i < 3; }
int main(void) {
  int i = 0;
  while (more(i)) i++;
  for (int j = 9; more(j); j++) i++;
  printf("%d %d\\n", i, tests);
  return 0;
}
`);
    expect(runAll(program).out).toBe('3 5\n');
  });

  it('stops on the loop lines as before fusion when fused and unfused loops are single-stepped', () => {
    const program = build(
      'int main(void) {\n  int t = 0;\n  for (int i = 0; i < 2; i++)\n    t += i;\n  for (int i = 0;\n       i < 2;\n       i++) {\n    t++;\n  }\n  int j = 0;\n  while (j < 2)\n    j++;\n  return t;\n}\n',
    );
    expect(mainCode(program).match(/INCBRLK_I/g)).toHaveLength(1);
    const vm = createVm(program);
    vm.trap.step = true;
    const host = new MemoryHost();
    const seen: number[] = [];
    let r = runSlice(vm, host, 1000);
    while (r.k === 'step') {
      seen.push(r.line);
      r = runSlice(vm, host, 1000);
    }
    expect(r).toEqual({ k: 'exit', code: 3 });
    expect(seen).toEqual([2, 3, 4, 3, 4, 3, 5, 6, 8, 7, 6, 8, 7, 6, 10, 11, 12, 11, 12, 11, 13]);
  });

  it('prints what gcc -O0 prints and steps as before when a test guards a lone break or continue', () => {
    const program = build(`#include <stdio.h>
int main(void) {
  int odd = 0, n = 0, k = 0;
  for (int i = 0; i < 10; i++) {
    if (i % 2 == 0) continue;
    odd += i;
    if (odd > 20) { break; }
  }
  while (n < 100) {
    n++;
    switch (n % 3) {
    case 0: if (n > 6) break; k++; break;
    default: if (n == 5) continue;
      k += 10;
    }
    if (n == 12)
      break;
  }
  printf("%d %d %d\\n", odd, n, k);
  return 0;
}
`);
    expect(mainCode(program)).not.toMatch(/ 5 (JZ|BR_I .*)\n\d+ +5 JMP/);
    expect(runAll(program).out).toBe('25 12 72\n');
    const vm = createVm(program);
    vm.trap.step = true;
    const host = new MemoryHost();
    const seen: number[] = [];
    let r = runSlice(vm, host, 1000);
    while (r.k === 'step') {
      seen.push(r.line);
      r = runSlice(vm, host, 1000);
    }
    expect(seen.join(',')).toBe(
      '3,4,5,4,5,6,7,4,5,4,5,6,7,4,5,4,5,6,7,4,5,4,5,6,7,4,5,4,5,6,7,9,10,11,13,14,16,9,10,11,13,14,16,9,10,11,12,16,9,10,11,13,14,16,9,10,11,13,9,10,11,12,16,9,10,11,13,14,16,9,10,11,13,14,16,9,10,11,12,16,9,10,11,13,14,16,9,10,11,13,14,16,9,10,11,12,16,17,19,20',
    );
  });

  it('faults with the address the load used when an indexed load through a local pointer is unmapped', () => {
    const program = build('int main(void) {\n  int *q = 0;\n  int i = 3;\n  return q[i];\n}\n');
    expect(mainCode(program)).toContain('LDXL 14');
    const { result } = runAll(program);
    expect(result.k === 'fault' && result.fault).toMatchObject({ reason: 'segv', addr: 12, line: 4 });
  });

  it('faults at the top address when an indexed load from a global array leaves the address space', () => {
    const program = build('int w[4];\nint main(void) {\n  int i = -1000000000;\n  return w[i];\n}\n');
    expect(mainCode(program)).toContain('LDXK 14');
    const { result } = runAll(program);
    expect(result.k === 'fault' && result.fault).toMatchObject({ reason: 'segv', addr: 4294967295, line: 4 });
  });
});
