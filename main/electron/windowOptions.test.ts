import { describe, expect, it } from 'vitest';
import { buildWindowOptions } from './windowOptions';

describe('buildWindowOptions', () => {
  const options = buildWindowOptions(
    { width: 1280, height: 800, x: 10, y: 20 },
    '/app/out/preload/preload.cjs',
  );

  it('isolates and sandboxes the page with no Node integration', () => {
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/app/out/preload/preload.cjs',
    });
  });

  it('opens at the remembered bounds, hidden until ready', () => {
    expect(options).toMatchObject({ width: 1280, height: 800, x: 10, y: 20, show: false, title: 'SockLab' });
  });
});
