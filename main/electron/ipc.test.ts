import { ipcMain } from 'electron';
import { describe, expect, it } from 'vitest';
import type { Reply } from '../common/contract';
import { ipcChannels, MAX_BATCH } from '../common/contract';
import type { Peer, SessionHost } from '../host/sessionHost';
import { registerIpc } from './ipc';
import { APP_ORIGIN } from './windowOptions';

/** fakeHost answers every request with its name and args, and records the pages it opened sessions for. */
function fakeHost() {
  const opened: Peer[] = [];
  const host = {
    open: (peer: Peer) => {
      opened.push(peer);
      return {
        request: async (name: string, args: unknown): Promise<Reply<unknown>> => ({
          ok: true,
          value: { name, args },
        }),
        command: () => undefined,
        reject: () => undefined,
        close: () => undefined,
      };
    },
  };
  return { host: host as unknown as SessionHost, opened };
}

const handler = (channel: string) =>
  (ipcMain as unknown as { handlers: Map<string, (...a: unknown[]) => Promise<unknown>> }).handlers.get(
    channel,
  )!;

function event(url: string) {
  return {
    senderFrame: { url },
    sender: {
      id: 7,
      isDestroyed: () => false,
      send: () => undefined,
      once: () => undefined,
      on: () => undefined,
    },
  };
}

describe('registerIpc', () => {
  it('answers a batch of requests from SockLab’s page in order, one session per page', async () => {
    const { host, opened } = fakeHost();
    registerIpc(host);
    const page = event(`${APP_ORIGIN}/index.html`);
    const replies = await handler(ipcChannels.requests)(page, [
      ['views.path', { seq: 1 }],
      ['views.inspector', { seq: 1 }],
      [42, {}],
    ]);
    expect(replies).toEqual([
      { ok: true, value: { name: 'views.path', args: { seq: 1 } } },
      { ok: true, value: { name: 'views.inspector', args: { seq: 1 } } },
      {
        ok: false,
        error: { code: 'bad-request', message: 'each request of a batch is [name, args] with a string name' },
      },
    ]);
    await handler(ipcChannels.request)(page, 'app.info', {});
    expect(opened).toHaveLength(1);
  });

  it('refuses a batch from another page, and a batch that is not 1 to MAX_BATCH pairs', async () => {
    const { host } = fakeHost();
    registerIpc(host);
    const requests = handler(ipcChannels.requests);
    expect(await requests(event('https://evil.example/'), [['app.info', {}]])).toEqual([
      { ok: false, error: { code: 'bad-request', message: 'sender is not SockLab' } },
    ]);
    const tooMany = Array.from({ length: MAX_BATCH + 1 }, () => ['app.info', {}]);
    for (const bad of [[], tooMany, 'app.info'])
      expect(await requests(event(`${APP_ORIGIN}/`), bad)).toEqual([
        {
          ok: false,
          error: {
            code: 'bad-request',
            message: `a batch is an array of 1 to ${MAX_BATCH} [name, args] pairs`,
          },
        },
      ]);
  });
});
