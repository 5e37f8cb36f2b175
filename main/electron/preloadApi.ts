// Builds `window.socklab` for the preload from the contract's names, so the page gets exactly
// request / command / on and nothing of Electron (no ipcRenderer, no event objects).
import type { IpcRenderer, IpcRendererEvent } from 'electron';
import type { EventName, Reply, SocklabApi } from '../common/contract';
import { ipcChannels, MAX_BATCH } from '../common/contract';

/** failed is the reply a request gets when the IPC itself failed. */
const failed = (message: string): Reply<unknown> => ({ ok: false, error: { code: 'internal', message } });

/** createPreloadApi wraps ipcRenderer in the contract's SocklabApi. The requests made in one task go as one invoke (one reply, so the page applies their answers in one task and one frame). */
export function createPreloadApi(ipc: Pick<IpcRenderer, 'invoke' | 'send' | 'on'>): SocklabApi {
  const listeners = new Map<string, Set<(payload: never) => void>>();
  ipc.on(ipcChannels.event, (_event: IpcRendererEvent, name: EventName, payload: unknown) => {
    for (const listener of listeners.get(name) ?? []) listener(payload as never);
  });
  let queued: { name: string; args: unknown; resolve: (reply: Reply<unknown>) => void }[] = [];
  const flush = () => {
    const batch = queued;
    queued = [];
    for (let i = 0; i < batch.length; i += MAX_BATCH) {
      const part = batch.slice(i, i + MAX_BATCH);
      const sent =
        part.length === 1
          ? (ipc.invoke(ipcChannels.request, part[0]!.name, part[0]!.args) as Promise<Reply<unknown>>).then(
              (r) => [r],
            )
          : (ipc.invoke(
              ipcChannels.requests,
              part.map((r) => [r.name, r.args]),
            ) as Promise<Reply<unknown>[]>);
      void sent
        .catch((error: unknown) =>
          part.map(() => failed(error instanceof Error ? error.message : String(error))),
        )
        .then((replies) => part.forEach((r, k) => r.resolve(replies[k] ?? failed('main sent no reply'))));
    }
  };
  const api: SocklabApi = {
    request: (name, args) =>
      new Promise((resolve) => {
        if (queued.push({ name, args, resolve: resolve as (reply: Reply<unknown>) => void }) === 1)
          queueMicrotask(flush);
      }),
    command: (name, payload) => ipc.send(ipcChannels.command, name, payload),
    on: (name, listener) => {
      const set = listeners.get(name) ?? new Set();
      set.add(listener as (payload: never) => void);
      listeners.set(name, set);
      return () => {
        set.delete(listener as (payload: never) => void);
      };
    },
  };
  return Object.freeze(api);
}
