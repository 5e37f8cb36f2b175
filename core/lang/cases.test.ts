// The C case runner: every test/c/<feature>/<case>.c carries its expectations in comments —
// `// expect: <stdout line>`, `// expect error: file:line:col: error: <message>`,
// `// expect fault: <message prefix>` and `// expect exit: <status>`, with `// stdin: <line>`
// giving input lines — and is compiled and run here as the first process of a TestWorld (so
// fork, sockets over a loopback toy network, signals and sleeps work). stdout is all processes'
// output in order. test/c/diff holds the differential set, run by differential.test.ts instead,
// and test/c/world the programs run on the simulated kernel by core/exec/programs.test.ts.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CParser } from './index';
import { compileProgram, createCParser } from './index';
import { formatDiagnostics, sourceLines } from './diagnostics';
import { TestWorld } from './testing';

const root = new URL('../../', import.meta.url).pathname;
const casesDir = join(root, 'test/c');

function listCases(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? e.name === 'diff' || e.name === 'world'
        ? []
        : listCases(join(dir, e.name))
      : e.name.endsWith('.c')
        ? [join(dir, e.name)]
        : [],
  );
}

let parser: CParser;
beforeAll(async () => {
  parser = await createCParser({
    runtimeWasm: readFileSync(join(root, 'node_modules/web-tree-sitter/web-tree-sitter.wasm')),
    languageWasm: readFileSync(join(root, 'node_modules/tree-sitter-c/tree-sitter-c.wasm')),
  });
});

interface Expectations {
  stdout: string[];
  errors: string[];
  fault?: string;
  exit: number;
  stdin: string;
}

function expectations(text: string): Expectations {
  const e: Expectations = { stdout: [], errors: [], exit: 0, stdin: '' };
  for (const m of text.matchAll(/^\/\/ stdin: ?(.*)$/gm)) e.stdin += `${m[1]!}\n`;
  for (const m of text.matchAll(/\/\/ expect( error| fault| exit)?: ?(.*)$/gm)) {
    const kind = m[1]?.trim();
    const body = m[2]!;
    if (kind === 'error') e.errors.push(body);
    else if (kind === 'fault') e.fault = body;
    else if (kind === 'exit') e.exit = Number(body);
    else e.stdout.push(body);
  }
  return e;
}

describe('C cases', () => {
  const files = listCases(casesDir);
  it('finds the cases when test/c is present', () => {
    expect(files.length).toBeGreaterThan(0);
  });
  for (const file of files) {
    const name = relative(casesDir, file);
    it(`${name} behaves as its expectations say when compiled and run`, () => {
      const text = readFileSync(file, 'utf8');
      const want = expectations(text);
      const out = compileProgram(parser, { path: name, text });
      const errors = out.diagnostics
        .filter((d) => d.severity === 'error')
        .map((d) => `${d.file}:${d.line}:${d.col}: error: ${d.message}`);
      if (want.errors.length > 0 || out.program === undefined) {
        expect(errors).toEqual(want.errors);
        return;
      }
      const world = new TestWorld(want.stdin);
      const main = world.spawn(out.program, [name]);
      world.run();
      const r = main.result ?? { k: `stuck (${world.procs.length} processes)` };
      const lines = world.text.split('\n');
      if (lines[lines.length - 1] === '') lines.pop();
      expect(lines).toEqual(want.stdout);
      if (want.fault !== undefined) {
        const got = r.k === 'fault' ? r.fault.message : `no fault (${r.k})`;
        expect(got.startsWith(want.fault), `got ${got}, want ${want.fault}…`).toBe(true);
      } else {
        expect(r).toEqual({ k: 'exit', code: want.exit });
      }
    });
  }
});

describe('diagnostics printing', () => {
  it('prints a checker error gcc-style with the source line and a caret when formatted', () => {
    const text = 'int main(void) {\n    return y;\n}\n';
    const out = compileProgram(parser, { path: 'y.c', text });
    const printed = formatDiagnostics(out.diagnostics, { getLine: sourceLines(new Map([['y.c', text]])) });
    expect(printed).toContain("y.c:2:12: error: 'y' undeclared");
    expect(printed).toContain('    return y;');
  });
});
