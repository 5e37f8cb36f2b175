import { describe, expect, it } from 'vitest';
import { MemoryWorkspace } from '../../core/index';
import type { EventName, EventPayload } from '../common/contract';
import { SessionHost } from './sessionHost';

function openSession(files: Record<string, string> = {}) {
  const host = new SessionHost({
    mode: 'web',
    version: '9.9.9',
    workspaceDir: '/tmp/ws',
    workspace: new MemoryWorkspace(files),
  });
  const events: { name: EventName; payload: unknown }[] = [];
  const session = host.open({
    send: <N extends EventName>(name: N, payload: EventPayload<N>) => events.push({ name, payload }),
  });
  const output = () =>
    events
      .filter((e) => e.name === 'terminal.output')
      .map((e) => (e.payload as { data: string }).data)
      .join('')
      // eslint-disable-next-line no-control-regex -- strip the prompt's colours
      .replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  return { host, session, events, output, settle };
}

describe('Session.request', () => {
  it('answers app.info with the version, mode and contract version', async () => {
    const { session } = openSession();
    expect(await session.request('app.info', {})).toEqual({
      ok: true,
      value: { name: 'SockLab', version: '9.9.9', contractVersion: 1, mode: 'web', workspace: '/tmp/ws' },
    });
  });

  it('replies unknown-name when the request does not exist', async () => {
    const { session } = openSession();
    expect(await session.request('fs.deleteEverything', {})).toEqual({
      ok: false,
      error: { code: 'unknown-name', message: 'unknown request "fs.deleteEverything"' },
    });
  });

  it('replies bad-request naming the field when the arguments are malformed', async () => {
    const { session } = openSession();
    const reply = await session.request('terminal.open', { cols: 'wide', rows: 24 });
    expect(reply.ok).toBe(false);
    if (!reply.ok) {
      expect(reply.error.code).toBe('bad-request');
      expect(reply.error.message).toMatch(/^terminal\.open: cols: Invalid type: Expected number/);
    }
  });

  it('does not treat inherited names such as toString as requests', async () => {
    const { session } = openSession();
    const reply = await session.request('toString', {});
    expect(reply.ok).toBe(false);
  });
});

describe('Session terminals', () => {
  it('runs a shell whose output is pushed as terminal.output events', async () => {
    const { session, output, settle } = openSession({ 'a.c': 'int x;\n' });
    const reply = await session.request('terminal.open', { cols: 80, rows: 24 });
    expect(reply).toEqual({ ok: true, value: { terminalId: 't1', host: 'client' } });
    session.command('terminal.input', { terminalId: 't1', data: 'echo hello\rcat a.c\r' });
    await settle();
    expect(output()).toMatch(/student@client:~\$ echo hello\r*\r\nhello\r\n/);
    expect(output()).toContain('int x;\r\n');
  });

  it('coalesces a burst of writes into one event per turn', async () => {
    const { session, events, settle } = openSession();
    await session.request('terminal.open', { cols: 80, rows: 24 });
    await settle();
    const before = events.length;
    session.command('terminal.input', { terminalId: 't1', data: 'e' });
    session.command('terminal.input', { terminalId: 't1', data: 'c' });
    session.command('terminal.input', { terminalId: 't1', data: 'h' });
    await settle();
    expect(events.length - before).toBe(1);
  });

  it('rejects a command for a terminal that does not exist, with the reason', async () => {
    const { session, events } = openSession();
    session.command('terminal.input', { terminalId: 't7', data: 'ls\r' });
    expect(events).toEqual([
      { name: 'ipc.rejected', payload: { name: 'terminal.input', message: 'no terminal "t7"' } },
    ]);
  });

  it('rejects a malformed command without throwing', () => {
    const { session, events } = openSession();
    session.command('terminal.input', { terminalId: 42 });
    session.command('no.such', {});
    expect(events.map((e) => (e.payload as { message: string }).message)).toEqual([
      'terminal.input: terminalId: Invalid type: Expected string but received 42; data: Invalid key: Expected "data" but received undefined',
      'unknown command "no.such"',
    ]);
  });

  it('refuses everything once the session is closed', async () => {
    const { host, session } = openSession();
    expect(host.sessionCount).toBe(1);
    session.close();
    expect(host.sessionCount).toBe(0);
    expect((await session.request('app.info', {})).ok).toBe(false);
  });
});
