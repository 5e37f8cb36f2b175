// The renderer's one way to reach main: `window.socklab` from Electron's preload when it
// exists, otherwise web mode's WebSocket client with the same SocklabApi surface.
import type { SocklabApi } from '../../main/common/contract';
import { WebSocketApi } from './wsClient';

declare global {
  interface Window {
    socklab?: SocklabApi;
  }
}

/** ConnectedApi is the contract plus the transport's connection state. */
export interface ConnectedApi {
  api: SocklabApi;
  /** onDisconnect is called once if the connection to main is lost (web mode only). */
  onDisconnect(listener: (reason: string) => void): void;
}

/** connectApi returns the contract client for the environment the page runs in. */
export function connectApi(): ConnectedApi {
  if (window.socklab) return { api: window.socklab, onDisconnect: () => {} };
  const token = new URLSearchParams(location.search).get('token') ?? '';
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ipc?token=${encodeURIComponent(token)}`;
  const client = new WebSocketApi(url);
  return { api: client, onDisconnect: (listener) => client.onDisconnect(listener) };
}
