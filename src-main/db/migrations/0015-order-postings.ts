import type { Migration } from '../migration';

/**
 * The QuickBooks document each posting of a picking order became (invoice or sales receipt), with the
 * number QuickBooks gave it, so the order can say where it went. Written when the sync's create is answered.
 */
export const migration0015: Migration = {
  version: 15,
  name: 'order-postings',
  up(db) {
    db.exec(`
      CREATE TABLE order_postings (
        order_id TEXT NOT NULL REFERENCES picking_orders (id),
        posting INTEGER NOT NULL,
        doc_type TEXT NOT NULL CHECK (doc_type IN ('invoice', 'salesReceipt')),
        qbo_txn_id TEXT NOT NULL,
        qbo_number TEXT,
        posted_at TEXT NOT NULL,
        PRIMARY KEY (order_id, posting)
      ) STRICT;
    `);
  },
};
