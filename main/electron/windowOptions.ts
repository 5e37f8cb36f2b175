// The BrowserWindow options of SockLab's window, built by a function so tests can check the
// security settings without launching Electron.
import type { BrowserWindowConstructorOptions } from 'electron';
import type { WindowBounds } from './windowState';

/** APP_ORIGIN is where the renderer is served from inside the desktop app. */
export const APP_ORIGIN = 'app://socklab';

/** buildWindowOptions returns the window's options: isolated, sandboxed, no Node in the page. */
export function buildWindowOptions(
  bounds: WindowBounds,
  preloadPath: string,
): BrowserWindowConstructorOptions {
  return {
    ...bounds,
    minWidth: 800,
    minHeight: 560,
    title: 'SockLab',
    show: false,
    backgroundColor: '#1e1e1e',
    autoHideMenuBar: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
    },
  };
}
