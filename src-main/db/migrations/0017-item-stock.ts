import type { Migration } from '../migration';

/**
 * The item list's copy of stock, so a page chosen by stock comes from an index instead of a pass over
 * every item: one row per item and scope, where the scope is a site id or '*' (all sites together), and
 * only while the on-hand there is not zero (an item without a row has 0 on hand). Beside the quantity
 * it keeps the item's list columns (name_key, active, type, reorder_point) and two flags: `watched`
 * (an inventory item with a reorder point) and `below` (an inventory item with on-hand under its point).
 * The ledger keeps it in step with stock_levels (warehouse/itemStock.ts); an item change rewrites the
 * copied columns. Existing stock is copied here.
 */
export const migration0017: Migration = {
  version: 17,
  name: 'item-stock',
  up(db) {
    db.exec(`
      CREATE TABLE item_stock (
        scope TEXT NOT NULL,
        item_id TEXT NOT NULL REFERENCES items (id),
        on_hand INTEGER NOT NULL CHECK (on_hand <> 0),
        name_key TEXT NOT NULL,
        active INTEGER NOT NULL,
        type TEXT NOT NULL,
        reorder_point INTEGER NOT NULL,
        watched INTEGER NOT NULL CHECK (watched IN (0, 1)),
        below INTEGER NOT NULL CHECK (below IN (0, 1)),
        PRIMARY KEY (item_id, scope)
      ) STRICT, WITHOUT ROWID;
      -- By on-hand: each page of a stock-sorted list reads in order; the trailing columns answer the filters.
      CREATE INDEX item_stock_by_on_hand ON item_stock (scope, on_hand, name_key, active, type, below);
      -- By reorder state: counts of the rows at or above their point, and below-point pages in name order.
      CREATE INDEX item_stock_by_state ON item_stock (scope, watched, below, name_key, active, type);
      -- The items with a reorder point, in name order: those without stock at a scope are below it there.
      CREATE INDEX items_watched ON items (name_key, active, type, reorder_point, id) WHERE type = 'inventory' AND reorder_point > 0;
      -- Each sort's index ends in name_key, the tie-break, so a page reads in order without sorting ties
      -- (many items share an updated_at after an import); type's carries active so either filter is answered.
      -- A text search reads this whole index; with active and type in it, a filtered search reads no table row.
      DROP INDEX items_search;
      CREATE INDEX items_search ON items (name_key, sku_key, id, active, type);
      DROP INDEX items_by_type;
      CREATE INDEX items_by_type ON items (type, name_key, active);
      DROP INDEX items_by_sku;
      CREATE INDEX items_by_sku ON items (sku_key, name_key);
      DROP INDEX items_by_updated;
      CREATE INDEX items_by_updated ON items (updated_at, name_key);

      INSERT INTO item_stock (scope, item_id, on_hand, name_key, active, type, reorder_point, watched, below)
      SELECT l.site_id, i.id, l.on_hand, i.name_key, i.active, i.type, i.reorder_point,
             i.type = 'inventory' AND i.reorder_point > 0, i.type = 'inventory' AND l.on_hand < i.reorder_point
        FROM stock_levels l JOIN items i ON i.id = l.item_id
       WHERE l.on_hand <> 0;
      INSERT INTO item_stock (scope, item_id, on_hand, name_key, active, type, reorder_point, watched, below)
      SELECT '*', i.id, t.on_hand, i.name_key, i.active, i.type, i.reorder_point,
             i.type = 'inventory' AND i.reorder_point > 0, i.type = 'inventory' AND t.on_hand < i.reorder_point
        FROM (SELECT item_id, SUM(on_hand) AS on_hand FROM stock_levels GROUP BY item_id) t JOIN items i ON i.id = t.item_id
       WHERE t.on_hand <> 0;
    `);
  },
};
