// Open balances of customers and vendors, derived from their transactions after each write that can
// move them. A customer's Balance is what its invoices still owe less its unapplied payments (a
// credit shows as a negative balance); BalanceWithJobs adds its sub-customers' down the tree. A
// vendor's Balance is what its bills still owe. A derived balance changing gives the customer or
// vendor no new SyncToken and no new LastUpdatedTime (it is not an edit of the record), so it does
// not appear in CDC either.

import { getNum, getStr, type JsonObject } from './json.js';
import type { CompanyStore, EntityName } from './store.js';
import { money, refValue } from './entities/common.js';

/** Writes of these entities can move a balance (a customer: when it is or was a sub-customer). */
export function movesBalances(entity: EntityName, objects: readonly (JsonObject | undefined)[]): boolean {
  if (entity === 'Invoice' || entity === 'Payment' || entity === 'Bill') return true;
  return entity === 'Customer' && objects.some((o) => o !== undefined && refValue(o, 'ParentRef') !== undefined);
}

function add(into: Map<string, number>, id: string | undefined, amount: number): void {
  if (id !== undefined && amount !== 0) into.set(id, (into.get(id) ?? 0) + amount);
}

function set(store: CompanyStore, entity: EntityName, obj: JsonObject, field: string, value: number): void {
  if (getNum(obj, field) === value) return;
  obj[field] = value;
  store.put(entity, obj);
}

export function refreshBalances(store: CompanyStore): void {
  const owed = new Map<string, number>();
  for (const invoice of store.all('Invoice')) add(owed, refValue(invoice, 'CustomerRef'), getNum(invoice, 'Balance') ?? 0);
  for (const payment of store.all('Payment')) add(owed, refValue(payment, 'CustomerRef'), -(getNum(payment, 'UnappliedAmt') ?? 0));

  const customers = [...store.all('Customer')];
  const children = new Map<string, string[]>();
  for (const c of customers) {
    const parent = refValue(c, 'ParentRef');
    if (parent !== undefined) children.set(parent, [...(children.get(parent) ?? []), getStr(c, 'Id') ?? '']);
  }
  const withJobs = new Map<string, number>();
  const total = (id: string, depth = 0): number => {
    const known = withJobs.get(id);
    if (known !== undefined) return known;
    // Names nest at most 5 deep; the bound also guards against a malformed cycle.
    const sum = (owed.get(id) ?? 0) + (depth > 8 ? 0 : (children.get(id) ?? []).reduce((n, child) => n + total(child, depth + 1), 0));
    withJobs.set(id, money(sum));
    return money(sum);
  };
  for (const c of customers) {
    const id = getStr(c, 'Id') ?? '';
    set(store, 'Customer', c, 'Balance', money(owed.get(id) ?? 0));
    set(store, 'Customer', c, 'BalanceWithJobs', total(id));
  }

  const billed = new Map<string, number>();
  for (const bill of store.all('Bill')) add(billed, refValue(bill, 'VendorRef'), getNum(bill, 'Balance') ?? 0);
  for (const v of [...store.all('Vendor')]) set(store, 'Vendor', v, 'Balance', money(billed.get(getStr(v, 'Id') ?? '') ?? 0));
}
