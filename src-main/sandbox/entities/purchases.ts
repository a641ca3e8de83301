// Purchase orders and bills. A bill line linked to a purchase-order line receives it; the order
// closes when every line is received (or closed by hand), and reopens if the bill goes away.

import { fault } from '../errors.js';
import { formatDate } from '../clock.js';
import { getArr, getNum, getObj, getStr, objects, type JsonObject } from '../json.js';
import {
  addLink, checkDocNumber, checkEnum, isActive, linkedOfType, money, moveQuantity, refValue, resolveAccount, resolveRef, USD, withoutLink,
  type EntityRules, type RuleContext,
} from './common.js';
import { isManuallyClosed, lineAmount, lineItem, lineQty, numberLines, optionalLineRefs, readLines, requireDetail } from './lines.js';

interface PoLink {
  poId: string;
  lineId: string;
}

function lineLinks(line: JsonObject): PoLink[] {
  const out: PoLink[] = [];
  for (const link of objects(getArr(line, 'LinkedTxn'))) {
    const poId = getStr(link, 'TxnId');
    const lineId = getStr(link, 'TxnLineId');
    if (poId !== undefined && lineId !== undefined) out.push({ poId, lineId });
  }
  return out;
}

/** Bill line links must name the order, its type and the order's line; all three are required. */
function checkBillLineLinks(ctx: RuleContext, line: JsonObject, vendorId: string): void {
  for (const link of objects(getArr(line, 'LinkedTxn'))) {
    const txnId = getStr(link, 'TxnId');
    const txnType = getStr(link, 'TxnType');
    const txnLineId = getStr(link, 'TxnLineId');
    if (txnId === undefined) throw fault.required('Line.LinkedTxn.TxnId');
    if (txnType === undefined) throw fault.required('Line.LinkedTxn.TxnType');
    if (txnLineId === undefined) throw fault.required('Line.LinkedTxn.TxnLineId');
    if (txnType !== 'PurchaseOrder') throw fault.invalidValue('Line.LinkedTxn.TxnType', txnType);
    const po = ctx.store.get('PurchaseOrder', txnId);
    if (!po) throw fault.invalidRef('Line.LinkedTxn.TxnId', txnId);
    if (!objects(getArr(po, 'Line')).some((l) => getStr(l, 'Id') === txnLineId)) throw fault.invalidRef('Line.LinkedTxn.TxnLineId', txnLineId);
    if (refValue(po, 'VendorRef') !== vendorId) throw fault.business('The purchase order belongs to another vendor.', 'Line.LinkedTxn');
  }
}

function preparePurchaseLines(ctx: RuleContext, draft: JsonObject, vendorId: string, isBill: boolean): number {
  const lines = readLines(draft, true);
  let total = 0;
  for (const line of lines) {
    const type = getStr(line, 'DetailType');
    if (type === 'ItemBasedExpenseLineDetail') {
      const detail = requireDetail(line, type);
      lineItem(ctx, detail, 'Line.ItemBasedExpenseLineDetail.ItemRef');
      resolveRef(ctx, detail, 'CustomerRef', 'Customer');
      optionalLineRefs(ctx, detail);
      line.Amount = lineAmount(line, detail);
    } else if (type === 'AccountBasedExpenseLineDetail') {
      const detail = requireDetail(line, type);
      resolveRef(ctx, detail, 'AccountRef', 'Account', { required: true, element: 'Line.AccountBasedExpenseLineDetail.AccountRef' });
      optionalLineRefs(ctx, detail);
      const amount = getNum(line, 'Amount');
      if (amount === undefined) throw fault.required('Line.Amount');
      line.Amount = money(amount);
    } else {
      throw type === undefined ? fault.required('Line.DetailType') : fault.invalidValue('Line.DetailType', type);
    }
    if (isBill) checkBillLineLinks(ctx, line, vendorId);
    else delete line.LinkedTxn;
    total += line.Amount;
  }
  numberLines(lines);
  draft.Line = lines;
  return money(total);
}

/** Intuit: "If the company has a single AP account, the account is implied"; otherwise APAccountRef is required. */
function impliedApAccount(ctx: RuleContext): string {
  const payables = [...ctx.store.all('Account')].filter((a) => getStr(a, 'AccountType') === 'Accounts Payable' && isActive(a));
  const only = payables.length === 1 ? getStr(payables[0] ?? {}, 'Id') : undefined;
  if (only === undefined) throw fault.required('APAccountRef');
  return only;
}

function preparePurchase(isBill: boolean) {
  return (ctx: RuleContext, draft: JsonObject, previous: JsonObject | undefined): void => {
    resolveRef(ctx, draft, 'VendorRef', 'Vendor', { required: true, allowInactive: previous !== undefined });
    const vendorId = refValue(draft, 'VendorRef') ?? '';
    if (refValue(draft, 'APAccountRef') === undefined) draft.APAccountRef = { value: impliedApAccount(ctx) };
    resolveAccount(ctx, draft, 'APAccountRef', { allowed: ['Accounts Payable'] });
    resolveRef(ctx, draft, 'DepartmentRef', 'Department');
    checkDocNumber(ctx, isBill ? 'Bill' : 'PurchaseOrder', draft, getStr(previous ?? {}, 'Id'));
    draft.TotalAmt = preparePurchaseLines(ctx, draft, vendorId, isBill);
    draft.TxnDate = getStr(draft, 'TxnDate') ?? formatDate(ctx.nowMs);
    draft.CurrencyRef = USD;
    if (isBill) {
      draft.DueDate = getStr(draft, 'DueDate') ?? draft.TxnDate;
      draft.Balance = draft.TotalAmt;
      const orders = new Set(objects(getArr(draft, 'Line')).flatMap(lineLinks).map((l) => l.poId));
      draft.LinkedTxn = [...orders].map((id) => ({ TxnId: id, TxnType: 'PurchaseOrder' }));
    } else {
      checkEnum(draft, 'POStatus', ['Open', 'Closed'], 'Open');
      draft.LinkedTxn = linkedOfType(previous, ['Bill']);
    }
  };
}

/** Recomputes whether every line of the order has been received by its linked bills. */
function refreshOrderStatus(ctx: RuleContext, po: JsonObject): void {
  const poId = getStr(po, 'Id') ?? '';
  const received = new Map<string, number>();
  for (const link of linkedOfType(po, ['Bill'])) {
    const bill = ctx.store.get('Bill', getStr(link, 'TxnId') ?? '');
    for (const line of objects(getArr(bill ?? {}, 'Line'))) {
      const detail = getObj(line, 'ItemBasedExpenseLineDetail') ?? getObj(line, 'AccountBasedExpenseLineDetail') ?? {};
      for (const l of lineLinks(line)) {
        if (l.poId === poId) received.set(l.lineId, (received.get(l.lineId) ?? 0) + (getNum(detail, 'Qty') ?? 1));
      }
    }
  }
  const allReceived = objects(getArr(po, 'Line')).every((line) => {
    if (isManuallyClosed(line)) return true;
    const got = received.get(getStr(line, 'Id') ?? '');
    if (got === undefined) return false;
    const detail = getObj(line, 'ItemBasedExpenseLineDetail');
    return detail ? got >= lineQty(detail) : true;
  });
  if (allReceived) po.POStatus = 'Closed';
  else if (received.size > 0 || linkedOfType(po, ['Bill']).length === 0) po.POStatus = 'Open';
}

function itemQuantities(saved: JsonObject): Array<{ itemId: string; qty: number }> {
  const out: Array<{ itemId: string; qty: number }> = [];
  for (const line of objects(getArr(saved, 'Line'))) {
    const detail = getObj(line, 'ItemBasedExpenseLineDetail');
    const itemId = detail ? refValue(detail, 'ItemRef') : undefined;
    if (detail && itemId !== undefined) out.push({ itemId, qty: lineQty(detail) });
  }
  return out;
}

function linkedOrders(saved: JsonObject): string[] {
  return linkedOfType(saved, ['PurchaseOrder']).map((l) => getStr(l, 'TxnId') ?? '');
}

export const billRules: EntityRules = {
  entity: 'Bill',
  kind: 'transaction',
  prepare: preparePurchase(true),
  apply(ctx, saved) {
    for (const q of itemQuantities(saved)) moveQuantity(ctx, q.itemId, q.qty);
    const billId = getStr(saved, 'Id') ?? '';
    for (const poId of linkedOrders(saved)) {
      ctx.modify('PurchaseOrder', poId, (po) => {
        addLink(po, billId, 'Bill');
        refreshOrderStatus(ctx, po);
      });
    }
  },
  unapply(ctx, saved) {
    for (const q of itemQuantities(saved)) moveQuantity(ctx, q.itemId, -q.qty);
    const billId = getStr(saved, 'Id') ?? '';
    for (const poId of linkedOrders(saved)) {
      ctx.modify('PurchaseOrder', poId, (po) => {
        po.LinkedTxn = withoutLink(po.LinkedTxn, billId, 'Bill');
        refreshOrderStatus(ctx, po);
      });
    }
  },
};

export const purchaseOrderRules: EntityRules = {
  entity: 'PurchaseOrder',
  kind: 'transaction',
  prepare: preparePurchase(false),
  checkDelete(_ctx, saved) {
    if (linkedOfType(saved, ['Bill']).length > 0) throw fault.business('This purchase order has been received on a bill.');
  },
};
