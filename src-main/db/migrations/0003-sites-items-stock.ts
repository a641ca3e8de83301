import type { Migration } from '../migration';

/**
 * The catalogue and its stock ledger: sites (one default from the start), items with their barcodes,
 * stock_movements (every change, signed, in units of 1/10 000) and stock_levels (item × site) kept in
 * step with them; and the audit trail every later table writes to.
 */
export const migration0003: Migration = {
  version: 3,
  name: 'sites-items-stock',
  // eslint-disable-next-line max-lines-per-function -- one SQL script, kept as released (a released migration is never edited)
  up(db) {
    db.exec(`
      CREATE TABLE sites (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        name_key TEXT NOT NULL UNIQUE,
        is_default INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        qbo_location_ref TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX sites_one_default ON sites (is_default) WHERE is_default = 1;
      INSERT INTO sites (id, name, name_key, is_default, created_at, updated_at)
      VALUES ('main', 'Main warehouse', 'main warehouse', 1,
              strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));

      CREATE TABLE items (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        name_key TEXT NOT NULL UNIQUE,
        sku TEXT,
        sku_key TEXT,
        description TEXT,
        type TEXT NOT NULL CHECK (type IN ('inventory', 'nonInventory', 'service', 'equipment')),
        unit TEXT,
        cost_cents INTEGER NOT NULL DEFAULT 0 CHECK (cost_cents >= 0),
        price_cents INTEGER NOT NULL DEFAULT 0 CHECK (price_cents >= 0),
        reorder_point INTEGER NOT NULL DEFAULT 0 CHECK (reorder_point >= 0),
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        income_account_ref TEXT,
        expense_account_ref TEXT,
        asset_account_ref TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      -- One index per list filter, each ending in the default sort so a filtered page reads in order.
      CREATE INDEX items_by_active ON items (active, name_key);
      CREATE INDEX items_by_type ON items (type, active, name_key);
      CREATE INDEX items_by_sku ON items (sku_key);
      -- Covers a text search (name, SKU, id for the barcode match) in name order without reading the table.
      CREATE INDEX items_search ON items (name_key, sku_key, id);
      CREATE INDEX items_by_updated ON items (updated_at);

      CREATE TABLE item_barcodes (
        barcode TEXT PRIMARY KEY,
        item_id TEXT NOT NULL REFERENCES items (id) ON DELETE CASCADE
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX item_barcodes_by_item ON item_barcodes (item_id);

      CREATE TABLE stock_levels (
        item_id TEXT NOT NULL REFERENCES items (id),
        site_id TEXT NOT NULL REFERENCES sites (id),
        on_hand INTEGER NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (item_id, site_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX stock_levels_by_site ON stock_levels (site_id, item_id);

      CREATE TABLE stock_movements (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('receipt', 'pick', 'adjustment', 'count', 'transfer', 'import')),
        item_id TEXT NOT NULL REFERENCES items (id),
        site_id TEXT NOT NULL REFERENCES sites (id),
        qty INTEGER NOT NULL CHECK (qty <> 0),
        balance_after INTEGER NOT NULL,
        document_type TEXT,
        document_id TEXT,
        reason TEXT,
        note TEXT,
        by TEXT NOT NULL,
        CHECK (kind <> 'adjustment' OR reason IS NOT NULL)
      ) STRICT;
      CREATE INDEX stock_movements_by_item ON stock_movements (item_id, id);
      CREATE INDEX stock_movements_by_site ON stock_movements (site_id, id);
      CREATE INDEX stock_movements_by_kind ON stock_movements (kind, id);
      CREATE INDEX stock_movements_by_document ON stock_movements (document_type, document_id);

      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        by TEXT NOT NULL,
        record_type TEXT NOT NULL,
        record_id TEXT NOT NULL,
        action TEXT NOT NULL,
        detail TEXT,
        reason TEXT
      ) STRICT;
      CREATE INDEX audit_log_by_record ON audit_log (record_id, id);
      CREATE INDEX audit_log_by_type ON audit_log (record_type, id);
      CREATE INDEX audit_log_by_actor ON audit_log (by, id);
    `);
  },
};
