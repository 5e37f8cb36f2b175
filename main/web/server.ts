// Web mode: the same SessionHost the desktop app uses, reached over a WebSocket instead of
// Electron IPC. It listens on 127.0.0.1 only; the WebSocket demands the random per-launch
// token from the page URL, so other local users' and web pages' connections are refused.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import * as v from 'valibot';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import { clientBatchSchema, clientMessageSchema, describeIssues } from '../common/contract';
import type { SessionHost } from '../host/sessionHost';
import { serveStatic, securityHeaders } from './staticFiles';
import { outbox } from './outbox';

/** MAX_MESSAGE_BYTES bounds one WebSocket message (a large paste fits; a flood does not). */
export const MAX_MESSAGE_BYTES = 2 * 1024 * 1024;

/** WebServerOptions configure web mode. */
export interface WebServerOptions {
  host: SessionHost;
  rendererDir: string;
  /** port 0 picks a free port. */
  port: number;
  token?: string;
}

/** WebServer is a running web-mode server. */
export interface WebServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/** newToken makes a random per-launch token. */
export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

/** startWebServer serves the renderer and the contract on 127.0.0.1. */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? newToken();
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const server = createServer((req, res) => {
    if (!hostAllowed(req.headers.host, port())) {
      res.writeHead(421, { ...securityHeaders, 'Content-Type': 'text/plain' }).end('Misdirected Request\n');
      return;
    }
    serveStatic(options.rendererDir, req, res);
  });
  const port = () => (server.address() as AddressInfo).port;

  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const refusal =
      url.pathname !== '/ipc'
        ? '404 Not Found'
        : !tokenMatches(url.searchParams.get('token'), token)
          ? '401 Unauthorized'
          : !hostAllowed(req.headers.host, port()) || !originAllowed(req.headers.origin, port())
            ? '403 Forbidden'
            : undefined;
    if (refusal) {
      refuse(socket, refusal);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => attach(options.host, ws));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const url = `http://127.0.0.1:${port()}/?token=${token}`;
  return {
    url,
    port: port(),
    token,
    close: () =>
      new Promise<void>((resolve) => {
        for (const ws of wss.clients) ws.terminate();
        wss.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** attach connects one WebSocket to a new session. */
function attach(host: SessionHost, ws: WebSocket): void {
  const send = outbox((text) => {
    if (ws.readyState === ws.OPEN) ws.send(text);
  });
  const session = host.open({ send: (name, payload) => send({ type: 'event', name, payload }) });
  ws.on('message', async (raw, isBinary) => {
    if (isBinary) {
      session.reject('(binary)', 'binary messages are not part of the contract');
      return;
    }
    let data: unknown;
    try {
      data = JSON.parse(raw.toString());
    } catch {
      session.reject('(unparsed)', 'message is not valid JSON');
      return;
    }
    const batch = v.safeParse(clientBatchSchema, data);
    if (batch.success) for (const one of batch.output.messages) void handle(one);
    else if (typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'batch')
      session.reject('(envelope)', `malformed batch: ${describeIssues(batch.issues)}`);
    else await handle(data);
  });
  /** handle validates one message and answers it (replies leave through the outbox, one frame per turn). */
  const handle = async (data: unknown): Promise<void> => {
    const parsed = v.safeParse(clientMessageSchema, data);
    if (!parsed.success) {
      session.reject('(envelope)', `malformed message: ${describeIssues(parsed.issues)}`);
      return;
    }
    const message = parsed.output;
    if (message.type === 'command') session.command(message.name, message.args);
    else send({ type: 'reply', id: message.id, reply: await session.request(message.name, message.args) });
  };
  ws.on('close', () => session.close());
  ws.on('error', () => session.close());
}

function tokenMatches(given: string | null, token: string): boolean {
  if (given === null) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** hostAllowed guards against DNS rebinding: only our own loopback address and port. */
function hostAllowed(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

function originAllowed(origin: string | undefined, port: number): boolean {
  return (
    origin === undefined || origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`
  );
}

function refuse(socket: Duplex, status: string): void {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  socket.destroy();
}
