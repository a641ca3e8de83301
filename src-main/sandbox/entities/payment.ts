// Payments: each line applies an amount to one invoice and lowers its Balance.

import { fault } from '../errors.js';
import { formatDate } from '../clock.js';
import { getArr, getNum, getStr, objects, type JsonObject } from '../json.js';
import { addLink, money, refValue, resolveAccount, resolveRef, USD, withoutLink, type EntityRules, type RuleContext } from './common.js';

interface Application {
  invoiceId: string;
  amount: number;
}

function applications(payment: JsonObject): Application[] {
  const out: Application[] = [];
  for (const line of objects(getArr(payment, 'Line'))) {
    const amount = getNum(line, 'Amount') ?? 0;
    for (const link of objects(getArr(line, 'LinkedTxn'))) {
      const id = getStr(link, 'TxnId');
      if (id !== undefined && getStr(link, 'TxnType') === 'Invoice') out.push({ invoiceId: id, amount });
    }
  }
  return out;
}

function preparePayment(ctx: RuleContext, draft: JsonObject, previous: JsonObject | undefined): void {
  resolveRef(ctx, draft, 'CustomerRef', 'Customer', { required: true, allowInactive: previous !== undefined });
  const total = getNum(draft, 'TotalAmt');
  if (total === undefined) throw fault.required('TotalAmt');
  draft.TotalAmt = money(total);
  const customerId = refValue(draft, 'CustomerRef');
  const before = new Map<string, number>();
  for (const a of previous ? applications(previous) : []) before.set(a.invoiceId, (before.get(a.invoiceId) ?? 0) + a.amount);
  let applied = 0;
  const lines = objects(getArr(draft, 'Line'));
  for (const line of lines) {
    const amount = getNum(line, 'Amount');
    if (amount === undefined) throw fault.required('Line.Amount');
    line.Amount = money(amount);
    const links = objects(getArr(line, 'LinkedTxn'));
    if (links.length === 0) throw fault.required('Line.LinkedTxn');
    for (const link of links) {
      const id = getStr(link, 'TxnId');
      const type = getStr(link, 'TxnType');
      if (id === undefined) throw fault.required('Line.LinkedTxn.TxnId');
      if (type !== 'Invoice') throw fault.invalidValue('Line.LinkedTxn.TxnType', type ?? '');
      const invoice = ctx.store.get('Invoice', id);
      if (!invoice) throw fault.invalidRef('Line.LinkedTxn.TxnId', id);
      if (refValue(invoice, 'CustomerRef') !== customerId) throw fault.business('The invoice belongs to another customer.', 'Line.LinkedTxn');
      const open = (getNum(invoice, 'Balance') ?? 0) + (before.get(id) ?? 0);
      if (line.Amount > open + 0.005) throw fault.business(`The payment amount is more than the open balance of invoice ${id}.`, 'Line.Amount');
    }
    applied += line.Amount;
  }
  if (applied > draft.TotalAmt + 0.005) throw fault.business('The amounts applied are more than the payment total.', 'TotalAmt');
  draft.Line = lines;
  draft.UnappliedAmt = money(draft.TotalAmt - applied);
  draft.TxnDate = getStr(draft, 'TxnDate') ?? formatDate(ctx.nowMs);
  draft.CurrencyRef = USD;
  // Intuit: a payment is deposited to a bank account or Undeposited Funds (an Other Current Asset).
  resolveAccount(ctx, draft, 'DepositToAccountRef', { allowed: ['Bank', 'Other Current Asset'] });
}

export const paymentRules: EntityRules = {
  entity: 'Payment',
  kind: 'transaction',
  prepare: preparePayment,
  apply(ctx, saved) {
    const id = getStr(saved, 'Id') ?? '';
    for (const a of applications(saved)) {
      ctx.modify('Invoice', a.invoiceId, (inv) => {
        inv.Balance = Math.max(0, money((getNum(inv, 'Balance') ?? 0) - a.amount));
        addLink(inv, id, 'Payment');
      });
    }
  },
  unapply(ctx, saved) {
    const id = getStr(saved, 'Id') ?? '';
    for (const a of applications(saved)) {
      ctx.modify('Invoice', a.invoiceId, (inv) => {
        inv.Balance = Math.min(getNum(inv, 'TotalAmt') ?? 0, money((getNum(inv, 'Balance') ?? 0) + a.amount));
        inv.LinkedTxn = withoutLink(inv.LinkedTxn, id, 'Payment');
      });
    }
  },
};
