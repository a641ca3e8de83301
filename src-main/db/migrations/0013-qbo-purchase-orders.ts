import type { Migration } from '../migration';

/**
 * Purchase orders raised in QuickBooks: where a purchase order came from, the QuickBooks PO it
 * follows, and the flag for one changed or closed there after receiving started here.
 */
export const migration0013: Migration = {
  version: 13,
  name: 'qbo-purchase-orders',
  up(db) {
    db.exec(`
      ALTER TABLE purchase_orders ADD COLUMN source TEXT NOT NULL DEFAULT 'local' CHECK (source IN ('local', 'qbo'));
      ALTER TABLE purchase_orders ADD COLUMN qbo_txn_id TEXT;
      ALTER TABLE purchase_orders ADD COLUMN out_of_sync INTEGER NOT NULL DEFAULT 0 CHECK (out_of_sync IN (0, 1));
      ALTER TABLE purchase_orders ADD COLUMN out_of_sync_reason TEXT;
      CREATE UNIQUE INDEX purchase_orders_by_qbo_txn ON purchase_orders (qbo_txn_id) WHERE qbo_txn_id IS NOT NULL;
      CREATE INDEX purchase_orders_out_of_sync ON purchase_orders (out_of_sync) WHERE out_of_sync = 1;
    `);
  },
};
