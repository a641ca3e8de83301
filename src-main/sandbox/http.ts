// HTTP plumbing shared by the API, OAuth and admin handlers.

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Json } from './json.js';

export interface HttpResult {
  status: number;
  /** A string is sent as is; anything else as JSON. */
  body?: string | Json;
  contentType?: string;
  headers?: Record<string, string>;
}

export const MAX_BODY_BYTES = 10 * 1024 * 1024;

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function send(res: ServerResponse, result: HttpResult): void {
  const headers: Record<string, string> = { ...result.headers };
  let payload: string | undefined;
  if (typeof result.body === 'string') {
    payload = result.body;
    headers['content-type'] = result.contentType ?? 'text/plain; charset=utf-8';
  } else if (result.body !== undefined) {
    payload = JSON.stringify(result.body);
    headers['content-type'] = result.contentType ?? 'application/json;charset=UTF-8';
  }
  if (payload !== undefined) headers['content-length'] = String(Buffer.byteLength(payload));
  else headers['content-length'] = '0';
  res.writeHead(result.status, headers);
  res.end(payload);
}

export function json(status: number, body: Json, headers?: Record<string, string>): HttpResult {
  return headers ? { status, body, headers } : { status, body };
}

export function html(status: number, body: string): HttpResult {
  return { status, body, contentType: 'text/html; charset=utf-8' };
}

export function redirect(location: string): HttpResult {
  return { status: 302, headers: { location } };
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Form or JSON bodies, as the token and revoke endpoints receive both. */
export function parseParams(body: string, contentType: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if ((contentType ?? '').includes('application/json')) {
    try {
      const parsed: unknown = JSON.parse(body);
      if (typeof parsed === 'object' && parsed !== null) {
        for (const [k, v] of Object.entries(parsed)) if (typeof v === 'string') out.set(k, v);
      }
    } catch {
      // An unreadable JSON body is treated as empty; the endpoint then reports the missing field.
    }
    return out;
  }
  for (const [k, v] of new URLSearchParams(body)) out.set(k, v);
  return out;
}
