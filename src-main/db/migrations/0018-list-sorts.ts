import type { Migration } from '../migration';

/**
 * Indexes for the list columns that became sortable: an invoice's QuickBooks number, balance and
 * status, an estimate's expiry and status, a picking order's flags and a purchase order's sync state.
 * Each expression is the one the list's ORDER BY uses (warehouse/invoices.ts, estimates.ts, orders.ts,
 * purchaseOrderList.ts), ending in the id that settles ties, so a sorted page reads in index order.
 */
export const migration0018: Migration = {
  version: 18,
  name: 'list-sorts',
  up(db) {
    db.exec(`
      CREATE INDEX invoices_by_qbo_number ON invoices (qbo_number, id);
      CREATE INDEX invoices_by_balance ON invoices (balance_cents, id);
      CREATE INDEX invoices_by_status ON invoices (((qbo_txn_id IS NOT NULL) * 4 + ready_for_sync * 2 + paid), id);
      CREATE INDEX estimates_by_expiration ON estimates (expiration_date, id);
      CREATE INDEX estimates_by_status_order ON estimates ((CASE status WHEN 'draft' THEN 0 WHEN 'posted' THEN 1 ELSE 2 END), id);
      CREATE INDEX picking_orders_by_flags ON picking_orders ((out_of_sync * 8 + (sync_error IS NOT NULL) * 4 + back_order * 2 + (source = 'qbo')), id);
      CREATE INDEX purchase_orders_by_sync ON purchase_orders ((out_of_sync * 8 + needs_resync * 4 + (source = 'qbo') * 2 + (posted_at IS NOT NULL)), id);
    `);
  },
};
