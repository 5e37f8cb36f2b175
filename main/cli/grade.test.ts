// `socklab grade` driven in-process: a folder of 30 submissions to the socket-create lab
// (reference copies as folders and as lone .c files, both wrong solutions, a program that loops
// for ever, one that crashes, one that does not compile, and an empty folder), every one
// reported in text, JSON and JUnit; every lab's reference and wrong solutions through the CLI;
// and the usage errors.
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { readLabs } from '../host/labsDisk';
import type { Lab } from '../../labs/index';
import { socklab } from './dispatch';
import type { CliIo } from './io';

const root = new URL('../../', import.meta.url).pathname;
const labDir = join(root, 'labs/01-socket-create');
const dir = mkdtempSync(join(tmpdir(), 'socklab-grade-'));
const subs = join(dir, 'submissions');

async function grade(args: string[]): Promise<{ status: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = {
    stdout: (c) => void (out += String(c)),
    stderr: (c) => void (err += String(c)),
    stdin: Readable.from([]),
    stdoutIsTty: false,
    cwd: dir,
    onInterrupt: () => () => {},
  };
  const status = await socklab(['grade', ...args], io);
  return { status, out, err };
}

const C = (body: string) => `#include <stdio.h>\nint main(void) {\n${body}\n}\n`;

beforeAll(() => {
  for (let i = 1; i <= 20; i++)
    cpSync(join(labDir, 'solution'), join(subs, `s${String(i).padStart(2, '0')}`), { recursive: true });
  for (const i of [21, 22]) cpSync(join(labDir, 'solution/socket.c'), join(subs, `s${i}.c`));
  for (const w of ['stream-udp', 'raw-as-dgram'])
    for (const i of [1, 2]) cpSync(join(labDir, 'wrong', w), join(subs, `w-${w}-${i}`), { recursive: true });
  writeFileSync(join(subs, 'x-loop.c'), C('  for (;;) {}'));
  writeFileSync(join(subs, 'x-crash.c'), C('  int *p = 0;\n  *p = 1;\n  return 0;'));
  writeFileSync(join(subs, 'x-syntax.c'), C('  int x = ;\n  return 0;'));
  mkdirSync(join(subs, 'x-empty'));
});

describe('socklab grade', { timeout: 120_000 }, () => {
  it('reports each of 30 submissions in text, a looping and a crashing one included', async () => {
    const r = await grade(['socket-create', '--budget', '2000000', 'submissions']);
    expect(r.err).toBe('');
    expect(r.status).toBe(1);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('socket-create: 30 submission(s), 22 passed');
    const rows = lines.filter((l) => /^[swx]\S*\s+(PASS|FAIL|ERROR)/.test(l));
    expect(rows).toHaveLength(30);
    expect(rows.filter((l) => / PASS {2}5\/5 steps$/.test(l))).toHaveLength(22);
    const block = (name: string) =>
      r.out.slice(r.out.indexOf(`\n${name} `), r.out.indexOf('\n', r.out.indexOf(`\n${name} `) + 1) + 400);
    expect(block('x-loop.c')).toContain(
      'socket.c was still running after 2000000 instructions: does it loop forever?',
    );
    expect(r.out).toMatch(/x-crash\.c\s+FAIL {2}0\/5 steps/);
    expect(block('x-crash.c')).toContain('socket.c crashed: Segmentation fault (address 0x0, line 4)');
    expect(block('x-syntax.c')).toContain('socket.c did not compile:');
    expect(block('x-empty')).toContain('the submission has no socket.c');
    expect(block('w-stream-udp-1')).toContain('protocol=17');
    expect(block('w-raw-as-dgram-2')).toMatch(/✗ step raw\n/);
  });

  it('prints JSON with every step of every submission and JUnit with one suite per submission', async () => {
    const j = await grade(['socket-create', '--format', 'json', '--budget', '2000000', 'submissions']);
    const report = JSON.parse(j.out) as {
      lab: string;
      submissions: Array<{ name: string; ok: boolean; passed: number; total: number }>;
    };
    expect(report.lab).toBe('socket-create');
    expect(report.submissions.map((s) => [s.name, s.ok, s.passed])).toEqual([
      ...Array.from({ length: 20 }, (_, i) => [`s${String(i + 1).padStart(2, '0')}`, true, 5]),
      ['s21.c', true, 5],
      ['s22.c', true, 5],
      ['w-raw-as-dgram-1', false, 4],
      ['w-raw-as-dgram-2', false, 4],
      ['w-stream-udp-1', false, 4],
      ['w-stream-udp-2', false, 4],
      ['x-crash.c', false, 0],
      ['x-empty', false, 0],
      ['x-loop.c', false, 0],
      ['x-syntax.c', false, 0],
    ]);
    const x = await grade(['socket-create', '--format=junit', '--budget=2000000', 'submissions']);
    expect(x.out.split('\n')[1]).toBe('<testsuites name="socket-create" tests="30" failures="8">');
    expect(x.out.match(/<testsuite /g)).toHaveLength(30);
    expect(x.out.match(/<failure /g)).toHaveLength(4 + 5 * 4);
    expect(x.out).toContain('<testcase classname="socket-create/s01" name="tcp"/>');
  });

  it('grades one submission given as a folder holding the student files', async () => {
    const r = await grade([labDir, 'submissions/s01']);
    expect(r.out).toBe('socket-create: 1 submission(s), 1 passed\ns01  PASS  5/5 steps\n');
    expect(r.status).toBe(0);
  });

  it.each([
    [[], 'a lab and at least one submission are needed'],
    [['socket-create'], 'a lab and at least one submission are needed'],
    [['socket-create', '--format', 'xml', 'a.c'], "--format wants text, json or junit, got 'xml'"],
    [['socket-create', '--budget', '0', 'a.c'], "--budget wants a positive integer, got '0'"],
    [['socket-create', '--color', 'a.c'], "unknown option '--color'"],
    [['no-such-lab', 'submissions'], "no lab 'no-such-lab'"],
    [['socket-create', 'missing.c'], 'missing.c: no such file or folder'],
  ])('refuses %j with a usage error', async (args, message) => {
    const r = await grade(args);
    expect(r.status).toBe(2);
    expect(r.err).toContain(message);
    expect(r.out).toBe('');
  });
});

describe('socklab grade on every lab', { timeout: 120_000 }, () => {
  const labs = readLabs(join(root, 'labs')).filter((l): l is Lab => l.ok);
  it.each(labs.map((l) => [l.spec.id, l] as const))(
    '%s: passes the reference and fails each wrong solution at its step',
    async (id, lab) => {
      const base = join(root, 'labs', lab.folder);
      const ref = await grade([id, join(base, 'solution')]);
      expect(ref.out).toContain(' PASS ');
      expect(ref.status).toBe(0);
      for (const w of lab.spec.wrong) {
        const r = await grade([id, join(base, 'wrong', w.name)]);
        expect(r.status).toBe(1);
        expect(r.out).toContain(`✗ step ${w.failsStep}\n`);
        expect(r.out).toContain(w.feedback);
      }
    },
  );
});
