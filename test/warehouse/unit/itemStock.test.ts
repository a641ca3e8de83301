/**
 * item_stock (the item list's copy of stock) against the ledger: after any sequence of receipts, picks,
 * transfers, counts, adjustments, imports, item changes and reorder-level changes, the copy equals what
 * stock_levels and items say, and every filter and sort of items.list answers what a plain reading of
 * those two tables answers (the same rows, in the same order, with the same total).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError, itemListSchema, type ItemListQuery } from '../../../src-shared/ipc';
import { formatQuantity } from '../../../src-shared/quantity';
import { openDatabase, type Db } from '../../../src-main/db';
import {
  createCustomer,
  createItem,
  createSite,
  createVendor,
  importItemStock,
  listItems,
  setReorderLevels,
  updateItem,
} from '../../../src-main/warehouse';
import { applyStockOp, isStockOp } from './stockOps';

let next = 0;
const effects = { clock: { now: () => new Date('2026-03-31T09:00:00Z') }, ids: { uuid: () => `id-${++next}` } };

function warehouse() {
  const db = openDatabase(':memory:').db;
  // Negative stock allowed, so the list's negative rows are exercised too.
  db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('sync', '{\"allowNegativeStock\":true}', 'now')").run();
  const made = [
    { name: 'Bolt', sku: 'B-1', reorderPoint: '5', barcodes: ['500', '300'] },
    { name: 'nut', reorderPoint: '0', barcodes: ['400'] },
    { name: 'Washer', sku: 'A-9', reorderPoint: '2' },
    { name: 'Anchor', sku: 'Z-2', reorderPoint: '1', active: false },
    { name: 'Delivery', type: 'service' as const },
    { name: 'Hinge', sku: 'H-1', reorderPoint: '3' },
    { name: 'Strap', reorderPoint: '1' },
  ].map((input) => createItem(db, effects, input).id);
  const sites = ['main', createSite(db, effects, { name: 'Yard' }).id, createSite(db, effects, { name: 'Van' }).id];
  const customerId = createCustomer(db, effects, { displayName: 'Acme' }).id;
  const vendorId = createVendor(db, effects, { displayName: 'Supplier' }).id;
  return { db, items: made, sites, customerId, vendorId };
}

type World = ReturnType<typeof warehouse>;

const qty = fc.integer({ min: 1, max: 80_000 }).map(formatQuantity);
const item = fc.nat(6);
const site = fc.nat(2);

const operation = fc.oneof(
  fc.record({ op: fc.constant('adjust' as const), item, site, qty, sign: fc.boolean() }),
  fc.record({ op: fc.constant('transfer' as const), item, from: site, to: site, qty }),
  fc.record({ op: fc.constant('receive' as const), item, site, qty }),
  fc.record({ op: fc.constant('pick' as const), item, site, qty }),
  fc.record({ op: fc.constant('count' as const), item, site, qty: fc.oneof(qty, fc.constant('0')) }),
  fc.record({ op: fc.constant('import' as const), item, site, qty: fc.oneof(qty, fc.constant('0')) }),
  fc.record({ op: fc.constant('point' as const), item, qty: fc.oneof(qty, fc.constant('0')) }),
  fc.record({ op: fc.constant('item' as const), item, active: fc.boolean(), rename: fc.boolean(), equipment: fc.boolean() }),
  fc.record({ op: fc.constant('levels' as const), item, site, qty }),
  fc.record({ op: fc.constant('barcodes' as const), item, codes: fc.uniqueArray(fc.constantFrom('100', '200', '250', '600', '700'), { maxLength: 2 }) }),
);
type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never;

function apply(w: World, o: Operation): void {
  if (isStockOp(o)) return applyStockOp(w, effects, o);
  const itemId = w.items[o.item] ?? '';
  const siteOf = (i: number) => w.sites[i] ?? 'main';
  switch (o.op) {
    case 'import':
      importItemStock(w.db, effects, { itemId, siteId: siteOf(o.site), onHand: o.qty });
      return;
    case 'point':
      updateItem(w.db, effects, { id: itemId, reorderPoint: o.qty });
      return;
    case 'item': {
      const name = o.rename ? `${String.fromCharCode(97 + ((next * 7) % 26))}-${next}` : undefined;
      const type = o.equipment ? ('equipment' as const) : undefined;
      updateItem(w.db, effects, { id: itemId, active: o.active, ...(name ? { name } : {}), ...(type ? { type } : {}) });
      return;
    }
    case 'levels':
      setReorderLevels(w.db, effects, { itemId, siteId: siteOf(o.site), reorderPoint: o.qty });
      return;
    case 'barcodes':
      updateItem(w.db, effects, { id: itemId, barcodes: o.codes });
  }
}

interface Plain {
  id: string;
  name_key: string;
  sku_key: string | null;
  type: string;
  active: number;
  reorder_point: number;
  updated_at: string;
}

interface Snapshot {
  items: Plain[];
  levels: { item_id: string; site_id: string; on_hand: number }[];
  barcodes: { item_id: string; barcode: string }[];
}

const snapshot = (db: Db): Snapshot => ({
  items: db.prepare('SELECT id, name_key, sku_key, type, active, reorder_point, updated_at FROM items').all() as Plain[],
  levels: db.prepare('SELECT item_id, site_id, on_hand FROM stock_levels').all() as Snapshot['levels'],
  barcodes: db.prepare('SELECT item_id, barcode FROM item_barcodes').all() as Snapshot['barcodes'],
});

/** items.list as a plain reading of items and stock_levels: filter, sort and page in JavaScript. */
function expected({ items, levels, barcodes }: Snapshot, q: ItemListQuery): { ids: string[]; total: number; onHand: number[] } {
  const onHand = (id: string) =>
    levels.filter((l) => l.item_id === id && (q.siteId === undefined || l.site_id === q.siteId)).reduce((sum, l) => sum + l.on_hand, 0);
  const matches = (i: Plain, text: string) =>
    i.name_key.includes(text.toLowerCase()) || (i.sku_key ?? '').includes(text.toLowerCase()) || barcodes.some((b) => b.item_id === i.id && b.barcode === text);
  const kept = items.filter(
    (i) =>
      (q.type === undefined || i.type === q.type) &&
      (q.active === undefined || i.active === (q.active ? 1 : 0)) &&
      (q.search === undefined || matches(i, q.search)) &&
      (!q.belowReorderPoint || (i.type === 'inventory' && onHand(i.id) < i.reorder_point)),
  );
  const text = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? -1 : b === null ? 1 : a < b ? -1 : 1);
  const key: Record<ItemListQuery['sort'], (a: Plain, b: Plain) => number> = {
    name: () => 0,
    sku: (a, b) => text(a.sku_key, b.sku_key),
    type: (a, b) => text(a.type, b.type),
    updatedAt: (a, b) => text(a.updated_at, b.updated_at),
    onHand: (a, b) => onHand(a.id) - onHand(b.id),
    barcode: (a, b) => text(first(a.id), first(b.id)),
  };
  const first = (id: string) => barcodes.filter((b) => b.item_id === id).map((b) => b.barcode).sort()[0] ?? null;
  // By barcode, the items without one come last whichever the direction.
  const blanksLast = (a: Plain, b: Plain) => (q.sort === 'barcode' ? Number(first(a.id) === null) - Number(first(b.id) === null) : 0);
  const sign = q.direction === 'desc' ? -1 : 1;
  kept.sort((a, b) => blanksLast(a, b) || sign * (key[q.sort](a, b) || text(a.name_key, b.name_key)));
  const page = kept.slice(q.offset, q.offset + q.limit);
  return { ids: page.map((i) => i.id), total: kept.length, onHand: page.map((i) => onHand(i.id)) };
}

/** Every filter and sort the list offers, at each site and across all sites, in pages of 3 that start anywhere. */
function queries(w: World): ItemListQuery[] {
  const out: ItemListQuery[] = [];
  for (const siteId of [undefined, ...w.sites.slice(0, 2)])
    for (const sort of ['name', 'sku', 'type', 'updatedAt', 'onHand', 'barcode'] as const)
      for (const direction of ['asc', 'desc'] as const)
        for (const filter of [{}, { belowReorderPoint: true }, { active: true }, { type: 'inventory' as const, belowReorderPoint: true }, { active: false }, { search: 'a' }, { search: '100', belowReorderPoint: true }])
          for (const offset of [0, 2, 5])
            out.push(itemListSchema.parse({ siteId, sort, direction, ...filter, offset, limit: 3 }));
  return out;
}

const copyMismatches = (db: Db) =>
  db
    .prepare(
      `WITH truth AS (
         SELECT l.site_id AS scope, l.item_id, l.on_hand FROM stock_levels l WHERE l.on_hand <> 0
         UNION ALL
         SELECT '*', item_id, SUM(on_hand) FROM stock_levels GROUP BY item_id HAVING SUM(on_hand) <> 0),
       wanted AS (
         SELECT t.scope, t.item_id, t.on_hand, i.name_key, i.active, i.type, i.reorder_point,
                i.type = 'inventory' AND i.reorder_point > 0 AS watched, i.type = 'inventory' AND t.on_hand < i.reorder_point AS below
           FROM truth t JOIN items i ON i.id = t.item_id)
       SELECT 'missing or different' AS what, * FROM (SELECT * FROM wanted EXCEPT SELECT * FROM item_stock)
       UNION ALL
       SELECT 'extra', * FROM (SELECT * FROM item_stock EXCEPT SELECT * FROM wanted)`,
    )
    .all();

describe('the item list’s copy of stock', () => {
  it('equals the ledger and the items after any sequence of operations, and every list answers as the ledger would', () => {
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 20 }), (operations) => {
        const w = warehouse();
        for (const o of operations) {
          try {
            apply(w, o);
          } catch (error) {
            if (!(error instanceof AppError) || !['refused', 'invalid_input', 'conflict'].includes(error.code)) throw error;
          }
          expect(copyMismatches(w.db)).toEqual([]);
        }
        const tables = snapshot(w.db);
        for (const q of queries(w)) {
          const want = expected(tables, q);
          const got = listItems(w.db, q);
          const context = JSON.stringify(q);
          expect({ q: context, total: got.total, ids: got.rows.map((r) => r.id) }).toEqual({ q: context, total: want.total, ids: want.ids });
          expect(got.rows.map((r) => r.onHand)).toEqual(want.onHand.map(formatQuantity));
        }
        w.db.close();
      }),
      { numRuns: 25 },
    );
  }, 120_000);

});
