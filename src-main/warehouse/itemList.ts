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

/** ORDER BY per sort on items `i` (and its item_stock row `s`); name_key is unique, so it settles every tie. */
const sortColumns: Record<ItemListQuery['sort'], string[]> = {
  name: ['i.name_key'],
  sku: ['i.sku_key', 'i.name_key'],
  type: ['i.type', 'i.name_key'],
  updatedAt: ['i.updated_at', 'i.name_key'],
  onHand: ['COALESCE(s.on_hand, 0)', 'i.name_key'],
};

/** An item with no item_stock row at a scope has 0 on hand there: below its point exactly when it has one. */
const watchedItem = `i.type = 'inventory' AND i.reorder_point > 0`;
/**
 * Below the reorder point, for items `i` left-joined to their row `s` at the scope. The unary + keeps the
 * planner walking the sort's index (most items are inventory items) instead of gathering and sorting them.
 */
const belowPoint = `+i.type = 'inventory' AND COALESCE(s.on_hand, 0) < i.reorder_point`;
const stockJoin = 'LEFT JOIN item_stock s ON s.item_id = i.id AND s.scope = ?';

/** The request's filters on items `i`, the below-point one left to the caller. */
function itemFilters(query: ItemListQuery): Filters {
  const pattern = query.search ? likeContains(query.search) : undefined;
  return new Filters()
    .when(query.type, 'i.type = ?')
    .when(query.active, 'i.active = ?', query.active ? 1 : 0)
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
    const filters = itemFilters(query);
    return count(db, `SELECT COUNT(*) AS n FROM items i ${filters.clause}`, ...filters.params);
  }
  if (query.search) {
    const filters = itemFilters(query).whenTrue(true, belowPoint);
    return count(db, `SELECT COUNT(*) AS n FROM items i ${stockJoin} ${filters.clause}`, scope, ...filters.params);
  }
  const watched = itemFilters(query).whenTrue(true, watchedItem);
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
  /** Counted only when a page starts after the segment's first row. */
  size: () => number;
  ids: (limit: number, offset: number) => string[];
}

/**
 * The ids of [offset, offset + limit) of the segments laid end to end. A segment is counted only when
 * the page starts further on (counting reads an index; skipping rows one by one may probe each).
 */
function slice(segments: Segment[], offset: number, limit: number): string[] {
  const ids: string[] = [];
  let skip = offset;
  for (const segment of segments) {
    if (skip > 0) {
      const size = segment.size();
      if (skip >= size) {
        skip -= size;
        continue;
      }
    }
    ids.push(...segment.ids(limit - ids.length, skip));
    if (ids.length >= limit) break;
    skip = 0;
  }
  return ids;
}

const idsOf = (rows: { id: string }[]) => rows.map((r) => r.id);

/** Sorted by on-hand: the negative rows, the items without a row (0 on hand) by name, the positive rows. */
function byOnHand(db: Db, query: ItemListQuery, scope: string, total: number): string[] {
  const dir = query.direction === 'desc' ? 'DESC' : 'ASC';
  const rows = (sign: '<' | '>'): Segment => {
    const filters = rowFilters(query, scope).whenTrue(true, `s.on_hand ${sign} 0`).whenTrue(query.belowReorderPoint, 's.below = 1');
    let size: number | undefined;
    return {
      size: () => (size ??= count(db, `SELECT COUNT(*) AS n FROM item_stock s ${filters.clause}`, ...filters.params)),
      ids: (limit, offset) =>
        idsOf(all(db, `SELECT s.item_id AS id FROM item_stock s ${filters.clause} ORDER BY s.on_hand ${dir}, s.name_key ${dir} LIMIT ? OFFSET ?`, ...filters.params, limit, offset)),
    };
  };
  const negative = rows('<');
  const positive = rows('>');
  const zero = itemFilters(query)
    .whenTrue(query.belowReorderPoint, watchedItem)
    .when(scope, 'NOT EXISTS (SELECT 1 FROM item_stock s WHERE s.item_id = i.id AND s.scope = ?)');
  const none: Segment = {
    size: () => total - negative.size() - positive.size(),
    ids: (limit, offset) =>
      idsOf(all(db, `SELECT i.id FROM items i ${query.belowReorderPoint ? 'INDEXED BY items_watched' : ''} ${zero.clause} ORDER BY i.name_key ${dir} LIMIT ? OFFSET ?`, ...zero.params, limit, offset)),
  };
  return slice(dir === 'ASC' ? [negative, none, positive] : [positive, none, negative], query.offset, query.limit);
}

/** Any other sort (or a search): the items' own order, each candidate's stock row probed by key. */
function byItemOrder(db: Db, query: ItemListQuery, scope: string): string[] {
  const stock = query.belowReorderPoint === true || query.sort === 'onHand';
  const filters = itemFilters(query).whenTrue(query.belowReorderPoint, belowPoint);
  const direction = query.direction === 'desc' ? 'DESC' : 'ASC';
  const orderBy = sortColumns[query.sort].map((c) => `${c} ${direction}`).join(', ');
  return idsOf(
    all(
      db,
      `SELECT i.id FROM items i ${stock ? stockJoin : ''} ${filters.clause} ORDER BY ${orderBy} LIMIT ? OFFSET ?`,
      ...(stock ? [scope] : []),
      ...filters.params,
      query.limit,
      query.offset,
    ),
  );
}

export function listItems(db: Db, query: ItemListQuery): { rows: Item[]; total: number } {
  const scope = query.siteId ?? allSites;
  const total = countMatches(db, query, scope);
  if (query.offset >= total) return { total, rows: [] };
  const ids = query.sort === 'onHand' && !query.search ? byOnHand(db, query, scope, total) : byItemOrder(db, query, scope);
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
