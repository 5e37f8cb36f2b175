// core/lang runs students' C programs: it preprocesses a file with SockLab's system headers,
// parses it with tree-sitter-c into a small AST, checks types and layout as gcc does on x86-64
// Linux (reporting gcc-style diagnostics and refusing constructs outside SockLab's C subset),
// compiles it to one bytecode chunk with a line table, and runs it in a VM whose whole state is
// plain data, in bounded slices that stop on a blocking system call, a fault or exit. The
// operating system is reached only through the injected Host (vm/host.ts).
//
// Decisions: libc functions that need no OS (printf family, string.h, malloc, strtol) are
// TypeScript built-ins over VM memory (libc/), called through CALLB like any function, so they
// are fast, checked against the protection map, and have no start-up cost; OS functions pass
// to Host.syscall. float/double are supported. Programs compiled with `raw: true` skip the
// preprocessor and get a prelude declaring the built-ins (unit tests). The REPL (repl.ts)
// compiles one typed line at a time onto a persistent program state; core/exec runs it.
import { check } from './check';
import type { Program } from './check/ir';
import type { Chunk, FixedLayout } from './compile';
import { compile } from './compile';
import type { Diagnostic } from './diagnostics';
import { hasErrors } from './diagnostics';
import { PRELUDE, isBuiltin, libcInit, resolveBuiltins } from './libc';
import type { CParser } from './parse/parser';
import { preprocess } from './preprocess';
import type { Host } from './vm/host';
import type { RunResult } from './vm/result';
import { run } from './vm/run';
import type { VmOptions, VmState } from './vm/state';
import { createVm as createState } from './vm/state';

export type { CParser, WasmBytes } from './parse/parser';
export { createCParser } from './parse/parser';
export type { Chunk } from './compile';
export { disassemble } from './compile';
export type { Host, MemoryAccess, SyscallResult } from './vm/host';
export type { RunResult } from './vm/result';
export type { Fault, VmOptions, VmState } from './vm/state';
export { currentLine, forkVm } from './vm/state';
export { completeCall, deliverSignal } from './vm/signal';
export { OPCODES } from './compile/opcodes';
export { MemoryHost } from './vm/memoryHost';
export { isBuiltin } from './libc';
export { compileBenchSource, vmBenchJs, vmBenchSource } from './bench/vmBench';

/** CompiledProgram is a chunk plus the addresses of its static objects. */
export interface CompiledProgram {
  readonly chunk: Chunk;
  readonly symbols: ReadonlyMap<string, number>;
}

/** CompileInput is one C file and how to read the student's other files. */
export interface CompileInput {
  readonly path: string;
  readonly text: string;
  readonly readFile?: (path: string) => string | undefined;
  readonly defines?: Readonly<Record<string, string>>;
  /** Skip the preprocessor and declare libc with a built-in prelude instead (tests). */
  readonly raw?: boolean;
  /** transform may rewrite the checked program before it is compiled (the REPL captures values this way). */
  readonly transform?: (program: Program) => void;
  /** layout fixes where literals and the heap go (see FixedLayout). */
  readonly layout?: FixedLayout;
}

/** CompileOutput is the program (absent after an error) and every diagnostic of every stage. */
export interface CompileOutput {
  readonly program?: CompiledProgram;
  readonly diagnostics: Diagnostic[];
}

/** compileProgram runs preprocess → parse → check → compile on one file. */
export function compileProgram(parser: CParser, input: CompileInput): CompileOutput {
  const diagnostics: Diagnostic[] = [];
  let code = input.text;
  let lineMap: { file: string; line: number }[] | undefined;
  if (input.raw !== true) {
    const pp = preprocess({
      path: input.path,
      text: input.text,
      readFile: input.readFile ?? (() => undefined),
      ...(input.defines === undefined ? {} : { defines: input.defines }),
    });
    diagnostics.push(...pp.diagnostics);
    if (hasErrors(pp.diagnostics)) return { diagnostics };
    code = pp.code;
    lineMap = pp.lineMap;
  }
  const src = lineMap === undefined ? { file: input.path } : { file: input.path, lineMap };
  const units = [];
  if (input.raw === true) {
    const pre = parser.parse(PRELUDE, { file: '<prelude>' });
    if (pre.unit === undefined) throw new Error(`prelude: ${JSON.stringify(pre.diagnostics)}`);
    units.push({ unit: pre.unit, src: { file: '<prelude>' } });
  }
  const parsed = parser.parse(code, src);
  diagnostics.push(...parsed.diagnostics);
  if (parsed.unit === undefined) return { diagnostics };
  units.push({ unit: parsed.unit, src });
  const checked = check(units);
  diagnostics.push(...checked.diagnostics);
  if (checked.program === undefined) return { diagnostics };
  input.transform?.(checked.program);
  const compiled = compile(checked.program, {
    file: input.path,
    isBuiltin,
    ...(input.layout === undefined ? {} : { layout: input.layout }),
  });
  diagnostics.push(...compiled.diagnostics);
  if (compiled.chunk === undefined) return { diagnostics };
  return { program: { chunk: compiled.chunk, symbols: compiled.symbols! }, diagnostics };
}

/** createVm lays out a compiled program in a fresh address space with libc initialised. */
export function createVm(program: CompiledProgram, opts: Omit<VmOptions, 'symbols'> = {}): VmState {
  const state = createState(program.chunk, { ...opts, symbols: program.symbols });
  libcInit(state);
  return state;
}

/** exitStatus is the status a shell reports for a finished program: its exit code, or 128+N after signal N. */
export function exitStatus(r: RunResult): number | undefined {
  if (r.k === 'exit') return r.code;
  if (r.k === 'fault') return 128 + r.fault.signal;
  return undefined;
}

const resolved = new WeakMap<Chunk, ReturnType<typeof resolveBuiltins>>();

/** runSlice runs a program for at most `budget` instructions with the given host. */
export function runSlice(state: VmState, host: Host, budget: number): RunResult {
  let builtins = resolved.get(state.chunk);
  if (builtins === undefined) {
    builtins = resolveBuiltins(state.chunk);
    resolved.set(state.chunk, builtins);
  }
  return run(state, budget, { host, builtins });
}
