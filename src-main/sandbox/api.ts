// The accounting API under /v3/company/{realmId}: entity reads and writes, query, CDC, batch,
// with requestid replay. Authentication and throttling happen before this, in server.ts.

import { runBatch, REQUEST_ID_MAX } from './batch.js';
import { parseCdcEntities, parseChangedSince, runCdc } from './cdc.js';
import { formatResponseTime } from './clock.js';
import type { Company } from './company.js';
import { checkCompanyStatus, type CompanyStatus } from './company-status.js';
import { fault, QboFault } from './errors.js';
import { json, type HttpResult } from './http.js';
import type { RequestIdCache } from './idempotency.js';
import { getStr, parseJsonObject, type JsonObject } from './json.js';
import { parseQuery } from './query.js';
import { runQuery } from './query-run.js';
import { entityFromName } from './store.js';

export interface ApiRequest {
  method: string;
  /** Path segments after /v3/company/{realmId}/. */
  segments: string[];
  /** The whole path as sent (for "Unsupported Operation" answers). */
  path: string;
  params: URLSearchParams;
  body: string;
  contentType: string | undefined;
}

export interface ApiDeps {
  company: () => Company;
  now: () => number;
  requestIds: RequestIdCache;
  batchMaxItems: () => number;
  status: () => CompanyStatus;
}

export class AccountingApi {
  constructor(private readonly deps: ApiDeps) {}

  handle(req: ApiRequest): HttpResult {
    const time = formatResponseTime(this.deps.now());
    try {
      return this.route(req, time);
    } catch (e) {
      if (e instanceof QboFault) return json(e.status, e.body(time));
      throw e;
    }
  }

  private route(req: ApiRequest, time: string): HttpResult {
    const [resource = '', id] = req.segments;
    const name = resource.toLowerCase();
    // Intuit has no resource below /{entity}/{id}: a longer path is never a read of the entity.
    const unsupported = (): QboFault => fault.unsupportedOperation(req.path);
    if (name === 'query' || name === 'cdc' || name === 'batch') {
      if (req.segments.length > 1) throw unsupported();
      if (name === 'query') return this.query(req, time);
      if (name === 'cdc' && req.method === 'GET') return this.cdc(req, time);
      if (name === 'batch' && req.method === 'POST') return this.idempotent(req, () => this.batch(req, time));
      throw unsupported();
    }
    const entity = entityFromName(name);
    if (!entity || req.segments.length > 2) throw unsupported();
    const company = this.deps.company();
    if (req.method === 'GET') {
      if (id === undefined && entity !== 'Preferences' && entity !== 'CompanyInfo') throw fault.required('Id');
      // Ids are whole numbers: `1.5` or `abc` is refused as an invalid Id, never looked up.
      if (id !== undefined && !/^\d+$/.test(id)) throw fault.invalidId(id);
      return json(200, { [entity]: company.read(entity, id ?? '1'), time });
    }
    if (req.method !== 'POST' || id !== undefined) throw unsupported();
    return this.idempotent(req, () => {
      const body = parseJsonObject(req.body);
      if (!body) throw fault.badBody('the body is not a JSON object');
      const operation = req.params.get('operation');
      const opts = { allowDuplicateDocNumber: this.allowsDuplicates(req) };
      const gate = (op: 'create' | 'update' | 'delete'): void => checkCompanyStatus(this.deps.status(), company.store, entity, op, body, this.deps.now());
      let saved: JsonObject;
      if (operation === 'delete') {
        gate('delete');
        saved = company.delete(entity, body);
      } else if (operation === 'update' || (operation === null && getStr(body, 'Id') !== undefined)) {
        gate('update');
        saved = company.update(entity, body, opts);
      } else if (operation === null || operation === 'create') {
        gate('create');
        saved = company.create(entity, body, opts);
      } else throw fault.unsupported(`operation=${operation}`);
      return json(200, { [entity]: saved, time });
    });
  }

  private allowsDuplicates(req: ApiRequest): boolean {
    return (req.params.get('include') ?? '').toLowerCase().split(',').includes('allowduplicatedocnum');
  }

  /** A write with a requestid answers as it first did when the id comes again. */
  private idempotent(req: ApiRequest, run: () => HttpResult): HttpResult {
    const rid = req.params.get('requestid');
    if (rid === null || rid === '') return this.faultAsResult(run);
    const isBatch = (req.segments[0] ?? '').toLowerCase() === 'batch';
    const max = isBatch ? 36 : REQUEST_ID_MAX;
    if (rid.length > max) throw fault.business(`requestid is ${rid.length} characters long; at most ${max} are allowed.`, 'requestid');
        // Intuit keeps request ids unique per company, whatever the endpoint.
    const seen = this.deps.requestIds.get(rid);
    if (seen) return seen;
    const result = this.faultAsResult(run);
    if (result.status < 500) this.deps.requestIds.set(rid, result);
    return result;
  }

  private faultAsResult(run: () => HttpResult): HttpResult {
    try {
      return run();
    } catch (e) {
      if (e instanceof QboFault) return json(e.status, e.body(formatResponseTime(this.deps.now())));
      throw e;
    }
  }

  private query(req: ApiRequest, time: string): HttpResult {
    let text = req.params.get('query');
    if (text === null && req.method === 'POST') text = req.body;
    if (text === null || text.trim() === '') throw fault.required('query');
    const result = runQuery(this.deps.company().store, parseQuery(text));
    return json(200, { QueryResponse: result, time });
  }

  private cdc(req: ApiRequest, time: string): HttpResult {
    const entities = parseCdcEntities(req.params.get('entities'));
    const since = parseChangedSince(req.params.get('changedSince'), this.deps.now());
    return json(200, { CDCResponse: runCdc(this.deps.company().store, entities, since), time });
  }

  private batch(req: ApiRequest, time: string): HttpResult {
    const body = parseJsonObject(req.body);
    if (!body) throw fault.badBody('the body is not a JSON object');
    const company = this.deps.company();
    const items = runBatch(company, body, {
      gate: (entity, op, item) => checkCompanyStatus(this.deps.status(), company.store, entity, op, item, this.deps.now()),
      maxItems: this.deps.batchMaxItems(),
      requestId: req.params.get('requestid') ?? undefined,
      allowDuplicateDocNumber: this.allowsDuplicates(req),
    });
    return json(200, { BatchItemResponse: items, time });
  }
}
