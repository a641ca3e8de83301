/**
 * Headless transport: serves the built renderer and the contract over a WebSocket, on 127.0.0.1 only,
 * behind a per-launch token carried in the URL.
 *
 * No request can bring the host down: a bad address, a bad % escape, a NUL byte, an oversized header or
 * body, a slow client, a burst of connections, a bad WebSocket frame or message each get a short 4xx
 * refusal (or a WebSocket close code) and the server keeps serving. Anything else that throws while
 * answering is written to the error log (host.unexpected) and answered with its error id.
 */
import http from 'node:http';
import path from 'node:path';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { maxWireMessageBytes, wireRequestSchema, type WireMessage } from '../../src-shared/ipc';
import { registerSecret } from '../../src-shared/redact';
import type { Host } from '../host';
import { contentSecurityPolicy } from '../../src-shared/csp';
import { staticFiles } from './staticFiles';

export interface HeadlessLimits {
  /** A client must have sent its whole request head within this time (slow clients). */
  headersTimeoutMs: number;
  /** …and its whole request within this time. */
  requestTimeoutMs: number;
  /** How often Node checks the two timeouts above. */
  checkIntervalMs: number;
  /** Largest request head accepted (431 beyond). */
  maxHeaderBytes: number;
  /** Open connections (pages, sockets) served at once; more are answered 503 and closed. */
  maxConnections: number;
}

export const defaultHeadlessLimits: HeadlessLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  checkIntervalMs: 1_000,
  maxHeaderBytes: 16 * 1024,
  maxConnections: 200,
};

export interface HeadlessOptions {
  port?: number;
  /** Folder holding the built renderer (index.html and assets). */
  rendererDir: string;
  token?: string;
  /** Tests shorten the timeouts and lower the connection limit. */
  limits?: Partial<HeadlessLimits>;
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

const statusText: Record<number, string> = { 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 408: 'Request Timeout', 413: 'Payload Too Large', 431: 'Request Header Fields Too Large', 500: 'Internal Server Error', 503: 'Service Unavailable' };

interface Gate {
  tokenOk(candidate: string | null): boolean;
  /** A page on another site could point a name at 127.0.0.1 (DNS rebinding): only our own Host is served. */
  hostOk(header: string | undefined): boolean;
}

export async function startHeadless(host: Host, options: HeadlessOptions): Promise<HeadlessServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  // The launch token is a secret too: masked if an address carrying it ever reaches the error log.
  registerSecret(token);
  const limits = { ...defaultHeadlessLimits, ...options.limits };
  const rendererDir = path.resolve(options.rendererDir);
  let port = 0;
  const gate = launchGate(token, () => port);
  const files = staticFiles(rendererDir);
  let overLimit: (socket: unknown) => boolean = () => false;
  const page = (req: http.IncomingMessage, res: http.ServerResponse) => {
    try {
      if (overLimit(req.socket)) return refuse(res, 503, BUSY);
      servePage(req, res, gate, { rendererDir, files, port });
    } catch (error) {
      refuse(res, 500, host.unexpected(error, 'serving a page of the headless host').error.message);
    }
  };
  const server = http.createServer(
    {
      maxHeaderSize: limits.maxHeaderBytes,
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      connectionsCheckingInterval: limits.checkIntervalMs,
      keepAliveTimeout: 5_000,
    },
    page,
  );
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => refuseClient(error, socket));
  overLimit = limitConnections(server, limits.maxConnections);

  const wss = new WebSocketServer({ noServer: true, maxPayload: maxWireMessageBytes });
  wss.on('error', (error) => host.unexpected(error, 'running the WebSocket server'));
  server.on('upgrade', upgradeHandler(host, wss, gate, overLimit));

  await listenOnLoopback(server, options.port ?? 0);
  // After listening, a failure to accept a connection (too many open files…) is logged, not fatal.
  server.on('error', (error) => host.unexpected(error, 'accepting a connection'));
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

/** The launch token compared in constant time, and the Host header checked against our own port. */
function launchGate(token: string, port: () => number): Gate {
  return {
    tokenOk(candidate) {
      if (!candidate) return false;
      const a = Buffer.from(candidate);
      const b = Buffer.from(token);
      return a.length === b.length && timingSafeEqual(a, b);
    },
    hostOk: (header) => header === `127.0.0.1:${port()}` || header === `localhost:${port()}`,
  };
}

/** Listens on 127.0.0.1 only; a port that cannot be had rejects. */
function listenOnLoopback(server: http.Server, port: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** Opens a WebSocket for our own page only (path, Host, launch token); a 403 with words otherwise. */
function upgradeHandler(host: Host, wss: WebSocketServer, gate: Gate, overLimit: (socket: unknown) => boolean) {
  return (req: http.IncomingMessage, socket: Duplex, head: Buffer): void => {
    socket.on('error', () => socket.destroy());
    try {
      if (overLimit(socket)) return rawRefusal(socket, 503, BUSY);
      const url = parseUrl(req.url);
      if (!url || url.pathname !== '/ws' || !gate.hostOk(req.headers.host) || !gate.tokenOk(url.searchParams.get('token'))) {
        rawRefusal(socket, 403, 'This ShelfSync address needs the launch token: open the full URL the server printed.');
        return;
      }
      wss.handleUpgrade(req, socket, head, (ws) => serveSocket(host, ws));
    } catch (error) {
      rawRefusal(socket, 500, host.unexpected(error, 'opening a WebSocket').error.message);
    }
  };
}

interface Site {
  rendererDir: string;
  files: ReturnType<typeof staticFiles>;
  port: number;
}

function servePage(req: http.IncomingMessage, res: http.ServerResponse, gate: Gate, site: Site): void {
  const { rendererDir } = site;
  if (!gate.hostOk(req.headers.host)) return refuse(res, 403, 'This address is not served here.');
  if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Only GET and HEAD are answered here.');
  // A page request carries no body: one that announces a body is refused before it is read.
  if (Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined) {
    return refuse(res, 413, 'A page request must not carry a body.');
  }
  const url = parseUrl(req.url);
  if (!url) return refuse(res, 400, 'The address is not valid.');
  if (url.pathname === '/' || url.pathname === '/index.html') {
    // The page itself holds no data (like its assets); the WebSocket is what needs the token. The page
    // takes the token out of the address once read and keeps it for reloads (src-renderer/api/transport.ts),
    // so a reload asks for `/` alone. A wrong token (an address from an earlier launch) is refused.
    const candidate = url.searchParams.get('token');
    if (candidate !== null && !gate.tokenOk(candidate)) {
      return refuse(res, 403, 'This address carries the launch token of an earlier run: open the full URL the server printed this time.');
    }
    return serveFile(req, res, path.join(rendererDir, 'index.html'), site);
  }
  const decoded = decodePath(url.pathname);
  if (decoded === null) return refuse(res, 400, 'The address is not valid: it has a bad % escape or a control character.');
  const file = path.resolve(rendererDir, '.' + decoded);
  if (!file.startsWith(rendererDir + path.sep)) return refuse(res, 404, 'Not found.');
  serveFile(req, res, file, site);
}

/** The URL of a request, or null when it cannot be read (`//`, `http://[`…). */
function parseUrl(raw: string | undefined): URL | null {
  try {
    return new URL(raw ?? '/', 'http://127.0.0.1');
  } catch {
    return null;
  }
}

/** The decoded path, or null for a bad % escape (`%ZZ`) or a control character (an encoded NUL…). */
function decodePath(pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u001f\u007f]/.test(decoded) ? null : decoded;
}

function refuse(res: http.ServerResponse, status: number, message: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const close = status === 413 || status >= 500 ? { connection: 'close' } : {};
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff', 'cache-control': 'no-store', ...close });
  res.end(message);
}

/** An answer written straight to a socket Node's HTTP layer has given up on (or never parsed). */
function rawRefusal(socket: Duplex, status: number, message: string): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const body = Buffer.from(message);
  socket.end(
    `HTTP/1.1 ${status} ${statusText[status] ?? 'Error'}\r\ncontent-type: text/plain; charset=utf-8\r\ncontent-length: ${body.length}\r\nconnection: close\r\n\r\n${message}`,
  );
}

/** Node could not read the request (bad syntax, head too large, too slow): say which, then close. */
function refuseClient(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  if (error.code === 'HPE_HEADER_OVERFLOW') return rawRefusal(socket, 431, 'The request headers are too large.');
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') return rawRefusal(socket, 408, 'The request took too long to arrive.');
  rawRefusal(socket, 400, 'The request could not be read.');
}

const BUSY = 'ShelfSync is busy with too many connections; try again in a moment.';

/**
 * Counts open connections; one opened while `max` others are open is marked, and its request (page or
 * WebSocket) is answered 503 and the connection closed. The ones already open go on.
 */
function limitConnections(server: http.Server, max: number): (socket: unknown) => boolean {
  const open = new Set<Socket>();
  const over = new WeakSet<object>();
  server.on('connection', (socket: Socket) => {
    open.add(socket);
    socket.once('close', () => open.delete(socket));
    if (open.size > max) over.add(socket);
  });
  return (socket) => typeof socket === 'object' && socket !== null && over.has(socket);
}

function serveSocket(host: Host, ws: WebSocket): void {
  const send = (message: WireMessage) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
  };
  const unsubscribe = host.on((event, payload) => {
    try {
      send({ event, payload });
    } catch (error) {
      host.unexpected(error, `sending the event ${event}`);
    }
  });
  ws.on('close', unsubscribe);
  // An oversized or malformed frame: ws closes this socket (1009/1002); without a listener the error
  // would be thrown and take the whole host down.
  ws.on('error', () => ws.terminate());
  ws.on('message', (data, isBinary) => {
    void answer(host, isBinary ? null : (data as Buffer).toString('utf8'), send);
  });
}

async function answer(host: Host, text: string | null, send: (m: WireMessage) => void): Promise<void> {
  let id: string | number | null = null;
  try {
    let json: unknown;
    try {
      json = text === null ? undefined : JSON.parse(text);
    } catch {
      json = undefined;
    }
    const request = wireRequestSchema.safeParse(json);
    if (!request.success) {
      const message = 'The message is not a request: send JSON text {"id", "name", "input"}.';
      send({ id: null, result: { ok: false, error: { code: 'invalid_input', message } } });
      return;
    }
    id = request.data.id;
    const result = await host.invoke(request.data.name, request.data.input);
    send({ id, result });
  } catch (error) {
    try {
      send({ id, result: host.unexpected(error, 'answering a WebSocket message') });
    } catch {
      // The socket itself failed; the error is in the log and the host goes on.
    }
  }
}

function serveFile(req: http.IncomingMessage, res: http.ServerResponse, file: string, site: Site): void {
  site.files(file, req.headers['accept-encoding'], (found) => {
    if (!found) return refuse(res, 404, 'Not found.');
    const ext = path.extname(file);
    const headers: http.OutgoingHttpHeaders = {
      'content-type': contentTypes[ext] ?? 'application/octet-stream',
      'x-content-type-options': 'nosniff',
      // Build output named by its content's hash never changes; the page and anything else is asked for each time.
      'cache-control': found.immutable ? 'public, max-age=31536000, immutable' : 'no-store',
      'content-length': found.body.length,
    };
    if (found.immutable) headers.vary = 'accept-encoding';
    if (found.encoding) headers['content-encoding'] = found.encoding;
    if (ext === '.html') {
      headers['content-security-policy'] = contentSecurityPolicy(`ws://127.0.0.1:${site.port} ws://localhost:${site.port}`);
      headers['x-frame-options'] = 'DENY';
      headers['referrer-policy'] = 'no-referrer';
    }
    res.writeHead(200, headers).end(req.method === 'HEAD' ? undefined : found.body);
  });
}
