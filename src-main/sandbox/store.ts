// The company's objects: one table per entity, Id lookups by Map, and the indexes the business
// rules need (unique names, document numbers) so no rule scans a whole table.

import { getStr, type JsonObject } from './json.js';

export const ENTITY_NAMES = [
  'Account', 'Item', 'Customer', 'Vendor', 'Employee', 'Estimate', 'Invoice', 'SalesReceipt', 'Payment',
  'PurchaseOrder', 'Bill', 'InventoryAdjustment', 'Department', 'Class', 'CompanyInfo', 'Preferences',
] as const;
export type EntityName = (typeof ENTITY_NAMES)[number];

const byLower = new Map<string, EntityName>(ENTITY_NAMES.map((n) => [n.toLowerCase(), n]));
export function entityFromName(name: string): EntityName | undefined {
  return byLower.get(name.toLowerCase());
}

/** Names shared by customers, vendors and employees (QuickBooks keeps them unique together). */
export const PEOPLE: ReadonlySet<EntityName> = new Set(['Customer', 'Vendor', 'Employee']);
/** Name lists whose own names are unique within the list. */
const LISTS: ReadonlySet<EntityName> = new Set(['Item', 'Account', 'Department', 'Class']);
const WITH_DOC_NUMBER: ReadonlySet<EntityName> = new Set(['Estimate', 'Invoice', 'SalesReceipt', 'PurchaseOrder', 'Bill', 'InventoryAdjustment', 'Payment']);

export interface Tombstone {
  entity: EntityName;
  Id: string;
  deletedAt: number;
}

export interface StoreSnapshot {
  realmId: string;
  nextIds: Record<string, number>;
  tables: Record<string, JsonObject[]>;
  tombstones: Tombstone[];
}

export interface NameOwner {
  entity: EntityName;
  id: string;
}

const key = (s: string): string => s.trim().toLowerCase();

export class CompanyStore {
  private readonly tables = new Map<EntityName, Map<string, JsonObject>>();
  private readonly nextIds = new Map<EntityName, number>();
  private readonly peopleNames = new Map<string, NameOwner>();
  private readonly listNames = new Map<EntityName, Map<string, string>>();
  private readonly docNumbers = new Map<EntityName, Map<string, Set<string>>>();
  tombstones: Tombstone[] = [];

  constructor(readonly realmId: string) {
    for (const n of ENTITY_NAMES) this.tables.set(n, new Map());
  }

  private table(entity: EntityName): Map<string, JsonObject> {
    const t = this.tables.get(entity);
    if (!t) throw new Error(`no table ${entity}`);
    return t;
  }

  get(entity: EntityName, id: string): JsonObject | undefined {
    return this.table(entity).get(id);
  }

  /** Objects in creation (Id) order. */
  all(entity: EntityName): IterableIterator<JsonObject> {
    return this.table(entity).values();
  }

  count(entity: EntityName): number {
    return this.table(entity).size;
  }

  allocateId(entity: EntityName): string {
    const next = this.nextIds.get(entity) ?? 1;
    this.nextIds.set(entity, next + 1);
    return String(next);
  }

  put(entity: EntityName, obj: JsonObject): void {
    const id = getStr(obj, 'Id');
    if (id === undefined) throw new Error('object without Id');
    const t = this.table(entity);
    const old = t.get(id);
    if (old) this.unindex(entity, old);
    t.set(id, obj);
    this.index(entity, obj);
  }

  remove(entity: EntityName, id: string, at: number): void {
    const t = this.table(entity);
    const old = t.get(id);
    if (!old) return;
    this.unindex(entity, old);
    t.delete(id);
    this.tombstones.push({ entity, Id: id, deletedAt: at });
  }

  personNamed(name: string): NameOwner | undefined {
    return this.peopleNames.get(key(name));
  }

  listItemNamed(entity: EntityName, name: string): string | undefined {
    return this.listNames.get(entity)?.get(key(name));
  }

  docNumberOwners(entity: EntityName, docNumber: string): ReadonlySet<string> {
    return this.docNumbers.get(entity)?.get(key(docNumber)) ?? new Set();
  }

  private uniqueName(entity: EntityName, obj: JsonObject): string | undefined {
    if (PEOPLE.has(entity)) return getStr(obj, 'DisplayName');
    if (LISTS.has(entity)) return entity === 'Item' ? getStr(obj, 'Name') : getStr(obj, 'FullyQualifiedName') ?? getStr(obj, 'Name');
    return undefined;
  }

  private index(entity: EntityName, obj: JsonObject): void {
    const id = getStr(obj, 'Id') ?? '';
    const name = this.uniqueName(entity, obj);
    if (name !== undefined && PEOPLE.has(entity)) this.peopleNames.set(key(name), { entity, id });
    if (name !== undefined && LISTS.has(entity)) {
      let m = this.listNames.get(entity);
      if (!m) this.listNames.set(entity, (m = new Map<string, string>()));
      m.set(key(name), id);
    }
    const doc = WITH_DOC_NUMBER.has(entity) ? getStr(obj, 'DocNumber') : undefined;
    if (doc !== undefined && doc !== '') {
      let m = this.docNumbers.get(entity);
      if (!m) this.docNumbers.set(entity, (m = new Map<string, Set<string>>()));
      let s = m.get(key(doc));
      if (!s) m.set(key(doc), (s = new Set()));
      s.add(id);
    }
  }

  private unindex(entity: EntityName, obj: JsonObject): void {
    const id = getStr(obj, 'Id') ?? '';
    const name = this.uniqueName(entity, obj);
    if (name !== undefined && PEOPLE.has(entity) && this.peopleNames.get(key(name))?.id === id) this.peopleNames.delete(key(name));
    if (name !== undefined && LISTS.has(entity)) {
      const m = this.listNames.get(entity);
      if (m?.get(key(name)) === id) m.delete(key(name));
    }
    const doc = WITH_DOC_NUMBER.has(entity) ? getStr(obj, 'DocNumber') : undefined;
    if (doc !== undefined) this.docNumbers.get(entity)?.get(key(doc))?.delete(id);
  }

  snapshot(): StoreSnapshot {
    const tables: Record<string, JsonObject[]> = {};
    for (const [name, t] of this.tables) tables[name] = [...t.values()];
    return { realmId: this.realmId, nextIds: Object.fromEntries(this.nextIds), tables, tombstones: this.tombstones };
  }

  static fromSnapshot(s: StoreSnapshot): CompanyStore {
    const store = new CompanyStore(s.realmId);
    for (const [name, n] of Object.entries(s.nextIds)) {
      const e = entityFromName(name);
      if (e) store.nextIds.set(e, n);
    }
    for (const [name, rows] of Object.entries(s.tables)) {
      const e = entityFromName(name);
      if (e) for (const row of rows) store.put(e, row);
    }
    store.tombstones = s.tombstones;
    return store;
  }
}
