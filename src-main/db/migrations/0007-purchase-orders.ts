import type { Migration } from '../migration';

/** Purchase orders, their lines, and each receipt against them (a receipt groups its movements). */
export const migration0007: Migration = {
  version: 7,
  name: 'purchase-orders',
  up(db) {
    db.exec(`
      CREATE TABLE purchase_orders (
        id TEXT PRIMARY KEY,
        number TEXT NOT NULL UNIQUE,
        vendor_id TEXT NOT NULL REFERENCES vendors (id),
        site_id TEXT NOT NULL REFERENCES sites (id),
        status TEXT NOT NULL DEFAULT 'draft'
          CHECK (status IN ('draft', 'open', 'partiallyReceived', 'received', 'closed')),
        posted_at TEXT,
        needs_resync INTEGER NOT NULL DEFAULT 0 CHECK (needs_resync IN (0, 1)),
        expected_date TEXT,
        note TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX purchase_orders_by_status ON purchase_orders (status, created_at);
      CREATE INDEX purchase_orders_by_vendor ON purchase_orders (vendor_id, created_at);
      CREATE INDEX purchase_orders_by_site ON purchase_orders (site_id, created_at);
      CREATE INDEX purchase_orders_by_created ON purchase_orders (created_at);
      CREATE INDEX purchase_orders_needing_resync ON purchase_orders (needs_resync) WHERE needs_resync = 1;

      CREATE TABLE purchase_order_lines (
        id TEXT PRIMARY KEY,
        purchase_order_id TEXT NOT NULL REFERENCES purchase_orders (id) ON DELETE CASCADE,
        line_no INTEGER NOT NULL,
        item_id TEXT NOT NULL REFERENCES items (id),
        ordered INTEGER NOT NULL CHECK (ordered > 0),
        received INTEGER NOT NULL DEFAULT 0 CHECK (received >= 0 AND received <= ordered),
        unit_cost_cents INTEGER NOT NULL CHECK (unit_cost_cents >= 0),
        amount_cents INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX purchase_order_lines_by_order ON purchase_order_lines (purchase_order_id, line_no);
      CREATE INDEX purchase_order_lines_by_item ON purchase_order_lines (item_id);

      CREATE TABLE purchase_order_receipts (
        id TEXT PRIMARY KEY,
        purchase_order_id TEXT NOT NULL REFERENCES purchase_orders (id),
        at TEXT NOT NULL,
        by TEXT NOT NULL,
        note TEXT
      ) STRICT;
      CREATE INDEX purchase_order_receipts_by_order ON purchase_order_receipts (purchase_order_id, at);
    `);
  },
};
