import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { MemoryWorkspace } from '../../core/index';
import { SessionHost } from '../host/sessionHost';
import type { WebServer } from './server';
import { startWebServer } from './server';

let server: WebServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(): Promise<WebServer> {
  const rendererDir = mkdtempSync(join(tmpdir(), 'socklab-renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>SockLab</title>');
  writeFileSync(join(rendererDir, 'app.js'), 'console.log(1)');
  const host = new SessionHost({
    mode: 'web',
    version: '1.2.3',
    workspaceDir: '/w',
    workspace: new MemoryWorkspace(),
  });
  server = await startWebServer({ host, rendererDir, port: 0 });
  return server;
}

/** connect opens a WebSocket and resolves with it, or rejects with the HTTP status that refused it. */
function connect(url: string, headers: Record<string, string> = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

function nextMessage(ws: WebSocket): Promise<unknown> {
  return new Promise((resolve) => ws.once('message', (data) => resolve(JSON.parse(String(data)))));
}

describe('startWebServer', () => {
  it('listens on 127.0.0.1 and serves the renderer with the CSP', async () => {
    const s = await start();
    expect(s.url).toBe(`http://127.0.0.1:${s.port}/?token=${s.token}`);
    const res = await fetch(s.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await res.text()).toContain('<title>SockLab</title>');
  });

  it('makes a different token at each launch', async () => {
    const first = (await start()).token;
    await server?.close();
    const second = (await start()).token;
    expect(first).not.toBe(second);
    expect(first).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it('refuses paths outside the renderer folder and other methods', async () => {
    const s = await start();
    const base = `http://127.0.0.1:${s.port}`;
    expect((await fetch(`${base}/..%2f..%2f..%2fetc%2fpasswd`)).status).toBe(403);
    expect((await fetch(`${base}/missing.js`)).status).toBe(404);
    expect((await fetch(`${base}/app.js`, { method: 'POST' })).status).toBe(405);
  });

  it('refuses a WebSocket without the token, or with a wrong one', async () => {
    const s = await start();
    await expect(connect(`ws://127.0.0.1:${s.port}/ipc`)).rejects.toThrow('HTTP 401');
    await expect(connect(`ws://127.0.0.1:${s.port}/ipc?token=${s.token}x`)).rejects.toThrow('HTTP 401');
  });

  it('refuses a WebSocket from another web origin even with the token', async () => {
    const s = await start();
    const url = `ws://127.0.0.1:${s.port}/ipc?token=${s.token}`;
    await expect(connect(url, { Origin: 'http://evil.example' })).rejects.toThrow('HTTP 403');
  });

  it('answers requests over a WebSocket with the token', async () => {
    const s = await start();
    const ws = await connect(`ws://127.0.0.1:${s.port}/ipc?token=${s.token}`, {
      Origin: `http://127.0.0.1:${s.port}`,
    });
    ws.send(JSON.stringify({ type: 'request', id: 5, name: 'app.info', args: {} }));
    expect(await nextMessage(ws)).toEqual({
      type: 'reply',
      id: 5,
      reply: {
        ok: true,
        value: { name: 'SockLab', version: '1.2.3', contractVersion: 1, mode: 'web', workspace: '/w' },
      },
    });
    ws.close();
  });

  it('answers a batch frame message by message, rejecting only its malformed ones, and a malformed batch whole', async () => {
    const s = await start();
    const ws = await connect(`ws://127.0.0.1:${s.port}/ipc?token=${s.token}`);
    const request = (id: number) => ({ type: 'request', id, name: 'app.info', args: {} });
    ws.send(
      JSON.stringify({ type: 'batch', messages: [request(1), { type: 'request', name: 'x' }, request(2)] }),
    );
    const got: { type: string; id?: number; payload?: { message: string } }[] = [];
    while (got.length < 3) {
      const message = (await nextMessage(ws)) as { type: string; messages?: typeof got };
      got.push(...(message.type === 'batch' ? message.messages! : [message]));
    }
    expect(got.filter((m) => m.type === 'reply').map((m) => m.id)).toEqual([1, 2]);
    expect(got.find((m) => m.type === 'event')?.payload?.message).toMatch(/^malformed message: /);
    ws.send(JSON.stringify({ type: 'batch', messages: [] }));
    expect(await nextMessage(ws)).toEqual({
      type: 'event',
      name: 'ipc.rejected',
      payload: {
        name: '(envelope)',
        message: 'malformed batch: messages: Invalid length: Expected >=1 but received 0',
      },
    });
    ws.close();
  });

  it('rejects malformed messages with a reason and keeps the connection', async () => {
    const s = await start();
    const ws = await connect(`ws://127.0.0.1:${s.port}/ipc?token=${s.token}`);
    ws.send('{not json');
    expect(await nextMessage(ws)).toEqual({
      type: 'event',
      name: 'ipc.rejected',
      payload: { name: '(unparsed)', message: 'message is not valid JSON' },
    });
    ws.send(JSON.stringify({ type: 'request', name: 'app.info' }));
    const rejected = (await nextMessage(ws)) as { payload: { message: string } };
    expect(rejected.payload.message).toMatch(/^malformed message: /);
    ws.send(JSON.stringify({ type: 'request', id: 1, name: 'app.info', args: {} }));
    expect(await nextMessage(ws)).toMatchObject({ type: 'reply', id: 1, reply: { ok: true } });
    ws.close();
  });
});
