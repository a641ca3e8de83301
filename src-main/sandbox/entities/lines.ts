// Transaction lines: ids, amounts, and the item/account references they carry.

import { fault } from '../errors.js';
import { getArr, getBool, getNum, getObj, getStr, isObject, objects, type JsonObject } from '../json.js';
import { money, quantity, refValue, resolveRef, type RuleContext } from './common.js';

/** Gives new lines the next free line Id, keeping the Ids of lines the client sent back. */
export function numberLines(lines: JsonObject[]): void {
  let max = 0;
  for (const l of lines) max = Math.max(max, Number(getStr(l, 'Id') ?? 0) || 0);
  lines.forEach((l, i) => {
    if (getStr(l, 'Id') === undefined) l.Id = String(++max);
    l.LineNum = i + 1;
  });
}

export function readLines(draft: JsonObject, requireSome: boolean): JsonObject[] {
  const raw = getArr(draft, 'Line');
  if (raw === undefined || raw.length === 0) {
    if (requireSome) throw fault.required('Line');
    return [];
  }
  if (raw.some((l) => !isObject(l))) throw fault.badBody('Line must hold objects');
  return objects(raw);
}

/** An item line's Amount is required (Intuit's reference) and must agree with Qty × UnitPrice when both are sent. */
export function lineAmount(line: JsonObject, detail: JsonObject): number {
  const qty = getNum(detail, 'Qty');
  const price = getNum(detail, 'UnitPrice');
  const amount = getNum(line, 'Amount');
  if (qty !== undefined) detail.Qty = quantity(qty);
  if (amount === undefined) throw fault.required('Line.Amount');
  if (qty !== undefined && price !== undefined && Math.abs(money(qty * price) - amount) > 0.005) throw fault.amountMismatch(amount);
  if (price === undefined && qty !== undefined && qty !== 0) detail.UnitPrice = money(amount / qty);
  return money(amount);
}

export function requireDetail(line: JsonObject, detailType: string): JsonObject {
  const detail = getObj(line, detailType);
  if (!detail) throw fault.required(`Line.${detailType}`);
  return detail;
}

/** Resolves the ItemRef of a line detail; categories cannot be used on transactions. */
export function lineItem(ctx: RuleContext, detail: JsonObject, element: string): JsonObject {
  const item = resolveRef(ctx, detail, 'ItemRef', 'Item', { required: true, element });
  if (!item || getStr(item, 'Type') === 'Category') throw fault.invalidRef(element, refValue(detail, 'ItemRef') ?? '');
  return item;
}

export function lineQty(detail: JsonObject): number {
  return getNum(detail, 'Qty') ?? 0;
}

export function optionalLineRefs(ctx: RuleContext, detail: JsonObject): void {
  resolveRef(ctx, detail, 'ClassRef', 'Class');
}

export function isManuallyClosed(line: JsonObject): boolean {
  return getBool(line, 'ManuallyClosed') === true;
}
