// The Electron transport of the contract: one Session per window's web contents, every
// message checked for its sender (only SockLab's own page) before the Session validates and
// dispatches it.
import type { IpcMainEvent, IpcMainInvokeEvent, WebContents } from 'electron';
import { ipcMain } from 'electron';
import type { Reply } from '../common/contract';
import { ipcChannels, MAX_BATCH } from '../common/contract';
import type { Session, SessionHost } from '../host/sessionHost';
import { isAppUrl } from './security';

/** registerIpc routes the contract's channels to sessions of the host. */
export function registerIpc(host: SessionHost): void {
  const sessions = new Map<number, Session>();
  const sessionFor = (contents: WebContents): Session => {
    let session = sessions.get(contents.id);
    if (!session) {
      const opened = host.open({
        send: (name, payload) => {
          if (!contents.isDestroyed()) contents.send(ipcChannels.event, name, payload);
        },
      });
      sessions.set(contents.id, opened);
      contents.once('destroyed', () => {
        opened.close();
        sessions.delete(contents.id);
      });
      // A reload starts a fresh page: end the old session's terminals with it.
      contents.on('did-start-navigation', (details) => {
        if (details.isMainFrame && !details.isSameDocument) {
          sessions.get(contents.id)?.close();
          sessions.delete(contents.id);
        }
      });
      session = opened;
    }
    return session;
  };
  const trusted = (event: IpcMainEvent | IpcMainInvokeEvent) => isAppUrl(event.senderFrame?.url ?? '');

  ipcMain.handle(
    ipcChannels.request,
    async (event, name: unknown, args: unknown): Promise<Reply<unknown>> => {
      if (!trusted(event))
        return { ok: false, error: { code: 'bad-request', message: 'sender is not SockLab' } };
      if (typeof name !== 'string')
        return { ok: false, error: { code: 'bad-request', message: 'request name must be a string' } };
      return sessionFor(event.sender).request(name, args);
    },
  );
  ipcMain.handle(ipcChannels.requests, async (event, batch: unknown): Promise<Reply<unknown>[]> => {
    const refuse = (message: string): Reply<unknown> => ({
      ok: false,
      error: { code: 'bad-request', message },
    });
    if (!Array.isArray(batch) || batch.length === 0 || batch.length > MAX_BATCH)
      return [refuse(`a batch is an array of 1 to ${MAX_BATCH} [name, args] pairs`)];
    if (!trusted(event)) return batch.map(() => refuse('sender is not SockLab'));
    const session = sessionFor(event.sender);
    return Promise.all(
      batch.map((pair: unknown) =>
        Array.isArray(pair) && typeof pair[0] === 'string'
          ? session.request(pair[0], pair[1])
          : refuse('each request of a batch is [name, args] with a string name'),
      ),
    );
  });
  ipcMain.on(ipcChannels.command, (event, name: unknown, payload: unknown) => {
    if (!trusted(event)) return;
    const session = sessionFor(event.sender);
    if (typeof name !== 'string') session.reject(String(name), 'command name must be a string');
    else session.command(name, payload);
  });
}
