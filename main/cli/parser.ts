// Loading the C parser for the app and the CLI: web-tree-sitter's runtime and tree-sitter-c's
// grammar, two wasm files the build copies to out/main/wasm/ (all a packaged app has), or, when
// running from source before a build, the project's node_modules.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CParser } from '../../core/index';
import { lang } from '../../core/index';
import { projectRoot } from './root';

let loading: Promise<CParser> | undefined;

/** loadParser returns the C parser, loading the wasm files once per process. */
export function loadParser(): Promise<CParser> {
  const built = join(projectRoot(), 'out', 'main', 'wasm');
  const modules = join(projectRoot(), 'node_modules');
  const wasm = (pkg: string, file: string) =>
    readFileSync(existsSync(join(built, file)) ? join(built, file) : join(modules, pkg, file));
  loading ??= lang.createCParser({
    runtimeWasm: wasm('web-tree-sitter', 'web-tree-sitter.wasm'),
    languageWasm: wasm('tree-sitter-c', 'tree-sitter-c.wasm'),
  });
  return loading;
}
