// Batch: up to N items run one after another, each answered with its own entity, QueryResponse
// or Fault; one bad item does not stop the rest, and no item may refer to what an earlier item of the
// same batch created (Intuit: the items are independent).

import type { Company } from './company.js';
import { fault, QboFault } from './errors.js';
import { getStr, isObject, type JsonObject } from './json.js';
import { parseQuery } from './query.js';
import { runQuery } from './query-run.js';
import { entityFromName, type EntityName } from './store.js';

export const BATCH_REQUEST_ID_MAX = 36;
export const BATCH_ID_MAX = 10;
export const REQUEST_ID_MAX = 50;

function itemEntity(item: JsonObject): { entity: EntityName; body: JsonObject } | undefined {
  for (const [k, v] of Object.entries(item)) {
    const entity = entityFromName(k);
    if (entity && entity === k && isObject(v)) return { entity, body: v };
  }
  return undefined;
}

/** The entity a `…Ref` points to; undefined when it names none of ours. */
function refTarget(field: string, owner: EntityName): EntityName | undefined {
  if (field === 'ParentRef') return owner;
  const name = field.slice(0, -'Ref'.length);
  if (/Account$/.test(name)) return 'Account';
  return entityFromName(name);
}

/** Every reference in a body, nested lines included: `[field, entity, id]`. */
function referencesIn(v: unknown, owner: EntityName, out: Array<[string, EntityName, string]> = []): Array<[string, EntityName, string]> {
  if (Array.isArray(v)) {
    for (const x of v) referencesIn(x, owner, out);
    return out;
  }
  if (!isObject(v)) return out;
  for (const [k, x] of Object.entries(v)) {
    const target = k.endsWith('Ref') ? refTarget(k, owner) : undefined;
    const id = isObject(x) ? getStr(x, 'value') : undefined;
    if (target && id !== undefined) out.push([k, target, id]);
    // A LinkedTxn names its target by TxnType beside the TxnId.
    const linked = k === 'TxnId' && typeof x === 'string' ? entityFromName(getStr(v, 'TxnType') ?? '') : undefined;
    if (linked && typeof x === 'string') out.push(['LinkedTxn', linked, x]);
    referencesIn(x, owner, out);
  }
  return out;
}

function runItem(company: Company, item: JsonObject, opts: BatchOptions, created: Set<string>): JsonObject {
  const query = getStr(item, 'Query');
  if (query !== undefined) return { QueryResponse: structuredClone(runQuery(company.store, parseQuery(query))) };
  const target = itemEntity(item);
  if (!target) throw fault.badBody('a batch item needs an operation and one entity, or a Query');
  const op = getStr(item, 'operation') ?? 'create';
  if (op === 'create' || op === 'update' || op === 'delete') opts.gate(target.entity, op, target.body);
  for (const [field, entity, id] of referencesIn(target.body, target.entity)) {
    if (created.has(`${entity}:${id}`)) throw fault.invalidRef(field, id);
  }
  const write = { allowDuplicateDocNumber: opts.allowDuplicateDocNumber };
  let saved: JsonObject;
  if (op === 'create') saved = company.create(target.entity, target.body, write);
  else if (op === 'update') saved = company.update(target.entity, target.body, write);
  else if (op === 'delete') saved = company.delete(target.entity, target.body);
  else throw fault.invalidValue('operation', op);
  if (op === 'create') created.add(`${target.entity}:${getStr(saved, 'Id') ?? ''}`);
  return { [target.entity]: saved };
}

export interface BatchOptions {
  /** The company-state check every write passes first (subscription, closed books). */
  gate: (entity: EntityName, op: 'create' | 'update' | 'delete', body: JsonObject) => void;
  maxItems: number;
  requestId: string | undefined;
  allowDuplicateDocNumber: boolean;
}

/** Returns the body for a 200 answer, or throws a fault refusing the whole batch. */
export function runBatch(company: Company, body: JsonObject, opts: BatchOptions): JsonObject[] {
  const items = body.BatchItemRequest;
  if (!Array.isArray(items) || items.length === 0) throw fault.required('BatchItemRequest');
  if (items.length > opts.maxItems) {
    throw fault.business(`The batch has ${items.length} items; at most ${opts.maxItems} are allowed in one batch request.`, 'BatchItemRequest');
  }
  const created = new Set<string>();
  // Derived balances (customers', vendors') are worked out once after the batch, not after each of its
  // writes; an item whose answer shows them (a query, a customer or vendor) sees them worked out first.
  const deferred = company.deferBalances;
  try {
    return items.map((raw) => runOne(company, isObject(raw) ? raw : {}, opts, created, deferred));
  } finally {
    company.deferBalances = deferred;
    if (!deferred) company.settleBalances();
  }
}

function runOne(company: Company, item: JsonObject, opts: BatchOptions, created: Set<string>, deferred: boolean): JsonObject {
  const bId = getStr(item, 'bId') ?? '';
  const showsBalances = getStr(item, 'Query') !== undefined || 'Customer' in item || 'Vendor' in item;
  if (showsBalances && !deferred) company.settleBalances();
  company.deferBalances = deferred || !showsBalances;
  try {
    const rid = opts.requestId;
    if (rid !== undefined && (bId.length > BATCH_ID_MAX || rid.length > BATCH_REQUEST_ID_MAX || rid.length + bId.length > REQUEST_ID_MAX)) {
      throw fault.business(`requestid (${rid.length}) and bId (${bId.length}) together are too long: at most ${BATCH_REQUEST_ID_MAX} + ${BATCH_ID_MAX} characters.`, 'bId');
    }
    return { bId, ...runItem(company, item, opts, created) };
  } catch (e) {
    if (!(e instanceof QboFault)) throw e;
    return { bId, Fault: e.faultObject() };
  }
}
