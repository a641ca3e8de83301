// Estimates, invoices and sales receipts: computed totals, the trailing SubTotalLineDetail line,
// stock leaving on invoices and receipts, and estimates closed by the invoice that links them.

import { fault } from '../errors.js';
import { formatDate } from '../clock.js';
import { getNum, getObj, getStr, isObject, objects, type JsonObject } from '../json.js';
import {
  addLink, checkDocNumber, checkEnum, linkedOfType, money, moveQuantity, refValue, resolveAccount, resolveRef, USD, withoutLink,
  type EntityRules, type RuleContext,
} from './common.js';
import { lineAmount, lineItem, lineQty, numberLines, optionalLineRefs, readLines, requireDetail } from './lines.js';

type SalesEntity = 'Estimate' | 'Invoice' | 'SalesReceipt';

/** Where a sales receipt's money goes: a bank account or Undeposited Funds (an Other Current Asset). */
const DEPOSIT_TO = ['Bank', 'Other Current Asset'] as const;

function prepareLines(ctx: RuleContext, draft: JsonObject, requireSome: boolean): { subtotal: number; total: number } {
  const lines = readLines(draft, requireSome).filter((l) => getStr(l, 'DetailType') !== 'SubTotalLineDetail');
  let subtotal = 0;
  const discounts: JsonObject[] = [];
  for (const line of lines) {
    const type = getStr(line, 'DetailType');
    if (type === undefined) throw fault.required('Line.DetailType');
    if (type === 'SalesItemLineDetail') {
      const detail = requireDetail(line, type);
      lineItem(ctx, detail, 'Line.SalesItemLineDetail.ItemRef');
      optionalLineRefs(ctx, detail);
      line.Amount = lineAmount(line, detail);
      subtotal += line.Amount;
    } else if (type === 'DescriptionOnly') {
      line.Amount = getNum(line, 'Amount') ?? 0;
      if (!getObj(line, 'DescriptionLineDetail')) line.DescriptionLineDetail = {};
    } else if (type === 'DiscountLineDetail') {
      discounts.push(line);
    } else {
      throw fault.invalidValue('Line.DetailType', type);
    }
  }
  let discount = 0;
  for (const line of discounts) {
    const detail = requireDetail(line, 'DiscountLineDetail');
    const pct = getNum(detail, 'DiscountPercent');
    if (detail.PercentBased === true && pct !== undefined) line.Amount = money((subtotal * pct) / 100);
    const amount = getNum(line, 'Amount');
    if (amount === undefined) throw fault.required('Line.Amount');
    line.Amount = money(amount);
    resolveRef(ctx, detail, 'DiscountAccountRef', 'Account');
    discount += line.Amount;
  }
  numberLines(lines);
  subtotal = money(subtotal);
  lines.push({ Amount: subtotal, DetailType: 'SubTotalLineDetail', SubTotalLineDetail: {} });
  draft.Line = lines;
  return { subtotal, total: money(subtotal - discount) };
}

/** Keeps estimate links that may close an estimate; QuickBooks ignores links to closed or rejected ones. */
function prepareEstimateLinks(ctx: RuleContext, draft: JsonObject, previous: JsonObject | undefined): JsonObject[] {
  const selfId = getStr(previous ?? {}, 'Id');
  const kept: JsonObject[] = [];
  for (const link of objects(Array.isArray(draft.LinkedTxn) ? draft.LinkedTxn : [])) {
    if (getStr(link, 'TxnType') !== 'Estimate') continue;
    const id = getStr(link, 'TxnId');
    if (id === undefined) throw fault.required('LinkedTxn.TxnId');
    const estimate = ctx.store.get('Estimate', id);
    if (!estimate) throw fault.invalidRef('LinkedTxn.TxnId', id);
    const status = getStr(estimate, 'TxnStatus');
    const alreadyOurs = selfId !== undefined && linkedOfType(estimate, ['Invoice']).some((l) => getStr(l, 'TxnId') === selfId);
    if (status === 'Pending' || status === 'Accepted' || alreadyOurs) kept.push({ TxnId: id, TxnType: 'Estimate' });
  }
  return kept;
}

/**
 * QuickBooks' built-in terms (a new company has these four; the sandbox keeps no Term list): Id →
 * [name, days until due].
 */
const TERMS: Readonly<Record<string, readonly [string, number]>> = {
  '1': ['Due on receipt', 0], '2': ['Net 15', 15], '3': ['Net 30', 30], '4': ['Net 60', 60],
};

function addDays(date: string, days: number): string {
  const d = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The invoice's terms (its own, else the customer's) and the DueDate they give, unless one was sent. */
function applyTerms(draft: JsonObject, customer: JsonObject | undefined, txnDate: string): void {
  if (refValue(draft, 'SalesTermRef') === undefined && customer && refValue(customer, 'SalesTermRef') !== undefined) {
    draft.SalesTermRef = structuredClone(customer.SalesTermRef ?? null);
  }
  const termId = refValue(draft, 'SalesTermRef');
  const term = termId === undefined ? undefined : TERMS[termId];
  if (termId !== undefined && term === undefined) throw fault.invalidRef('SalesTermRef', termId);
  if (term) draft.SalesTermRef = { value: termId ?? '', name: term[0] };
  else delete draft.SalesTermRef;
  draft.DueDate = getStr(draft, 'DueDate') ?? addDays(txnDate, term ? term[1] : 0);
}

/** Where the goods leave from: the company's address, as QuickBooks writes it (street, then city line). */
function shipFrom(ctx: RuleContext): JsonObject | undefined {
  const addr = getObj(ctx.store.get('CompanyInfo', '1') ?? {}, 'CompanyAddr');
  if (!addr) return undefined;
  const cityLine = [getStr(addr, 'City'), [getStr(addr, 'CountrySubDivisionCode'), getStr(addr, 'PostalCode')].filter(Boolean).join('  ')]
    .filter((p) => p !== undefined && p !== '').join(', ');
  return { Line1: getStr(addr, 'Line1') ?? '', ...(cityLine === '' ? {} : { Line2: cityLine }) };
}

const STRUCTURED = ['City', 'CountrySubDivisionCode', 'PostalCode', 'Country'];

/**
 * What QuickBooks fills in on every sales form: addresses and e-mail from the customer, where the
 * goods ship from, whether the shipping address was typed free-form (fixed at create), the print and
 * e-mail status, and a tax summary (no sales tax in the practice company).
 */
function salesFormDefaults(ctx: RuleContext, draft: JsonObject, previous: JsonObject | undefined, customer: JsonObject | undefined): void {
  for (const [field, from] of [['BillAddr', 'BillAddr'], ['ShipAddr', 'ShipAddr'], ['BillEmail', 'PrimaryEmailAddr']] as const) {
    if (!isObject(draft[field]) && customer && isObject(customer[from])) draft[field] = structuredClone(customer[from]);
  }
  if (!isObject(draft.ShipFromAddr)) {
    const from = shipFrom(ctx);
    if (from) draft.ShipFromAddr = from;
  }
  const ship = getObj(draft, 'ShipAddr');
  draft.FreeFormAddress = previous && typeof previous.FreeFormAddress === 'boolean'
    ? previous.FreeFormAddress
    : ship !== undefined && !STRUCTURED.some((f) => (getStr(ship, f) ?? '') !== '');
  checkEnum(draft, 'PrintStatus', ['NotSet', 'NeedToPrint', 'PrintComplete'], 'NotSet');
  checkEnum(draft, 'EmailStatus', ['NotSet', 'NeedToSend', 'EmailSent'], 'NotSet');
  const taxCode = getObj(draft, 'TxnTaxDetail')?.TxnTaxCodeRef;
  draft.TxnTaxDetail = { ...(isObject(taxCode) ? { TxnTaxCodeRef: taxCode } : {}), TotalTax: 0 };
}

function prepareSales(entity: SalesEntity) {
  return (ctx: RuleContext, draft: JsonObject, previous: JsonObject | undefined): void => {
    // A sales receipt need not name a customer (a cash sale); estimates and invoices must.
    const customer = resolveRef(ctx, draft, 'CustomerRef', 'Customer', { required: entity !== 'SalesReceipt', allowInactive: previous !== undefined });
    salesFormDefaults(ctx, draft, previous, customer);
    resolveRef(ctx, draft, 'DepartmentRef', 'Department');
    resolveRef(ctx, draft, 'ClassRef', 'Class');
    checkDocNumber(ctx, entity, draft, getStr(previous ?? {}, 'Id'));
    const { total } = prepareLines(ctx, draft, entity !== 'Estimate');
    draft.TotalAmt = total;
    draft.TxnDate = getStr(draft, 'TxnDate') ?? formatDate(ctx.nowMs);
    draft.CurrencyRef = USD;
    if (entity === 'Estimate') {
      checkEnum(draft, 'TxnStatus', ['Pending', 'Accepted', 'Closed', 'Rejected'], 'Pending');
      draft.LinkedTxn = linkedOfType(previous, ['Invoice']);
    } else if (entity === 'Invoice') {
      const paid = previous ? money((getNum(previous, 'TotalAmt') ?? 0) - (getNum(previous, 'Balance') ?? 0)) : 0;
      draft.Balance = Math.max(0, money(total - paid));
      applyTerms(draft, customer, draft.TxnDate);
      draft.LinkedTxn = [...prepareEstimateLinks(ctx, draft, previous), ...linkedOfType(previous, ['Payment'])];
    } else {
      draft.Balance = 0;
      resolveAccount(ctx, draft, 'DepositToAccountRef', { allowed: DEPOSIT_TO });
    }
  };
}

function stockLines(saved: JsonObject): Array<{ itemId: string; qty: number }> {
  const out: Array<{ itemId: string; qty: number }> = [];
  for (const line of objects(Array.isArray(saved.Line) ? saved.Line : [])) {
    const detail = getObj(line, 'SalesItemLineDetail');
    const itemId = detail ? refValue(detail, 'ItemRef') : undefined;
    if (detail && itemId !== undefined) out.push({ itemId, qty: lineQty(detail) });
  }
  return out;
}

function salesRules(entity: SalesEntity): EntityRules {
  const movesStock = entity !== 'Estimate';
  return {
    entity,
    kind: 'transaction',
    prepare: prepareSales(entity),
    apply(ctx, saved) {
      if (movesStock) for (const l of stockLines(saved)) moveQuantity(ctx, l.itemId, -l.qty);
      const id = getStr(saved, 'Id') ?? '';
      for (const link of linkedOfType(saved, ['Estimate'])) {
        ctx.modify('Estimate', getStr(link, 'TxnId') ?? '', (est) => {
          est.TxnStatus = 'Closed';
          addLink(est, id, 'Invoice');
        });
      }
    },
    unapply(ctx, saved) {
      if (movesStock) for (const l of stockLines(saved)) moveQuantity(ctx, l.itemId, l.qty);
      const id = getStr(saved, 'Id') ?? '';
      for (const link of linkedOfType(saved, ['Estimate'])) {
        ctx.modify('Estimate', getStr(link, 'TxnId') ?? '', (est) => {
          est.LinkedTxn = withoutLink(est.LinkedTxn, id, 'Invoice');
          if (linkedOfType(est, ['Invoice']).length === 0 && est.TxnStatus === 'Closed') est.TxnStatus = 'Pending';
        });
      }
    },
    checkDelete(_ctx, saved) {
      if (entity === 'Invoice' && linkedOfType(saved, ['Payment']).length > 0) {
        throw fault.business('This invoice has payments applied to it. Delete the payments first.');
      }
    },
  };
}

export const estimateRules = salesRules('Estimate');
export const invoiceRules = salesRules('Invoice');
export const salesReceiptRules = salesRules('SalesReceipt');
