/** SQL for purchase orders and their lines; rows to contract shapes; the status the lines call for. */
import type { PurchaseOrder, PurchaseOrderStatus } from '../../src-shared/ipc';
import { formatQuantity, subtractQuantities } from '../../src-shared/quantity';
import type { Db } from '../db';
import { recordAudit } from './audit';
import { nowIso, type Effects } from './effects';
import { notFound } from './parse';
import { all, bool, one, run } from './sql';

export interface PurchaseOrderRow {
  id: string;
  number: string;
  vendor_id: string;
  vendor_name: string;
  site_id: string;
  status: PurchaseOrderStatus;
  posted_at: string | null;
  needs_resync: number;
  source: 'local' | 'qbo';
  qbo_txn_id: string | null;
  out_of_sync: number;
  out_of_sync_reason: string | null;
  expected_date: string | null;
  note: string | null;
  created_at: string;
  updated_at: string;
  total_cents: number;
}

export interface PurchaseOrderLineRow {
  id: string;
  line_no: number;
  item_id: string;
  item_name: string;
  item_type: string;
  ordered: number;
  received: number;
  unit_cost_cents: number;
  amount_cents: number;
}

export const purchaseOrderSelect = `SELECT p.*, v.display_name AS vendor_name,
    (SELECT COALESCE(SUM(l.amount_cents), 0) FROM purchase_order_lines l WHERE l.purchase_order_id = p.id) AS total_cents
  FROM purchase_orders p JOIN vendors v ON v.id = p.vendor_id`;

export const outstanding = (l: PurchaseOrderLineRow) => subtractQuantities(l.ordered, l.received);

export function findPurchaseOrderRow(db: Db, id: string, field = 'id'): PurchaseOrderRow {
  const row = one<PurchaseOrderRow>(db, `${purchaseOrderSelect} WHERE p.id = ?`, id);
  if (!row) throw notFound('purchase order', id, field);
  return row;
}

export function purchaseOrderLines(db: Db, id: string): PurchaseOrderLineRow[] {
  return all<PurchaseOrderLineRow>(
    db,
    `SELECT l.*, i.name AS item_name, i.type AS item_type FROM purchase_order_lines l JOIN items i ON i.id = l.item_id
      WHERE l.purchase_order_id = ? ORDER BY l.line_no`,
    id,
  );
}

export function statusFromLines(row: PurchaseOrderRow, lines: readonly PurchaseOrderLineRow[]): PurchaseOrderStatus {
  if (row.status === 'closed') return 'closed';
  if (lines.length > 0 && lines.every((l) => outstanding(l) === 0)) return 'received';
  if (lines.some((l) => l.received > 0)) return 'partiallyReceived';
  return row.posted_at !== null ? 'open' : 'draft';
}

export function toPurchaseOrderSummary(row: PurchaseOrderRow) {
  return {
    id: row.id,
    number: row.number,
    vendorId: row.vendor_id,
    vendorName: row.vendor_name,
    siteId: row.site_id,
    status: row.status,
    posted: row.posted_at !== null,
    needsResync: bool(row.needs_resync),
    source: row.source,
    outOfSync: bool(row.out_of_sync),
    outOfSyncReason: row.out_of_sync_reason,
    expectedDate: row.expected_date,
    totalCents: row.total_cents,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function readPurchaseOrder(db: Db, id: string, field = 'id'): PurchaseOrder {
  const row = findPurchaseOrderRow(db, id, field);
  const lines = purchaseOrderLines(db, id).map((l) => ({
    id: l.id,
    itemId: l.item_id,
    itemName: l.item_name,
    ordered: formatQuantity(l.ordered),
    received: formatQuantity(l.received),
    remaining: formatQuantity(outstanding(l)),
    unitCostCents: l.unit_cost_cents,
    amountCents: l.amount_cents,
  }));
  return { ...toPurchaseOrderSummary(row), note: row.note, lines };
}

/** Brings the stored status in line with posting and receipts; audits a change. */
export function settlePurchaseOrder(db: Db, effects: Effects, poId: string, by: string, reason?: string | null): void {
  const row = findPurchaseOrderRow(db, poId);
  const next = statusFromLines(row, purchaseOrderLines(db, poId));
  if (next === row.status) return;
  run(db, 'UPDATE purchase_orders SET status = ?, updated_at = ? WHERE id = ?', next, nowIso(effects), poId);
  recordAudit(db, effects, {
    by,
    recordType: 'purchaseOrder',
    recordId: poId,
    action: `status.${next}`,
    detail: `PO ${row.number}: ${row.status} → ${next}`,
    reason: reason ?? null,
  });
}
