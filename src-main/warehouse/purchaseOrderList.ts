/** purchaseOrders.list: a filtered, sorted page. */
import type { ParsedInput } from '../../src-shared/ipc';
import type { Db } from '../db';
import { purchaseOrderSelect, toPurchaseOrderSummary, type PurchaseOrderRow } from './purchaseOrdersRepo';
import { all, Filters, likeContains, one } from './sql';

export function listPurchaseOrders(db: Db, query: ParsedInput<'purchaseOrders.list'>) {
  const pattern = query.search ? likeContains(query.search) : undefined;
  const { clause, params } = new Filters()
    .when(query.status, 'p.status = ?')
    .when(query.vendorId, 'p.vendor_id = ?')
    .when(query.siteId, 'p.site_id = ?')
    .when(query.needsResync, 'p.needs_resync = ?', query.needsResync ? 1 : 0)
    .when(pattern, `(lower(p.number) LIKE ? ESCAPE '\\' OR v.name_key LIKE ? ESCAPE '\\')`, pattern, pattern);
  const total =
    one<{ n: number }>(db, `SELECT COUNT(*) AS n FROM purchase_orders p JOIN vendors v ON v.id = p.vendor_id ${clause}`, ...params)?.n ?? 0;
  const order = {
    number: 'p.number',
    vendor: 'v.name_key',
    status: 'p.status',
    // The Sync column's badges by weight: out of sync, needs resync, from QuickBooks, posted (indexed, migration 0018).
    sync: "(p.out_of_sync * 8 + p.needs_resync * 4 + (p.source = 'qbo') * 2 + (p.posted_at IS NOT NULL))",
    expectedDate: 'p.expected_date',
    total: 'total_cents',
    createdAt: 'p.created_at',
  }[query.sort];
  const direction = query.direction === 'desc' ? 'DESC' : 'ASC';
  const rows = all<PurchaseOrderRow>(
    db,
    `${purchaseOrderSelect} ${clause} ORDER BY ${order} ${direction}, p.id ${direction} LIMIT ? OFFSET ?`,
    ...params,
    query.limit,
    query.offset,
  );
  return { total, rows: rows.map(toPurchaseOrderSummary) };
}
