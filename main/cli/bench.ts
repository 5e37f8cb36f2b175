// `npm run bench`: measures SockLab's speed and prints the figures (never a timed test).
// `npm run bench -- --json` prints the same figures as one JSON object, for comparing commits.
// C runtime: instructions/s of a CPU-bound program in our VM, its time against the same
// algorithm in plain JavaScript (CPU time, median of warm repetitions) and against gcc -O0,
// and the compile time of 300 lines.
// Kernel: a 10 MB TCP transfer client → server over the default link at trace level full and
// off (wall seconds), trace events recorded per second and trace memory per event.
// Views: main's side of a timeline move on that transfer's trace — the inspector, path and
// packet-count answers at 60 positions across it, each built and serialised as main sends it
// (the renderer's side is measured by test/e2e/viewsPerf.test.ts in Chromium).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CParser } from '../../core/index';
import { kernel, lang, views } from '../../core/index';
import { loadParser } from './parser';

type Figures = Record<string, number>;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function time<T>(fn: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = fn();
  return { ms: performance.now() - start, value };
}

/** timeCpu runs fn once and returns its wall and CPU milliseconds (this process's CPU time, which
 * other processes on a shared machine barely move). */
function timeCpu(fn: () => void): { ms: number; cpuMs: number } {
  const cpu = process.cpuUsage();
  const { ms } = time(fn);
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000 };
}

function runToExit(
  parser: CParser,
  text: string,
): { output: string; steps: number; ms: number; cpuMs: number } {
  const compiled = lang.compileProgram(parser, { path: 'bench.c', text });
  if (!compiled.program) throw new Error('the benchmark program did not compile');
  const host = new lang.MemoryHost();
  const vm = lang.createVm(compiled.program);
  const { ms, cpuMs } = timeCpu(() => {
    let result = lang.runSlice(vm, host, 5_000_000);
    while (result.k === 'yield') result = lang.runSlice(vm, host, 5_000_000);
    if (result.k !== 'exit') throw new Error(`the benchmark program ended with ${result.k}`);
  });
  return { output: host.out, steps: vm.steps, ms, cpuMs };
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

/** VM_REPS is how many warm runs of the VM benchmark the medians are taken over. */
const VM_REPS = 7;

/** vmFigures measures the C runtime: the first run is cold, the reported medians are of warm runs. */
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
  const expected = lang.vmBenchJs(1);
  const cold = runToExit(parser, source);
  // Each repetition times the VM and, right after, the plain-JavaScript version (median of
  // three). The ratio is of CPU time: on a shared machine a 10 ms JavaScript run usually fits
  // in one time slice while the longer VM run gets preempted, which skews a wall-time ratio.
  const reps = Array.from({ length: VM_REPS }, () => {
    const vm = runToExit(parser, source);
    const js = [0, 1, 2].map(() => timeCpu(() => lang.vmBenchJs(1)));
    return { vm, jsMs: median(js.map((r) => r.ms)), jsCpuMs: median(js.map((r) => r.cpuMs)) };
  });
  if ([cold, ...reps.map((r) => r.vm)].some((r) => r.output !== expected))
    throw new Error('the VM and plain JavaScript disagree');
  const vmMs = median(reps.map((r) => r.vm.ms));
  const jsMs = median(reps.map((r) => r.jsMs));
  const gcc = gccMs(source);
  const figures: Figures = {
    'vm.instructionsPerSecond': Math.round(cold.steps / (vmMs / 1000)),
    'vm.benchmarkMs': round(vmMs),
    'vm.benchmarkColdMs': round(cold.ms),
    'vm.plainJsMs': round(jsMs),
    'vm.ratioToPlainJs': round(median(reps.map((r) => r.vm.cpuMs / Math.max(r.jsCpuMs, 0.01)))),
    'vm.ratioToPlainJsWall': round(median(reps.map((r) => r.vm.ms / r.jsMs))),
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

/** viewsFigures times the view answers of one timeline move (built and JSON-encoded) at 60 positions across a 10 MiB transfer's trace, after the first answer laid the snapshot checkpoints. */
function viewsFigures(): Figures {
  const world = views.bulkTransferWorld(10 * 1024 * 1024);
  const v = new views.WorldViews(world);
  const warm = time(() => JSON.stringify(v.inspector())).ms;
  const answers = {
    inspector: (seq: number) => JSON.stringify(v.inspector(seq)),
    path: (seq: number) => JSON.stringify(v.path(seq)),
    packets: (seq: number) => JSON.stringify(v.packets(0, 1, seq)),
  };
  const figures: Figures = { 'views.trace.events': v.length, 'views.firstInspectorMs': round(warm) };
  for (const [name, answer] of Object.entries(answers)) {
    const runs = Array.from({ length: 60 }, (_, i) =>
      time(() => answer(Math.floor((v.length * (i + 1)) / 61))),
    );
    const ms = runs.map((r) => r.ms).sort((a, b) => a - b);
    figures[`views.${name}.medianMs`] = round(median(ms));
    figures[`views.${name}.p95Ms`] = round(ms[Math.floor(ms.length * 0.95)]!);
    figures[`views.${name}.medianBytes`] = median(runs.map((r) => r.value.length));
  }
  return figures;
}

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const figures = { ...(await vmFigures()), ...kernelFigures(), ...viewsFigures() };
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
