// The labs through a window's session: the list with progress, opening a lab (its starting file
// copied into the workspace), hints one at a time, a prediction judged at the check, a check of
// the student's files, and a step passed by itself after the student runs the program in the
// terminal (labs.changed), with progress kept for the next window.
import { mkdtempSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LabSession, MemoryWorkspace } from '../../core/index';
import type { EventName, EventPayload } from '../common/contract';
import { LabsHost } from './labs';
import { SessionHost } from './sessionHost';

const root = new URL('../../', import.meta.url).pathname;
const solution = readFileSync(join(root, 'labs/01-socket-create/solution/socket.c'), 'utf8');
const userDataDir = mkdtempSync(join(tmpdir(), 'socklab-labs-'));
const workspace = new MemoryWorkspace({});

function openWindow() {
  const host = new SessionHost({
    mode: 'web',
    version: '0',
    workspaceDir: '/tmp/ws',
    workspace,
    userDataDir,
  });
  const events: { name: EventName; payload: unknown }[] = [];
  const session = host.open({
    send: <N extends EventName>(name: N, payload: EventPayload<N>) => events.push({ name, payload }),
  });
  const ask = async (name: string, args: unknown) => {
    const r = await session.request(name, args);
    if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
    return r.value as Record<string, unknown>;
  };
  return { session, events, ask };
}

/** until waits for a condition the session reaches by itself, failing with what it saw after many turns. */
async function until(what: string, cond: () => boolean, seen: () => unknown): Promise<void> {
  for (let i = 0; i < 2000 && !cond(); i++) await new Promise((r) => setTimeout(r, 5));
  if (!cond()) throw new Error(`never saw ${what}; got ${JSON.stringify(seen())}`);
}

describe('labs in a session', { timeout: 60_000 }, () => {
  it('opens a lab, reveals hints, checks files, passes a step live and keeps the progress', async () => {
    const w = openWindow();
    const list = (await w.ask('labs.list', { lang: 'en' })).labs as Array<{
      id: string;
      title: string;
      passed: number;
      steps: number;
    }>;
    expect(list.find((l) => l.id === 'socket-create')).toEqual({
      id: 'socket-create',
      title: 'From socket() to inet_create',
      ok: true,
      errors: [],
      steps: 5,
      passed: 0,
      timeMs: 0,
    });

    const lab = await w.ask('labs.open', { id: 'socket-create', lang: 'zh-CN' });
    expect(lab.title).toBe('从 socket() 到 inet_create');
    expect(lab.folder).toBe('socket-create');
    expect(workspace.readText('socket-create/socket.c')).toEqual({
      ok: true,
      value: expect.stringContaining('Step 1'),
    });

    expect((await w.ask('labs.hint', { id: 'socket-create', step: 'tcp', lang: 'en' })).hints).toHaveLength(
      1,
    );
    expect((await w.ask('labs.hint', { id: 'socket-create', step: 'tcp', lang: 'en' })).hints).toHaveLength(
      2,
    );
    expect((await w.ask('labs.hint', { id: 'socket-create', step: 'tcp', lang: 'en' })).hints).toHaveLength(
      2,
    );
    await w.ask('labs.predict', { id: 'socket-create', step: 'tcp', question: 'protocol', answer: '17' });

    const first = await w.ask('labs.check', { id: 'socket-create', step: 'tcp', lang: 'en' });
    expect(first).toMatchObject({ passed: false, source: 'files', attempts: 1 });
    expect(first.checks).toContainEqual(
      expect.objectContaining({ id: 'prints-fd', ok: false, seen: 'socket.c: "" (exit 0)' }),
    );
    expect(first.predictions).toEqual([
      { id: 'protocol', right: false, text: 'the run did not show the answer', event: null },
    ]);

    workspace.writeText('socket-create/socket.c', solution);
    const second = await w.ask('labs.check', { id: 'socket-create', step: 'tcp', lang: 'en' });
    expect(second).toMatchObject({ passed: true, source: 'files', note: null, attempts: 2 });
    expect(second.predictions).toEqual([
      { id: 'protocol', right: false, text: 'you predicted 17; the run shows 6', event: expect.any(Number) },
    ]);

    const term = await w.ask('terminal.open', { cols: 80, rows: 24 });
    w.session.command('terminal.input', {
      terminalId: term.terminalId,
      data: 'cd socket-create\rrun socket.c\r',
    });
    const changed = () => w.events.filter((e) => e.name === 'labs.changed').map((e) => e.payload);
    await until(
      'labs.changed',
      () => changed().length >= 3,
      () => w.events.map((e) => e.name),
    );
    // ping-group needs another sysctl, so the steps tick up to it.
    expect(changed()).toEqual(
      ['no-such-protocol', 'raw', 'ping'].map((step) => ({ id: 'socket-create', step })),
    );

    const again = openWindow();
    const kept = (await again.ask('labs.list', { lang: 'en' })).labs as Array<{ id: string; passed: number }>;
    expect(kept.find((l) => l.id === 'socket-create')!.passed).toBe(4);
    const reopened = await again.ask('labs.open', { id: 'socket-create', lang: 'en' });
    expect((reopened.steps as Array<{ id: string; passed: boolean; hints: string[] }>)[0]).toMatchObject({
      id: 'tcp',
      passed: true,
    });
    expect((reopened.steps as Array<{ hints: string[] }>)[0]!.hints).toHaveLength(2);
    w.session.close();
    again.session.close();
  });

  it('counts the time between lab requests, capped at five minutes a gap', () => {
    let now = 1_000_000;
    const progressDir = mkdtempSync(join(tmpdir(), 'socklab-time-'));
    const labs = new LabsHost({
      dirs: () => ({ labsDir: join(root, 'labs'), progressDir }),
      workspace: () => new MemoryWorkspace({}),
      session: () => new LabSession(),
      parser: () => Promise.reject(new Error('not needed')),
      changed: () => {},
      now: () => now,
    });
    labs.handlers['labs.open']({ id: 'nagle', lang: 'en' });
    now += 90_000;
    labs.handlers['labs.hint']({ id: 'nagle', step: 'nagle', lang: 'en' });
    now += 3_600_000;
    labs.dispose();
    const row = labs.handlers['labs.list']({ lang: 'en' }).labs.find((l) => l.id === 'nagle');
    expect(row?.timeMs).toBe(90_000 + 300_000);
  });

  it('answers not-found for an unknown lab or step', async () => {
    const w = openWindow();
    await expect(w.ask('labs.open', { id: 'no-such-lab', lang: 'en' })).rejects.toThrow(
      'no lab "no-such-lab"',
    );
    await expect(w.ask('labs.check', { id: 'nagle', step: 'nope', lang: 'en' })).rejects.toThrow(
      'lab nagle has no step "nope"',
    );
    w.session.close();
  });
});
