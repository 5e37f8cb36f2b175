import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OPCODES, Op, op } from './opcodes';

const vmSource = ['../vm/run.ts', '../vm/rareOps.ts']
  .map((f) => readFileSync(new URL(f, import.meta.url), 'utf8'))
  .join('\n');

describe('OPCODES', () => {
  it('has unique codes and names when read as a table', () => {
    expect(new Set(OPCODES.map((r) => r[0])).size).toBe(OPCODES.length);
    expect(new Set(OPCODES.map((r) => r[1])).size).toBe(OPCODES.length);
    for (const r of OPCODES) expect(r[4].length, r[1]).toBeGreaterThan(3);
  });

  it('matches the VM dispatch case for case when the interpreter sources are scanned', () => {
    const cases = new Map<number, string>();
    for (const m of vmSource.matchAll(/case (\d+): (?:\{\s*)?\/\/ (\w+)/g)) cases.set(Number(m[1]), m[2]!);
    for (const [code, name] of OPCODES) expect(cases.get(code), `${name} (${code})`).toBe(name);
    for (const [code, name] of cases) expect(Op[name], `case ${code} // ${name}`).toBe(code);
  });

  it('throws on an unknown name when the compiler has a typo', () => {
    expect(op('ADD_I')).toBe(31);
    expect(() => op('ADD_Q')).toThrow(/unknown opcode/);
  });
});
