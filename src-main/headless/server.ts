/**
 * Headless transport: serves the built renderer and the contract over a WebSocket, on 127.0.0.1 only,
 * behind a per-launch token carried in the URL.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { maxWireMessageBytes, wireRequestSchema, type WireMessage } from '../../src-shared/ipc';
import type { Host } from '../host';
import { contentSecurityPolicy } from '../../src-shared/csp';

export interface HeadlessOptions {
  port?: number;
  /** Folder holding the built renderer (index.html and assets). */
  rendererDir: string;
  token?: string;
}

export interface HeadlessServer {
  /** The address to open in a browser, token included. */
  url: string;
  /** The WebSocket endpoint, token included. */
  wsUrl: string;
  port: number;
  close(): Promise<void>;
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

export async function startHeadless(host: Host, options: HeadlessOptions): Promise<HeadlessServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const rendererDir = path.resolve(options.rendererDir);
  let port = 0;

  const tokenOk = (candidate: string | null): boolean => {
    if (!candidate) return false;
    const a = Buffer.from(candidate);
    const b = Buffer.from(token);
    return a.length === b.length && timingSafeEqual(a, b);
  };
  // A page on another site could point a name at 127.0.0.1 (DNS rebinding): only our own Host is served.
  const hostOk = (header: string | undefined): boolean =>
    header === `127.0.0.1:${port}` || header === `localhost:${port}`;

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (!hostOk(req.headers.host) || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(403).end();
      return;
    }
    if (url.pathname === '/' || url.pathname === '/index.html') {
      if (!tokenOk(url.searchParams.get('token'))) {
        res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('This ShelfSync address needs the launch token: open the full URL the server printed.');
        return;
      }
      serveFile(res, path.join(rendererDir, 'index.html'), port);
      return;
    }
    const file = path.resolve(rendererDir, '.' + decodeURIComponent(url.pathname));
    if (!file.startsWith(rendererDir + path.sep)) {
      res.writeHead(404).end();
      return;
    }
    serveFile(res, file, port);
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: maxWireMessageBytes });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== '/ws' || !hostOk(req.headers.host) || !tokenOk(url.searchParams.get('token'))) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => serveSocket(host, ws));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/?token=${token}`;
  const wsUrl = `ws://127.0.0.1:${port}/ws?token=${token}`;

  return {
    url,
    wsUrl,
    port,
    async close() {
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function serveSocket(host: Host, ws: WebSocket): void {
  const send = (message: WireMessage) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
  };
  const unsubscribe = host.on((event, payload) => send({ event, payload }));
  ws.on('close', unsubscribe);
  // An oversized or malformed frame: ws closes this socket (1009/1002); without a listener the error
  // would be thrown and take the whole host down.
  ws.on('error', () => ws.terminate());
  ws.on('message', (data, isBinary) => {
    void answer(host, isBinary ? null : (data as Buffer).toString('utf8'), send);
  });
}

async function answer(host: Host, text: string | null, send: (m: WireMessage) => void): Promise<void> {
  let json: unknown;
  try {
    json = text === null ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  const request = wireRequestSchema.safeParse(json);
  if (!request.success) {
    send({
      id: null,
      result: {
        ok: false,
        error: { code: 'invalid_input', message: 'The message is not a request: send JSON {"id", "name", "input"}.' },
      },
    });
    return;
  }
  const result = await host.invoke(request.data.name, request.data.input);
  send({ id: request.data.id, result });
}

function serveFile(res: http.ServerResponse, file: string, port: number): void {
  fs.readFile(file, (error, body) => {
    if (error) {
      res.writeHead(404).end();
      return;
    }
    const ext = path.extname(file);
    const headers: http.OutgoingHttpHeaders = {
      'content-type': contentTypes[ext] ?? 'application/octet-stream',
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    };
    if (ext === '.html') {
      headers['content-security-policy'] = contentSecurityPolicy(`ws://127.0.0.1:${port} ws://localhost:${port}`);
      headers['x-frame-options'] = 'DENY';
      headers['referrer-policy'] = 'no-referrer';
    }
    res.writeHead(200, headers).end(body);
  });
}
