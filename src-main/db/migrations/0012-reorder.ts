import type { Migration } from '../migration';

/**
 * Reordering: an item's preferred vendor (from QuickBooks' PrefVendorRef, or chosen here) and, per item
 * and site, a reorder point and the level to reorder up to (units of 1/10 000). A site without its own
 * row uses the item's reorder point for both.
 */
export const migration0012: Migration = {
  version: 12,
  name: 'reorder',
  up(db) {
    db.exec(`
      ALTER TABLE items ADD COLUMN preferred_vendor_id TEXT REFERENCES vendors (id);
      ALTER TABLE items ADD COLUMN preferred_vendor_source TEXT CHECK (preferred_vendor_source IN ('qbo', 'local'));
      CREATE INDEX items_by_preferred_vendor ON items (preferred_vendor_id) WHERE preferred_vendor_id IS NOT NULL;

      CREATE TABLE reorder_levels (
        item_id TEXT NOT NULL REFERENCES items (id),
        site_id TEXT NOT NULL REFERENCES sites (id),
        reorder_point INTEGER NOT NULL CHECK (reorder_point >= 0),
        reorder_up_to INTEGER NOT NULL CHECK (reorder_up_to >= reorder_point),
        updated_at TEXT NOT NULL,
        PRIMARY KEY (item_id, site_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX reorder_levels_by_site ON reorder_levels (site_id, item_id);
    `);
  },
};
