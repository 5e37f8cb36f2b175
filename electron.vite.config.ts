// One build for the three parts: main (the Electron entry, the web-mode entry), the
// sandboxed preload (CommonJS, dependencies bundled in) and the Svelte renderer. The C parser's
// two wasm files (dev dependencies) are copied into out/main/wasm/, so the packaged app, which
// ships only out/, can load them (main/cli/parser.ts looks there first).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

/** parserWasm emits the tree-sitter runtime and C grammar as assets of the main build. */
function parserWasm(): Plugin {
  const files = {
    'wasm/web-tree-sitter.wasm': 'node_modules/web-tree-sitter/web-tree-sitter.wasm',
    'wasm/tree-sitter-c.wasm': 'node_modules/tree-sitter-c/tree-sitter-c.wasm',
  };
  return {
    name: 'socklab-parser-wasm',
    generateBundle() {
      for (const [fileName, from] of Object.entries(files))
        this.emitFile({ type: 'asset', fileName, source: readFileSync(resolve(from)) });
    },
  };
}

export default defineConfig({
  main: {
    plugins: [parserWasm()],
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve('main/electron/main.ts'),
          web: resolve('main/web/main.ts'),
          bench: resolve('main/cli/bench.ts'),
          socklab: resolve('main/cli/socklab.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: {
        input: { preload: resolve('main/electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [svelte()],
    build: {
      outDir: resolve('out/renderer'),
      rollupOptions: { input: resolve('renderer/index.html') },
    },
  },
});
