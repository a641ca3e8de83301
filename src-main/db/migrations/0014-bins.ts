import type { Migration } from '../migration';

/**
 * Bins: shelf places inside a site (codes like A-03-2, unique per site whatever the case); an item's
 * bins per site with at most one primary; and the bin a receipt was put away to, on its movement.
 * Bins are ShelfSync's own and never go to QuickBooks.
 */
export const migration0014: Migration = {
  version: 14,
  name: 'bins',
  up(db) {
    db.exec(`
      CREATE TABLE bins (
        id TEXT PRIMARY KEY,
        site_id TEXT NOT NULL REFERENCES sites (id),
        code TEXT NOT NULL,
        code_key TEXT NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE (site_id, code_key)
      ) STRICT;

      CREATE TABLE item_bins (
        item_id TEXT NOT NULL REFERENCES items (id),
        bin_id TEXT NOT NULL REFERENCES bins (id),
        site_id TEXT NOT NULL REFERENCES sites (id),
        is_primary INTEGER NOT NULL DEFAULT 0 CHECK (is_primary IN (0, 1)),
        PRIMARY KEY (item_id, bin_id)
      ) STRICT, WITHOUT ROWID;
      CREATE UNIQUE INDEX item_bins_one_primary ON item_bins (item_id, site_id) WHERE is_primary = 1;
      CREATE INDEX item_bins_by_bin ON item_bins (bin_id);

      ALTER TABLE stock_movements ADD COLUMN bin_code TEXT;
    `);
  },
};
