// `npm run bench`: measures SockLab's speed and prints the figures (never a timed test).
// `npm run bench -- --json` prints the same figures as one JSON object, for comparing commits.
// C runtime: instructions/s of a CPU-bound program in our VM, its time against the same
// algorithm in plain JavaScript and against gcc -O0, and the compile time of 300 lines.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CParser } from '../../core/index';
import { lang } from '../../core/index';

type Figures = Record<string, number>;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function time<T>(fn: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = fn();
  return { ms: performance.now() - start, value };
}

async function loadParser(): Promise<CParser> {
  // A development tool: the grammars come from the project's node_modules (out/main/ → ../../).
  const modules = new URL('../../node_modules/', import.meta.url);
  const wasm = (pkg: string, file: string) => readFileSync(new URL(`${pkg}/${file}`, modules));
  return lang.createCParser({
    runtimeWasm: wasm('web-tree-sitter', 'web-tree-sitter.wasm'),
    languageWasm: wasm('tree-sitter-c', 'tree-sitter-c.wasm'),
  });
}

function runToExit(parser: CParser, text: string): { output: string; steps: number; ms: number } {
  const compiled = lang.compileProgram(parser, { path: 'bench.c', text });
  if (!compiled.program) throw new Error('the benchmark program did not compile');
  const host = new lang.MemoryHost();
  const vm = lang.createVm(compiled.program);
  const { ms } = time(() => {
    let result = lang.runSlice(vm, host, 5_000_000);
    while (result.k === 'yield') result = lang.runSlice(vm, host, 5_000_000);
    if (result.k !== 'exit') throw new Error(`the benchmark program ended with ${result.k}`);
  });
  return { output: host.out, steps: vm.steps, ms };
}

/** gccMs compiles the program with gcc -O0 and times its run (minus the cost of spawning a process). */
function gccMs(source: string): number | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'socklab-bench-'));
  writeFileSync(join(dir, 'bench.c'), source);
  const built = spawnSync('gcc', ['-O0', '-o', join(dir, 'bench'), join(dir, 'bench.c')]);
  if (built.status !== 0) return undefined;
  const spawnCost = median([0, 1, 2, 3, 4].map(() => time(() => spawnSync('true')).ms));
  return median([0, 1, 2, 3, 4].map(() => time(() => spawnSync(join(dir, 'bench'))).ms)) - spawnCost;
}

async function vmFigures(): Promise<Figures> {
  const parser = await loadParser();
  const source = lang.vmBenchSource(1);
  const coldCompile = time(() =>
    lang.compileProgram(parser, { path: 'c.c', text: lang.compileBenchSource() }),
  ).ms;
  const compileMs = median(
    Array.from(
      { length: 9 },
      () => time(() => lang.compileProgram(parser, { path: 'c.c', text: lang.compileBenchSource() })).ms,
    ),
  );
  const runs = [0, 1, 2].map(() => runToExit(parser, source));
  const expected = lang.vmBenchJs(1);
  if (runs.some((r) => r.output !== expected)) throw new Error('the VM and plain JavaScript disagree');
  const vmMs = median(runs.map((r) => r.ms));
  const jsMs = median([0, 1, 2, 3, 4].map(() => time(() => lang.vmBenchJs(1)).ms));
  const gcc = gccMs(source);
  const figures: Figures = {
    'vm.instructionsPerSecond': Math.round(runs[0]!.steps / (vmMs / 1000)),
    'vm.benchmarkMs': round(vmMs),
    'vm.plainJsMs': round(jsMs),
    'vm.ratioToPlainJs': round(vmMs / jsMs),
    'vm.compile300LinesMs': round(compileMs),
    'vm.compile300LinesColdMs': round(coldCompile),
  };
  if (gcc !== undefined) {
    figures['vm.gccO0Ms'] = round(gcc);
    figures['vm.ratioToGccO0'] = round(vmMs / Math.max(gcc, 0.1));
  }
  return figures;
}

const round = (x: number) => Math.round(x * 100) / 100;

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const figures = await vmFigures();
  if (json) {
    console.log(JSON.stringify(figures));
    return;
  }
  console.log('SockLab benchmarks (this machine; medians of repeated runs)');
  for (const [key, value] of Object.entries(figures))
    console.log(`  ${key.padEnd(28)} ${value.toLocaleString('en-US')}`);
  console.log(
    '  kernel.*                     not measured yet: the simulated TCP data path is still being built',
  );
}

void main().catch((error: unknown) => {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
