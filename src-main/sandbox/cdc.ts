// Change data capture: what changed since a moment no older than 30 days, per entity, at most
// 1000 objects each, with deleted objects reduced to their Id and deletion time.

import { formatDateTime, parseQboTime } from './clock.js';
import { fault, QboFault } from './errors.js';
import { getObj, getStr, type JsonObject } from './json.js';
import { entityFromName, type CompanyStore, type EntityName } from './store.js';

export const CDC_MAX_DAYS = 30;
export const CDC_MAX_PER_ENTITY = 1000;

export function parseCdcEntities(list: string | null): EntityName[] {
  if (list === null || list.trim() === '') throw fault.required('entities');
  return list.split(',').map((raw) => {
    const e = entityFromName(raw.trim());
    if (!e) throw fault.invalidValue('entities', raw.trim());
    return e;
  });
}

/** Refuses a window older than 30 days (checked to the millisecond: the stricter reading). */
export function parseChangedSince(text: string | null, nowMs: number): number {
  if (text === null || text.trim() === '') throw fault.required('changedSince');
  const since = parseQboTime(text);
  if (since === undefined) throw fault.invalidValue('changedSince', text);
  if (since < nowMs - CDC_MAX_DAYS * 86_400_000) {
    throw new QboFault(400, [{
      Message: 'Invalid Request',
      Detail: `changedSince older than fixed days is not supported: at most ${CDC_MAX_DAYS} days back; run a full query instead`,
      code: '4001',
      element: 'changedSince',
    }]);
  }
  return since;
}

interface Change {
  at: number;
  obj: JsonObject;
}

function changesOf(store: CompanyStore, entity: EntityName, since: number): Change[] {
  const out: Change[] = [];
  for (const o of store.all(entity)) {
    const at = parseQboTime(getStr(getObj(o, 'MetaData') ?? {}, 'LastUpdatedTime') ?? '') ?? 0;
    if (at >= since) out.push({ at, obj: o });
  }
  for (const t of store.tombstones) {
    if (t.entity === entity && t.deletedAt >= since) {
      out.push({ at: t.deletedAt, obj: { domain: 'QBO', status: 'Deleted', Id: t.Id, MetaData: { LastUpdatedTime: formatDateTime(t.deletedAt) } } });
    }
  }
  out.sort((a, b) => a.at - b.at);
  return out.slice(0, CDC_MAX_PER_ENTITY);
}

/** The array under `CDCResponse`. */
export function runCdc(store: CompanyStore, entities: readonly EntityName[], since: number): JsonObject[] {
  const responses: JsonObject[] = entities.map((entity): JsonObject => {
    const rows = changesOf(store, entity, since).map((c) => c.obj);
    return rows.length === 0 ? {} : { [entity]: rows, startPosition: 1, maxResults: rows.length };
  });
  return [{ QueryResponse: responses }];
}
