/**
 * The stock position of an item at a site, as SQL the lists share: committed (still to pick on open
 * picking orders), on order (draft, open or part-received purchase orders, not yet received), and the
 * reorder levels in force (the site's own; else, at the default site, the item's reorder point for both).
 */
import type { Db } from '../db';
import { all } from './sql';

/** The columns a query selects with the SQL below, as a row (Low stock and the item's reorder info). */
export interface SitePositionRow {
  site_id: string;
  site_name: string;
  on_hand: number;
  committed: number;
  on_order: number;
  point: number;
  up_to: number;
}

/** Still to pick at the site; only open and picking orders have anything left to pick. */
export const committedSql = (item: string, site: string) => `(SELECT COALESCE(SUM(pl.ordered - pl.picked - pl.cancelled), 0)
    FROM picking_order_lines pl JOIN picking_orders po ON po.id = pl.order_id
   WHERE pl.item_id = ${item} AND po.site_id = ${site} AND po.status IN ('open', 'picking'))`;

/** Drafts count too: a draft made from the Low stock list must not be suggested a second time. */
export const onOrderSql = (item: string, site: string) => `(SELECT COALESCE(SUM(pl.ordered - pl.received), 0)
    FROM purchase_order_lines pl JOIN purchase_orders p ON p.id = pl.purchase_order_id
   WHERE pl.item_id = ${item} AND p.site_id = ${site} AND p.status IN ('draft', 'open', 'partiallyReceived'))`;

/** The item's own reorder point applies at the default site; another site reorders by its own levels only. */
const itemPointSql = (site: string) => `CASE WHEN (SELECT d.is_default FROM sites d WHERE d.id = ${site}) = 1 THEN i.reorder_point ELSE 0 END`;

/** The levels in force for item alias `i` at site expression `site` (the site's own, else the item's point for both). */
export const pointSql = (site: string) =>
  `COALESCE((SELECT r.reorder_point FROM reorder_levels r WHERE r.item_id = i.id AND r.site_id = ${site}), ${itemPointSql(site)})`;
export const upToSql = (site: string) =>
  `COALESCE((SELECT r.reorder_up_to FROM reorder_levels r WHERE r.item_id = i.id AND r.site_id = ${site}), ${itemPointSql(site)})`;

const onHandSql = (site: string) => `COALESCE((SELECT l.on_hand FROM stock_levels l WHERE l.item_id = i.id AND l.site_id = ${site}), 0)`;

/** True when item alias `i` is watched at the site (a level above zero) and its available quantity is at or below its point. */
export const lowAtSql = (site: string) =>
  `(i.type = 'inventory' AND ${upToSql(site)} > 0 AND ${onHandSql(site)} - ${committedSql('i.id', site)} <= ${pointSql(site)})`;

/**
 * Of the given items (a page of a list), those low at the site (when named) or at any active site. The
 * CROSS JOINs keep the order: each given id is looked up by key, never the other way round (a pass over
 * every inventory item looking for the page's ids).
 */
export function lowItemIds(db: Db, itemIds: readonly string[], siteId?: string): Set<string> {
  if (itemIds.length === 0) return new Set();
  const sites = siteId === undefined ? 's.active = 1' : 's.id = ?';
  const ids = all<{ id: string }>(
    db,
    `SELECT DISTINCT i.id FROM json_each(?) j CROSS JOIN items i ON i.id = j.value CROSS JOIN sites s ON ${sites}
      WHERE ${lowAtSql('s.id')}`,
    JSON.stringify(itemIds),
    ...(siteId === undefined ? [] : [siteId]),
  );
  return new Set(ids.map((r) => r.id));
}
