// Runs a parsed query against the store: checks the entity and the properties it names
// (QueryValidationError, 4001), filters, applies the name lists' Active default, orders, pages
// with Intuit's limits and cuts rows down to a column list.

import { parseQboTime } from './clock.js';
import { fault } from './errors.js';
import { isObject, type Json, type JsonObject } from './json.js';
import type { Condition, Literal, OrderBy, ParsedQuery } from './query.js';
import { canonicalField, fieldKind, isColumn } from './query-fields.js';
import { entityFromName, type CompanyStore, type EntityName } from './store.js';

export const MAX_RESULTS = 1000;
const DEFAULT_RESULTS = 100;
const NAME_LISTS: ReadonlySet<EntityName> = new Set(['Customer', 'Vendor', 'Item', 'Account', 'Department', 'Class', 'Employee']);

function field(o: JsonObject, name: string): Json | undefined {
  if (name in o) return o[name];
  const lower = name.toLowerCase();
  for (const k of Object.keys(o)) if (k.toLowerCase() === lower) return o[k];
  return undefined;
}

function valueAt(o: JsonObject, path: readonly string[]): Json | undefined {
  let cur: Json | undefined = o;
  for (const part of path) {
    if (!isObject(cur)) return undefined;
    cur = field(cur, part);
  }
  // A reference compares by its Id, as `CustomerRef = '12'` does at Intuit; an e-mail by its address.
  if (isObject(cur) && 'value' in cur) return cur.value;
  if (isObject(cur) && 'Address' in cur) return cur.Address;
  return cur;
}

const NUMERIC = /^-?\d+(\.\d+)?$/;
const DATE_LIKE = /^\d{4}-\d{2}-\d{2}/;

/** Orders a field value against a literal: numbers numerically, dates as instants, text without case. */
function compare(v: Json | undefined, lit: Literal): number | undefined {
  if (v === undefined || v === null || isObject(v) || Array.isArray(v)) return undefined;
  if (typeof lit === 'boolean' || typeof v === 'boolean') {
    const b = typeof v === 'boolean' ? v : v === 'true';
    return b === (typeof lit === 'boolean' ? lit : lit === 'true') ? 0 : 1;
  }
  const vs = String(v);
  const ls = String(lit);
  if (NUMERIC.test(vs) && NUMERIC.test(ls)) return Math.sign(Number(vs) - Number(ls));
  if (DATE_LIKE.test(vs) && DATE_LIKE.test(ls)) {
    const a = parseQboTime(vs);
    const b = parseQboTime(ls);
    if (a !== undefined && b !== undefined) return Math.sign(a - b);
  }
  const a = vs.toLowerCase();
  const b = ls.toLowerCase();
  return a < b ? -1 : a > b ? 1 : 0;
}

const likeCache = new Map<string, RegExp>();
function likePattern(p: string): RegExp {
  let re = likeCache.get(p);
  if (!re) {
    re = new RegExp(`^${p.split('%').map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 'is');
    likeCache.set(p, re);
  }
  return re;
}

function matches(o: JsonObject, c: Condition): boolean {
  const v = valueAt(o, c.path);
  const first = c.values[0];
  switch (c.op) {
    case 'IN': return c.values.some((lit) => compare(v, lit) === 0);
    case 'LIKE': return (typeof v === 'string' || typeof v === 'number') && typeof first === 'string' && likePattern(first).test(String(v));
    default: {
      if (first === undefined) return false;
      const r = compare(v, first);
      if (r === undefined) return false;
      if (c.op === '=') return r === 0;
      if (c.op === '<') return r < 0;
      if (c.op === '>') return r > 0;
      if (c.op === '<=') return r <= 0;
      return r >= 0;
    }
  }
}

function sortRows(rows: JsonObject[], orderBy: readonly OrderBy[]): void {
  rows.sort((x, y) => {
    for (const o of orderBy) {
      const a = valueAt(x, o.path);
      const b = valueAt(y, o.path);
      let r = 0;
      if (a === undefined || a === null) r = b === undefined || b === null ? 0 : -1;
      else if (b === undefined || b === null) r = 1;
      else if (typeof b === 'string' || typeof b === 'number' || typeof b === 'boolean') r = compare(a, b) ?? 0;
      if (r !== 0) return o.desc ? -r : r;
    }
    return 0;
  });
}

export function resolveQueryEntity(name: string): EntityName {
  const entity = entityFromName(name);
  if (!entity) throw fault.queryValidation(`Metadata not found for Entity: ${name}`);
  return entity;
}

function notFound(entity: EntityName, path: readonly string[]): never {
  throw fault.queryValidation(`Property ${path.join('.')} not found for Entity ${entity}`);
}

/** Refuses a WHERE, ORDERBY or column the entity does not have, or may not use there (4001). */
function validate(entity: EntityName, q: ParsedQuery): void {
  for (const c of q.where) {
    const kind = fieldKind(entity, c.path);
    if (kind === 'unknown') notFound(entity, c.path);
    if (kind !== 'filterable') throw fault.queryValidation(`property '${canonicalField(entity, c.path)}' is not queryable`);
  }
  for (const o of q.orderBy) {
    const kind = fieldKind(entity, o.path);
    if (kind === 'unknown') notFound(entity, o.path);
    if (kind === 'object') throw fault.queryValidation(`property '${canonicalField(entity, o.path)}' is not sortable`);
  }
  // A column list takes plain top-level values only; Intuit answers "not found" for objects.
  for (const col of q.columns ?? []) if (!isColumn(entity, col)) notFound(entity, col);
}

/** A row cut down to the column list: only the columns that have a value, marked sparse as Intuit does. */
function project(row: JsonObject, entity: EntityName, columns: readonly string[][]): JsonObject {
  const out: JsonObject = {};
  for (const col of columns) {
    const name = canonicalField(entity, col);
    const v = field(row, name);
    if (v !== undefined && v !== null) out[name] = v;
  }
  out.sparse = true;
  return out;
}

/** The body under `QueryResponse`. */
export function runQuery(store: CompanyStore, q: ParsedQuery): JsonObject {
  const entity = resolveQueryEntity(q.entity);
  validate(entity, q);
  const max = q.maxResults ?? DEFAULT_RESULTS;
  if (max > MAX_RESULTS) throw fault.queryValidation(`value ${max} is too large. Max allowed value is ${MAX_RESULTS}`);
  const start = q.startPosition ?? 1;
  if (start < 1) throw fault.queryValidation(`STARTPOSITION ${start} is not valid; it starts at 1`);
  const conditions = [...q.where];
  // Name lists answer active names only unless the query says otherwise.
  if (NAME_LISTS.has(entity) && !conditions.some((c) => c.path.length === 1 && c.path[0]?.toLowerCase() === 'active')) {
    conditions.push({ path: ['Active'], op: '=', values: [true] });
  }
  const rows: JsonObject[] = [];
  for (const o of store.all(entity)) if (conditions.every((c) => matches(o, c))) rows.push(o);
  if (q.count) return { totalCount: rows.length };
  if (q.orderBy.length > 0) sortRows(rows, q.orderBy);
  const page = rows.slice(start - 1, start - 1 + max);
  if (page.length === 0) return {};
  const columns = q.columns;
  const answer = columns ? page.map((row) => project(row, entity, columns)) : page;
  return { [entity]: answer, startPosition: start, maxResults: answer.length };
}
