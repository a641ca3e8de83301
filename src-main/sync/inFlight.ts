/**
 * Stock changes ShelfSync has made that QuickBooks will learn of through queued documents: adjustments
 * (QtyDiff), receipts (the bill adds them) and posted picks (the invoice or sales receipt takes them
 * away). Any absolute quantity sent to QuickBooks (a new item's starting quantity, the full count push)
 * must leave these out, or QuickBooks counts them twice.
 */
import { parseQuantity } from '../../src-shared/quantity';
import type { Db } from '../db';

interface Line {
  itemId?: unknown;
  qty?: unknown;
}

const units = (q: unknown) => (typeof q === 'string' ? (parseQuantity(q) ?? 0) : 0);

/** Per item, the signed change (units) still on its way to QuickBooks. */
export function inFlightStock(db: Db): Map<string, number> {
  const rows = db
    .prepare(
      "SELECT kind, payload FROM outbox WHERE kind IN ('stock.adjust', 'purchaseOrder.receive', 'order.post') AND state IN ('pending', 'failed')",
    )
    .all() as { kind: string; payload: string }[];
  const change = new Map<string, number>();
  const add = (itemId: unknown, delta: number) => {
    if (typeof itemId === 'string' && delta !== 0) change.set(itemId, (change.get(itemId) ?? 0) + delta);
  };
  for (const row of rows) {
    const payload = JSON.parse(row.payload) as { itemId?: unknown; qtyDiff?: unknown; lines?: Line[] };
    if (row.kind === 'stock.adjust') add(payload.itemId, units(payload.qtyDiff));
    for (const line of payload.lines ?? []) add(line.itemId, row.kind === 'order.post' ? -units(line.qty) : units(line.qty));
  }
  return change;
}
