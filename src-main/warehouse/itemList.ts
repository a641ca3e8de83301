/** items.list: one filtered, sorted page over the catalogue, with on-hand at a site or across sites. */
import type { Item, ItemListQuery } from '../../src-shared/ipc';
import type { Db } from '../db';
import { toItem, type ItemRow } from './itemsRepo';
import { all, Filters, likeContains, one } from './sql';

const sortColumns: Record<ItemListQuery['sort'], string> = {
  name: 'i.name_key',
  sku: 'i.sku_key',
  updatedAt: 'i.updated_at',
  onHand: 'on_hand',
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
  const from = `FROM items i ${join} ${filters.clause}`;
  const params = [...joinParams, ...filters.params];
  const countFrom = query.belowReorderPoint ? from : `FROM items i ${filters.clause}`;
  const countParams = query.belowReorderPoint ? params : filters.params;
  const total = one<{ n: number }>(db, `SELECT COUNT(*) AS n ${countFrom}`, ...countParams)?.n ?? 0;
  const direction = query.direction === 'desc' ? 'DESC' : 'ASC';
  const rows = all<ItemRow>(
    db,
    `SELECT i.*, ${onHand} AS on_hand,
            (SELECT group_concat(b.barcode, char(10)) FROM item_barcodes b WHERE b.item_id = i.id) AS barcodes
       ${from}
      ORDER BY ${sortColumns[query.sort]} ${direction}, i.name_key ${direction}, i.id
      LIMIT ? OFFSET ?`,
    ...params,
    query.limit,
    query.offset,
  );
  return { total, rows: rows.map((r) => toItem(r, r.barcodes ? r.barcodes.split('\n').sort() : [])) };
}
