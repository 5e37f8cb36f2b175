// The C REPL as a process on the simulated kernel: fds persist between lines, blocking calls
// let the world run (a TCP exchange with a C server on `server`), Ctrl-C and faults end only
// the line, and exit() ends the REPL.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { testParser } from '../../test/helpers/cParser';
import { World } from '../kernel/index';
import type { CParser } from '../lang/index';
import { compileProgram } from '../lang/index';
import { Exec, ExecRepl } from './index';

const root = new URL('../../', import.meta.url).pathname;
let parser: CParser;
beforeAll(async () => {
  parser = await testParser();
});

/** setup starts a REPL on client whose program output goes to `out.text`. */
function setup() {
  const exec = new Exec(new World({ seed: 5 }));
  const out = { text: '' };
  const sink = (b: Uint8Array) => {
    out.text += new TextDecoder().decode(b);
  };
  const repl = new ExecRepl(exec, { parser, host: 'client', stdout: sink, stderr: sink, tty: true });
  /** line evaluates a line to its end and returns the program's output followed by the REPL's text. */
  const line = (text: string): string => {
    out.text = '';
    const r = repl.evalSync(text);
    const shown = r.k === 'done' || r.k === 'fault' || r.k === 'error' ? r.text : `<${r.k}>`;
    return out.text + shown;
  };
  return { exec, repl, line };
}

describe('ExecRepl', () => {
  it('prints fd = 3 for the first socket and keeps the fd for later lines', () => {
    const { line } = setup();
    expect(line('int fd = socket(AF_INET, SOCK_STREAM, 0);')).toBe('fd = 3\n');
    expect(line('int u = socket(AF_INET, SOCK_DGRAM, 0);')).toBe('u = 4\n');
    expect(line('close(fd)')).toBe('close(fd) = 0\n');
    expect(line('close(fd)')).toBe('close(fd) = -1\n');
    expect(line('errno == EBADF')).toBe('errno == EBADF = 1\n');
  });

  it('talks TCP to a C server on server when lines connect, send and recv', () => {
    const { exec, line } = setup();
    const server = compileProgram(parser, {
      path: 'server.c',
      text: readFileSync(join(root, 'core/exec/testdata/server.c'), 'utf8'),
    });
    let served = '';
    exec.spawn(server.program!, {
      host: 'server',
      stdout: (b) => (served += new TextDecoder().decode(b)),
      stderr: () => {},
      tty: false,
    });
    expect(line('int s = socket(AF_INET, SOCK_STREAM, 0);')).toBe('s = 3\n');
    expect(line('struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(5000) };')).toBe(
      'a = {sin_family = 2, sin_port = 34835, sin_addr = {s_addr = 0}, sin_zero = ""}\n',
    );
    expect(line('inet_pton(AF_INET, "10.0.0.2", &a.sin_addr)')).toBe(
      'inet_pton(AF_INET, "10.0.0.2", &a.sin_addr) = 1\n',
    );
    expect(line('connect(s, (struct sockaddr *)&a, sizeof a)')).toBe(
      'connect(s, (struct sockaddr *)&a, sizeof a) = 0\n',
    );
    expect(line('send(s, "ping", 4, 0)')).toBe('send(s, "ping", 4, 0) = 4\n');
    expect(line('char buf[16] = "";')).toBe('buf = ""\n');
    expect(line('recv(s, buf, sizeof buf - 1, 0)')).toBe('recv(s, buf, sizeof buf - 1, 0) = 4\n');
    expect(line('buf')).toBe('buf = "pong"\n');
    expect(served).toBe('server got "ping" from 10.0.0.1\n');
  });

  it('ends only the line when Ctrl-C interrupts a blocking accept', () => {
    const { exec, repl, line } = setup();
    line('int l = socket(AF_INET, SOCK_STREAM, 0);');
    line('struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(7000) };');
    expect(line('bind(l, (struct sockaddr *)&a, sizeof a) | listen(l, 1)')).toBe(
      'bind(l, (struct sockaddr *)&a, sizeof a) | listen(l, 1) = 0\n',
    );
    expect(repl.eval('accept(l, NULL, NULL)')).toEqual({ k: 'running' });
    expect(exec.run({ instructions: 1_000_000 })).toBe('idle');
    expect([repl.busy, repl.take()]).toEqual([true, null]);
    exec.interrupt(repl.proc);
    exec.run({ instructions: 1_000_000, stop: () => !repl.busy });
    expect(repl.take()).toEqual({ k: 'killed', status: 130 });
    expect(line('l')).toBe('l = 3\n');
  });

  it('reports a fault without its line number and keeps the scope', () => {
    const { line } = setup();
    line('int keep = 7;');
    expect(line('*(int *)0 = 1;')).toBe('Segmentation fault (address 0x0)\n');
    expect(line('keep')).toBe('keep = 7\n');
  });

  it('prints program output before the value and ends the process on exit()', () => {
    const { repl, line } = setup();
    expect(line('printf("hi\\n")')).toBe('hi\nprintf("hi\\n") = 3\n');
    expect(line('exit(4);')).toBe('<exit>');
    expect(repl.proc.state).toBe('exited');
    expect(repl.eval('1')).toEqual({ k: 'error', text: 'c: this REPL has ended (exit was called)\n' });
  });
});
