// Importing the real `electron` module in Node throws (no binary on these machines), so unit
// tests of the Electron glue see this stand-in. Each test inspects the calls it cares about.
import { vi } from 'vitest';

vi.mock('electron', () => {
  const handlers = new Map<string, unknown>();
  return {
    app: {
      getVersion: () => '0.0.0-test',
      getName: () => 'SockLab',
      getPath: () => '/tmp/socklab-test',
      requestSingleInstanceLock: vi.fn(() => true),
      on: vi.fn(),
      whenReady: vi.fn(() => Promise.resolve()),
      quit: vi.fn(),
    },
    contextBridge: { exposeInMainWorld: vi.fn() },
    ipcRenderer: { invoke: vi.fn(), send: vi.fn(), on: vi.fn(), removeListener: vi.fn() },
    ipcMain: {
      handle: vi.fn((channel: string, fn: unknown) => handlers.set(channel, fn)),
      on: vi.fn((channel: string, fn: unknown) => handlers.set(channel, fn)),
      removeHandler: vi.fn(),
      handlers,
    },
    BrowserWindow: vi.fn(),
    Menu: { buildFromTemplate: vi.fn((t: unknown) => t), setApplicationMenu: vi.fn() },
    session: { defaultSession: { webRequest: { onHeadersReceived: vi.fn() } } },
    shell: { openExternal: vi.fn() },
    dialog: { showMessageBox: vi.fn(), showOpenDialog: vi.fn(), showSaveDialog: vi.fn() },
    screen: { getAllDisplays: vi.fn(() => []) },
  };
});
