/**
 * A one-shot HTTP listener on 127.0.0.1 that receives the browser's redirect back from QuickBooks.
 * It answers the first request on the callback path and closes; nothing else is served.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Loopback {
  readonly port: number;
  /** The first redirect that reaches the callback path (full URL). */
  readonly redirect: Promise<URL>;
  /** Answers the waiting browser with a small page, then stops listening. */
  finish(ok: boolean, message: string): void;
  close(): void;
}

export async function startLoopback(port: number, callbackPath: string): Promise<Loopback> {
  let deliver: (url: URL) => void = () => undefined;
  const redirect = new Promise<URL>((resolve) => {
    deliver = resolve;
  });
  let pending: http.ServerResponse | null = null;
  let done = false;
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`);
    if (req.method !== 'GET' || url.pathname !== callbackPath || done || pending) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    pending = res;
    deliver(url);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const close = () => {
    done = true;
    server.close();
    server.closeAllConnections();
  };
  return {
    port: (server.address() as AddressInfo).port,
    redirect,
    finish(ok, message) {
      const res = pending;
      pending = null;
      done = true;
      if (res) {
        res.writeHead(ok ? 200 : 400, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', connection: 'close' });
        res.end(page(ok, message), () => close());
      } else {
        close();
      }
    },
    close,
  };
}

function page(ok: boolean, message: string): string {
  const safe = message.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html><html><head><meta charset="utf-8"><title>ShelfSync</title></head><body style="font-family:sans-serif;margin:3em">`
    + `<h1>${ok ? 'ShelfSync is connected' : 'ShelfSync could not connect'}</h1><p>${safe}</p>`
    + '<p>You can close this tab and return to ShelfSync.</p></body></html>';
}
