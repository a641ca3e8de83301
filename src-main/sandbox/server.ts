// The HTTP front door on 127.0.0.1: routes OAuth, accounting API and admin requests; checks the
// bearer token, applies throttles and injected faults, and logs every non-admin call.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { handleAdmin } from './admin.js';
import { formatResponseTime } from './clock.js';
import { fault, throttleJson, throttleXml } from './errors.js';
import type { FaultRule } from './faults.js';
import { html, json, readBody, send, type HttpResult } from './http.js';
import { endpointKey } from './request-log.js';
import type { PracticeRuntime } from './runtime.js';
import { entityFromName } from './store.js';

const API_PREFIX = '/v3/company/';
const LOOPBACK_HOST = /^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/i;

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** The entity a request is about, for fault matching: the path's resource or a query's FROM. */
function entityOf(segments: string[], params: URLSearchParams, body: string): string | undefined {
  const resource = segments[0] ?? '';
  if (resource.toLowerCase() === 'query') {
    const text = params.get('query') ?? body;
    const m = /\bfrom\s+([A-Za-z]+)/i.exec(text);
    return m?.[1] ? entityFromName(m[1]) ?? m[1] : undefined;
  }
  return entityFromName(resource) ?? (resource === '' ? undefined : resource);
}

/**
 * The admin API is for this machine only: the socket is bound to 127.0.0.1, the Host header must
 * be a loopback name (DNS rebinding), and browsers' cross-site requests (which carry Origin) are refused.
 */
function adminAllowed(req: IncomingMessage): boolean {
  const host = header(req, 'host') ?? '';
  const origin = header(req, 'origin');
  if (!LOOPBACK_HOST.test(host)) return false;
  return origin === undefined || origin === `http://${host}`;
}

export class PracticeServer {
  readonly http: Server;

  constructor(private readonly rt: PracticeRuntime) {
    this.http = createServer((req, res) => {
      this.handle(req, res).catch(() => {
        if (!res.headersSent) send(res, json(500, fault.system(500).body(formatResponseTime(this.rt.clock.now()))));
        else res.destroy();
      });
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = (req.method ?? 'GET').toUpperCase();
    const path = url.pathname;
    const body = method === 'GET' || method === 'HEAD' ? '' : await readBody(req);
    if (path === '/admin' || path.startsWith('/admin/')) {
      if (!adminAllowed(req)) {
        send(res, json(403, { error: 'the admin API answers loopback callers without a foreign Origin only' }));
        return;
      }
      send(res, await handleAdmin(this.rt, method, path, body));
      return;
    }
    const started = formatResponseTime(this.rt.clock.now());
    const endpoint = endpointKey(method, path);
    res.on('finish', () => this.rt.log.record({ at: started, method, path, endpoint, status: res.statusCode }));
    res.on('close', () => {
      if (!res.writableFinished) this.rt.log.record({ at: started, method, path, endpoint, status: 0, note: 'connection dropped' });
    });
    // In flight until the request is handled, even when the caller has gone away meanwhile.
    this.rt.log.begin(endpoint);
    try {
      if (path.startsWith(API_PREFIX)) {
        await this.api(req, res, method, url, body);
        return;
      }
      const injected = this.rt.faults.take({ method, path });
      if (injected && (await this.preFault(res, injected))) return;
      const result = this.oauthRoute(req, method, path, url, body);
      this.finish(res, result, injected);
    } finally {
      this.rt.log.end(endpoint);
    }
  }

  private oauthRoute(req: IncomingMessage, method: string, path: string, url: URL, body: string): HttpResult {
    const auth = header(req, 'authorization');
    const type = header(req, 'content-type');
    if (path === '/connect/oauth2' && method === 'GET') return this.rt.consent.authorize(url.searchParams);
    if (path === '/connect/oauth2' && method === 'POST') return this.rt.consent.decide(new Map(new URLSearchParams(body)));
    if (path === '/oauth2/v1/tokens/bearer' && method === 'POST') {
      const hard = (header(req, 'x-include-refresh-token-hard-expires-in') ?? '').toLowerCase() === 'true';
      const result = this.rt.oauth.token(auth, type, body, hard);
      if (result.status === 200) this.rt.changed();
      return result;
    }
    if (path === '/v2/oauth2/tokens/revoke' && method === 'POST') {
      this.rt.changed();
      return this.rt.oauth.revoke(auth, type, body);
    }
    if (path === '/v1/openid_connect/userinfo' && method === 'GET') return this.rt.oauth.userInfo(auth);
    return html(404, '<!doctype html><title>Not found</title><p>Not found</p>');
  }

  private async api(req: IncomingMessage, res: ServerResponse, method: string, url: URL, body: string): Promise<void> {
    const now = this.rt.clock.now();
    const [realmId = '', ...segments] = url.pathname.slice(API_PREFIX.length).split('/').filter((s) => s !== '').map(decodeURIComponent);
    const check = this.rt.oauth.bearer(header(req, 'authorization'));
    if (!check.ok) {
      send(res, check.result);
      return;
    }
    if (realmId !== this.rt.app.realmId || check.grant.realmId !== realmId || !this.rt.oauth.hasAccountingScope(check.grant)) {
      send(res, json(403, fault.authorization().body(formatResponseTime(now))));
      return;
    }
    const isBatch = (segments[0] ?? '').toLowerCase() === 'batch';
    const verdict = this.rt.limits.admit(now, isBatch, check.grant.app);
    if (!verdict.ok) {
      send(res, this.throttled(now, verdict.reason));
      return;
    }
    res.on('close', verdict.release);
    const injected = this.rt.faults.take({ method, path: url.pathname + url.search, entity: entityOf(segments, url.searchParams, body) });
    if (injected && (await this.preFault(res, injected))) return;
    const result = this.rt.api.handle({ method, segments, path: url.pathname, params: url.searchParams, body, contentType: header(req, 'content-type') });
    this.finish(res, result, injected);
  }

  /** Intuit's throttle answer: XML even when JSON was asked for, unless a test turned on JSON. */
  private throttled(now: number, reason: string, retryAfterSeconds?: number): HttpResult {
    const time = formatResponseTime(now);
    const headers: Record<string, string> = { 'x-sandbox-throttle-reason': reason };
    // Intuit documents no Retry-After; an injected fault may carry one so clients can show they honour it.
    if (retryAfterSeconds !== undefined) headers['retry-after'] = String(retryAfterSeconds);
    if (this.rt.throttleXml) return { status: 429, body: throttleXml(time), contentType: 'application/xml', headers };
    return json(429, throttleJson(time), headers);
  }

  /** Applies a fault that acts before the request is handled; true when the request is finished. */
  private async preFault(res: ServerResponse, rule: FaultRule): Promise<boolean> {
    const now = this.rt.clock.now();
    switch (rule.kind) {
      case '429':
        send(res, this.throttled(now, 'injected', rule.retryAfterSeconds));
        return true;
      case '500':
      case '503':
        send(res, json(Number(rule.kind), fault.system(Number(rule.kind)).body(formatResponseTime(now))));
        return true;
      case 'drop':
        res.socket?.destroy();
        return true;
      case 'slow': {
        // Past Intuit's request timeout the answer is a timeout, and the request is never handled.
        const limit = this.rt.limits.settings.requestTimeoutMs;
        await new Promise((r) => setTimeout(r, Math.min(rule.delayMs, limit)));
        if (rule.delayMs < limit) return false;
        send(res, json(504, fault.timedOut(limit / 1000).body(formatResponseTime(this.rt.clock.now()))));
        return true;
      }
      case 'commitThenDrop':
        return false;
    }
  }

  private finish(res: ServerResponse, result: HttpResult, injected: FaultRule | undefined): void {
    if (injected?.kind === 'commitThenDrop') {
      res.socket?.destroy();
      return;
    }
    send(res, result);
  }
}
