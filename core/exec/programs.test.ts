// Programs as tests on the simulated kernel: each folder under test/c/world/ is one scenario
// whose C files start in name order as tasks of one world (`1-server.c` before `2-client.c`).
// Each file says where and how it runs and what it must print, in comments:
//   // host: server            (default client)
//   // args: 10.0.0.2 hello    (argv after argv[0], split on spaces)
//   // stdin: a line           (typed on the terminal, in order; then Ctrl-D — without any, the terminal stays open)
//   // expect: a stdout line   (every line the program prints, in order; stderr is compared too, after stdout)
//   // expect exit: 0          (the exit status, or `blocked` for a server still waiting when the world is idle)
//   // services: inetd         (start the standard services on server first, as `socklab run` does)
// The world runs until every program has exited or nothing more can happen, once per kernel era.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { testParser } from '../../test/helpers/cParser';
import { World, type KernelVersion } from '../kernel/index';
import type { CParser } from '../lang/index';
import { compileProgram } from '../lang/index';
import { formatDiagnostics, sourceLines } from '../lang/diagnostics';
import { Exec, KERNEL_VERSIONS, startServices, type Proc } from './index';

const root = new URL('../../', import.meta.url).pathname;
const worldDir = join(root, 'test/c/world');

let parser: CParser;
beforeAll(async () => {
  parser = await testParser();
});

/** Spec is one program of a scenario and what it must do. */
interface Spec {
  readonly file: string;
  readonly text: string;
  readonly host: string;
  readonly args: string[];
  readonly stdin: string[];
  readonly expect: string[];
  readonly exit: string;
}

function spec(dir: string, file: string): Spec {
  const text = readFileSync(join(dir, file), 'utf8');
  const all = (key: string) =>
    [...text.matchAll(new RegExp(`^\\s*// ${key}: ?(.*)$`, 'gm'))].map((m) => m[1]!);
  return {
    file,
    text,
    host: all('host')[0] ?? 'client',
    args: (all('args')[0] ?? '').split(' ').filter((a) => a !== ''),
    stdin: all('stdin'),
    expect: all('expect'),
    exit: all('expect exit')[0] ?? '0',
  };
}

/** runScenario runs a folder's programs together and returns each one's output and end. */
function runScenario(dir: string, kernel: KernelVersion): { spec: Spec; out: string; end: string }[] {
  const specs = readdirSync(dir)
    .filter((f) => f.endsWith('.c'))
    .sort()
    .map((f) => spec(dir, f));
  if (specs.length === 0) throw new Error(`${dir}: got no .c files, want at least one`);
  const x = new Exec(new World({ seed: 1, kernel }));
  if (specs.some((s) => /^\s*\/\/ services: inetd$/m.test(s.text))) startServices(x, parser);
  const runs = specs.map((s) => {
    const compiled = compileProgram(parser, { path: s.file, text: s.text });
    if (compiled.program === undefined)
      throw new Error(
        formatDiagnostics(compiled.diagnostics, { getLine: sourceLines(new Map([[s.file, s.text]])) }),
      );
    const run = { spec: s, out: '', proc: undefined as Proc | undefined };
    const sink = (b: Uint8Array) => {
      run.out += new TextDecoder().decode(b);
    };
    run.proc = x.spawn(compiled.program, {
      host: s.host,
      argv: [s.file.replace(/^\d+-/, '').replace(/\.c$/, ''), ...s.args],
      stdout: sink,
      stderr: sink,
      tty: true,
    });
    return run;
  });
  const stdin = specs.flatMap((s) => s.stdin);
  if (stdin.length > 0) {
    x.writeStdin(new TextEncoder().encode(stdin.map((l) => `${l}\n`).join('')));
    x.endStdin();
  }
  const status = x.run({ instructions: 200_000_000 });
  if (status === 'budget') throw new Error(`${dir}: got budget, want done or idle`);
  return runs.map((r) => ({
    spec: r.spec,
    out: r.out,
    end: r.proc!.state === 'exited' ? String(r.proc!.status) : r.proc!.state,
  }));
}

describe('C programs on the simulated world', () => {
  const scenarios = readdirSync(worldDir, { withFileTypes: true }).filter((e) => e.isDirectory());
  it('finds the scenarios when test/c/world is present', () => {
    expect(scenarios.length).toBeGreaterThan(0);
  });
  for (const sc of scenarios) {
    it.each(KERNEL_VERSIONS)(
      `${sc.name} prints what each program expects and ends as expected on kernel %s`,
      (kernel) => {
        for (const r of runScenario(join(worldDir, sc.name), kernel)) {
          const lines = r.out.split('\n');
          if (lines[lines.length - 1] === '') lines.pop();
          expect({ file: r.spec.file, lines, end: r.end }).toEqual({
            file: r.spec.file,
            lines: r.spec.expect,
            end: r.spec.exit,
          });
        }
      },
    );
  }
});
