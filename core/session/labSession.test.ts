// LabSession: one world shared by terminals, run in bounded rounds through an injected
// scheduler, with change notifications, reset and kernel switch, sleep in simulated time and
// the log of commands and outputs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { testParser } from '../../test/helpers/cParser';
import type { CParser, CompiledProgram } from '../lang/index';
import { compileProgram } from '../lang/index';
import { KILLED_STATUS, LabSession, type LabSessionChange } from './index';

const root = new URL('../../', import.meta.url).pathname;
let parser: CParser;
let spin: CompiledProgram;
let accept: CompiledProgram;

beforeAll(async () => {
  parser = await testParser();
  const compile = (name: string) =>
    compileProgram(parser, {
      path: name,
      text: readFileSync(join(root, 'core/shell/testdata', name), 'utf8'),
    }).program!;
  spin = compile('spin.c');
  accept = compile('echosrv.c');
});

/** manual is a scheduler the test runs by hand: each call of step() is one macrotask. */
function manual() {
  const queue: (() => void)[] = [];
  return {
    defer: (fn: () => void) => void queue.push(fn),
    step: () => queue.shift()?.(),
    get pending() {
      return queue.length;
    },
  };
}

const sink = (into: string[]) => (b: Uint8Array) => void into.push(new TextDecoder().decode(b));

describe('LabSession', () => {
  it('runs a spinning program in bounded rounds, one per macrotask, and stops it on interrupt', () => {
    const m = manual();
    const session = new LabSession({ parser, defer: m.defer });
    const out: string[] = [];
    let status: number | undefined;
    const p = session.spawn(
      spin,
      { host: 'client', stdout: sink(out), stderr: sink(out), tty: true },
      {
        foreground: true,
        onExit: (s) => (status = s),
      },
    );
    expect(m.pending).toBe(1);
    for (let i = 0; i < 5; i++) m.step();
    expect(m.pending).toBe(1); // still spinning: one more round queued, never a loop without yielding
    expect(out).toEqual(['spinning\n']);
    session.interrupt(p);
    while (m.pending > 0) m.step();
    expect(status).toBe(130);
    expect(session.log.at(-1)).toEqual({ kind: 'exit', host: 'client', pid: p.pid, status: 130 });
  });

  it('tells onStop when a program stops and continues, and lets no time run for a stopped foreground program', () => {
    const session = new LabSession({ parser });
    const heard: (number | null)[] = [];
    const p = session.spawn(
      accept,
      { host: 'server', stdout: () => {}, stderr: () => {}, tty: true },
      { foreground: true, onExit: () => {}, onStop: (s) => heard.push(s) },
    );
    session.settle(3);
    session.exec.signal(p, 19);
    session.sleep(5e9, () => {}, false); // an event in the future that only a waited-for program would run to
    const t0 = session.world.sim.now;
    expect(session.settle()).toBe(false);
    expect([heard, session.world.sim.now]).toEqual([[19], t0]);
    session.exec.signal(p, 18);
    session.settle(3);
    expect(heard).toEqual([19, null]);
    expect(session.world.sim.now).toBeGreaterThan(t0);
  });

  it('reports trace progress at most once per round and a reset with a fresh world', () => {
    const session = new LabSession({ parser, trace: 'syscalls' });
    const changes: LabSessionChange[] = [];
    session.onChange((c) => changes.push(c));
    let status: number | undefined;
    session.spawn(
      accept,
      { host: 'server', stdout: () => {}, stderr: () => {}, tty: true },
      {
        foreground: false,
        onExit: (s) => (status = s),
      },
    );
    expect(session.settle()).toBe(false); // blocked in accept: nothing more can happen
    const traces = changes.filter((c) => c.kind === 'trace');
    expect(traces).toHaveLength(1);
    expect(traces[0]).toEqual({ kind: 'trace', seq: session.world.trace.length - 1 });
    const before = session.world;
    session.reset();
    expect(session.world).not.toBe(before);
    expect(status).toBe(KILLED_STATUS);
    expect(changes.at(-1)).toEqual({ kind: 'reset' });
  });

  it('switches the kernel era with a new world', () => {
    const session = new LabSession({ parser });
    expect(session.kernel).toBe('3.10');
    session.switchKernel('6.x');
    expect(session.kernel).toBe('6.x');
    expect(session.world.host('client').profile.version).toBe('6.x');
  });

  it('lets simulated time run exactly the slept time, and not beyond while only a server waits', () => {
    const session = new LabSession({ parser });
    session.spawn(
      accept,
      { host: 'server', stdout: () => {}, stderr: () => {}, tty: true },
      {
        foreground: false,
        onExit: () => {},
      },
    );
    session.settle();
    const t0 = session.world.sim.now;
    let woke = false;
    session.sleep(1_500_000_000, () => (woke = true));
    session.settle();
    expect(woke).toBe(true);
    expect(session.world.sim.now - t0).toBe(1_500_000_000);
  });

  it('logs the commands run with their status once ended', () => {
    const session = new LabSession({ parser });
    const entry = session.logCommand('server', 'ss -tanp');
    entry.status = 0;
    expect(session.log).toEqual([{ kind: 'command', host: 'server', line: 'ss -tanp', status: 0 }]);
  });
});
