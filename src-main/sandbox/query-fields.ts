// Which properties a query may name, per entity: WHERE takes the ones Intuit's entity reference marks
// "filterable"; every other property the entity has (schema/, Intuit's Finance.xsd) is known but not
// queryable, and a column list takes the plain values among them. Where Intuit's pages and real
// answers disagree or say nothing, the shorter filterable list is kept (docs/sandbox.md lists them).

import { SHAPES } from './schema/index.js';
import type { Field } from './schema/types.js';
import type { EntityName } from './store.js';

const ALWAYS = ['Id', 'MetaData.CreateTime', 'MetaData.LastUpdatedTime'];
const PERSON = ['DisplayName', 'GivenName', 'MiddleName', 'FamilyName', 'CompanyName', 'PrintOnCheckName', 'Active', 'PrimaryEmailAddr'];
const NAME_LIST = [...ALWAYS, 'Name', 'Active', 'FullyQualifiedName'];

/** Properties a WHERE may compare (dotted for MetaData's times); compared without case. */
export const FILTERABLE: Readonly<Record<EntityName, readonly string[]>> = {
  Customer: [...ALWAYS, ...PERSON, 'Balance', 'FullyQualifiedName'],
  Vendor: [...ALWAYS, ...PERSON, 'Balance'],
  Employee: [...ALWAYS, 'DisplayName', 'GivenName', 'MiddleName', 'FamilyName', 'PrintOnCheckName', 'Active'],
  Item: [...ALWAYS, 'Name', 'Active', 'Type', 'Sku', 'FullyQualifiedName'],
  Account: [...ALWAYS, 'Name', 'Active', 'AccountType', 'AccountSubType', 'Classification', 'FullyQualifiedName', 'CurrentBalance', 'CurrentBalanceWithSubAccounts', 'SubAccount'],
  Estimate: [...ALWAYS, 'DocNumber', 'TxnDate', 'CustomerRef', 'TotalAmt', 'TxnStatus'],
  Invoice: [...ALWAYS, 'DocNumber', 'TxnDate', 'DueDate', 'CustomerRef', 'Balance', 'TotalAmt'],
  SalesReceipt: [...ALWAYS, 'DocNumber', 'TxnDate', 'CustomerRef', 'TotalAmt'],
  Payment: [...ALWAYS, 'TxnDate', 'CustomerRef', 'TotalAmt'],
  PurchaseOrder: [...ALWAYS, 'DocNumber', 'TxnDate', 'VendorRef', 'TotalAmt'],
  Bill: [...ALWAYS, 'DocNumber', 'TxnDate', 'DueDate', 'VendorRef', 'Balance', 'TotalAmt'],
  InventoryAdjustment: [...ALWAYS, 'DocNumber', 'TxnDate'],
  Department: NAME_LIST,
  Class: NAME_LIST,
  CompanyInfo: ALWAYS,
  Preferences: ALWAYS,
};

/** The entity's own property of that name, ignoring case, with Intuit's spelling. */
function known(entity: EntityName, name: string): [string, Field] | undefined {
  const lower = name.toLowerCase();
  return Object.entries(SHAPES[entity].fields).find(([k]) => k.toLowerCase() === lower);
}

/** `filterable`: WHERE may use it; `value`: a plain value of the entity; `object`: an object or list it holds. */
export type FieldKind = 'filterable' | 'value' | 'object' | 'unknown';

/** What `path` (as written in the query) is for `entity`, without regard to case. */
export function fieldKind(entity: EntityName, path: readonly string[]): FieldKind {
  const name = path.join('.').toLowerCase();
  if (FILTERABLE[entity].some((p) => p.toLowerCase() === name)) return 'filterable';
  const first = path[0];
  if (path.length > 1 || first === undefined) return 'unknown';
  const field = known(entity, first);
  if (!field) return 'unknown';
  return typeof field[1].type === 'string' && field[1].type !== 'object' ? 'value' : 'object';
}

/** The property's spelling in Intuit's reference (for column lists and messages). */
export function canonicalField(entity: EntityName, path: readonly string[]): string {
  const name = path.join('.').toLowerCase();
  const listed = FILTERABLE[entity].find((p) => p.toLowerCase() === name);
  if (listed !== undefined) return listed;
  const first = path[0];
  return path.length === 1 && first !== undefined ? known(entity, first)?.[0] ?? first : path.join('.');
}

/** Whether a column list may name it: a plain top-level value (no object, ref, list or dotted path). */
export function isColumn(entity: EntityName, path: readonly string[]): boolean {
  const first = path[0];
  if (path.length !== 1 || first === undefined) return false;
  const field = known(entity, first);
  return field !== undefined && typeof field[1].type === 'string' && field[1].type !== 'object';
}
