// JSON value types and small readers, so entity rules can walk request bodies without `any`.

export type Json = null | boolean | number | string | Json[] | JsonObject;
export interface JsonObject {
  [key: string]: Json;
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function getObj(o: JsonObject, key: string): JsonObject | undefined {
  const v = o[key];
  return isObject(v) ? v : undefined;
}

export function getArr(o: JsonObject, key: string): Json[] | undefined {
  const v = o[key];
  return Array.isArray(v) ? v : undefined;
}

export function getStr(o: JsonObject, key: string): string | undefined {
  const v = o[key];
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  return undefined;
}

/** Numbers may arrive as JSON strings from loosely typed clients; QuickBooks accepts both. */
export function getNum(o: JsonObject, key: string): number | undefined {
  const v = o[key];
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}

export function getBool(o: JsonObject, key: string): boolean | undefined {
  const v = o[key];
  if (typeof v === 'boolean') return v;
  if (v === 'true') return true;
  if (v === 'false') return false;
  return undefined;
}

export function objects(list: Json[] | undefined): JsonObject[] {
  return (list ?? []).filter(isObject);
}

/** Reads a dotted path such as `MetaData.LastUpdatedTime`; a Ref object yields its `value`. */
export function readPath(o: JsonObject, path: readonly string[]): Json | undefined {
  let cur: Json | undefined = o;
  for (const part of path) {
    if (!isObject(cur)) return undefined;
    cur = cur[part];
  }
  return cur;
}

export function cloneJson<T extends Json>(value: T): T {
  return structuredClone(value);
}

export function parseJsonObject(text: string): JsonObject | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    return isObject(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** A plain data object (no functions, no cycles) as JSON, dropping undefined fields. */
export function toJsonObject(value: object): JsonObject {
  return parseJsonObject(JSON.stringify(value)) ?? {};
}
