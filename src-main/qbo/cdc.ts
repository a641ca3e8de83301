/**
 * Change data capture with Intuit's two limits handled:
 * - older than 30 days: refused before asking (and when QuickBooks refuses), as QboError
 *   `validation` / `cdc_too_old`; the caller runs a full query instead.
 * - 1000 objects per entity: an entity that comes back full is asked again alone, from the newest
 *   LastUpdatedTime it returned (Ids already seen are merged, newest version wins). If a round does
 *   not move that time forward (more than 1000 changes in the same second), the entity falls back
 *   to a paged full query of `MetaData.LastUpdatedTime >= since`, plus the deletions CDC did return.
 */
import { QboError } from './errors';
import type { QboObject } from './types';

const DAY = 86_400_000;
export const CDC_MAX_DAYS = 30;
const MAX_ROUNDS = 50;

export interface CdcDeps {
  now(): number;
  maxPerEntity: number;
  /** One CDC call; answers the raw body. */
  fetch(entities: string[], since: Date): Promise<unknown>;
  queryAll(entity: string, where: string): Promise<QboObject[]>;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export function cdcTooOld(): QboError {
  return new QboError({
    kind: 'validation',
    code: 'cdc_too_old',
    element: 'changedSince',
    message: 'QuickBooks only reports changes from the last 30 days; ShelfSync will read everything again instead.',
  });
}

export async function runCdc(entities: string[], since: Date, deps: CdcDeps): Promise<Record<string, QboObject[]>> {
  if (since.getTime() < deps.now() - CDC_MAX_DAYS * DAY) throw cdcTooOld();
  const out: Record<string, Map<string, QboObject>> = Object.fromEntries(entities.map((e) => [e, new Map()]));
  const first = await fetchOnce(entities, since, deps);
  const full: string[] = [];
  for (const entity of entities) {
    const rows = first[entity] ?? [];
    merge(out[entity] as Map<string, QboObject>, rows);
    if (rows.length >= deps.maxPerEntity) full.push(entity);
  }
  for (const entity of full) await drain(entity, first[entity] ?? [], since, deps, out[entity] as Map<string, QboObject>);
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, [...v.values()]]));
}

/** Lists whose entities have `Active` (Intuit's name lists); transactions have none. */
const NAME_LISTS = new Set(['Item', 'Customer', 'Vendor', 'Employee', 'Account', 'Class', 'Department', 'Term', 'PaymentMethod', 'TaxCode', 'TaxRate']);

async function drain(entity: string, firstRows: QboObject[], since: Date, deps: CdcDeps, into: Map<string, QboObject>): Promise<void> {
  let rows = firstRows;
  let from = since.getTime();
  for (let round = 0; round < MAX_ROUNDS && rows.length >= deps.maxPerEntity; round++) {
    const newest = Math.max(...rows.map(updatedAt));
    if (!(newest > from)) break;
    from = newest;
    rows = (await fetchOnce([entity], new Date(from), deps))[entity] ?? [];
    merge(into, rows);
  }
  if (rows.length < deps.maxPerEntity) return;
  // No progress by time: read the live objects in full; deletions seen so far stay in `into`.
  // A query answers only active names unless asked for both; CDC also sends the ones made inactive.
  const both = NAME_LISTS.has(entity) ? 'Active IN (true, false) AND ' : '';
  const live = await deps.queryAll(entity, `${both}MetaData.LastUpdatedTime >= '${since.toISOString()}'`);
  merge(into, live);
}

async function fetchOnce(entities: string[], since: Date, deps: CdcDeps): Promise<Record<string, QboObject[]>> {
  let body: unknown;
  try {
    body = await deps.fetch(entities, since);
  } catch (error) {
    if (error instanceof QboError && error.kind === 'validation' && /older than|changedSince/i.test(`${error.detail ?? ''} ${error.element ?? ''}`)) {
      throw cdcTooOld();
    }
    throw error;
  }
  const result: Record<string, QboObject[]> = {};
  const cdc = isObject(body) && Array.isArray(body.CDCResponse) ? body.CDCResponse : [];
  for (const part of cdc) {
    const responses = isObject(part) && Array.isArray(part.QueryResponse) ? part.QueryResponse : [];
    for (const response of responses) {
      if (!isObject(response)) continue;
      for (const [key, value] of Object.entries(response)) {
        if (!Array.isArray(value)) continue;
        const entity = entities.find((e) => e.toLowerCase() === key.toLowerCase()) ?? key;
        result[entity] = [...(result[entity] ?? []), ...value.filter((v): v is QboObject => isObject(v) && typeof v.Id === 'string')];
      }
    }
  }
  return result;
}

function updatedAt(o: QboObject): number {
  const t = Date.parse(o.MetaData?.LastUpdatedTime ?? '');
  return Number.isNaN(t) ? 0 : t;
}

function merge(into: Map<string, QboObject>, rows: readonly QboObject[]): void {
  for (const row of rows) {
    const had = into.get(row.Id);
    if (!had || updatedAt(row) >= updatedAt(had)) into.set(row.Id, row);
  }
}
