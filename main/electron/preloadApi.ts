// Builds `window.socklab` for the preload from the contract's names, so the page gets exactly
// request / command / on and nothing of Electron (no ipcRenderer, no event objects).
import type { IpcRenderer, IpcRendererEvent } from 'electron';
import type { EventName, SocklabApi } from '../common/contract';
import { ipcChannels } from '../common/contract';

/** createPreloadApi wraps ipcRenderer in the contract's SocklabApi. */
export function createPreloadApi(ipc: Pick<IpcRenderer, 'invoke' | 'send' | 'on'>): SocklabApi {
  const listeners = new Map<string, Set<(payload: never) => void>>();
  ipc.on(ipcChannels.event, (_event: IpcRendererEvent, name: EventName, payload: unknown) => {
    for (const listener of listeners.get(name) ?? []) listener(payload as never);
  });
  const api: SocklabApi = {
    request: (name, args) => ipc.invoke(ipcChannels.request, name, args),
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
