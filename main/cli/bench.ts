// `npm run bench`: measures SockLab's speed and prints the figures (never a timed test).
// `npm run bench -- --json` prints the same figures as one JSON object, for comparing commits.
// C runtime: instructions/s of a CPU-bound program in our VM, its time against the same
// algorithm in plain JavaScript and against gcc -O0, and the compile time of 300 lines.
// Kernel: a 10 MB TCP transfer client → server over the default link at trace level full and
// off (wall seconds), trace events recorded per second and trace memory per event.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CParser } from '../../core/index';
import { kernel, lang } from '../../core/index';
import { loadParser } from './parser';

type Figures = Record<string, number>;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function time<T>(fn: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = fn();
  return { ms: performance.now() - start, value };
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

/** KERNEL_BENCH_BYTES is the size of the benchmark transfer, 10 MB. */
const KERNEL_BENCH_BYTES = 10_000_000;

/** kernelFigures times benchTransfer at trace levels full and off (medians of three runs each). */
function kernelFigures(): Figures {
  const run = (traceLevel: 'full' | 'off') =>
    [0, 1, 2].map(() => time(() => kernel.benchTransfer({ bytes: KERNEL_BENCH_BYTES, traceLevel })));
  const full = run('full');
  const off = run('off');
  const fullMs = median(full.map((r) => r.ms));
  const events = full[0]!.value.events;
  return {
    'kernel.transfer10MB.fullSeconds': round(fullMs / 1000),
    'kernel.transfer10MB.offSeconds': round(median(off.map((r) => r.ms)) / 1000),
    'kernel.traceEventsPerSecond': Math.round(events / (fullMs / 1000)),
    'kernel.traceBytesPerEvent': round(full[0]!.value.bytesPerEvent),
    'kernel.transfer10MB.events': events,
    'kernel.transfer10MB.simulatedMs': round(full[0]!.value.simulatedNs / 1e6),
  };
}

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const figures = { ...(await vmFigures()), ...kernelFigures() };
  if (json) {
    console.log(JSON.stringify(figures));
    return;
  }
  console.log('SockLab benchmarks (this machine; medians of repeated runs)');
  for (const [key, value] of Object.entries(figures))
    console.log(`  ${key.padEnd(34)} ${value.toLocaleString('en-US')}`);
}

void main().catch((error: unknown) => {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
