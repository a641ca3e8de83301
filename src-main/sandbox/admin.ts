// The admin API (JSON under /admin): reset, clock, injected faults, acting as a QuickBooks user,
// tokens, dump and request log. It bypasses limits; server.ts guards who may call it.

import { formatDateTime } from './clock.js';
import { parsePlan, QBO_PLANS } from './company-status.js';
import { QboFault } from './errors.js';
import { FAULT_KINDS, type FaultKind, type FaultMatch } from './faults.js';
import { json, type HttpResult } from './http.js';
import { getNum, getStr, isObject, parseJsonObject, toJsonObject, type JsonObject } from './json.js';
import { SEED_SIZES, type SeedSize } from './seed.js';
import { ENTITY_NAMES, entityFromName } from './store.js';
import type { PracticeRuntime } from './runtime.js';
import { ACCOUNTING_SCOPE } from './oauth-config.js';
import { LIMIT_KEYS } from './limits.js';

const bad = (message: string): HttpResult => json(400, { error: message });

function parseMatch(v: unknown): FaultMatch {
  const m: FaultMatch = {};
  if (!isObject(v)) return m;
  const method = getStr(v, 'method');
  const pathIncludes = getStr(v, 'pathIncludes');
  const entity = getStr(v, 'entity');
  if (method !== undefined) m.method = method;
  if (pathIncludes !== undefined) m.pathIncludes = pathIncludes;
  if (entity !== undefined) m.entity = entity;
  return m;
}

function dump(rt: PracticeRuntime): JsonObject {
  const entities: JsonObject = {};
  for (const name of ENTITY_NAMES) entities[name] = [...rt.company.store.all(name)];
  const deleted = rt.company.store.tombstones.map((t) => ({ entity: t.entity, Id: t.Id, deletedAt: formatDateTime(t.deletedAt) }));
  return { realmId: rt.app.realmId, seed: rt.seed, size: rt.size, now: formatDateTime(rt.clock.now()), entities, deleted };
}

function entityRoute(rt: PracticeRuntime, method: string, parts: string[], body: JsonObject): HttpResult {
  const entity = entityFromName(parts[0] ?? '');
  if (!entity) return bad(`unknown entity ${parts[0] ?? ''}`);
  const id = parts[1];
  try {
    if (method === 'POST' && id === undefined) return json(200, { [entity]: rt.company.create(entity, body, { allowDuplicateDocNumber: true }) });
    if (id === undefined) return bad('an id is needed');
    if (method === 'GET') return json(200, { [entity]: rt.company.read(entity, id) });
    if (method === 'PATCH') return json(200, { [entity]: rt.company.adminEdit(entity, id, body) });
    if (method === 'DELETE') return json(200, { [entity]: rt.company.adminDelete(entity, id) });
  } catch (e) {
    if (e instanceof QboFault) return json(e.status, e.body(formatDateTime(rt.clock.now())));
    throw e;
  }
  return json(405, { error: 'method not allowed' });
}

function faultRoute(rt: PracticeRuntime, method: string, body: JsonObject): HttpResult {
  if (method === 'GET') return json(200, { faults: rt.faults.list().map((f) => ({ ...f, match: { ...f.match } })) });
  if (method === 'DELETE') {
    rt.faults.clear();
    return json(200, { faults: [] });
  }
  const kind = getStr(body, 'kind');
  if (kind === undefined || !(FAULT_KINDS as readonly string[]).includes(kind)) return bad(`kind must be one of ${FAULT_KINDS.join(', ')}`);
  const count = getNum(body, 'count') ?? 1;
  const rule = rt.faults.add(parseMatch(body.match), kind as FaultKind, count, getNum(body, 'delayMs') ?? 2000, getNum(body, 'retryAfterSeconds'));
  return json(200, { fault: { ...rule, match: { ...rule.match } } });
}

/** Plan, subscription and closing date: `{plan?, subscriptionEnded?: boolean, closingDate?: "YYYY-MM-DD" | null}`. */
function statusRoute(rt: PracticeRuntime, method: string, body: JsonObject): HttpResult {
  if (method !== 'GET') {
    const plan = body.plan === undefined ? undefined : typeof body.plan === 'string' ? parsePlan(body.plan) : null;
    if (plan === null || (body.plan !== undefined && plan === undefined)) return bad(`plan must be one of ${QBO_PLANS.join(', ')}`);
    const closing = getStr(body, 'closingDate');
    if (closing !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(closing)) return bad('closingDate must be YYYY-MM-DD or null');
    if (plan !== undefined) rt.setPlan(plan);
    if (typeof body.subscriptionEnded === 'boolean') rt.companyStatus.subscriptionEnded = body.subscriptionEnded;
    if (body.closingDate === null) delete rt.companyStatus.closingDate;
    if (closing !== undefined) rt.companyStatus.closingDate = closing;
    rt.changed();
  }
  return json(200, { ...rt.companyStatus });
}

function limitsRoute(rt: PracticeRuntime, method: string, body: JsonObject): HttpResult {
  if (method !== 'GET') {
    const s = rt.limits.settings;
    for (const k of LIMIT_KEYS) {
      const v = getNum(body, k);
      if (v !== undefined) s[k] = v;
    }
    if (typeof body.throttleXml === 'boolean') rt.throttleXml = body.throttleXml;
  }
  return json(200, { limits: { ...rt.limits.settings }, throttleXml: rt.throttleXml });
}

export async function handleAdmin(rt: PracticeRuntime, method: string, path: string, rawBody: string): Promise<HttpResult> {
  const parts = path.split('/').filter((p) => p !== '').slice(1);
  const body = rawBody.trim() === '' ? {} : parseJsonObject(rawBody);
  if (!body) return bad('the body must be a JSON object');
  const [head = '', ...rest] = parts;
  switch (head) {
    case '':
      return json(200, { realmId: rt.app.realmId, seed: rt.seed, size: rt.size, now: formatDateTime(rt.clock.now()) });
    case 'reset': {
      const size = getStr(body, 'size') ?? rt.size;
      if (!(SEED_SIZES as readonly string[]).includes(size)) return bad(`size must be one of ${SEED_SIZES.join(', ')}`);
      rt.reset(getNum(body, 'seed') ?? rt.seed, size as SeedSize);
      return json(200, { realmId: rt.app.realmId, seed: rt.seed, size: rt.size });
    }
    case 'clock': {
      if (method === 'POST') rt.clock.advance(getNum(body, 'advanceSeconds') ?? 0);
      rt.changed();
      return json(200, { now: formatDateTime(rt.clock.now()), nowMs: rt.clock.now(), offsetSeconds: rt.clock.offset / 1000 });
    }
    case 'faults':
      return faultRoute(rt, method, body);
    case 'limits':
      return limitsRoute(rt, method, body);
    case 'company-status':
      return statusRoute(rt, method, body);
    case 'entities':
      return entityRoute(rt, method, rest, body);
    case 'tokens': {
      if (rest[0] === 'revoke') {
        const revoked = rt.tokens.revokeAll();
        rt.changed();
        return json(200, { revoked });
      }
      const scope = getStr(body, 'scope')?.split(/\s+/) ?? [ACCOUNTING_SCOPE];
      rt.changed();
      return json(200, toJsonObject(rt.oauth.issueDirect(scope, getStr(body, 'app'))));
    }
    case 'dump':
      return json(200, dump(rt));
    case 'requests':
      if (method === 'DELETE' || rest[0] === 'reset') rt.log.reset();
      return json(200, rt.log.view());
    case 'save':
      await rt.persister?.flush();
      return json(200, { saved: rt.persister !== undefined });
    default:
      return json(404, { error: `no admin endpoint ${path}` });
  }
}
