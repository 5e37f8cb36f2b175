import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CParser, CompiledProgram, VmState } from '../index';
import {
  completeCall,
  compileProgram,
  deliverSignal,
  createCParser,
  createVm,
  currentLine,
  disassemble,
  forkVm,
  runSlice,
} from '../index';
import type { Host } from './host';
import { MemoryHost } from './memoryHost';

let parser: CParser;
beforeAll(async () => {
  const nm = new URL('../../../node_modules/', import.meta.url);
  parser = await createCParser({
    runtimeWasm: readFileSync(new URL('web-tree-sitter/web-tree-sitter.wasm', nm)),
    languageWasm: readFileSync(new URL('tree-sitter-c/tree-sitter-c.wasm', nm)),
  });
});

function build(text: string): CompiledProgram {
  const out = compileProgram(parser, { path: 't.c', text, raw: true });
  expect(out.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return out.program!;
}

const LOOP = `int main(void) {
  int total = 0;
  for (int i = 0; i < 1000; i++)
    total += i;
  printf("%d\\n", total);
  return 0;
}`;

describe('vm', () => {
  it('gives the same output in small slices when the budget runs out repeatedly', () => {
    const host = new MemoryHost();
    const vm = createVm(build(LOOP));
    let slices = 0;
    let r = runSlice(vm, host, 7);
    while (r.k === 'yield') {
      slices++;
      r = runSlice(vm, host, 7);
    }
    expect(r).toEqual({ k: 'exit', code: 0 });
    expect(host.out).toBe('499500\n');
    expect(slices).toBeGreaterThan(100);
  });

  it('stops at each new source line when single-stepping', () => {
    const vm = createVm(build('int main(void) {\n  int a = 1;\n  a = a + 1;\n  return a;\n}'));
    vm.trap.step = true;
    const host = new MemoryHost();
    const seen: number[] = [];
    for (let r = runSlice(vm, host, 1000); r.k !== 'exit'; r = runSlice(vm, host, 1000)) {
      if (r.k === 'step') seen.push(r.line);
    }
    expect(seen).toEqual([2, 3, 4]);
    expect(vm.exitCode).toBe(2);
  });

  it('stops on a breakpoint line when it is set', () => {
    const vm = createVm(build(LOOP));
    vm.trap.breakpoints.push(5);
    const r = runSlice(vm, new MemoryHost(), 1_000_000);
    expect(r).toEqual({ k: 'step', line: 5 });
    expect(currentLine(vm)).toBe(5);
  });

  it('re-runs a blocked call after wake-up when the host blocks once', () => {
    let blocked = false;
    const out: number[] = [];
    const host: Host = {
      syscall(name, args, mem) {
        if (name === 'read') {
          if (!blocked) {
            blocked = true;
            return { block: 'rx-queue' };
          }
          mem.write(args[1]!, Uint8Array.from([104, 105]));
          return 2;
        }
        if (name === 'write') {
          out.push(...mem.read(args[1]!, args[2]!)!);
          return args[2]!;
        }
        return -38;
      },
      call: () => -38,
    };
    const vm = createVm(
      build(
        'int main(void) { char b[3] = {0}; long n = read(0, b, 2); printf("%ld %s\\n", n, b); return 0; }',
      ),
    );
    expect(runSlice(vm, host, 100_000)).toEqual({ k: 'block', token: 'rx-queue' });
    expect(runSlice(vm, host, 100_000)).toEqual({ k: 'exit', code: 0 });
    expect(String.fromCharCode(...out)).toBe('2 hi\n');
  });

  it('runs a copy independently when the state is forked mid-run', () => {
    const vm = createVm(
      build('int g;\nint main(void) {\n  g = 1;\n  g = g + 10;\n  printf("%d\\n", g);\n  return g;\n}'),
    );
    vm.trap.breakpoints.push(4);
    expect(runSlice(vm, new MemoryHost(), 1000).k).toBe('step');
    vm.trap.breakpoints.length = 0;
    const child = forkVm(vm);
    const h1 = new MemoryHost();
    const h2 = new MemoryHost();
    expect(runSlice(child, h2, 100_000)).toEqual({ k: 'exit', code: 11 });
    expect(runSlice(vm, h1, 100_000)).toEqual({ k: 'exit', code: 11 });
    expect([h1.out, h2.out]).toEqual(['11\n', '11\n']);
  });

  it('survives structuredClone when the state is plain data', () => {
    const vm = createVm(build(LOOP));
    runSlice(vm, new MemoryHost(), 500);
    const copy = structuredClone(vm);
    const host = new MemoryHost();
    let r = runSlice(copy, host, 1_000_000);
    while (r.k === 'yield') r = runSlice(copy, host, 1_000_000);
    expect(host.out).toBe('499500\n');
  });

  it('flushes stdout before writing stderr when both are used', () => {
    const host = new MemoryHost('', false);
    const vm = createVm(
      build(
        'int main(void) { printf("out1 "); fprintf(stderr, "err %d\\n", 2); printf("out2\\n"); return 0; }',
      ),
    );
    expect(runSlice(vm, host, 100_000)).toEqual({ k: 'exit', code: 0 });
    expect([host.out, host.err]).toEqual(['out1 out2\n', 'err 2\n']);
  });

  it('sets errno when a system call fails', () => {
    const host = new MemoryHost();
    const vm = createVm(
      build('int main(void) { char c; long r = read(7, &c, 1); printf("%ld %d\\n", r, errno); return 0; }'),
    );
    expect(runSlice(vm, host, 100_000)).toEqual({ k: 'exit', code: 0 });
    expect(host.out).toBe('-1 9\n');
  });

  it('gives the child 0 and the parent a pid when a host forks inside the call', () => {
    const states: VmState[] = [];
    const host: Host = {
      syscall(name, args, mem) {
        return name === 'write' ? (out.push(...mem.read(args[1]!, args[2]!)!), args[2]!) : -38;
      },
      call(name) {
        if (name !== 'fork') return -38;
        const child = forkVm(states[0]!);
        completeCall(child, 0);
        states.push(child);
        return 4242;
      },
    };
    const out: number[] = [];
    states.push(
      createVm(
        build(
          'int main(void) { int pid = fork(); printf("%s %d\\n", pid ? "parent" : "child", pid); return 0; }',
        ),
      ),
    );
    expect(runSlice(states[0]!, host, 100_000)).toEqual({ k: 'exit', code: 0 });
    expect(runSlice(states[1]!, host, 100_000)).toEqual({ k: 'exit', code: 0 });
    expect(String.fromCharCode(...out)).toBe('parent 4242\nchild 0\n');
  });

  it('runs a C signal handler and resumes the blocked call when a signal is delivered', () => {
    let calls = 0;
    const host: Host = {
      syscall(name, args, mem) {
        if (name === 'read') return ++calls === 1 ? { block: 'wait' } : 0;
        if (name === 'write') return (out.push(...mem.read(args[1]!, args[2]!)!), args[2]!);
        return -38;
      },
      call: () => -38,
    };
    const out: number[] = [];
    const src =
      'int got; void on_sig(int s) { got = s; printf("handler %d\\n", s); }\nint main(void) { char c; long n = read(0, &c, 1); printf("read %ld got %d\\n", n, got); return 0; }';
    const program = build(src);
    const vm = createVm(program);
    expect(runSlice(vm, host, 100_000).k).toBe('block');
    const handler = 0x1000 + program.chunk.funcs.findIndex((f) => f.name === 'on_sig');
    expect(deliverSignal(vm, handler, 17)).toBe(true);
    expect(runSlice(vm, host, 100_000)).toEqual({ k: 'exit', code: 0 });
    expect(String.fromCharCode(...out)).toBe('handler 17\nread 0 got 17\n');
  });

  it('lists instructions with lines when disassembled', () => {
    const text = disassemble(build('int main(void) {\n  return 2 + 3;\n}').chunk);
    expect(text).toContain('main:');
    expect(text).toMatch(/ {3}2 CONST_I 5/);
    expect(text).toContain('CALLB exit 1');
  });
});
