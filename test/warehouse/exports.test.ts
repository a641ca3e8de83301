import { describe, expect, it } from 'vitest';
import { exportLists, type RequestName } from '../../src-shared/ipc';
import { csvRecords, parseCsv } from '../support/csv';
import { startWarehouse, type Warehouse } from './harness';
import { stockedWarehouse } from './fixtures';

async function busyWarehouse(w: Warehouse) {
  const s = await stockedWarehouse(w);
  const risky = await w.call('items.create', { name: '=HYPERLINK("evil.example","x")', sku: '+SUM(A1)', description: 'one, two' });
  await w.call('stock.adjust', { itemId: s.bolt.id, qtyDiff: '25', reason: 'opening stock' });
  await w.call('stock.adjust', { itemId: s.nut.id, qtyDiff: '7', reason: 'opening stock' });
  await w.call('stock.transfer', { itemId: s.bolt.id, fromSiteId: 'main', toSiteId: s.yard.id, qty: '5' });
  await w.call('items.update', { id: s.nut.id, reorderPoint: '10' });
  await w.call('orders.create', { customerId: s.customer.id, lines: [{ itemId: s.bolt.id, qty: '2' }] });
  const cheap = await w.call('purchaseOrders.create', { vendorId: s.vendor.id, lines: [{ itemId: s.nut.id, qty: '3' }] });
  const dear = await w.call('purchaseOrders.create', { vendorId: s.vendor.id, lines: [{ itemId: s.bolt.id, qty: '100' }] });
  await w.call('customers.create', { displayName: '@Home Supplies', email: 'a@home.example', phone: '-555 0101' });
  await w.call('invoices.create', { customerId: s.customer.id, lines: [{ itemId: s.bolt.id, qty: '1' }] });
  await w.call('estimates.create', { customerId: s.customer.id, lines: [{ itemId: s.nut.id, qty: '1' }] });
  return { ...s, risky, cheap, dear };
}

const listRequest: Record<(typeof exportLists)[number], RequestName> = {
  items: 'items.list',
  movements: 'stock.movements',
  orders: 'orders.list',
  purchaseOrders: 'purchaseOrders.list',
  customers: 'customers.list',
  vendors: 'vendors.list',
  invoices: 'invoices.list',
  estimates: 'estimates.list',
  lowStock: 'lowStock.list',
  valuation: 'valuation.lines',
};

describe('exporting lists to CSV', () => {
  it('exports items with their on hand at every site, in the order and filter shown, and defuses formulas', async () => {
    const w = startWarehouse();
    const { yard } = await busyWarehouse(w);
    const out = await w.call('exports.csv', { list: 'items', filter: { active: true }, sort: 'onHand', direction: 'desc' });
    expect(out.fileName).toMatch(/^shelfsync-items-\d{4}-\d{2}-\d{2}\.csv$/);
    const records = csvRecords(out.csv);
    expect(records.map((r) => [r.Name, r['On hand (all sites)'], r['On hand at Main warehouse'], r[`On hand at ${yard.name}`], r['Low stock']])).toEqual([
      ['Hex bolt M8', '25', '20', '5', 'no'],
      ['Nut M8', '7', '7', '0', 'yes'],
      ["'=HYPERLINK(\"evil.example\",\"x\")", '0', '0', '0', 'no'],
    ]);
    expect(records[2]?.SKU).toBe("'+SUM(A1)");
    const shown = await w.call('items.list', { active: true, sort: 'onHand', direction: 'desc' });
    expect(out.rows).toBe(shown.total);
    // At one site, one on-hand column for that site.
    const atYard = parseCsv((await w.call('exports.csv', { list: 'items', filter: { siteId: yard.id, search: 'bolt' } })).csv);
    expect(atYard[0]).toContain('On hand at Yard');
    expect(atYard[0]).not.toContain('On hand at Main warehouse');
    expect(atYard.slice(1).map((r) => r[0])).toEqual(['Hex bolt M8']);
  });

  it('exports every list with as many rows as the list shows', async () => {
    const w = startWarehouse();
    await busyWarehouse(w);
    for (const list of exportLists) {
      const out = await w.call('exports.csv', { list });
      const shown = (await w.call(listRequest[list], {})) as { total: number };
      expect(parseCsv(out.csv).length - 1, list).toBe(shown.total);
      expect(out.rows, list).toBe(shown.total);
      expect(shown.total, list).toBeGreaterThan(0);
    }
  });

  it('sorts movements, purchase orders and customers by their columns, and the export follows', async () => {
    const w = startWarehouse();
    const { cheap, dear } = await busyWarehouse(w);
    const byQty = await w.call('stock.movements', { sort: 'qty', direction: 'asc' });
    expect(byQty.rows.map((m) => m.qty)).toEqual(['-5', '5', '7', '25']);
    const movements = csvRecords((await w.call('exports.csv', { list: 'movements', sort: 'qty', direction: 'asc' })).csv);
    expect(movements.map((m) => m.Change)).toEqual(["'-5", '5', '7', '25']);
    const byTotal = await w.call('purchaseOrders.list', { sort: 'total', direction: 'desc' });
    expect(byTotal.rows.map((p) => p.id)).toEqual([dear.id, cheap.id]);
    const customers = csvRecords((await w.call('exports.csv', { list: 'customers', sort: 'email' })).csv);
    expect(customers.map((c) => [c.Name, c.Email, c.Phone])).toEqual([
      ["'@Home Supplies", 'a@home.example', "'-555 0101"],
      ['Acme Builders', 'orders@acme.example', ''],
    ]);
  });

  it('refuses a filter or sort the list does not have, naming it', async () => {
    const w = startWarehouse();
    await stockedWarehouse(w);
    expect(await w.refuse('exports.csv', { list: 'items', sort: 'colour' })).toMatchObject({ code: 'invalid_input', field: 'sort' });
    const unknown = await w.refuse('exports.csv', { list: 'orders', filter: { colour: 'blue' } });
    expect(unknown).toMatchObject({ field: 'filter.colour' });
    expect(unknown.message).toMatch(/^filter\.colour: /);
    expect(await w.refuse('exports.csv', { list: 'vendors', filter: { active: 'yes' } })).toMatchObject({ field: 'filter.active' });
    const paged = await w.refuse('exports.csv', { list: 'items', filter: { limit: 10 } });
    expect(paged).toMatchObject({ field: 'filter.limit' });
    expect(paged.message).toContain('every matching row');
    expect(await w.refuse('exports.csv', { list: 'bins' })).toMatchObject({ field: 'list' });
  });
});
