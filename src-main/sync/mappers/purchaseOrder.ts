/**
 * Purchase orders and their receipts out to QuickBooks (seeds 000/004): the PurchaseOrder, and a Bill
 * whose lines link to the order's lines so QuickBooks counts the received stock once.
 */
import { lineAmountCents } from '../../../src-shared/quantity';
import { dollars, qtyNumber } from './documents';

export interface PurchaseLineForQbo {
  qboItemId: string;
  units: number;
  unitCostCents: number;
  /** The QuickBooks line Id, once the order is there: sent back so QuickBooks keeps the line (and its bills). */
  qboLineId: string | null;
}

export interface PurchaseOrderForQbo {
  number: string;
  vendorQboId: string;
  txnDate: string;
  expectedDate: string | null;
  note: string | null;
  closed: boolean;
  marker: string;
  lines: readonly PurchaseLineForQbo[];
}

function expenseLine(line: { qboItemId: string; units: number; unitCostCents: number }): Record<string, unknown> {
  return {
    DetailType: 'ItemBasedExpenseLineDetail',
    Amount: dollars(lineAmountCents(line.units, line.unitCostCents)),
    ItemBasedExpenseLineDetail: { ItemRef: { value: line.qboItemId }, Qty: qtyNumber(line.units), UnitPrice: dollars(line.unitCostCents) },
  };
}

/** The create body, or (with `existing`) a sparse update that replaces the lines and keeps their Ids. */
export function purchaseOrderToQbo(po: PurchaseOrderForQbo, existing?: { id: string; syncToken: string }): Record<string, unknown> {
  return {
    ...(existing ? { Id: existing.id, SyncToken: existing.syncToken, sparse: true } : {}),
    DocNumber: po.number,
    TxnDate: po.txnDate,
    VendorRef: { value: po.vendorQboId },
    POStatus: po.closed ? 'Closed' : 'Open',
    ...(po.expectedDate ? { DueDate: po.expectedDate } : {}),
    ...(po.note ? { Memo: po.note.slice(0, 4000) } : {}),
    PrivateNote: po.marker,
    Line: po.lines.map((line) => ({ ...(line.qboLineId ? { Id: line.qboLineId } : {}), ...expenseLine(line) })),
  };
}

/**
 * The Ids QuickBooks gave the order's item lines, in the order the lines were sent (QuickBooks answers
 * lines in the order it got them).
 */
export function purchaseLineIds(object: Record<string, unknown>): string[] {
  const lines = Array.isArray(object.Line) ? (object.Line as unknown[]) : [];
  return lines
    .filter((l): l is Record<string, unknown> => typeof l === 'object' && l !== null && (l as { DetailType?: unknown }).DetailType === 'ItemBasedExpenseLineDetail')
    .map((l) => (typeof l.Id === 'string' ? l.Id : ''));
}

export interface ReceiptForQbo {
  vendorQboId: string;
  poQboId: string;
  txnDate: string;
  marker: string;
  lines: readonly { qboItemId: string; units: number; unitCostCents: number; poLineId: string }[];
}

/** A Bill for what arrived; each line names the order and its line (TxnId, TxnType, TxnLineId: all required). */
export function receiptToBill(receipt: ReceiptForQbo): Record<string, unknown> {
  return {
    TxnDate: receipt.txnDate,
    VendorRef: { value: receipt.vendorQboId },
    PrivateNote: receipt.marker,
    Line: receipt.lines.map((line) => ({
      ...expenseLine(line),
      LinkedTxn: [{ TxnId: receipt.poQboId, TxnType: 'PurchaseOrder', TxnLineId: line.poLineId }],
    })),
  };
}
