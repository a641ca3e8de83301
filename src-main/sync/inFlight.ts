/**
 * Stock changes ShelfSync has made that QuickBooks will learn of through queued documents: adjustments
 * (QtyDiff), receipts (the bill adds them) and posted picks (the invoice or sales receipt takes them
 * away). Any quantity worked out against QuickBooks' (a new item's starting quantity, the full count
 * push, the drift report and its fix) goes through `quickBooksTarget`, so none counts them twice.
 */
import { parseQuantity } from '../../src-shared/quantity';
import type { Db } from '../db';

interface Line {
  itemId?: unknown;
  qty?: unknown;
}

const units = (q: unknown) => (typeof q === 'string' ? (parseQuantity(q) ?? 0) : 0);

/**
 * Per item, the signed change (units) still on its way to QuickBooks: queued, sent without an answer
 * yet, or failed and waiting for the next Sync Now. A drift fix carries no difference of its own (it
 * is worked out when it is sent), so it adds nothing here.
 */
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

export interface StockTarget {
  /** ShelfSync's on-hand over all sites. */
  local: number;
  /** What is still on its way to QuickBooks (inFlightStock). */
  queued: number;
  /** The on-hand QuickBooks must have now, so that it equals ours once the queued changes arrive. */
  target: number;
}

/** The one place an absolute quantity for QuickBooks is worked out: ours less what is still on its way. */
export function quickBooksTarget(inFlight: ReadonlyMap<string, number>, itemId: string, localUnits: number): StockTarget {
  const queued = inFlight.get(itemId) ?? 0;
  return { local: localUnits, queued, target: localUnits - queued };
}
