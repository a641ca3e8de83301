/**
 * The QuickBooks client for one realm: node-quickbooks for what it covers, plain HTTP for the rest,
 * all through one limiter, bounded retries with jitter, and a single-flight token refresh on 401.
 */
import type { RawAnswer } from './answer';
import { batchRequestBody, readBatchAnswer, checkBatch } from './batch';
import { runCdc } from './cdc';
import type { QboEndpoints } from './endpoints';
import { faultToError, networkError, QboError, type FaultContext } from './errors';
import { parseRetryAfter } from './faultParse';
import { RealmLimiter, type AnsweredAt, type LimiterOptions } from './limiter';
import { NodeQuickbooksAdapter } from './nodeQuickbooks';
import { sendPlain } from './plainHttp';
import { redactSecrets } from '../../src-shared/redact';
import { defaultRetry, isRetryable, retryDelay, type RetryOptions } from './retry';
import { realTime, type QboTime } from './time';
import type { AccessTokenProvider } from './tokens';
import type { BatchOp, BatchResult, CompanySummary, QboClient, QboObject } from './types';

export interface QboClientOptions {
  realmId: string;
  endpoints: Pick<QboEndpoints, 'apiBase'>;
  clientId: string;
  tokens: AccessTokenProvider;
  /** Share one limiter between every client of the same realm; a new one is made when absent. */
  limiter?: RealmLimiter;
  limits?: Partial<LimiterOptions>;
  time?: QboTime;
  retry?: Partial<RetryOptions>;
  /** Intuit documents 30; an older page says 10. */
  batchMaxItems?: number;
  /** CDC answers at most this many objects per entity (Intuit: 1000). */
  cdcMaxPerEntity?: number;
  minorVersion?: number;
  /** Intuit times a request out after 120 s. */
  timeoutMs?: number;
  /** One line per retry or refresh; every line is redacted before it is written. */
  log?: (line: string) => void;
  /**
   * Told of every request as it leaves, retries included: `read` for queries, reads and change data
   * capture (Intuit meters those), `write` for creates, updates, deletes and batches.
   */
  meter?: (kind: 'read' | 'write', realmId: string) => void;
}

const PAGE = 1000;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export function createQboClient(options: QboClientOptions): QboClient {
  return new QboHttpClient(options);
}

class QboHttpClient implements QboClient {
  readonly realmId: string;
  private readonly nqb: NodeQuickbooksAdapter;
  private readonly limiter: RealmLimiter;
  private readonly time: QboTime;
  private readonly retry: RetryOptions;
  private readonly apiBase: string;
  private readonly minorVersion: number;
  private readonly timeoutMs: number;
  private readonly batchMaxItems: number;
  private readonly cdcMaxPerEntity: number;

  constructor(private readonly options: QboClientOptions) {
    this.realmId = options.realmId;
    this.apiBase = options.endpoints.apiBase.replace(/\/+$/, '');
    this.time = options.time ?? realTime;
    this.limiter = options.limiter ?? new RealmLimiter(this.time, options.limits);
    this.retry = { ...defaultRetry, ...options.retry };
    this.minorVersion = options.minorVersion ?? 75;
    this.timeoutMs = options.timeoutMs ?? 120_000;
    this.batchMaxItems = options.batchMaxItems ?? 30;
    this.cdcMaxPerEntity = options.cdcMaxPerEntity ?? 1000;
    this.nqb = new NodeQuickbooksAdapter({ apiBase: this.apiBase, realmId: this.realmId, clientId: options.clientId, minorVersion: this.minorVersion });
  }

  async queryAll(entity: string, where?: string): Promise<QboObject[]> {
    const name = canonical(entity);
    const filter = where && where.trim() !== '' ? ` WHERE ${where.trim()}` : '';
    const rows: QboObject[] = [];
    for (let start = 1; ; start += PAGE) {
      const page = await this.queryPage(name, `${filter} STARTPOSITION ${start} MAXRESULTS ${PAGE}`);
      rows.push(...page);
      if (page.length < PAGE) return rows;
    }
  }

  private async queryPage(entity: string, tail: string): Promise<QboObject[]> {
    const find = this.nqb.method('find', entity);
    const body = find
      ? await this.execute((token) => this.nqb.call(find, token, [tail.trim()], this.timeoutMs), { entity }, 'read')
      : await this.execute((token) => this.plain('GET', 'query', token, { query: `SELECT * FROM ${entity}${tail}` }), { entity }, 'read');
    const response = isObject(body) ? body.QueryResponse : undefined;
    if (!isObject(response)) return [];
    const key = Object.keys(response).find((k) => k.toLowerCase() === entity.toLowerCase());
    const list = key ? response[key] : undefined;
    return Array.isArray(list) ? list.filter(isQboObject) : [];
  }

  async read(entity: string, id: string): Promise<QboObject> {
    const name = canonical(entity);
    const get = this.nqb.method('get', name);
    const body = get
      ? await this.execute((token) => this.nqb.call(get, token, [id], this.timeoutMs), { entity: name, id }, 'read')
      : await this.execute((token) => this.plain('GET', `${name.toLowerCase()}/${encodeURIComponent(id)}`, token), { entity: name, id }, 'read');
    return this.entityOf(body, name);
  }

  async create(entity: string, body: Record<string, unknown>, requestId: string): Promise<QboObject> {
    return this.entityOf(await this.write('create', entity, body, requestId), canonical(entity));
  }

  async update(entity: string, body: Record<string, unknown>, requestId: string): Promise<QboObject> {
    return this.entityOf(await this.write('update', entity, body, requestId), canonical(entity));
  }

  async remove(entity: string, body: { Id: string; SyncToken: string }, requestId: string): Promise<void> {
    await this.write('delete', entity, { Id: body.Id, SyncToken: body.SyncToken }, requestId);
  }

  private async write(verb: 'create' | 'update' | 'delete', entity: string, body: Record<string, unknown>, requestId: string): Promise<unknown> {
    checkRequestId(requestId, 50);
    const name = canonical(entity);
    const ctx: FaultContext = { entity: name, body, ...(typeof body.Id === 'string' ? { id: body.Id } : {}) };
    const method = this.nqb.method(verb, name);
    return method
      ? this.execute(
          // A fresh copy per attempt: node-quickbooks moves requestId out of the object it is given.
          (token) => this.nqb.call(method, token, [{ ...body, requestId }], this.timeoutMs),
          ctx,
          'write',
        )
      : this.execute((token) => {
          const params: Record<string, string> = { requestid: requestId };
          if (verb !== 'create') params.operation = verb;
          const sent = verb === 'update' && body.sparse === undefined ? { ...body, sparse: true } : body;
          return this.plain('POST', name.toLowerCase(), token, params, sent);
        }, ctx, 'write');
  }

  async batch(ops: BatchOp[], requestId: string): Promise<BatchResult[]> {
    checkBatch(ops, requestId, this.batchMaxItems);
    const body = batchRequestBody(ops);
    const answer = await this.execute(
      (token) => this.plain('POST', 'batch', token, { requestid: requestId }, body),
      { entity: 'batch' },
      'batch',
    );
    return readBatchAnswer(ops, answer);
  }

  async cdc(entities: string[], changedSince: Date): Promise<Record<string, QboObject[]>> {
    return runCdc(entities.map(canonical), changedSince, {
      now: () => this.time.now(),
      maxPerEntity: this.cdcMaxPerEntity,
      fetch: (names, since) =>
        this.execute((token) => this.nqb.call('changeDataCapture', token, [names, since.toISOString()], this.timeoutMs), { entity: 'change' }, 'read'),
      queryAll: (entity, where) => this.queryAll(entity, where),
    });
  }

  async companyInfo(): Promise<CompanySummary> {
    const body = await this.execute((token) => this.nqb.call('getCompanyInfo', token, [this.realmId], this.timeoutMs), { entity: 'CompanyInfo' }, 'read');
    const info = this.entityOf(body, 'CompanyInfo');
    const companyName = typeof info.CompanyName === 'string' ? info.CompanyName : '';
    const country = typeof info.Country === 'string' ? info.Country : undefined;
    return country === undefined ? { companyName, realmId: this.realmId } : { companyName, realmId: this.realmId, country };
  }

  async preferences(): Promise<Record<string, unknown>> {
    const body = await this.execute((token) => this.nqb.call('getPreferences', token, [], this.timeoutMs), { entity: 'Preferences' }, 'read');
    return this.entityOf(body, 'Preferences');
  }

  private plain(method: 'GET' | 'POST', resource: string, token: string, params: Record<string, string> = {}, body?: unknown): Promise<RawAnswer> {
    const url = new URL(`${this.apiBase}/v3/company/${encodeURIComponent(this.realmId)}/${resource}`);
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    url.searchParams.set('minorversion', String(this.minorVersion));
    return sendPlain({ method, url: url.toString(), accessToken: token, body, timeoutMs: this.timeoutMs });
  }

  /**
   * Sends through the limiter until an answer comes, retrying throttling, server and network
   * failures with backoff, and refreshing the token once when QuickBooks says it expired.
   */
  private async execute(send: (token: string) => Promise<RawAnswer>, ctx: FaultContext, kind: 'read' | 'write' | 'batch'): Promise<unknown> {
    let refreshed = false;
    const metered = kind === 'read' ? 'read' : 'write';
    for (let attempt = 1; ; attempt++) {
      const token = await this.options.tokens.current();
      const answer = await this.limiter.run(async (answeredAt) => {
        this.options.meter?.(metered, this.realmId);
        const sent = await send(token);
        this.noteAnswerStamp(sent, answeredAt);
        return sent;
      }, kind === 'batch' ? 'batch' : 'call');
      const error = this.toError(answer, ctx);
      if (answer.kind === 'http' && isObject(answer.body)) this.noteServerTime(answer.body.time);
      if (!error) return answer.kind === 'http' ? answer.body : undefined;
      if (error.kind === 'auth' && error.status === 401 && !refreshed) {
        refreshed = true;
        this.log(`QuickBooks said the access token expired (${ctx.entity ?? 'request'}); refreshing once and trying again.`);
        await this.options.tokens.refreshAfter(token);
        attempt--; // the refresh replay is not a retry
        continue;
      }
      if (!isRetryable(error) || attempt >= this.retry.maxAttempts) throw error;
      const wait = retryDelay(error, attempt, this.retry, this.time.random());
      this.log(`QuickBooks ${ctx.entity ?? 'request'}: ${error.kind}${error.code ? ` ${error.code}` : ''} (attempt ${attempt}); trying again in ${wait} ms.`);
      await this.time.sleep(wait);
    }
  }

  /** QuickBooks' clock as of its latest answer, moved on by our own clock since; null before any answer. */
  serverNow(): Date | null {
    if (!this.serverClock) return null;
    return new Date(this.serverClock.server + (this.time.now() - this.serverClock.local));
  }

  async serverTime(): Promise<Date> {
    const known = this.serverNow();
    if (known) return known;
    await this.companyInfo();
    return this.serverNow() ?? new Date(this.time.now());
  }

  private serverClock: { server: number; local: number } | null = null;

  /** Tells the limiter QuickBooks' own time stamp of this answer (its `time`), when it has one. */
  private noteAnswerStamp(answer: RawAnswer, answeredAt: AnsweredAt): void {
    if (answer.kind !== 'http' || !isObject(answer.body)) return;
    const time = answer.body.time;
    // Only a stamp to the millisecond: one in whole seconds could be up to a second off either way once
    // rounded, and through the clock offset it would let a window end early. Without one, the answer's
    // arrival here counts, which is never early.
    const stamp = typeof time === 'number' ? time : typeof time === 'string' && /:\d\d\.\d/.test(time) ? Date.parse(time) : Number.NaN;
    if (!Number.isNaN(stamp)) answeredAt(stamp);
  }

  /** Every answer says QuickBooks' time (`"time"`, ISO text or epoch ms): keep the latest. */
  private noteServerTime(time: unknown): void {
    const server = typeof time === 'number' ? time : typeof time === 'string' ? Date.parse(time) : Number.NaN;
    if (!Number.isNaN(server)) this.serverClock = { server, local: this.time.now() };
  }

  private toError(answer: RawAnswer, ctx: FaultContext): QboError | null {
    if (answer.kind === 'network') return networkError(answer.what);
    const retryAfterMs = parseRetryAfter(answer.retryAfter, this.time.now());
    const error = faultToError(answer.status, answer.body, ctx, retryAfterMs);
    if (error) return error;
    if (!isObject(answer.body)) {
      return new QboError({ kind: 'server', status: answer.status, message: 'QuickBooks sent an answer ShelfSync could not read. ShelfSync will try again later; nothing was lost.' });
    }
    return null;
  }

  private entityOf(body: unknown, entity: string): QboObject {
    if (isObject(body)) {
      const key = Object.keys(body).find((k) => k.toLowerCase() === entity.toLowerCase());
      const inner = key ? body[key] : body;
      if (isQboObject(inner)) return inner;
      if (isObject(inner) && (entity === 'Preferences' || entity === 'CompanyInfo')) return { Id: '1', SyncToken: '0', ...inner };
    }
    throw new QboError({ kind: 'server', message: `QuickBooks answered without the ${entity} ShelfSync asked for. ShelfSync will try again later.` });
  }

  private log(line: string): void {
    this.options.log?.(redactSecrets(line));
  }
}

export function isQboObject(v: unknown): v is QboObject {
  return isObject(v) && typeof v.Id === 'string';
}

/** Intuit spells entities in PascalCase (`Item`, `InventoryAdjustment`); accept `item` too. */
function canonical(entity: string): string {
  return entity.charAt(0).toUpperCase() + entity.slice(1);
}

function checkRequestId(requestId: string, max: number): void {
  if (requestId === '' || requestId.length > max) {
    throw new QboError({ kind: 'validation', code: 'requestid', message: `The request id must be 1 to ${max} characters (it was ${requestId.length}).` });
  }
}
