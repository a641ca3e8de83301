/**
 * item_stock, the item list's copy of stock (migration 0017): an item's on-hand at each site and across
 * all sites (scope '*'), kept only while it is not zero, with the item's list columns and its reorder
 * state beside it. The ledger calls `afterMove` for every movement, in the movement's transaction, and
 * an item change calls `itemChanged`; so the copy always equals stock_levels and the items table.
 */
import type { Db } from '../db';
import { one, run } from './sql';

/** The scope of the total across all sites. */
export const allSites = '*';

const upsert = `INSERT INTO item_stock (scope, item_id, on_hand, name_key, active, type, reorder_point, watched, below)
  SELECT ?, i.id, ?, i.name_key, i.active, i.type, i.reorder_point,
         i.type = 'inventory' AND i.reorder_point > 0, i.type = 'inventory' AND ? < i.reorder_point
    FROM items i WHERE i.id = ?
  ON CONFLICT (item_id, scope) DO UPDATE SET on_hand = excluded.on_hand, below = excluded.below`;

/** Writes the item's on-hand at one scope: a row while it is not zero, none once it is. */
function put(db: Db, scope: string, itemId: string, onHand: number): void {
  if (onHand === 0) run(db, 'DELETE FROM item_stock WHERE item_id = ? AND scope = ?', itemId, scope);
  else run(db, upsert, scope, onHand, onHand, itemId);
}

/** After a movement left the item at `onHand` at the site: that site's row and the all-sites total. */
export function afterMove(db: Db, itemId: string, siteId: string, onHand: number): void {
  put(db, siteId, itemId, onHand);
  const total = one<{ n: number }>(db, 'SELECT COALESCE(SUM(on_hand), 0) AS n FROM stock_levels WHERE item_id = ?', itemId)?.n ?? 0;
  put(db, allSites, itemId, total);
}

/** After the item's name, type, active flag or reorder point changed: its rows copy them again. */
export function itemChanged(db: Db, itemId: string): void {
  run(
    db,
    `UPDATE item_stock SET name_key = i.name_key, active = i.active, type = i.type, reorder_point = i.reorder_point,
            watched = (i.type = 'inventory' AND i.reorder_point > 0),
            below = (i.type = 'inventory' AND item_stock.on_hand < i.reorder_point)
       FROM items i
      WHERE i.id = item_stock.item_id AND item_stock.item_id = ?`,
    itemId,
  );
}
