import type { Migration } from '../migration';

/**
 * Picking orders (made here or imported from QuickBooks sales orders) and their lines. Line quantities
 * are in units of 1/10 000: picked ≤ ordered − cancelled, invoiced ≤ picked.
 */
export const migration0006: Migration = {
  version: 6,
  name: 'picking-orders',
  up(db) {
    db.exec(`
      CREATE TABLE picking_orders (
        id TEXT PRIMARY KEY,
        number TEXT NOT NULL UNIQUE,
        customer_id TEXT NOT NULL REFERENCES customers (id),
        site_id TEXT NOT NULL REFERENCES sites (id),
        service_location_id TEXT REFERENCES service_locations (id),
        ship_to TEXT NOT NULL DEFAULT '{}',
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'picking', 'picked', 'posted', 'closed')),
        back_order INTEGER NOT NULL DEFAULT 0 CHECK (back_order IN (0, 1)),
        note TEXT,
        source TEXT NOT NULL DEFAULT 'local' CHECK (source IN ('local', 'qbo')),
        qbo_txn_id TEXT UNIQUE,
        out_of_sync INTEGER NOT NULL DEFAULT 0 CHECK (out_of_sync IN (0, 1)),
        out_of_sync_reason TEXT,
        sync_error TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX picking_orders_by_status ON picking_orders (status, created_at);
      CREATE INDEX picking_orders_by_customer ON picking_orders (customer_id, created_at);
      CREATE INDEX picking_orders_by_site ON picking_orders (site_id, status, created_at);
      CREATE INDEX picking_orders_by_created ON picking_orders (created_at);
      CREATE INDEX picking_orders_out_of_sync ON picking_orders (out_of_sync) WHERE out_of_sync = 1;

      CREATE TABLE picking_order_lines (
        id TEXT PRIMARY KEY,
        order_id TEXT NOT NULL REFERENCES picking_orders (id) ON DELETE CASCADE,
        line_no INTEGER NOT NULL,
        item_id TEXT NOT NULL REFERENCES items (id),
        ordered INTEGER NOT NULL CHECK (ordered > 0),
        picked INTEGER NOT NULL DEFAULT 0 CHECK (picked >= 0),
        invoiced INTEGER NOT NULL DEFAULT 0 CHECK (invoiced >= 0 AND invoiced <= picked),
        cancelled INTEGER NOT NULL DEFAULT 0 CHECK (cancelled >= 0),
        qbo_line_ref TEXT,
        CHECK (picked + cancelled <= ordered),
        UNIQUE (order_id, line_no)
      ) STRICT;
      CREATE INDEX picking_order_lines_by_item ON picking_order_lines (item_id);
    `);
  },
};
