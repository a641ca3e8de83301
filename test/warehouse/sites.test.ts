import { describe, expect, it } from 'vitest';
import { startWarehouse } from './harness';
import { stockedWarehouse } from './fixtures';

describe('deactivating a site', () => {
  it('refuses while the site holds stock or is the default, then deactivates and reactivates it', async () => {
    const w = startWarehouse();
    const { bolt, yard } = await stockedWarehouse(w);
    await w.call('stock.adjust', { itemId: bolt.id, qtyDiff: '5', reason: 'opening stock' });
    await w.call('stock.transfer', { itemId: bolt.id, fromSiteId: 'main', toSiteId: yard.id, qty: '2' });

    const before = w.dump();
    const holding = await w.refuse('sites.update', { id: yard.id, active: false });
    expect(holding).toMatchObject({ code: 'refused', field: 'active' });
    expect(holding.message).toBe('Yard still holds stock of 1 item; transfer or adjust it to zero before deactivating the site.');
    const main = await w.refuse('sites.update', { id: 'main', active: false });
    expect(main).toMatchObject({ code: 'refused', field: 'active' });
    expect(main.message).toContain('Main warehouse is the default site');
    expect(w.dump()).toEqual(before);

    await w.call('stock.transfer', { itemId: bolt.id, fromSiteId: yard.id, toSiteId: 'main', qty: '2' });
    const off = await w.call('sites.update', { id: yard.id, active: false });
    expect(off).toMatchObject({ name: 'Yard', active: false });
    // Existing callers still see every site; a picker asks for the active ones.
    expect((await w.call('sites.list', {})).map((s) => [s.name, s.active])).toEqual([
      ['Main warehouse', true],
      ['Yard', false],
    ]);
    expect((await w.call('sites.list', { active: true })).map((s) => s.name)).toEqual(['Main warehouse']);
    expect((await w.call('sites.list', { active: false })).map((s) => s.name)).toEqual(['Yard']);

    const back = await w.call('sites.update', { id: yard.id, active: true });
    expect(back.active).toBe(true);
    expect((await w.call('sites.list', { active: true })).map((s) => s.name)).toEqual(['Main warehouse', 'Yard']);
  });

  it('names the active setting in words when it is not a yes or no', async () => {
    const w = startWarehouse();
    const error = await w.refuse('sites.update', { id: 'main', active: 'no' as unknown as boolean });
    expect(error).toMatchObject({ code: 'invalid_input', field: 'active', message: 'Turn the site’s active setting on or off.' });
  });
});

describe('an inactive site takes no new work', () => {
  it('refuses movements, transfers at either end, counts, picking orders, picks, purchase orders and receipts there, naming the site; reading stays', async () => {
    const w = startWarehouse();
    const { bolt, yard, customer, vendor } = await stockedWarehouse(w);
    // Work started while Yard was active: an open count, an order and a PO waiting to be picked and received.
    await w.call('stock.adjust', { itemId: bolt.id, qtyDiff: '5', reason: 'opening stock' });
    await w.call('stock.transfer', { itemId: bolt.id, fromSiteId: 'main', toSiteId: yard.id, qty: '2' });
    const order = await w.call('orders.create', { customerId: customer.id, siteId: yard.id, lines: [{ itemId: bolt.id, qty: '1' }] });
    const po = await w.call('purchaseOrders.create', { vendorId: vendor.id, siteId: yard.id, lines: [{ itemId: bolt.id, qty: '4' }] });
    const count = await w.call('counts.start', { siteId: yard.id });
    await w.call('stock.transfer', { itemId: bolt.id, fromSiteId: yard.id, toSiteId: 'main', qty: '2' });
    await w.call('sites.update', { id: yard.id, active: false });

    const before = w.dump();
    const refusals = [
      [await w.refuse('stock.adjust', { itemId: bolt.id, siteId: yard.id, qtyDiff: '1', reason: 'found' }), 'siteId', 'no stock moves in or out of an inactive site'],
      [await w.refuse('stock.transfer', { itemId: bolt.id, fromSiteId: 'main', toSiteId: yard.id, qty: '1' }), 'toSiteId', 'no stock moves in or out'],
      [await w.refuse('stock.transfer', { itemId: bolt.id, fromSiteId: yard.id, toSiteId: 'main', qty: '1' }), 'fromSiteId', 'no stock moves in or out'],
      [await w.refuse('counts.start', { siteId: yard.id }), 'siteId', 'an inactive site is not counted'],
      [await w.refuse('counts.enter', { countId: count.id, itemId: bolt.id, counted: '3' }), 'countId', 'an inactive site is not counted'],
      [await w.refuse('counts.post', { countId: count.id }), 'countId', 'an inactive site is not counted'],
      [await w.refuse('orders.create', { customerId: customer.id, siteId: yard.id, lines: [{ itemId: bolt.id, qty: '1' }] }), 'siteId', 'takes no picking orders'],
      [await w.refuse('orders.pick', { orderId: order.id, itemId: bolt.id, qty: '1' }), 'orderId', 'nothing is picked at an inactive site'],
      [await w.refuse('purchaseOrders.create', { vendorId: vendor.id, siteId: yard.id, lines: [{ itemId: bolt.id, qty: '1' }] }), 'siteId', 'takes no purchase orders'],
      [await w.refuse('purchaseOrders.receive', { purchaseOrderId: po.id, lines: [{ lineId: po.lines[0]?.id ?? '', qty: '1' }] }), 'purchaseOrderId', 'nothing is received at an inactive site'],
    ] as const;
    for (const [error, field, words] of refusals) {
      expect(error).toMatchObject({ code: 'refused', field });
      expect(error.message).toMatch(/^Yard is inactive, and /);
      expect(error.message).toContain(words);
      expect(error.message).toContain('Make it active again in Settings → Sites first.');
    }
    // Moving an order or a PO to the inactive site is refused too.
    const mainPo = await w.call('purchaseOrders.create', { vendorId: vendor.id, lines: [{ itemId: bolt.id, qty: '1' }] });
    expect(await w.refuse('purchaseOrders.update', { id: mainPo.id, siteId: yard.id })).toMatchObject({ code: 'refused', field: 'siteId' });
    const mainOrder = await w.call('orders.create', { customerId: customer.id, lines: [{ itemId: bolt.id, qty: '1' }] });
    const moved = await w.refuse('orders.update', { id: mainOrder.id, customerId: customer.id, siteId: yard.id, lines: [{ itemId: bolt.id, qty: '1' }] });
    expect(moved).toMatchObject({ code: 'refused', field: 'siteId' });

    // Nothing at Yard changed, and its history, the order, the PO and the count are still read.
    const yardRows = (dump: Record<string, unknown[]>) => (dump.stock_movements ?? []).filter((r) => String(r).includes(yard.id));
    expect(yardRows(w.dump())).toEqual(yardRows(before));
    expect((await w.call('stock.movements', { siteId: yard.id })).rows.map((m) => m.qty)).toEqual(['-2', '2']);
    expect((await w.call('orders.get', { id: order.id })).status).toBe('open');
    expect((await w.call('purchaseOrders.get', { id: po.id })).lines[0]?.received).toBe('0');
    expect((await w.call('counts.get', { id: count.id })).status).toBe('open');
    // Closing what was left there is still allowed, and once active again the work goes on.
    expect((await w.call('orders.close', { orderId: order.id })).status).toBe('closed');
    await w.call('sites.update', { id: yard.id, active: true });
    await w.call('purchaseOrders.receive', { purchaseOrderId: po.id, lines: [{ lineId: po.lines[0]?.id ?? '', qty: '1' }] });
    expect((await w.call('purchaseOrders.get', { id: po.id })).lines[0]?.received).toBe('1');
  });
});
