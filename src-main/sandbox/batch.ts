// Batch: up to N items run one after another, each answered with its own entity, QueryResponse
// or Fault; one bad item does not stop the rest.

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

function runItem(company: Company, item: JsonObject, allowDuplicateDocNumber: boolean): JsonObject {
  const query = getStr(item, 'Query');
  if (query !== undefined) return { QueryResponse: structuredClone(runQuery(company.store, parseQuery(query))) };
  const target = itemEntity(item);
  if (!target) throw fault.badBody('a batch item needs an operation and one entity, or a Query');
  const op = getStr(item, 'operation') ?? 'create';
  const opts = { allowDuplicateDocNumber };
  let saved: JsonObject;
  if (op === 'create') saved = company.create(target.entity, target.body, opts);
  else if (op === 'update') saved = company.update(target.entity, target.body, opts);
  else if (op === 'delete') saved = company.delete(target.entity, target.body);
  else throw fault.invalidValue('operation', op);
  return { [target.entity]: saved };
}

export interface BatchOptions {
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
  return items.map((raw): JsonObject => {
    const item = isObject(raw) ? raw : {};
    const bId = getStr(item, 'bId') ?? '';
    try {
      const rid = opts.requestId;
      if (rid !== undefined && (bId.length > BATCH_ID_MAX || rid.length > BATCH_REQUEST_ID_MAX || rid.length + bId.length > REQUEST_ID_MAX)) {
        throw fault.business(`requestid (${rid.length}) and bId (${bId.length}) together are too long: at most ${BATCH_REQUEST_ID_MAX} + ${BATCH_ID_MAX} characters.`, 'bId');
      }
      return { bId, ...runItem(company, item, opts.allowDuplicateDocNumber) };
    } catch (e) {
      if (!(e instanceof QboFault)) throw e;
      return { bId, Fault: e.faultObject() };
    }
  });
}
