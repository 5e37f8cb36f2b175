// Real C programs compiled by core/lang running as tasks on the simulated kernel: a TCP server
// on `server` and clients on `client`, a forking server, exit statuses, signals, sleep in
// simulated time, and determinism of the whole run's trace.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { testParser } from '../../test/helpers/cParser';
import { World } from '../kernel/index';
import type { CParser } from '../lang/index';
import { compileProgram } from '../lang/index';
import { traceHash } from '../trace/index';
import { Exec, runProgram, type Proc } from './index';

const root = new URL('../../', import.meta.url).pathname;
const source = (name: string) => readFileSync(join(root, 'core/exec/testdata', name), 'utf8');

let parser: CParser;
beforeAll(async () => {
  parser = await testParser();
});

/** Out collects a stream's bytes as text. */
class Out {
  text = '';
  readonly sink = (b: Uint8Array) => {
    this.text += new TextDecoder().decode(b);
  };
}

function compile(name: string) {
  const r = compileProgram(parser, { path: name, text: source(name) });
  if (r.program === undefined) throw new Error(`${name} did not compile: ${JSON.stringify(r.diagnostics)}`);
  return r.program;
}

/** start spawns a testdata program on a host, its stdout and stderr into one Out. */
function start(x: Exec, name: string, host: string, out: Out, args: string[] = []): Proc {
  return x.spawn(compile(name), {
    host,
    argv: [name, ...args],
    stdout: out.sink,
    stderr: out.sink,
    tty: true,
  });
}

/** settle runs until every program exited or nothing can happen, failing after a generous budget. */
function settle(x: Exec, instructions = 50_000_000): string {
  const status = x.run({ instructions });
  if (status === 'budget') throw new Error(`got budget, want done or idle`);
  return status;
}

describe('Exec', () => {
  it('runs a TCP client on client against a C server on server when both are compiled C', () => {
    const x = new Exec(new World({ seed: 7, trace: 'syscalls' }));
    const so = new Out();
    const co = new Out();
    const server = start(x, 'server.c', 'server', so);
    const client = start(x, 'client.c', 'client', co, ['hello']);
    expect(settle(x)).toBe('done');
    expect(so.text).toBe('server got "hello" from 10.0.0.1\n');
    expect(co.text).toBe('client got "pong"\n');
    expect([server.status, client.status]).toEqual([0, 7]);
  });

  it('serves two clients from forked children when the server forks and reaps with SIGCHLD', () => {
    const x = new Exec(new World({ seed: 3, trace: 'syscalls' }));
    const so = new Out();
    const co = new Out();
    const server = start(x, 'forkserver.c', 'server', so);
    start(x, 'client.c', 'client', co, ['one']);
    start(x, 'client.c', 'client', co, ['two']);
    expect(settle(x)).toBe('done');
    expect(co.text).toBe('client got "pong"\nclient got "pong"\n');
    expect(so.text.split('\n').sort()).toEqual([
      '',
      'child 0 served one',
      'child 1 served two',
      'server done',
    ]);
    expect(server.status).toBe(0);
  });

  it('ends an infinite loop with status 130 when interrupted by Ctrl-C', () => {
    const x = new Exec(new World());
    const out = new Out();
    const p = start(x, 'spin.c', 'client', out);
    expect(x.run({ instructions: 200_000 })).toBe('budget');
    x.interrupt(p);
    expect(settle(x)).toBe('done');
    expect(out.text).toBe('spinning\n');
    expect(p.status).toBe(130);
  });

  it('runs the SIGINT handler when the program catches SIGINT while sleeping', () => {
    const x = new Exec(new World());
    const out = new Out();
    const p = start(x, 'sigint.c', 'client', out);
    x.run({ instructions: 100_000, untilNs: 3.5e9 });
    expect(p.state).toBe('blocked');
    x.interrupt(p);
    expect(settle(x)).toBe('done');
    expect(out.text).toBe('caught 2\n');
    expect(p.status).toBe(3);
  });

  it('advances simulated time when the program sleeps', () => {
    const x = new Exec(new World());
    const out = new Out();
    start(x, 'sleep.c', 'client', out);
    expect(settle(x)).toBe('done');
    expect(out.text).toBe('slept 2500 ms\nto stderr\n');
    expect(x.world.sim.now).toBe(2.5e9);
  });

  it('gives the same trace hash when the same seed runs twice', () => {
    const hashOf = (seed: number) => {
      const x = new Exec(new World({ seed, trace: 'full' }));
      const o = new Out();
      start(x, 'server.c', 'server', o);
      start(x, 'client.c', 'client', o);
      settle(x);
      return { hash: traceHash(x.world.trace), out: o.text, events: x.world.trace.length };
    };
    const a = hashOf(11);
    expect(a.events).toBeGreaterThan(100);
    expect(hashOf(11)).toEqual(a);
    expect(hashOf(12).hash).not.toBe(a.hash);
  });
});

describe('runProgram', () => {
  const base = { stdout: () => {}, stderr: () => {} };

  it('returns gcc-style messages when the file does not compile', () => {
    const r = runProgram({ ...base, parser, path: 'bad.c', text: 'int main(void) { return x; }\n' });
    expect(r.k).toBe('compile');
    if (r.k === 'compile') expect(r.text).toMatch(/^bad\.c:1:25: error: .*x/m);
  });

  it('refuses an unknown sysctl key and a value of the wrong shape', () => {
    const text = 'int main(void) { return 0; }\n';
    const unknown = runProgram({ ...base, parser, path: 'a.c', text, sysctls: [['net.ipv4.nope', '1']] });
    expect(unknown).toMatchObject({ k: 'error', message: expect.stringContaining('net.ipv4.nope') });
    const bad = runProgram({
      ...base,
      parser,
      path: 'a.c',
      text,
      sysctls: [['net.ipv4.ip_default_ttl', 'x']],
    });
    expect(bad).toMatchObject({ k: 'error', message: expect.stringContaining('Invalid argument') });
  });

  it('sets a sysctl on the program host before it starts when the value is valid', () => {
    const text = 'int main(void) { return 0; }\n';
    const r = runProgram({
      ...base,
      parser,
      path: 'a.c',
      text,
      sysctls: [['net.ipv4.ping_group_range', '0 2147483647']],
    });
    expect(r.k).toBe('ready');
    if (r.k === 'ready') expect(r.proc.host.sysctl['net.ipv4.ping_group_range']).toEqual([0, 2147483647]);
  });
});
