// Inventory adjustments: quantity-only changes to inventory items, by difference or new count.

import { fault } from '../errors.js';
import { formatDate } from '../clock.js';
import { getArr, getNum, getObj, getStr, objects, type JsonObject } from '../json.js';
import { checkDocNumber, moveQuantity, quantity, refValue, resolveAccount, resolveRef, type EntityRules, type RuleContext } from './common.js';
import { numberLines, readLines, requireDetail } from './lines.js';

function diffs(saved: JsonObject): Array<{ itemId: string; diff: number }> {
  const out: Array<{ itemId: string; diff: number }> = [];
  for (const line of objects(getArr(saved, 'Line'))) {
    const d = getObj(line, 'ItemAdjustmentLineDetail');
    const itemId = d ? refValue(d, 'ItemRef') : undefined;
    if (d && itemId !== undefined) out.push({ itemId, diff: getNum(d, 'QtyDiff') ?? 0 });
  }
  return out;
}

function prepareAdjustment(ctx: RuleContext, draft: JsonObject, previous: JsonObject | undefined): void {
  // Must exist and be active (2500 otherwise). Stricter choice: never A/R or A/P, which QuickBooks posts
  // to only with a customer or vendor named.
  resolveAccount(ctx, draft, 'AdjustAccountRef', { forbidden: ['Accounts Receivable', 'Accounts Payable'] }, { required: true });
  resolveRef(ctx, draft, 'DepartmentRef', 'Department');
  checkDocNumber(ctx, 'InventoryAdjustment', draft, getStr(previous ?? {}, 'Id'));
  if (previous && getStr(draft, 'TxnDate') !== undefined && getStr(draft, 'TxnDate') !== getStr(previous, 'TxnDate')) {
    throw fault.business('The date of an inventory adjustment cannot be changed.', 'TxnDate');
  }
  // A NewQty is turned into a difference against the quantity before this adjustment.
  const undone = new Map<string, number>();
  for (const d of previous ? diffs(previous) : []) undone.set(d.itemId, (undone.get(d.itemId) ?? 0) + d.diff);
  const lines = readLines(draft, true);
  for (const line of lines) {
    if (getStr(line, 'DetailType') !== 'ItemAdjustmentLineDetail') {
      throw fault.invalidValue('Line.DetailType', getStr(line, 'DetailType') ?? '');
    }
    const detail = requireDetail(line, 'ItemAdjustmentLineDetail');
    const item = resolveRef(ctx, detail, 'ItemRef', 'Item', { required: true, element: 'Line.ItemAdjustmentLineDetail.ItemRef' });
    if (!item || getStr(item, 'Type') !== 'Inventory') {
      throw fault.business('Only inventory items can be adjusted.', 'Line.ItemAdjustmentLineDetail.ItemRef');
    }
    const qtyDiff = getNum(detail, 'QtyDiff');
    const newQty = getNum(detail, 'NewQty');
    if (qtyDiff === undefined && newQty === undefined) throw fault.required('Line.ItemAdjustmentLineDetail.QtyDiff');
    if (newQty !== undefined) {
      const itemId = getStr(item, 'Id') ?? '';
      const before = (getNum(item, 'QtyOnHand') ?? 0) - (undone.get(itemId) ?? 0);
      detail.NewQty = quantity(newQty);
      detail.QtyDiff = quantity(newQty - before);
    } else if (qtyDiff !== undefined) {
      detail.QtyDiff = quantity(qtyDiff);
    }
  }
  numberLines(lines);
  draft.Line = lines;
  draft.TxnDate = getStr(draft, 'TxnDate') ?? getStr(previous ?? {}, 'TxnDate') ?? formatDate(ctx.nowMs);
}

export const inventoryAdjustmentRules: EntityRules = {
  entity: 'InventoryAdjustment',
  kind: 'transaction',
  prepare: prepareAdjustment,
  apply(ctx, saved) {
    for (const d of diffs(saved)) moveQuantity(ctx, d.itemId, d.diff);
  },
  unapply(ctx, saved) {
    for (const d of diffs(saved)) moveQuantity(ctx, d.itemId, -d.diff);
  },
};
