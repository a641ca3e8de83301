import { describe, expect, it } from 'vitest';
import { AppError, type Settings } from '../../../src-shared/ipc';
import { openDatabase, readSettings, writeSettings } from '../../../src-main/db';
import { statusFromLines } from '../../../src-main/warehouse/orderPosting';
import type { OrderLineRow } from '../../../src-main/warehouse/ordersRepo';
import { adjustStock, closeOrder, createCustomer, createItem, createPickingOrder, pickOrder, postOrders } from '../../../src-main/warehouse';

let next = 0;
const effects = { clock: { now: () => new Date('2026-03-31T09:00:00Z') }, ids: { uuid: () => `id-${++next}` } };

const line = (ordered: number, picked: number, invoiced = 0, cancelled = 0): OrderLineRow => ({
  id: `l${++next}`,
  order_id: 'o',
  line_no: 1,
  item_id: 'i',
  item_name: 'Bolt',
  ordered,
  picked,
  invoiced,
  cancelled,
  qbo_line_ref: null,
});

describe('picking order status from its lines', () => {
  it('is open before anything is picked, picking once something is, picked when every line is', () => {
    expect(statusFromLines([line(5, 0), line(2, 0)])).toBe('open');
    expect(statusFromLines([line(5, 3), line(2, 0)])).toBe('picking');
    expect(statusFromLines([line(5, 5), line(2, 2)])).toBe('picked');
  });

  it('is picked when a partial order is closed with something picked, closed when nothing was', () => {
    expect(statusFromLines([line(5, 3, 0, 2)])).toBe('picked');
    expect(statusFromLines([line(5, 0, 0, 5)])).toBe('closed');
  });

  it('is open again for a back order whose picked part was invoiced, posted when the rest is cancelled', () => {
    expect(statusFromLines([line(5, 3, 3)])).toBe('open');
    expect(statusFromLines([line(5, 3, 3, 2)])).toBe('posted');
  });
});

function orderWorld(patch: Partial<Settings>) {
  const db = openDatabase(':memory:').db;
  writeSettings(db, { ...readSettings(db), ...patch }, effects.clock.now());
  const bolt = createItem(db, effects, { name: 'Bolt', barcodes: ['B1'] }).id;
  adjustStock(db, effects, { itemId: bolt, qtyDiff: '100', reason: 'opening stock' });
  const customerId = createCustomer(db, effects, { displayName: 'Acme' }).id;
  const order = createPickingOrder(db, effects, { number: 'SO-1', customerId, lines: [{ itemId: bolt, qty: '10' }] });
  const posts = () => db.prepare("SELECT payload FROM outbox WHERE kind = 'order.post'").pluck().all() as string[];
  return { db, bolt, order, posts };
}

describe('posting picked orders', () => {
  it('posts at once when Manual Posting is off', () => {
    const w = orderWorld({ manualPosting: false });
    const done = pickOrder(w.db, effects, { orderId: w.order.id, barcode: 'B1', qty: '10' });
    expect(done.status).toBe('posted');
    expect(w.posts().map((p) => JSON.parse(p) as unknown)).toEqual([
      { postAs: 'invoice', lines: [{ lineId: done.lines[0]?.id, itemId: w.bolt, qty: '10' }] },
    ]);
  });

  it('waits for orders.post when Manual Posting is on', () => {
    const w = orderWorld({ manualPosting: true });
    expect(pickOrder(w.db, effects, { orderId: w.order.id, itemId: w.bolt, qty: '10' }).status).toBe('picked');
    expect(w.posts()).toHaveLength(0);
    expect(postOrders(w.db, effects, {}).posted).toMatchObject([{ number: 'SO-1', status: 'posted', lines: 1 }]);
    expect(w.posts()).toHaveLength(1);
  });

  it('refuses to post a partly picked order when Partial Invoices is off, and says why', () => {
    const w = orderWorld({ manualPosting: true, partialInvoices: false });
    pickOrder(w.db, effects, { orderId: w.order.id, itemId: w.bolt, qty: '4' });
    expect(() => postOrders(w.db, effects, { orderId: w.order.id })).toThrow(/not fully picked.*Partial Invoices/);
    expect(w.posts()).toHaveLength(0);
  });

  it('invoices what was picked and keeps the rest as a back order when Partial Invoices is on', () => {
    const w = orderWorld({ manualPosting: true, partialInvoices: true });
    pickOrder(w.db, effects, { orderId: w.order.id, itemId: w.bolt, qty: '4' });
    const [posted] = postOrders(w.db, effects, { orderId: w.order.id }).posted;
    expect(posted?.status).toBe('open');
    expect(w.posts().map((p) => JSON.parse(p) as { lines: { qty: string }[] })[0]?.lines[0]?.qty).toBe('4');
    // The rest is picked later and posted on its own.
    pickOrder(w.db, effects, { orderId: w.order.id, itemId: w.bolt, qty: '6' });
    postOrders(w.db, effects, {});
    expect(w.posts().map((p) => (JSON.parse(p) as { lines: { qty: string }[] }).lines[0]?.qty)).toEqual(['4', '6']);
  });

  it('sends a closed partial order for invoicing with what was picked, the rest cancelled', () => {
    const w = orderWorld({ manualPosting: false });
    pickOrder(w.db, effects, { orderId: w.order.id, itemId: w.bolt, qty: '3.5' });
    const closed = closeOrder(w.db, effects, { orderId: w.order.id });
    expect(closed.status).toBe('posted');
    expect(closed.lines[0]).toMatchObject({ picked: '3.5', cancelled: '6.5', remaining: '0' });
    expect(w.posts()).toHaveLength(1);
  });

  it('refuses to pick more than remains, or to pick a posted order', () => {
    const w = orderWorld({ manualPosting: false });
    expect(() => pickOrder(w.db, effects, { orderId: w.order.id, itemId: w.bolt, qty: '11' })).toThrow(/Only 10 of "Bolt" remain/);
    pickOrder(w.db, effects, { orderId: w.order.id, itemId: w.bolt, qty: '10' });
    const again = () => pickOrder(w.db, effects, { orderId: w.order.id, itemId: w.bolt, qty: '1' });
    expect(again).toThrow(AppError);
    expect(again).toThrow(/is posted/);
  });
});
