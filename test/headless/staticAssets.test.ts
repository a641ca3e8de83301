/**
 * How the headless server sends the built screens: the page fresh every time and never cached (it is
 * where the launch token arrives), the content-hashed build output under assets/ cached for good and
 * compressed when the browser says it reads brotli or gzip, the same bytes either way.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost, type RunningHost } from '../support/host';
import { tempDir } from '../support/tmp';

let running: RunningHost;
let rendererDir: string;
const script = `export const rows = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `row ${i}`))};\n`;

beforeAll(async () => {
  rendererDir = tempDir('shelfsync-renderer-');
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>ShelfSync</title><script type="module" src="./assets/app-Ab12Cd34.js"></script>');
  fs.mkdirSync(path.join(rendererDir, 'assets'));
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app-Ab12Cd34.js'), script);
  running = await startTestHost({ rendererDir });
});
afterAll(async () => {
  await running.stop();
});

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A plain GET with exactly the headers given (fetch would add and decode encodings itself). */
function get(target: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port: running.server.port, path: target, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
  });
}

describe('the built screens over the headless server', () => {
  it('sends the page fresh each time, never cached, with its security headers', async () => {
    const page = await get('/');
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    // A rebuild changes the page: the next request sees it.
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>ShelfSync rebuilt</title>');
    expect((await get('/')).body.toString()).toContain('ShelfSync rebuilt');
  });

  it('sends a build asset compressed as the browser asks, cacheable for good, the same bytes each way', async () => {
    const target = '/assets/app-Ab12Cd34.js';
    const br = await get(target, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers.vary).toBe('accept-encoding');
    expect(br.body.length).toBeLessThan(script.length);
    expect(zlib.brotliDecompressSync(br.body).toString()).toBe(script);

    const gzip = await get(target, { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gzip.body).toString()).toBe(script);

    const plain = await get(target);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(plain.body.toString()).toBe(script);
  });

  it('answers a missing asset 404, and serves it once a build has written it', async () => {
    const target = '/assets/later-Zz98Yy76.js';
    expect((await get(target)).status).toBe(404);
    fs.writeFileSync(path.join(rendererDir, 'assets', 'later-Zz98Yy76.js'), 'export {};\n');
    const found = await get(target);
    expect(found.status).toBe(200);
    expect(found.body.toString()).toBe('export {};\n');
  });
});
