// Locks down every web contents: no navigation away from the app, no new windows (links to
// the web open in the system browser), no webviews, no permissions.
import type { WebContents } from 'electron';
import { shell } from 'electron';
import { APP_ORIGIN } from './windowOptions';

/** isAppUrl is true for pages of SockLab itself. */
export function isAppUrl(url: string): boolean {
  try {
    return new URL(url).origin === APP_ORIGIN || url.startsWith(APP_ORIGIN + '/');
  } catch {
    return false;
  }
}

/** hardenWebContents denies navigation, window.open, webviews and permission requests. */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  contents.session.setPermissionCheckHandler(() => false);
}
