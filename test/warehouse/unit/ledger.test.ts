import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src-shared/ipc';
import { formatQuantity, parseQuantity } from '../../../src-shared/quantity';
import { openDatabase, type Db } from '../../../src-main/db';
import {
  adjustStock,
  createCustomer,
  createItem,
  createSite,
  createVendor,
} from '../../../src-main/warehouse';
import { applyStockOp } from './stockOps';

let next = 0;
const effects = { clock: { now: () => new Date('2026-03-31T09:00:00Z') }, ids: { uuid: () => `id-${++next}` } };

function warehouse() {
  const db = openDatabase(':memory:').db;
  const items = ['Bolt', 'Nut', 'Washer'].map((name) => createItem(db, effects, { name }).id);
  const sites = ['main', createSite(db, effects, { name: 'Yard' }).id];
  const customerId = createCustomer(db, effects, { displayName: 'Acme' }).id;
  const vendorId = createVendor(db, effects, { displayName: 'Supplier' }).id;
  return { db, items, sites, customerId, vendorId };
}

const qty = fc.integer({ min: 1, max: 2_000_000 }).map(formatQuantity);

/** One warehouse operation, chosen by index so the generator does not depend on generated ids. */
const operation = fc.oneof(
  fc.record({ op: fc.constant('adjust' as const), item: fc.nat(2), site: fc.nat(1), qty, sign: fc.boolean() }),
  fc.record({ op: fc.constant('transfer' as const), item: fc.nat(2), from: fc.nat(1), qty }).map((o) => ({ ...o, to: 1 - o.from })),
  fc.record({ op: fc.constant('receive' as const), item: fc.nat(2), site: fc.nat(1), qty }),
  fc.record({ op: fc.constant('pick' as const), item: fc.nat(2), site: fc.nat(1), qty }),
  fc.record({ op: fc.constant('count' as const), item: fc.nat(2), site: fc.nat(1), qty }),
);

const stockState = (db: Db) => ({
  levels: db.prepare('SELECT * FROM stock_levels ORDER BY item_id, site_id').all(),
  movements: db.prepare('SELECT COUNT(*) FROM stock_movements').pluck().get(),
  outbox: db.prepare('SELECT COUNT(*) FROM outbox').pluck().get(),
});

describe('the stock ledger', () => {
  it('keeps every level equal to the sum of its movements after any sequence of operations', () => {
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 25 }), (operations) => {
        const w = warehouse();
        for (const o of operations) {
          const before = stockState(w.db);
          try {
            applyStockOp(w, effects, o);
          } catch (error) {
            if (!(error instanceof AppError) || error.code !== 'refused') throw error;
            // A refused pick or adjustment leaves no trace in stock or outbox (the picking order it
            // was made for stays, as an order would).
            const after = stockState(w.db);
            expect(after.levels).toEqual(before.levels);
            expect(after.movements).toBe(before.movements);
            expect(after.outbox).toBe(before.outbox);
          }
        }
        const mismatches = w.db
          .prepare(
            `SELECT l.item_id, l.site_id, l.on_hand, COALESCE(SUM(m.qty), 0) AS total
               FROM stock_levels l LEFT JOIN stock_movements m ON m.item_id = l.item_id AND m.site_id = l.site_id
              GROUP BY l.item_id, l.site_id HAVING l.on_hand <> total`,
          )
          .all();
        expect(mismatches).toEqual([]);
        const negative = w.db.prepare('SELECT COUNT(*) FROM stock_levels WHERE on_hand < 0').pluck().get();
        expect(negative).toBe(0);
        const lastBalances = w.db
          .prepare(
            `SELECT COUNT(*) FROM stock_levels l JOIN stock_movements m ON m.id =
               (SELECT MAX(id) FROM stock_movements WHERE item_id = l.item_id AND site_id = l.site_id)
              WHERE m.balance_after <> l.on_hand`,
          )
          .pluck()
          .get();
        expect(lastBalances).toBe(0);
        // The company-total changes queued for QuickBooks add up to the adjustments and counts made.
        const queued = (w.db.prepare("SELECT payload FROM outbox WHERE kind = 'stock.adjust'").pluck().all() as string[])
          .map((p) => parseQuantity((JSON.parse(p) as { qtyDiff: string }).qtyDiff) ?? NaN)
          .reduce((a, b) => a + b, 0);
        const adjusted = w.db.prepare("SELECT COALESCE(SUM(qty), 0) FROM stock_movements WHERE kind IN ('adjustment', 'count')").pluck().get();
        expect(queued).toBe(adjusted);
        w.db.close();
      }),
      { numRuns: 60 },
    );
  });

  it('refuses to take stock below zero, naming the item, the site and what is on hand', () => {
    const w = warehouse();
    const [bolt = ''] = w.items;
    adjustStock(w.db, effects, { itemId: bolt, qtyDiff: '2.5', reason: 'found' });
    const attempt = () => adjustStock(w.db, effects, { itemId: bolt, qtyDiff: '-3', reason: 'damaged' });
    expect(attempt).toThrow(/Not enough "Bolt" at Main warehouse: 2\.5 on hand, 3 asked for/);
    expect(w.db.prepare('SELECT on_hand FROM stock_levels').pluck().get()).toBe(25_000);
  });

  it('lets stock go below zero when the setting allows it', () => {
    const w = warehouse();
    const [bolt = ''] = w.items;
    w.db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('sync', '{\"allowNegativeStock\":true}', 'now')").run();
    expect(adjustStock(w.db, effects, { itemId: bolt, qtyDiff: '-3', reason: 'shipped early' }).onHand).toBe('-3');
  });

  it('refuses stock movements on items that carry no stock', () => {
    const w = warehouse();
    const service = createItem(w.db, effects, { name: 'Delivery', type: 'service' });
    expect(() => adjustStock(w.db, effects, { itemId: service.id, qtyDiff: '1', reason: 'x' })).toThrow(/not an inventory item/);
  });
});
