// Entry of the desktop app: one instance, one hardened window serving the renderer from
// app://socklab, the contract over IPC, the application menu, and the window's bounds
// remembered between launches.
import { app, BrowserWindow, dialog, Menu, protocol, screen } from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ipcChannels } from '../common/contract';
import { SessionHost } from '../host/sessionHost';
import { appVersion, defaultWorkspaceDir } from '../host/settings';
import { DiskWorkspace } from '../store/diskWorkspace';
import { registerIpc } from './ipc';
import { buildMenuTemplate } from './menu';
import { serveApp } from './protocol';
import { hardenWebContents } from './security';
import { APP_ORIGIN, buildWindowOptions } from './windowOptions';
import { loadWindowState, saveWindowState } from './windowState';

const here = fileURLToPath(new URL('.', import.meta.url));
const rendererDir = join(here, '../renderer');
const preloadPath = join(here, '../preload/preload.cjs');

protocol.registerSchemesAsPrivileged([
  { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let window: BrowserWindow | undefined;
  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => app.quit());

  void app.whenReady().then(() => {
    protocol.handle('app', (request) => serveApp(rendererDir, request));
    const workspaceDir = defaultWorkspaceDir();
    const host = new SessionHost({
      mode: 'electron',
      version: appVersion,
      workspaceDir,
      workspace: new DiskWorkspace(workspaceDir),
      userDataDir: app.getPath('userData'),
    });
    registerIpc(host);
    window = createWindow();
    const send = (action: Parameters<Parameters<typeof buildMenuTemplate>[0]['send']>[0]) =>
      window?.webContents.send(ipcChannels.event, 'menu.action', { action });
    const about = () =>
      void dialog.showMessageBox({
        type: 'info',
        title: 'About SockLab',
        message: `SockLab ${appVersion}`,
        detail: `A teaching lab for the Linux socket layer and TCP/IPv4 path.\nElectron ${process.versions.electron}, Chromium ${process.versions.chrome}, Node ${process.versions.node}`,
      });
    Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate({ send, about }, process.platform)));
  });
}

function createWindow(): BrowserWindow {
  const statePath = join(app.getPath('userData'), 'window-state.json');
  const state = loadWindowState(
    statePath,
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const window = new BrowserWindow(buildWindowOptions(state, preloadPath));
  if (state.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  window.on('close', () => {
    const bounds = window.getNormalBounds();
    saveWindowState(statePath, { ...bounds, maximized: window.isMaximized() });
  });
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}
