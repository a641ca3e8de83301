/** items.list: one filtered, sorted page over the catalogue, with on-hand at a site or across sites. */
import type { Item, ItemListQuery } from '../../src-shared/ipc';
import type { Db } from '../db';
import { toItem, type ItemRow } from './itemsRepo';
import { all, Filters, likeContains, one } from './sql';
import { lowItemIds } from './stockPosition';

/** ORDER BY per sort; name_key is unique, so it settles every tie. */
const sortColumns: Record<ItemListQuery['sort'], string[]> = {
  name: ['i.name_key'],
  sku: ['i.sku_key', 'i.name_key'],
  type: ['i.type', 'i.name_key'],
  updatedAt: ['i.updated_at', 'i.name_key'],
  onHand: ['on_hand', 'i.name_key'],
};

export function listItems(db: Db, query: ItemListQuery): { rows: Item[]; total: number } {
  const atSite = query.siteId !== undefined;
  // At a site: one primary-key probe per row. Across sites: a sum over the item's (few) level rows.
  const onHand = atSite
    ? 'COALESCE(l.on_hand, 0)'
    : '(SELECT COALESCE(SUM(s.on_hand), 0) FROM stock_levels s WHERE s.item_id = i.id)';
  const join = atSite ? 'LEFT JOIN stock_levels l ON l.item_id = i.id AND l.site_id = ?' : '';
  const joinParams = atSite ? [query.siteId] : [];
  const pattern = query.search ? likeContains(query.search) : undefined;
  const filters = new Filters()
    .when(query.type, 'i.type = ?')
    .when(query.active, 'i.active = ?', query.active ? 1 : 0)
    .when(
      pattern,
      `(i.name_key LIKE ? ESCAPE '\\' OR i.sku_key LIKE ? ESCAPE '\\'
        OR i.id IN (SELECT item_id FROM item_barcodes WHERE barcode = ?))`,
      pattern,
      pattern,
      query.search,
    )
    .whenTrue(query.belowReorderPoint, `i.type = 'inventory' AND ${onHand} < i.reorder_point`);
  // The stock level is needed to choose the page only when it filters or sorts; otherwise the page is
  // chosen from the items' indexes alone and only its 100 rows are joined (a deep offset stays cheap).
  const levelChoosesPage = query.belowReorderPoint === true || query.sort === 'onHand';
  const pageJoin = levelChoosesPage ? join : '';
  const pageParams = [...(levelChoosesPage ? joinParams : []), ...filters.params];
  const total = one<{ n: number }>(db, `SELECT COUNT(*) AS n FROM items i ${pageJoin} ${filters.clause}`, ...pageParams)?.n ?? 0;
  const direction = query.direction === 'desc' ? 'DESC' : 'ASC';
  const orderBy = sortColumns[query.sort].map((c) => `${c} ${direction}`).join(', ');
  const rows = all<ItemRow>(
    db,
    `WITH page AS (
       SELECT i.rowid AS rid ${levelChoosesPage ? `, ${onHand} AS on_hand` : ''}
         FROM items i ${pageJoin} ${filters.clause}
        ORDER BY ${orderBy} LIMIT ? OFFSET ?)
     SELECT i.*, ${onHand} AS on_hand,
            (SELECT group_concat(b.barcode, char(10)) FROM item_barcodes b WHERE b.item_id = i.id) AS barcodes
       FROM page JOIN items i ON i.rowid = page.rid ${join}
      ORDER BY ${orderBy}`,
    ...pageParams,
    query.limit,
    query.offset,
    ...joinParams,
  );
  const low = lowItemIds(db, rows.map((r) => r.id), query.siteId);
  return { total, rows: rows.map((r) => toItem(r, r.barcodes ? r.barcodes.split('\n').sort() : [], low.has(r.id))) };
}
