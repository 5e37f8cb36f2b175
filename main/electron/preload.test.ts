import { contextBridge, ipcRenderer } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { ipcChannels } from '../common/contract';
import { createPreloadApi } from './preloadApi';

function fakeIpc() {
  let eventListener: ((event: unknown, name: string, payload: unknown) => void) | undefined;
  const ipc = {
    invoke: vi.fn(async (..._args: unknown[]): Promise<unknown> => ({ ok: true, value: 1 })),
    send: vi.fn(),
    on: vi.fn((channel: string, fn: typeof eventListener) => {
      if (channel === ipcChannels.event) eventListener = fn;
    }),
  };
  return {
    ipc,
    emit: (name: string, payload: unknown) => eventListener?.({ sender: 'secret' }, name, payload),
  };
}

describe('preload', () => {
  it('exposes exactly the contract as window.socklab', async () => {
    await import('./preload');
    expect(contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    const [key, api] = vi.mocked(contextBridge.exposeInMainWorld).mock.calls[0]!;
    expect(key).toBe('socklab');
    expect(Object.keys(api as object).sort()).toEqual(['command', 'on', 'request']);
    expect(Object.isFrozen(api)).toBe(true);
    expect(ipcRenderer.on).toHaveBeenCalledWith(ipcChannels.event, expect.any(Function));
  });
});

describe('createPreloadApi', () => {
  it('sends requests and commands on the contract channels', async () => {
    const { ipc } = fakeIpc();
    const api = createPreloadApi(ipc as never);
    await api.request('app.info', {});
    api.command('terminal.input', { terminalId: 't1', data: 'ls\r' });
    expect(ipc.invoke).toHaveBeenCalledWith(ipcChannels.request, 'app.info', {});
    expect(ipc.send).toHaveBeenCalledWith(ipcChannels.command, 'terminal.input', {
      terminalId: 't1',
      data: 'ls\r',
    });
  });

  it('sends the requests made in one task as one invoke and resolves each with its own reply', async () => {
    const { ipc } = fakeIpc();
    ipc.invoke.mockImplementation(async (channel: unknown, asked: unknown) =>
      channel === ipcChannels.requests
        ? (asked as [string, unknown][]).map(([name], i) => ({ ok: true, value: `${name}#${i}` }))
        : { ok: true, value: 'one' },
    );
    const api = createPreloadApi(ipc as never);
    const replies = await Promise.all([
      api.request('views.path', { seq: 3 }),
      api.request('views.inspector', { seq: 3 }),
      api.request('views.packets', { seq: 3, from: -1, count: 1 }),
    ]);
    expect(ipc.invoke).toHaveBeenCalledTimes(1);
    expect(ipc.invoke).toHaveBeenCalledWith(ipcChannels.requests, [
      ['views.path', { seq: 3 }],
      ['views.inspector', { seq: 3 }],
      ['views.packets', { seq: 3, from: -1, count: 1 }],
    ]);
    expect(replies.map((r) => (r.ok ? r.value : r.error.message))).toEqual([
      'views.path#0',
      'views.inspector#1',
      'views.packets#2',
    ]);
    ipc.invoke.mockRejectedValueOnce(new Error('main went away'));
    expect(await api.request('app.info', {})).toEqual({
      ok: false,
      error: { code: 'internal', message: 'main went away' },
    });
  });

  it('delivers events by name without the IPC event object, until unsubscribed', () => {
    const { ipc, emit } = fakeIpc();
    const api = createPreloadApi(ipc as never);
    const seen: unknown[] = [];
    const off = api.on('terminal.output', (payload) => seen.push(payload));
    emit('terminal.output', { terminalId: 't1', data: 'x' });
    emit('menu.action', { action: 'file.new' });
    off();
    emit('terminal.output', { terminalId: 't1', data: 'y' });
    expect(seen).toEqual([{ terminalId: 't1', data: 'x' }]);
  });
});
