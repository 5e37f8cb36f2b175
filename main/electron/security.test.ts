import { shell } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { WebContents } from 'electron';
import { contentSecurityPolicy } from '../host/csp';
import { hardenWebContents, isAppUrl } from './security';

type Handler = (event: { preventDefault: () => void }, url?: string) => void;

function fakeContents() {
  const handlers = new Map<string, Handler>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  let permission: ((c: unknown, p: string, cb: (ok: boolean) => void) => void) | undefined;
  const contents = {
    on: (name: string, fn: Handler) => handlers.set(name, fn),
    setWindowOpenHandler: (fn: typeof openHandler) => (openHandler = fn),
    session: {
      setPermissionRequestHandler: (fn: typeof permission) => (permission = fn),
      setPermissionCheckHandler: vi.fn(),
    },
  };
  hardenWebContents(contents as unknown as WebContents);
  const navigate = (name: string, url: string) => {
    const event = { preventDefault: vi.fn() };
    handlers.get(name)?.(event, url);
    return event.preventDefault.mock.calls.length > 0;
  };
  return { navigate, open: (url: string) => openHandler?.({ url }), permission: () => permission };
}

describe('hardenWebContents', () => {
  it('blocks navigation away from the app and allows app pages', () => {
    const c = fakeContents();
    expect(c.navigate('will-navigate', 'https://example.com/')).toBe(true);
    expect(c.navigate('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(c.navigate('will-redirect', 'http://127.0.0.1:1/')).toBe(true);
    expect(c.navigate('will-navigate', 'app://socklab/index.html')).toBe(false);
  });

  it('denies window.open and hands https links to the system browser', () => {
    const c = fakeContents();
    expect(c.open('https://www.kernel.org/')).toEqual({ action: 'deny' });
    expect(shell.openExternal).toHaveBeenCalledWith('https://www.kernel.org/');
    expect(c.open('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(shell.openExternal).toHaveBeenCalledTimes(1);
  });

  it('refuses webviews and every permission request', () => {
    const c = fakeContents();
    expect(c.navigate('will-attach-webview', '')).toBe(true);
    const answer = vi.fn();
    c.permission()?.({}, 'media', answer);
    expect(answer).toHaveBeenCalledWith(false);
  });
});

describe('isAppUrl', () => {
  it.each([
    ['app://socklab/index.html', true],
    ['app://evil/index.html', false],
    ['http://127.0.0.1:5174/', false],
    ['not a url', false],
  ])('says %s is %s', (url, expected) => expect(isAppUrl(url)).toBe(expected));
});

describe('contentSecurityPolicy', () => {
  it('allows only our own scripts, wasm, and loopback WebSockets', () => {
    expect(contentSecurityPolicy).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(contentSecurityPolicy).toContain("object-src 'none'");
    expect(contentSecurityPolicy).not.toContain("'unsafe-eval'");
    expect(contentSecurityPolicy).toContain("connect-src 'self' ws://127.0.0.1:*");
  });
});
