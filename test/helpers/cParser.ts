// The C parser for tests: tree-sitter's runtime and C grammar read from the project's
// node_modules, loaded once per test file (what main/cli/parser.ts does for the app).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CParser } from '../../core/lang/index';
import { createCParser } from '../../core/lang/index';

const modules = new URL('../../node_modules/', import.meta.url).pathname;
let loading: Promise<CParser> | undefined;

/** testParser returns the C parser, loading its two wasm files on first use. */
export function testParser(): Promise<CParser> {
  loading ??= createCParser({
    runtimeWasm: readFileSync(join(modules, 'web-tree-sitter/web-tree-sitter.wasm')),
    languageWasm: readFileSync(join(modules, 'tree-sitter-c/tree-sitter-c.wasm')),
  });
  return loading;
}
