/**
 * The headless host never dies of a request: each hostile input below gets a short refusal, and then
 * the same host still answers a contract request over its WebSocket and completes a sync with the
 * practice company. An error nobody expected is written to the error log with an id the answer shows.
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import Database from 'better-sqlite3';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPracticeCompany, type PracticeCompanyServer } from '../../src-main/sandbox';
import { startHeadless, type HeadlessServer } from '../../src-main/headless';
import { LOG_DIR, LOG_FILE } from '../../src-main/host';
import type { SyncRun } from '../../src-shared/ipc';
import { maxWireMessageBytes } from '../../src-shared/ipc';
import { hostFor, type Harness } from '../connection/hostHarness';
import { cappedTime } from '../support/cappedTime';
import { openSocket } from '../support/wsClient';
import { tempDir } from '../support/tmp';
import { runCli } from '../support/cli';
import { redactSecrets } from '../../src-shared/redact';

let sb: PracticeCompanyServer;
let h: Harness;
let server: HeadlessServer;
const maxConnections = 12;

beforeAll(async () => {
  sb = await startPracticeCompany({ seed: 5, size: 'tiny' });
  h = hostFor(sb, { qboConnection: { clientOptions: { time: cappedTime() } } });
  expect((await h.connect()).state).toBe('connected');
  const rendererDir = tempDir('shelfsync-renderer-');
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>ShelfSync</title>');
  fs.mkdirSync(path.join(rendererDir, 'assets'));
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  server = await startHeadless(h.host, {
    rendererDir,
    limits: { headersTimeoutMs: 400, requestTimeoutMs: 800, checkIntervalMs: 100, maxHeaderBytes: 8 * 1024, maxConnections },
  });
});
afterAll(async () => {
  await server.close();
  await h.host.close();
  await sb.close();
});

interface RawAnswer {
  status: number;
  body: string;
}

/** Writes bytes straight to the server's socket and reads what comes back until it closes. */
function raw(chunks: (string | Buffer)[], options: { end?: boolean } = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(server.port, '127.0.0.1');
    let text = '';
    socket.on('data', (d: Buffer) => (text += d.toString('latin1')));
    socket.on('error', (e: NodeJS.ErrnoException) => (e.code === 'ECONNRESET' || e.code === 'EPIPE' ? undefined : reject(e)));
    socket.on('close', () => {
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);
      resolve({ status, body: text.split('\r\n\r\n').slice(1).join('\r\n\r\n') });
    });
    socket.on('connect', () => {
      for (const chunk of chunks) socket.write(chunk);
      if (options.end !== false) socket.end();
    });
  });
}

const head = (target: string, extra = '') => `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nConnection: close\r\n${extra}\r\n`;

async function stillServing(): Promise<void> {
  const socket = await openSocket(server.wsUrl);
  expect(await socket.call('app.info')).toMatchObject({ ok: true, value: { name: 'ShelfSync' } });
  socket.close();
  const page = await fetch(server.url);
  expect(page.status).toBe(200);
}

describe('hostile HTTP requests', () => {
  it.each([
    ['a bad % escape', '/assets/%ZZ', 400, /bad % escape/],
    ['an encoded NUL byte', '/assets/app%00.js', 400, /control character/],
    ['an encoded control character', '/assets/%0d%0aSet-Cookie:x', 400, /control character/],
    ['an address that is not a URL', '//', 400, /not valid/],
    ['a path that climbs out', '/assets/..%2f..%2f..%2fetc%2fpasswd', 404, /Not found/],
  ])('refuses %s with a short message and keeps serving', async (_what, target, status, message) => {
    const answer = await raw([head(target)]);
    expect(answer.status).toBe(status);
    expect(answer.body).toMatch(message);
    await stillServing();
  });

  it('refuses an oversized header (431) and a body on a page request (413)', async () => {
    const big = await raw([head('/', `X-Filler: ${'a'.repeat(20_000)}\r\n`)]);
    expect(big.status).toBe(431);
    expect(big.body).toMatch(/headers are too large/);
    const body = 'x'.repeat(2 * 1024 * 1024);
    const posted = await raw([`POST /ws HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nContent-Length: ${body.length}\r\n\r\n`, body]);
    expect(posted.status).toBe(405);
    const withBody = await raw([head('/assets/app.js', `Content-Length: ${body.length}\r\n`), body]);
    expect(withBody.status).toBe(413);
    expect(await raw(['NOT HTTP AT ALL\r\n\r\n'])).toMatchObject({ status: 400, body: expect.stringMatching(/could not be read/) as unknown });
    await stillServing();
  });

  it('answers a slow client that never finishes its request with 408, serving others meanwhile', async () => {
    const slow = raw([`GET / HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nX-Slow: `], { end: false });
    await stillServing();
    const answer = await slow;
    expect(answer.status).toBe(408);
    expect(answer.body).toMatch(/took too long/);
    await stillServing();
  });

  it('answers a burst of connections beyond the limit with 503, then serves again', async () => {
    // The launch token is registered as a secret: an address carrying it is masked in the error log.
    expect(redactSecrets(server.url)).not.toContain(new URL(server.url).searchParams.get('token'));
    // Fill the limit with connections that stay open, then a burst of requests beyond it.
    const sockets: net.Socket[] = [];
    for (let i = 0; i < maxConnections; i++) {
      const socket = net.connect(server.port, '127.0.0.1');
      socket.on('error', () => undefined);
      sockets.push(socket);
      await new Promise((resolve) => socket.once('connect', resolve));
    }
    const burst = await Promise.all(Array.from({ length: maxConnections }, () => raw([head('/assets/app.js')])));
    for (const answer of burst) expect(answer).toMatchObject({ status: 503, body: expect.stringMatching(/too many connections/) as unknown });
    const ws = await new Promise<number>((resolve) => {
      const client = new WebSocket(server.wsUrl);
      client.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      client.once('open', () => resolve(101));
      client.once('error', () => resolve(0));
    });
    expect(ws).toBe(503);
    for (const socket of sockets) socket.destroy();
    // The server sees the closes a moment after the clients: as a refused client would, try again.
    for (let attempt = 0; ; attempt++) {
      // Not half-closed after the request: the file is read asynchronously and Connection: close ends it.
      const answer = await raw([head('/assets/app.js')], { end: false });
      if (answer.status === 200) break;
      expect(answer.status, JSON.stringify(answer)).toBe(503);
      expect(attempt).toBeLessThan(50);
      await new Promise((r) => setTimeout(r, 50));
    }
    await stillServing();
  });
});

describe('hostile WebSocket traffic', () => {
  it('refuses a non-JSON, a binary and a non-request message, and closes a socket that sends an oversized one', async () => {
    const socket = await openSocket(server.wsUrl);
    for (const text of ['{not json', '[]', '{"id":1}', 'null', '\u0000']) {
      expect(await socket.sendRaw(text)).toMatchObject({ id: null, result: { ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/not a request/) as unknown } } });
    }
    expect(await socket.call('no.such.request')).toMatchObject({ ok: false, error: { code: 'unknown_request' } });
    socket.close();

    const big = new WebSocket(server.wsUrl);
    await new Promise((resolve) => big.once('open', resolve));
    const closed = new Promise<number>((resolve) => big.once('close', (code) => resolve(code)));
    big.send('x'.repeat(maxWireMessageBytes + 10));
    expect(await closed).toBe(1009);
    await stillServing();
  });

  it('drops a socket that sends a malformed frame and keeps serving the others', async () => {
    const other = await openSocket(server.wsUrl);
    const ws = new WebSocket(server.wsUrl);
    await new Promise((resolve) => ws.once('open', resolve));
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.on('error', () => undefined);
    // A frame with reserved bits and an unknown opcode, unmasked: a protocol error for the server.
    (ws as unknown as { _socket: net.Socket })._socket.write(Buffer.from([0xf3, 0x01, 0x41]));
    expect(await closed).toBeGreaterThanOrEqual(1002);
    expect(await other.call('app.info')).toMatchObject({ ok: true });
    other.close();
    const refused = await raw([head('/ws?token=wrong', 'Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n')]);
    expect(refused.status).toBe(403);
    await stillServing();
  });
});

describe('after every hostile input', () => {
  it('the same host still completes a sync with the practice company', async () => {
    const socket = await openSocket(server.wsUrl);
    const run = await socket.call('sync.now');
    expect(run).toMatchObject({ ok: true });
    expect(((run as { value: SyncRun }).value).status).toBe('ok');
    socket.close();
  });
});

describe('an error nobody expected', () => {
  it('is answered with an error id and written, redacted, to the rotating log in the data folder', async () => {
    const dataDir = tempDir();
    const local = hostFor(sb, { dataDir });
    // Break the database under the host (another program removing a table): a failure no handler expects.
    expect((await local.host.invoke('items.list', {})).ok).toBe(true);
    const db = new Database(path.join(dataDir, 'shelfsync.db'));
    db.exec('PRAGMA foreign_keys = OFF; DROP TABLE items');
    db.close();
    const answer = await local.host.invoke('items.list', {});
    await local.host.close();
    expect(answer).toMatchObject({ ok: false, error: { code: 'internal' } });
    const message = answer.ok ? '' : answer.error.message;
    const id = /error id ([A-Z0-9]{8})/.exec(message)?.[1];
    expect(id, message).toBeDefined();
    expect(message).not.toMatch(/no such table|sqlite/i);
    const log = fs.readFileSync(path.join(dataDir, LOG_DIR, LOG_FILE), 'utf8');
    expect(log).toContain(`error ${id} while answering the request items.list`);
    expect(log).toMatch(/no such table: items/);
  });
});

describe("the CLI's call path", () => {
  it('answers bad input and an unexpected failure with a refusal (the latter with an error id), never a crash', async () => {
    const dataDir = tempDir();
    const bad = await runCli(['call', 'settings.update', '{"syncIntervalMinutes":', '--data', dataDir]);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stderr.trim())).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/not valid JSON/) as unknown });
    const nul = await runCli(['call', 'items.create', JSON.stringify({ name: 'a\u0000b'.repeat(5000) }), '--data', dataDir]);
    expect(nul.code).toBe(1);
    expect(JSON.parse(nul.stderr.trim())).toMatchObject({ code: 'invalid_input', field: 'name' });
    const db = new Database(path.join(dataDir, 'shelfsync.db'));
    db.exec('PRAGMA foreign_keys = OFF; DROP TABLE items');
    db.close();
    const broken = await runCli(['call', 'items.list', '--data', dataDir]);
    expect(broken.code).toBe(1);
    const error = JSON.parse(broken.stderr.trim()) as { code: string; message: string };
    expect(error.code).toBe('internal');
    const id = /error id ([A-Z0-9]{8})/.exec(error.message)?.[1] ?? 'none';
    expect(fs.readFileSync(path.join(dataDir, LOG_DIR, LOG_FILE), 'utf8')).toContain(`error ${id} while answering the request items.list`);
  });
});
