/**
 * items.list: one filtered, sorted page over the catalogue, with on-hand at a site or across sites.
 *
 * Stock comes from item_stock (itemStock.ts), which holds each item's non-zero on-hand per site and
 * across all sites ('*') beside the item's list columns and its reorder state, so a page chosen by stock
 * is read from an index: a list sorted by on-hand is the negative rows, then the items with no row (0 on
 * hand) by name, then the positive rows; the below-reorder-point count is the items with a reorder
 * point, less the rows at or above it, plus the rows below a point of zero. A text search already reads
 * every name, so with one the page is chosen by probing each match's row instead.
 */
import type { Item, ItemListQuery } from '../../src-shared/ipc';
import type { Db } from '../db';
import { toItem, type ItemRow } from './itemsRepo';
import { allSites } from './itemStock';
import { all, Filters, likeContains, one } from './sql';
import { lowItemIds } from './stockPosition';

/** An item's first barcode, as the list shows it. */
const firstBarcode = '(SELECT MIN(x.barcode) FROM item_barcodes x WHERE x.item_id = i.id)';

/** ORDER BY per sort on items `i` (and its item_stock row `s`); name_key is unique, so it settles every tie. */
const sortColumns: Record<ItemListQuery['sort'], string[]> = {
  name: ['i.name_key'],
  sku: ['i.sku_key', 'i.name_key'],
  type: ['i.type', 'i.name_key'],
  updatedAt: ['i.updated_at', 'i.name_key'],
  onHand: ['COALESCE(s.on_hand, 0)', 'i.name_key'],
  barcode: [firstBarcode, 'i.name_key'],
};

function orderBy(query: ItemListQuery): string {
  const direction = query.direction === 'desc' ? 'DESC' : 'ASC';
  const columns = sortColumns[query.sort].map((c) => `${c} ${direction}`);
  // Items without a barcode come last either way, as blank cells do in a spreadsheet.
  return (query.sort === 'barcode' ? [`${firstBarcode} IS NULL`, ...columns] : columns).join(', ');
}

/** An item with no item_stock row at a scope has 0 on hand there: below its point exactly when it has one. */
const watchedItem = `i.type = 'inventory' AND i.reorder_point > 0`;
/**
 * Below the reorder point, for items `i` left-joined to their row `s` at the scope. The unary + keeps the
 * planner walking the sort's index (most items are inventory items) instead of gathering and sorting them.
 */
const belowPoint = `+i.type = 'inventory' AND COALESCE(s.on_hand, 0) < i.reorder_point`;
const stockJoin = 'LEFT JOIN item_stock s ON s.item_id = i.id AND s.scope = ?';

/**
 * The request's filters on items `i`, the below-point one left to the caller. `checked` marks type and
 * active with a unary + so the planner does not choose their indexes: a page then walks its sort's index
 * (or the covering items_search) and checks them on the way, instead of gathering every active item and
 * sorting them; counts leave them unmarked to count from those indexes, except with a search.
 */
function itemFilters(query: ItemListQuery, checked = true): Filters {
  const pattern = query.search ? likeContains(query.search) : undefined;
  const plus = checked ? '+' : '';
  return new Filters()
    .when(query.type, `${plus}i.type = ?`)
    .when(query.active, `${plus}i.active = ?`, query.active ? 1 : 0)
    .when(
      pattern,
      `(i.name_key LIKE ? ESCAPE '\\' OR i.sku_key LIKE ? ESCAPE '\\'
        OR i.id IN (SELECT item_id FROM item_barcodes WHERE barcode = ?))`,
      pattern,
      pattern,
      query.search,
    );
}

/** The same filters (no search) on item_stock rows `s` at the scope, from the item columns copied there. */
function rowFilters(query: ItemListQuery, scope: string): Filters {
  return new Filters()
    .when(scope, 's.scope = ?')
    .when(query.type, 's.type = ?')
    .when(query.active, 's.active = ?', query.active ? 1 : 0);
}

function count(db: Db, sql: string, ...params: unknown[]): number {
  return one<{ n: number }>(db, sql, ...params)?.n ?? 0;
}

function countMatches(db: Db, query: ItemListQuery, scope: string): number {
  if (!query.belowReorderPoint) {
    const filters = itemFilters(query, query.search !== undefined);
    return count(db, `SELECT COUNT(*) AS n FROM items i ${filters.clause}`, ...filters.params);
  }
  if (query.search) {
    const filters = itemFilters(query).whenTrue(true, belowPoint);
    return count(db, `SELECT COUNT(*) AS n FROM items i ${stockJoin} ${filters.clause}`, scope, ...filters.params);
  }
  const watched = itemFilters(query, false).whenTrue(true, watchedItem);
  const atOrAbove = rowFilters(query, scope).whenTrue(true, 's.watched = 1 AND s.below = 0');
  const belowZero = rowFilters(query, scope).whenTrue(true, 's.watched = 0 AND s.below = 1');
  return count(
    db,
    `SELECT (SELECT COUNT(*) FROM items i INDEXED BY items_watched ${watched.clause})
          - (SELECT COUNT(*) FROM item_stock s ${atOrAbove.clause})
          + (SELECT COUNT(*) FROM item_stock s ${belowZero.clause}) AS n`,
    ...watched.params,
    ...atOrAbove.params,
    ...belowZero.params,
  );
}

interface Segment {
  /** How many rows it holds: asked only when a page starts past its first row. */
  size: () => number;
  /** Count before reading when a page starts inside or past it: cheaper than reading past rows one by one. */
  countFirst: boolean;
  ids: (limit: number, offset: number) => string[];
}

/** The ids of [offset, offset + limit) of the segments laid end to end, reading only the segments it touches. */
function slice(segments: Segment[], offset: number, limit: number): string[] {
  const ids: string[] = [];
  let skip = offset;
  for (const segment of segments) {
    if (skip > 0 && segment.countFirst) {
      const size = segment.size();
      if (skip >= size) {
        skip -= size;
        continue;
      }
    }
    const got = segment.ids(limit - ids.length, skip);
    ids.push(...got);
    if (ids.length >= limit) break;
    // An empty read at an offset means the page starts past this segment's end.
    skip = got.length > 0 || skip === 0 ? 0 : skip - segment.size();
  }
  return ids;
}

interface SegmentSql {
  /** The item id's column, the FROM clause (with `?` for `params`), the rows kept, their order. */
  id: string;
  from: string;
  params?: unknown[];
  filters: Filters;
  order: string;
  countFirst: boolean;
}

/** A segment over the given rows, counted from the same rows. */
function segment(db: Db, { id, from, params = [], filters, order, countFirst }: SegmentSql): Segment {
  let size: number | undefined;
  return {
    countFirst,
    size: () => (size ??= count(db, `SELECT COUNT(*) AS n FROM ${from} ${filters.clause}`, ...params, ...filters.params)),
    ids: (limit, offset) =>
      idsOf(all(db, `SELECT ${id} AS id FROM ${from} ${filters.clause} ORDER BY ${order} LIMIT ? OFFSET ?`, ...params, ...filters.params, limit, offset)),
  };
}

const idsOf = (rows: { id: string }[]) => rows.map((r) => r.id);

/** Sorted by on-hand: the negative rows, the items without a row (0 on hand) by name, the positive rows. */
function byOnHand(db: Db, query: ItemListQuery, scope: string, total: number): string[] {
  const dir = query.direction === 'desc' ? 'DESC' : 'ASC';
  const rows = (sign: '<' | '>') =>
    segment(db, {
      id: 's.item_id',
      from: 'item_stock s',
      filters: rowFilters(query, scope).whenTrue(true, `s.on_hand ${sign} 0`).whenTrue(query.belowReorderPoint, 's.below = 1'),
      order: `s.on_hand ${dir}, s.name_key ${dir}`,
      countFirst: true,
    });
  const negative = rows('<');
  const positive = rows('>');
  const zero = itemFilters(query)
    .whenTrue(query.belowReorderPoint, watchedItem)
    .when(scope, 'NOT EXISTS (SELECT 1 FROM item_stock s WHERE s.item_id = i.id AND s.scope = ?)');
  const from = `items i ${query.belowReorderPoint ? 'INDEXED BY items_watched' : ''}`;
  const none = segment(db, { id: 'i.id', from, filters: zero, order: `i.name_key ${dir}`, countFirst: true });
  none.size = () => total - negative.size() - positive.size();
  return slice(dir === 'ASC' ? [negative, none, positive] : [positive, none, negative], query.offset, query.limit);
}

/**
 * Sorted by barcode: the items with one, walked in barcode order (each at its first barcode), then the
 * items without one by name. The first part is read before it is counted: counting it visits every item.
 */
function byBarcode(db: Db, query: ItemListQuery, scope: string): string[] {
  const dir = query.direction === 'desc' ? 'DESC' : 'ASC';
  const stock = query.belowReorderPoint ? stockJoin : '';
  const params = query.belowReorderPoint ? [scope] : [];
  const coded = itemFilters(query)
    .whenTrue(query.belowReorderPoint, belowPoint)
    .whenTrue(true, 'b.barcode = (SELECT MIN(x.barcode) FROM item_barcodes x WHERE x.item_id = b.item_id)');
  const blank = itemFilters(query)
    .whenTrue(query.belowReorderPoint, belowPoint)
    .whenTrue(true, 'NOT EXISTS (SELECT 1 FROM item_barcodes x WHERE x.item_id = i.id)');
  return slice(
    [
      segment(db, { id: 'i.id', from: `item_barcodes b CROSS JOIN items i ON i.id = b.item_id ${stock}`, params, filters: coded, order: `b.barcode ${dir}`, countFirst: false }),
      segment(db, { id: 'i.id', from: `items i ${stock}`, params, filters: blank, order: `i.name_key ${dir}`, countFirst: false }),
    ],
    query.offset,
    query.limit,
  );
}

/**
 * Any other sort (or a search): the items' own order, each candidate's stock row probed by key. With a
 * search the page also carries the number of matches (a window count), so the names are read once; that
 * count needs every match, so without a search the page is read alone and stops after its last row.
 */
function byItemOrder(db: Db, query: ItemListQuery, scope: string): { ids: string[]; total: number | undefined } {
  const counted = query.search !== undefined;
  const stock = query.belowReorderPoint === true || query.sort === 'onHand';
  const filters = itemFilters(query).whenTrue(query.belowReorderPoint, belowPoint);
  const rows = all<{ id: string; n: number }>(
    db,
    `SELECT i.id${counted ? ', COUNT(*) OVER () AS n' : ''} FROM items i ${stock ? stockJoin : ''} ${filters.clause} ORDER BY ${orderBy(query)} LIMIT ? OFFSET ?`,
    ...(stock ? [scope] : []),
    ...filters.params,
    query.limit,
    query.offset,
  );
  return { ids: idsOf(rows), total: counted ? rows[0]?.n : undefined };
}

/**
 * Below the reorder point by name: the watched items not at or above their point there (read in name
 * order from items_watched) merged with the rows below a point of zero; no other item is visited.
 */
function belowByName(db: Db, query: ItemListQuery, scope: string): string[] {
  const dir = query.direction === 'desc' ? 'DESC' : 'ASC';
  const watched = itemFilters(query)
    .whenTrue(true, watchedItem)
    .when(scope, 'NOT EXISTS (SELECT 1 FROM item_stock s WHERE s.item_id = i.id AND s.scope = ? AND s.below = 0)');
  const belowZero = rowFilters(query, scope).whenTrue(true, 's.watched = 0 AND s.below = 1');
  return idsOf(
    all(
      db,
      `SELECT i.id AS id, i.name_key AS k FROM items i INDEXED BY items_watched ${watched.clause}
       UNION ALL SELECT s.item_id, s.name_key FROM item_stock s ${belowZero.clause}
       ORDER BY k ${dir} LIMIT ? OFFSET ?`,
      ...watched.params,
      ...belowZero.params,
      query.limit,
      query.offset,
    ),
  );
}

/** The page's ids in order, and the number of matches. */
function choosePage(db: Db, query: ItemListQuery, scope: string): { ids: string[]; total: number } {
  if (query.search) {
    // A search has few matches and reads every name to find them: count them on the same pass.
    const page = byItemOrder(db, query, scope);
    return { ids: page.ids, total: page.total ?? countMatches(db, query, scope) };
  }
  const total = countMatches(db, query, scope);
  if (query.offset >= total) return { ids: [], total };
  if (query.sort === 'onHand') return { ids: byOnHand(db, query, scope, total), total };
  if (query.sort === 'barcode') return { ids: byBarcode(db, query, scope), total };
  if (query.sort === 'name' && query.belowReorderPoint) return { ids: belowByName(db, query, scope), total };
  return { ids: byItemOrder(db, query, scope).ids, total };
}

export function listItems(db: Db, query: ItemListQuery): { rows: Item[]; total: number } {
  const scope = query.siteId ?? allSites;
  const { ids, total } = choosePage(db, query, scope);
  if (ids.length === 0) return { total, rows: [] };
  const rows = all<ItemRow & { barcodes: string | null }>(
    db,
    `SELECT i.*, COALESCE(s.on_hand, 0) AS on_hand,
            (SELECT group_concat(b.barcode, char(10)) FROM item_barcodes b WHERE b.item_id = i.id) AS barcodes
       FROM json_each(?) j JOIN items i ON i.id = j.value ${stockJoin}
      ORDER BY j.key`,
    JSON.stringify(ids),
    scope,
  );
  const low = lowItemIds(db, ids, query.siteId);
  return { total, rows: rows.map((r) => toItem(r, r.barcodes ? r.barcodes.split('\n').sort() : [], low.has(r.id))) };
}
