// What every entity rule shares: the context an operation runs in, and reference, money and
// document-number helpers that raise Intuit's faults.

import { fault, withArticle } from '../errors.js';
import { getBool, getObj, getStr, isObject, type Json, type JsonObject } from '../json.js';
import type { CompanyStore, EntityName } from '../store.js';

export interface RuleContext {
  readonly store: CompanyStore;
  readonly nowMs: number;
  readonly allowDuplicateDocNumber: boolean;
  /** Change another object as a side effect; its SyncToken and LastUpdatedTime move once per operation. */
  modify(entity: EntityName, id: string, change: (o: JsonObject) => void): void;
}

export interface EntityRules {
  readonly entity: EntityName;
  /** Names are inactivated, transactions deleted, settings only updated. */
  readonly kind: 'name' | 'transaction' | 'settings';
  /** Validates and normalises `draft` in place. Must not change other objects. */
  prepare(ctx: RuleContext, draft: JsonObject, previous: JsonObject | undefined): void;
  /** Side effects of a saved object on others (quantities, balances, links). Must not throw. */
  apply?(ctx: RuleContext, saved: JsonObject): void;
  unapply?(ctx: RuleContext, saved: JsonObject): void;
  /** Refuses a delete that would break other objects. */
  checkDelete?(ctx: RuleContext, saved: JsonObject): void;
}

export const money = (n: number): number => Math.round(n * 100) / 100;
export const quantity = (n: number): number => Math.round(n * 1e6) / 1e6;

export function refValue(holder: JsonObject, field: string): string | undefined {
  const ref = holder[field];
  if (isObject(ref)) return getStr(ref, 'value');
  if (typeof ref === 'string' && ref !== '') return ref;
  return undefined;
}

export function displayNameOf(o: JsonObject): string {
  return getStr(o, 'FullyQualifiedName') ?? getStr(o, 'DisplayName') ?? getStr(o, 'Name') ?? '';
}

export function isActive(o: JsonObject): boolean {
  return getBool(o, 'Active') !== false;
}

interface RefOptions {
  required?: boolean;
  element?: string;
  /** An inactive name can stay on an object that already pointed at it. */
  allowInactive?: boolean;
}

/** Checks that `holder[field]` points at an existing, active `target`, and fills in its `name`. */
export function resolveRef(ctx: RuleContext, holder: JsonObject, field: string, target: EntityName, opts: RefOptions = {}): JsonObject | undefined {
  const element = opts.element ?? field;
  const id = refValue(holder, field);
  if (id === undefined) {
    if (opts.required) throw fault.required(element);
    if (holder[field] !== undefined) delete holder[field];
    return undefined;
  }
  const found = ctx.store.get(target, id);
  if (!found || (!opts.allowInactive && !isActive(found))) throw fault.invalidRef(element, id);
  holder[field] = { value: id, name: displayNameOf(found) };
  return found;
}

/**
 * Resolves an account reference and refuses an account of another type than `allowed` (6000 naming the
 * account), or, with `forbidden`, one of those types.
 */
export function resolveAccount(
  ctx: RuleContext, holder: JsonObject, field: string, types: { allowed?: readonly string[]; forbidden?: readonly string[] }, opts: RefOptions = {},
): JsonObject | undefined {
  const account = resolveRef(ctx, holder, field, 'Account', opts);
  if (!account) return undefined;
  const type = getStr(account, 'AccountType') ?? '';
  const bad = (types.allowed !== undefined && !types.allowed.includes(type)) || (types.forbidden?.includes(type) ?? false);
  if (bad) {
    const rule = types.allowed !== undefined
      ? `it must be ${withArticle(types.allowed.join(' or '))} account`
      : `it may not be ${withArticle((types.forbidden ?? []).join(' or '))} account`;
    throw fault.accountType(opts.element ?? field, displayNameOf(account), type, rule);
  }
  return account;
}

export function requireText(holder: JsonObject, field: string, element = field): string {
  const v = getStr(holder, field);
  if (v === undefined || v.trim() === '') throw fault.required(element);
  return v;
}

export function requireObject(holder: JsonObject, field: string, element = field): JsonObject {
  const v = getObj(holder, field);
  if (!v) throw fault.required(element);
  return v;
}

export function checkEnum(holder: JsonObject, field: string, allowed: readonly string[], fallback?: string): void {
  const v = getStr(holder, field);
  if (v === undefined) {
    if (fallback !== undefined) holder[field] = fallback;
    return;
  }
  if (!allowed.includes(v)) throw fault.invalidValue(field, v);
}

/** DocNumber is unique per transaction type unless the request or the company allows duplicates. */
export function checkDocNumber(ctx: RuleContext, entity: EntityName, draft: JsonObject, selfId: string | undefined): void {
  const doc = getStr(draft, 'DocNumber');
  if (doc === undefined || doc === '') return;
  if (doc.length > 21) throw fault.tooLong('DocNumber', 21);
  if (ctx.allowDuplicateDocNumber) return;
  for (const id of ctx.store.docNumberOwners(entity, doc)) {
    if (id !== selfId) throw fault.duplicateDoc(doc, entity, id);
  }
}

/** Keeps LinkedTxn entries the server owns (payments, bills) across a client's update. */
export function linkedOfType(o: JsonObject | undefined, types: readonly string[]): JsonObject[] {
  const list = o?.LinkedTxn;
  if (!Array.isArray(list)) return [];
  return list.filter((l): l is JsonObject => isObject(l) && types.includes(getStr(l, 'TxnType') ?? ''));
}

export function withoutLink(list: Json | undefined, txnId: string, txnType: string): JsonObject[] {
  if (!Array.isArray(list)) return [];
  return list.filter((l): l is JsonObject => isObject(l) && !(getStr(l, 'TxnId') === txnId && getStr(l, 'TxnType') === txnType));
}

export function addLink(o: JsonObject, txnId: string, txnType: string): void {
  const list = withoutLink(o.LinkedTxn, txnId, txnType);
  list.push({ TxnId: txnId, TxnType: txnType });
  o.LinkedTxn = list;
}

/** Moves an inventory item's quantity on hand (non-inventory items are left alone). */
export function moveQuantity(ctx: RuleContext, itemId: string, delta: number): void {
  if (delta === 0) return;
  const item = ctx.store.get('Item', itemId);
  if (!item || getStr(item, 'Type') !== 'Inventory' || getBool(item, 'TrackQtyOnHand') !== true) return;
  ctx.modify('Item', itemId, (o) => {
    const cur = typeof o.QtyOnHand === 'number' ? o.QtyOnHand : Number(o.QtyOnHand ?? 0);
    o.QtyOnHand = quantity(cur + delta);
  });
}

export const USD: JsonObject = { value: 'USD', name: 'United States Dollar' };
