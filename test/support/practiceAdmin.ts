/**
 * The practice company's admin API (src-main/sandbox/admin.ts, JSON under its adminUrl) as every test
 * calls it: acting as a QuickBooks user, injecting faults, moving its clock, reading its books and its
 * request log. `adminRequest` answers as the server did (for tests of the admin API itself);
 * `admin` is for setup and reading, where a refusal is a broken test, so it throws naming the call.
 */

export type Json = Record<string, unknown>;

export interface Answer {
  status: number;
  body: unknown;
  text: string;
  headers: Headers;
}

/** Any HTTP call; the body is parsed when it is JSON and kept as text otherwise. */
export async function http(url: string, init: RequestInit = {}): Promise<Answer> {
  const res = await fetch(url, init);
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    // Not JSON (HTML pages, XML throttle bodies): keep the text.
  }
  return { status: res.status, body, text, headers: res.headers };
}

interface HasAdmin {
  adminUrl: string;
}

export function adminRequest(sb: HasAdmin, method: string, route: string, body?: unknown): Promise<Answer> {
  const init: RequestInit = { method };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers = { 'content-type': 'application/json' };
  }
  return http(`${sb.adminUrl}${route}`, init);
}

export async function admin(sb: HasAdmin, method: string, route: string, body?: unknown): Promise<Json> {
  const answer = await adminRequest(sb, method, route, body);
  if (answer.status >= 400) throw new Error(`the practice company refused ${method} ${route}: ${answer.text.slice(0, 300)}`);
  return (answer.body ?? {}) as Json;
}

/** Every object in the practice company's books, by entity. */
export async function dumpEntities(sb: HasAdmin): Promise<Record<string, Json[]>> {
  return (await admin(sb, 'GET', '/dump')).entities as Record<string, Json[]>;
}

/** How many requests the practice company has seen, by endpoint. */
export async function requestCounts(sb: HasAdmin): Promise<Record<string, number>> {
  return (await admin(sb, 'GET', '/requests')).byEndpoint as Record<string, number>;
}

/** Makes the practice company answer the next `count` matching requests with a fault. */
export async function injectFault(sb: HasAdmin, kind: string, match: Record<string, string>, count = 1, delayMs?: number): Promise<void> {
  await admin(sb, 'POST', '/faults', { kind, match, count, ...(delayMs === undefined ? {} : { delayMs }) });
}

export async function clearFaults(sb: HasAdmin): Promise<void> {
  await admin(sb, 'DELETE', '/faults');
}
