// The progress store: what it records, export and import, damaged files set aside with the
// backup used, and a child process killed with SIGKILL at arbitrary points of its saves, after
// which the file always reads back whole and holds every save the child reported.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { PROGRESS_FILE, ProgressStore } from './progress';
import { encodeProgress } from './progressFile';

const root = new URL('../../', import.meta.url).pathname;
const fresh = () => mkdtempSync(join(tmpdir(), 'socklab-progress-'));
const clock = () => {
  let t = 1_000;
  return () => t++;
};

describe('ProgressStore', () => {
  it('records checks, hints, predictions and time, and reads them back after a restart', () => {
    const dir = fresh();
    const a = new ProgressStore(dir, clock());
    expect(a.load()).toEqual({ from: 'new', problems: [] });
    a.recordCheck('socket-create', 'tcp', false);
    a.useHint('socket-create', 'tcp');
    a.recordPrediction('socket-create', 'tcp', 'protocol', '6', true);
    a.recordCheck('socket-create', 'tcp', true);
    a.recordCheck('socket-create', 'tcp', true);
    a.addTime('socket-create', 90_000.4);
    const b = new ProgressStore(dir);
    expect(b.load()).toEqual({ from: 'file', problems: [] });
    expect(b.lab('socket-create')).toEqual({
      timeMs: 90_000,
      steps: {
        tcp: {
          passed: true,
          passedAt: 1_000,
          attempts: 3,
          hintsUsed: 1,
          predictions: { protocol: { answer: '6', right: true } },
        },
      },
    });
  });

  it('uses the backup and keeps the damaged file aside when the file is truncated', () => {
    const dir = fresh();
    const a = new ProgressStore(dir);
    a.load();
    a.recordCheck('nagle', 'nagle', true);
    a.useHint('nagle', 'cork');
    const text = readFileSync(join(dir, PROGRESS_FILE), 'utf8');
    writeFileSync(join(dir, PROGRESS_FILE), text.slice(0, text.length - 9));
    const b = new ProgressStore(dir, () => 42);
    const report = b.load();
    expect(report.from).toBe('backup');
    expect(report.problems).toEqual([
      expect.stringMatching(/progress\.json: not JSON \(.*\); kept as .*progress\.json\.corrupt-42$/),
    ]);
    expect(b.lab('nagle').steps).toEqual({
      nagle: { passed: true, passedAt: expect.any(Number), attempts: 1, hintsUsed: 0, predictions: {} },
    });
    expect(readdirSync(dir).sort()).toEqual([
      'progress.json',
      'progress.json.bak',
      'progress.json.corrupt-42',
    ]);
    expect(new ProgressStore(dir).load()).toEqual({ from: 'file', problems: [] });
  });

  it.each([
    [
      'a changed value',
      (t: string) => t.replace('"attempts":1', '"attempts":7'),
      'checksum mismatch: the file was changed or damaged',
    ],
    ['a newer version', (t: string) => t.replace('"version":1', '"version":2'), 'format version 2, want 1'],
    ['a wrong shape', () => '{"version":1,"sha256":"x","data":{"labs":3}}', 'data.labs: Invalid type'],
  ])('detects %s and starts empty when the backup is damaged too', (_what, damage, why) => {
    const dir = fresh();
    const a = new ProgressStore(dir);
    a.load();
    a.recordCheck('udp', 'send', true);
    const file = join(dir, PROGRESS_FILE);
    writeFileSync(file, damage(readFileSync(file, 'utf8')));
    writeFileSync(`${file}.bak`, '');
    const b = new ProgressStore(dir, () => 7);
    const report = b.load();
    expect(report.from).toBe('new');
    expect(report.problems[0]).toContain(why);
    expect(report.problems[1]).toMatch(/progress\.json\.bak: not JSON/);
    expect(b.data).toEqual({ labs: {} });
  });

  it('merges an imported file without losing anything and refuses a file that is not progress', () => {
    const a = new ProgressStore(fresh());
    a.load();
    a.recordCheck('segmentation', 'mss', true);
    a.recordCheck('segmentation', 'one-write', false);
    const b = new ProgressStore(fresh());
    b.load();
    b.recordCheck('segmentation', 'one-write', true);
    b.recordCheck('segmentation', 'one-write', true);
    b.useHint('send-path', 'chain');
    expect(a.importText(b.exportText())).toBeUndefined();
    expect(a.data.labs['segmentation']!.steps).toEqual({
      mss: expect.objectContaining({ passed: true, attempts: 1 }),
      'one-write': expect.objectContaining({ passed: true, attempts: 2 }),
    });
    expect(a.lab('send-path').steps['chain']!.hintsUsed).toBe(1);
    expect(a.importText('hello')).toMatch(/^not a SockLab progress file: not JSON/);
  });
});

/** buildChild transpiles the store's modules to plain ESM a child process can run, and a script that saves in a loop. */
function buildChild(): string {
  const dir = join(root, 'node_modules/.cache/socklab-progress-kill');
  mkdirSync(dir, { recursive: true });
  for (const name of ['atomicWrite', 'progressFile', 'progress']) {
    const source = readFileSync(join(root, 'main/store', `${name}.ts`), 'utf8');
    const js = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    });
    writeFileSync(join(dir, `${name}.mjs`), js.outputText.replace(/from '\.\/(\w+)'/g, "from './$1.mjs'"));
  }
  // Each save grows the file (a prediction per save) so writes take long enough to be interrupted.
  writeFileSync(
    join(dir, 'child.mjs'),
    `import { ProgressStore } from './progress.mjs';
const store = new ProgressStore(process.argv[2]);
store.load();
for (let i = 0; ; i++) {
  const step = 'step' + (i % 50);
  store.recordPrediction('kill-lab', step, 'q' + i, 'x'.repeat(64), true);
  const s = store.recordCheck('kill-lab', 'counter', false);
  process.stdout.write(s.attempts + '\\n');
}
`,
  );
  return join(dir, 'child.mjs');
}

/** runUntilKilled starts the child and SIGKILLs it once it has reported `after` more saves; it resolves to the last count reported. */
function runUntilKilled(child: string, dir: string, after: number): Promise<number> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [child, dir], { stdio: ['ignore', 'pipe', 'inherit'] });
    let seen = 0;
    let last = 0;
    let buf = '';
    p.stdout.on('data', (chunk: Buffer) => {
      buf += chunk.toString();
      const lines = buf.split('\n');
      buf = lines.pop()!;
      for (const l of lines) {
        last = Number(l);
        if (++seen === after) p.kill('SIGKILL');
      }
    });
    p.on('exit', () => resolve(last));
  });
}

describe('ProgressStore under kill -9', () => {
  it('always reads back a whole file holding every reported save when a writer is killed mid-save', async () => {
    const child = buildChild();
    const dir = fresh();
    let rng = 12345;
    const next = () => (rng = (rng * 1103515245 + 12345) % 2 ** 31);
    for (let round = 0; round < 20; round++) {
      const reported = await runUntilKilled(child, dir, 1 + (next() % 40));
      const store = new ProgressStore(dir);
      const report = store.load();
      expect(report).toEqual({ from: 'file', problems: [] });
      const attempts = store.lab('kill-lab').steps['counter']!.attempts;
      expect(attempts).toBeGreaterThanOrEqual(reported);
      expect(attempts - reported).toBeLessThanOrEqual(1);
    }
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp')).length).toBeLessThanOrEqual(1);
    expect(encodeProgress(new ProgressStore(dir).data)).toContain('"version":1');
  }, 120_000);
});
