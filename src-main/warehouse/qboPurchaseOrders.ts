/**
 * Purchase orders raised in QuickBooks: brought in as posted POs to be received here (their receipts go
 * back as bills like any posted PO's), followed while nothing is received, and flagged out of sync when
 * QuickBooks changes or closes one after receiving started.
 */
import { formatQuantity, lineAmountCents, toUnits } from '../../src-shared/quantity';
import type { Db } from '../db';
import { recordAudit } from './audit';
import { nowIso, quickbooksUser, type Effects } from './effects';
import { createPurchaseOrder } from './purchaseOrders';
import { findPurchaseOrderRow, outstanding, purchaseOrderLines, settlePurchaseOrder, type PurchaseOrderRow } from './purchaseOrdersRepo';
import { one, run } from './sql';

export interface QboPurchaseOrder {
  qboTxnId: string;
  number: string | null;
  vendorId: string;
  siteId?: string | undefined;
  expectedDate: string | null;
  note: string | null;
  closed: boolean;
  /** Inventory item lines only, in QuickBooks' order. */
  lines: { itemId: string; qty: string; unitCostCents: number; qboLineId: string }[];
}

/** Local line id per QuickBooks line id, when the lines were (re)written; null when nothing changed. */
export type QboPurchaseOrderOutcome = { poId: string; lines: { localLineId: string; qboLineId: string }[] | null; action: 'created' | 'updated' | 'flagged' | 'skipped' };

const fromQuickBooks = { origin: 'qbo' as const };

/** QuickBooks' number when it is free here; a clash with a ShelfSync number gets " (QB)" added. */
function freeNumber(db: Db, number: string | null): string | undefined {
  if (number === null) return undefined;
  const taken = (n: string) => one(db, 'SELECT 1 FROM purchase_orders WHERE number = ?', n) !== undefined;
  if (!taken(number)) return number;
  const marked = `${number.slice(0, 16)} (QB)`;
  return taken(marked) ? undefined : marked;
}

function lineMapping(db: Db, poId: string, po: QboPurchaseOrder) {
  return purchaseOrderLines(db, poId).map((l, i) => ({ localLineId: l.id, qboLineId: po.lines[i]?.qboLineId ?? '' }));
}

function sameContent(db: Db, row: PurchaseOrderRow, po: QboPurchaseOrder): boolean {
  const lines = purchaseOrderLines(db, row.id);
  return (
    row.vendor_id === po.vendorId &&
    lines.length === po.lines.length &&
    lines.every((l, i) => l.item_id === po.lines[i]?.itemId && l.ordered === toUnits(po.lines[i]?.qty ?? '0'))
  );
}

function create(db: Db, effects: Effects, po: QboPurchaseOrder): QboPurchaseOrderOutcome {
  const created = createPurchaseOrder(
    db,
    effects,
    {
      number: freeNumber(db, po.number),
      vendorId: po.vendorId,
      siteId: po.siteId,
      expectedDate: po.expectedDate,
      note: po.note,
      lines: po.lines.map((l) => ({ itemId: l.itemId, qty: l.qty, unitCostCents: l.unitCostCents })),
    },
    fromQuickBooks,
  );
  // Posted from the start: it is in QuickBooks already, so what is received here is billed against it.
  run(db, "UPDATE purchase_orders SET source = 'qbo', qbo_txn_id = ?, posted_at = ?, updated_at = ? WHERE id = ?", po.qboTxnId, nowIso(effects), nowIso(effects), created.id);
  settlePurchaseOrder(db, effects, created.id, quickbooksUser);
  return { poId: created.id, lines: lineMapping(db, created.id, po), action: 'created' };
}

function rewrite(db: Db, effects: Effects, row: PurchaseOrderRow, po: QboPurchaseOrder): QboPurchaseOrderOutcome {
  run(db, 'DELETE FROM purchase_order_lines WHERE purchase_order_id = ?', row.id);
  po.lines.forEach((l, i) => {
    run(
      db,
      `INSERT INTO purchase_order_lines (id, purchase_order_id, line_no, item_id, ordered, unit_cost_cents, amount_cents)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
      effects.ids.uuid(),
      row.id,
      i + 1,
      l.itemId,
      toUnits(l.qty),
      l.unitCostCents,
      lineAmountCents(toUnits(l.qty), l.unitCostCents),
    );
  });
  run(db, 'UPDATE purchase_orders SET vendor_id = ?, expected_date = ?, note = ?, updated_at = ? WHERE id = ?', po.vendorId, po.expectedDate, po.note, nowIso(effects), row.id);
  recordAudit(db, effects, { by: quickbooksUser, recordType: 'purchaseOrder', recordId: row.id, action: 'updated', detail: `PO ${row.number} changed in QuickBooks` });
  return { poId: row.id, lines: lineMapping(db, row.id, po), action: 'updated' };
}

function flag(db: Db, effects: Effects, row: PurchaseOrderRow, reason: string): QboPurchaseOrderOutcome {
  if (row.out_of_sync === 1 && row.out_of_sync_reason === reason) return { poId: row.id, lines: null, action: 'skipped' };
  run(db, 'UPDATE purchase_orders SET out_of_sync = 1, out_of_sync_reason = ?, updated_at = ? WHERE id = ?', reason, nowIso(effects), row.id);
  recordAudit(db, effects, { by: quickbooksUser, recordType: 'purchaseOrder', recordId: row.id, action: 'outOfSync', detail: reason });
  return { poId: row.id, lines: null, action: 'flagged' };
}

/** Brings a QuickBooks purchase order in, or follows its change; answers what was done. */
export function applyQboPurchaseOrder(db: Db, effects: Effects, po: QboPurchaseOrder): QboPurchaseOrderOutcome | null {
  const existing = one<{ id: string }>(db, 'SELECT id FROM purchase_orders WHERE qbo_txn_id = ?', po.qboTxnId);
  if (!existing) return po.closed || po.lines.length === 0 ? null : create(db, effects, po);
  const row = findPurchaseOrderRow(db, existing.id);
  // A PO closed here no longer follows QuickBooks.
  if (row.status === 'closed') return { poId: row.id, lines: null, action: 'skipped' };
  const lines = purchaseOrderLines(db, row.id);
  const receiving = lines.some((l) => l.received > 0);
  if (!receiving) {
    if (po.closed || po.lines.length === 0) {
      run(db, "UPDATE purchase_orders SET status = 'closed', updated_at = ? WHERE id = ?", nowIso(effects), row.id);
      recordAudit(db, effects, { by: quickbooksUser, recordType: 'purchaseOrder', recordId: row.id, action: 'status.closed', detail: `PO ${row.number} closed in QuickBooks` });
      return { poId: row.id, lines: null, action: 'updated' };
    }
    return sameContent(db, row, po) ? { poId: row.id, lines: null, action: 'skipped' } : rewrite(db, effects, row, po);
  }
  const stillExpected = lines.some((l) => outstanding(l) > 0);
  if (po.closed && stillExpected) {
    const left = lines.filter((l) => outstanding(l) > 0).map((l) => `${formatQuantity(outstanding(l))} ${l.item_name}`).join(', ');
    return flag(db, effects, row, `Closed in QuickBooks after receiving started here, with ${left} still expected.`);
  }
  if (!po.closed && !sameContent(db, row, po)) return flag(db, effects, row, 'Changed in QuickBooks after receiving started here.');
  return { poId: row.id, lines: null, action: 'skipped' };
}
