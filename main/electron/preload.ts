// The preload of SockLab's window (sandboxed, so it is bundled as CommonJS): it exposes the
// contract as `window.socklab` and nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import { createPreloadApi } from './preloadApi';

contextBridge.exposeInMainWorld('socklab', createPreloadApi(ipcRenderer));
