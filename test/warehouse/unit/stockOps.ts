/**
 * The warehouse's stock operations for the property tests (ledger.test.ts, itemStock.test.ts): each names
 * its item and sites by index, so a generator does not depend on generated ids, and goes through the same
 * services the screens use.
 */
import type { Db } from '../../../src-main/db';
import {
  adjustStock,
  createPickingOrder,
  createPurchaseOrder,
  enterCount,
  pickOrder,
  postCount,
  receivePurchaseOrder,
  startCount,
  transferStock,
  type Effects,
} from '../../../src-main/warehouse';

export interface StockWorld {
  db: Db;
  items: string[];
  sites: string[];
  customerId: string;
  vendorId: string;
}

export type StockOp =
  | { op: 'adjust'; item: number; site: number; qty: string; sign: boolean }
  | { op: 'transfer'; item: number; from: number; to: number; qty: string }
  | { op: 'receive' | 'pick' | 'count'; item: number; site: number; qty: string };

const stockOpNames: ReadonlySet<string> = new Set(['adjust', 'transfer', 'receive', 'pick', 'count']);

export function isStockOp(o: { op: string }): o is StockOp {
  return stockOpNames.has(o.op);
}

/** Runs one stock operation (a transfer to the site it comes from does nothing). */
export function applyStockOp(w: StockWorld, effects: Effects, o: StockOp): void {
  const itemId = w.items[o.item] ?? '';
  const siteOf = (i: number) => w.sites[i] ?? 'main';
  switch (o.op) {
    case 'adjust':
      adjustStock(w.db, effects, { itemId, siteId: siteOf(o.site), qtyDiff: o.sign ? o.qty : `-${o.qty}`, reason: 'test' });
      return;
    case 'transfer':
      if (o.from !== o.to) transferStock(w.db, effects, { itemId, fromSiteId: siteOf(o.from), toSiteId: siteOf(o.to), qty: o.qty });
      return;
    case 'receive': {
      const po = createPurchaseOrder(w.db, effects, { vendorId: w.vendorId, siteId: siteOf(o.site), lines: [{ itemId, qty: o.qty }] });
      receivePurchaseOrder(w.db, effects, { purchaseOrderId: po.id });
      return;
    }
    case 'pick': {
      const order = createPickingOrder(w.db, effects, { customerId: w.customerId, siteId: siteOf(o.site), lines: [{ itemId, qty: o.qty }] });
      pickOrder(w.db, effects, { orderId: order.id, itemId, qty: o.qty });
      return;
    }
    case 'count': {
      const count = startCount(w.db, effects, { siteId: siteOf(o.site), itemIds: [itemId] });
      enterCount(w.db, { countId: count.id, itemId, counted: o.qty });
      postCount(w.db, effects, { countId: count.id });
    }
  }
}
