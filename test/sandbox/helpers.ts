// Shared helpers for the practice-company tests: plain HTTP calls, admin calls, and the real
// node-quickbooks and intuit-oauth clients pointed at a running sandbox.

import QuickBooks from 'node-quickbooks';
import OAuthClient from 'intuit-oauth';
import { startPracticeCompany, type PracticeCompanyServer, type PracticeCompanyOptions } from '../../src-main/sandbox/index.js';
import { http, type Answer } from '../support/practiceAdmin.js';

export type Obj = Record<string, unknown>;

/** Limits high enough that functional tests never meet Intuit's throttles (tested on their own). */
export const ROOMY_LIMITS = { perSecond: 100_000, perMinute: 1_000_000, concurrent: 100, batchPerMinute: 10_000, batchPerRealmMinute: 10_000 };

export function asObj(v: unknown): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error(`expected an object, got ${JSON.stringify(v)}`);
  return v as Obj;
}

/** An entity answer: Id and SyncToken are strings. */
export type Ent = Obj & { Id: string; SyncToken: string };

export function ent(v: unknown): Ent {
  const o = asObj(v);
  if (typeof o.Id !== 'string' || typeof o.SyncToken !== 'string') throw new Error(`expected an entity, got ${JSON.stringify(v)}`);
  return o as Ent;
}

export function asArr(v: unknown): unknown[] {
  if (!Array.isArray(v)) throw new Error(`expected an array, got ${JSON.stringify(v)}`);
  return v;
}

export function path(v: unknown, ...keys: Array<string | number>): unknown {
  let cur = v;
  for (const k of keys) {
    if (typeof k === 'number') cur = asArr(cur)[k];
    else cur = asObj(cur)[k];
  }
  return cur;
}

// The admin API and plain HTTP come from the one set of helpers (test/support/practiceAdmin.ts). Here
// `admin` answers as the server did, status and all: these tests check what the practice company refuses.
export { adminRequest as admin, http, type Answer } from '../support/practiceAdmin.js';

/** A connected API caller: plain fetch with a bearer token, for what the libraries cannot send. */
export class Api {
  constructor(readonly sb: PracticeCompanyServer, public accessToken: string) {}

  static connect(sb: PracticeCompanyServer): Api {
    return new Api(sb, sb.issueTokens().access_token);
  }

  url(route: string): string {
    const sep = route.includes('?') ? '&' : '?';
    return `${this.sb.baseUrl}/v3/company/${this.sb.realmId}/${route}${sep}minorversion=75`;
  }

  get(route: string): Promise<Answer> {
    return http(this.url(route), { headers: { authorization: `Bearer ${this.accessToken}`, accept: 'application/json' } });
  }

  post(route: string, body: unknown, contentType = 'application/json'): Promise<Answer> {
    return http(this.url(route), {
      method: 'POST',
      headers: { authorization: `Bearer ${this.accessToken}`, accept: 'application/json', 'content-type': contentType },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  }

  query(text: string): Promise<Answer> {
    return this.get(`query?query=${encodeURIComponent(text)}`);
  }

  /** The Id of the first object a query finds; `where` is the text after the entity (" where …"). */
  async firstId(entity: string, where = ''): Promise<string> {
    const r = await this.query(`select * from ${entity}${where} maxresults 1`);
    return String(path(r.body, 'QueryResponse', entity, 0, 'Id'));
  }
}

export function faultCode(body: unknown, index = 0): string {
  return String(path(body, 'Fault', 'Error', index, 'code'));
}

/** Intuit's XML throttle answer read by hand (type, code, Message, Detail), so a test sees its exact shape. */
export function xmlThrottle(a: Answer): { contentType: string | null; type?: string; code?: string; message?: string; detail?: string } {
  const pick = (re: RegExp): string | undefined => re.exec(a.text)?.[1];
  return {
    contentType: a.headers.get('content-type'),
    type: pick(/<Fault\b[^>]*\btype="([^"]*)"/),
    code: pick(/<Error\b[^>]*\bcode="([^"]*)"/),
    message: pick(/<Message>([^<]*)<\/Message>/),
    detail: pick(/<Detail>([^<]*)<\/Detail>/),
  };
}

/** Points node-quickbooks' class-level URLs at the sandbox, then builds a client for OAuth 2 tokens. */
export function nodeQuickbooks(sb: PracticeCompanyServer, accessToken: string, refreshToken: string | null = null): QuickBooks {
  QuickBooks.V3_ENDPOINT_BASE_URL = `${sb.baseUrl}/v3/company/`;
  QuickBooks.TOKEN_URL = `${sb.baseUrl}/oauth2/v1/tokens/bearer`;
  QuickBooks.REVOKE_URL = `${sb.baseUrl}/v2/oauth2/tokens/revoke`;
  return new QuickBooks(sb.clientId, sb.clientSecret, accessToken, false, sb.realmId, true, false, '75', '2.0', refreshToken);
}

/** Turns a node-quickbooks callback call into a promise; the error is what the library passed. */
export function nqb<T = unknown>(fn: (cb: (err: unknown, data?: T) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    fn((err, data) => {
      if (err) reject(err instanceof Error ? err : new Error('node-quickbooks call failed', { cause: err }));
      else resolve(data as T);
    });
  });
}

/** The HTTP status and body inside whatever node-quickbooks rejected with. */
export function libraryFault(err: unknown): { status: number | undefined; body: unknown } {
  const o = asObj(err);
  const response = o.response;
  if (typeof response === 'object' && response !== null) {
    const r = asObj(response);
    return { status: typeof r.status === 'number' ? r.status : undefined, body: r.data };
  }
  // A 200 answer holding a Fault comes back as the body itself (wrapped by nqb above).
  if (err instanceof Error && err.cause !== undefined) return { status: undefined, body: err.cause };
  return { status: undefined, body: err };
}

export async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected the call to fail');
}

/** An intuit-oauth client whose class-level URLs point at the sandbox. */
export function intuitOAuth(sb: PracticeCompanyServer, redirectUri: string, clientSecret = sb.clientSecret): OAuthClient {
  OAuthClient.environment.sandbox = `${sb.baseUrl}/`;
  const client = new OAuthClient({ clientId: sb.clientId, clientSecret, environment: 'sandbox', redirectUri });
  client.setAuthorizeURLs({
    authorizeEndpoint: `${sb.baseUrl}/connect/oauth2`,
    tokenEndpoint: `${sb.baseUrl}/oauth2/v1/tokens/bearer`,
    revokeEndpoint: `${sb.baseUrl}/v2/oauth2/tokens/revoke`,
    userInfoEndpoint: `${sb.baseUrl}/v1/openid_connect/userinfo`,
  });
  return client;
}

export async function withPracticeCompany<T>(opts: PracticeCompanyOptions, fn: (sb: PracticeCompanyServer) => Promise<T>): Promise<T> {
  const sb = await startPracticeCompany(opts);
  try {
    return await fn(sb);
  } finally {
    await sb.close();
  }
}

/** A practice company for one test file, with a connected API caller and a node-quickbooks client. */
export async function connectedPractice(seed: number): Promise<{ sb: PracticeCompanyServer; api: Api; qbo: QuickBooks }> {
  const sb = await startPracticeCompany({ seed, size: 'tiny', limits: ROOMY_LIMITS });
  const api = Api.connect(sb);
  return { sb, api, qbo: nodeQuickbooks(sb, api.accessToken) };
}

/** Names that differ within a test file: `${prefix} 1`, `${prefix} 2`, … */
export function uniqueNames(): (prefix: string) => string {
  let n = 0;
  return (prefix) => `${prefix} ${++n}`;
}
