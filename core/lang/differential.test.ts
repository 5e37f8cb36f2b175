// The differential set: small C programs under test/c/diff, compiled with gcc on this machine
// (live when gcc is installed, else the checked-in outputs made by gen-fixtures.sh) and run
// in our VM; stdout must match byte for byte.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CParser } from './index';
import { compileProgram, createCParser, createVm, runSlice } from './index';
import { MemoryHost } from './vm/memoryHost';

const root = new URL('../../', import.meta.url).pathname;
const dir = join(root, 'test/c/diff');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.c'))
  .sort();
const hasGcc = (() => {
  try {
    execFileSync('gcc', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const work = mkdtempSync(join(tmpdir(), 'socklab-diff-'));

let parser: CParser;
beforeAll(async () => {
  parser = await createCParser({
    runtimeWasm: readFileSync(join(root, 'node_modules/web-tree-sitter/web-tree-sitter.wasm')),
    languageWasm: readFileSync(join(root, 'node_modules/tree-sitter-c/tree-sitter-c.wasm')),
  });
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function gccOutput(file: string): Buffer {
  const fixture = join(dir, file.replace(/\.c$/, '.out'));
  if (!hasGcc) return readFileSync(fixture);
  const exe = join(work, file.replace(/\.c$/, ''));
  execFileSync('gcc', ['-w', '-O0', '-o', exe, join(dir, file)]);
  return execFileSync(exe);
}

describe('differential (gcc vs VM)', () => {
  it('has about thirty programs when the set is complete', () => {
    expect(files.length).toBeGreaterThanOrEqual(30);
    for (const f of files) expect(existsSync(join(dir, f.replace(/\.c$/, '.out'))), f).toBe(true);
  });
  for (const file of files) {
    it(`${file} prints what gcc's build prints when run in the VM`, () => {
      const want = gccOutput(file);
      const out = compileProgram(parser, { path: file, text: readFileSync(join(dir, file), 'utf8') });
      expect(
        out.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.line}:${d.col} ${d.message}`),
      ).toEqual([]);
      const host = new MemoryHost('', false);
      const r = runSlice(createVm(out.program!), host, 100_000_000);
      expect(r).toEqual({ k: 'exit', code: 0 });
      expect(Buffer.from(host.stdout).toString('latin1')).toBe(want.toString('latin1'));
    });
  }
});
