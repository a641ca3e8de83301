import { describe, expect, it } from 'vitest';
import { startWarehouse, type Warehouse } from './harness';
import { stockedWarehouse } from './fixtures';

/** Bolts: 20 on hand at the main site, reorder at 10 up to 50 there; 12 promised to an open order; 15 on a draft PO. */
async function boltsRunningLow(w: Warehouse) {
  const s = await stockedWarehouse(w);
  await w.call('stock.adjust', { itemId: s.bolt.id, qtyDiff: '20', reason: 'opening stock' });
  await w.call('reorderLevels.set', { itemId: s.bolt.id, siteId: 'main', reorderPoint: '10', reorderUpTo: '50' });
  const order = await w.call('orders.create', { customerId: s.customer.id, lines: [{ itemId: s.bolt.id, qty: '14' }] });
  await w.call('orders.pick', { orderId: order.id, itemId: s.bolt.id, qty: '2' });
  await w.call('purchaseOrders.create', { vendorId: s.vendor.id, lines: [{ itemId: s.bolt.id, qty: '15' }] });
  return { ...s, order };
}

describe('reorder levels and the Low stock list', () => {
  it('counts what open orders still need and what open POs will bring, and suggests up to the reorder-up-to level', async () => {
    const w = startWarehouse();
    const { bolt } = await boltsRunningLow(w);
    const info = await w.call('reorderLevels.get', { itemId: bolt.id });
    expect(info.sites[0]).toMatchObject({
      siteId: 'main',
      onHand: '18',
      committed: '12',
      available: '6',
      onOrder: '15',
      reorderPoint: '10',
      reorderUpTo: '50',
      ownLevels: true,
      low: true,
    });
    const low = await w.call('lowStock.list', { siteId: 'main' });
    expect(low.rows.map((r) => [r.itemName, r.available, r.onOrder, r.suggested])).toEqual([['Hex bolt M8', '6', '15', '29']]);
  });

  it('is not low while available stays above the point, and a closed PO no longer counts as on order', async () => {
    const w = startWarehouse();
    const { bolt, vendor } = await stockedWarehouse(w);
    await w.call('stock.adjust', { itemId: bolt.id, qtyDiff: '11', reason: 'opening stock' });
    await w.call('items.update', { id: bolt.id, reorderPoint: '10' });
    expect((await w.call('lowStock.list', { siteId: 'main' })).total).toBe(0);
    expect((await w.call('items.get', { id: bolt.id })).lowStock).toBe(false);
    await w.call('stock.adjust', { itemId: bolt.id, qtyDiff: '-1', reason: 'damaged' });
    // The item's own reorder point stands for both levels at the default site when it has none of its own.
    const [line] = (await w.call('lowStock.list', { siteId: 'main' })).rows;
    expect(line).toMatchObject({ available: '10', reorderPoint: '10', reorderUpTo: '10', suggested: '0' });
    const po = await w.call('purchaseOrders.create', { vendorId: vendor.id, lines: [{ itemId: bolt.id, qty: '4' }] });
    expect((await w.call('reorderLevels.get', { itemId: bolt.id })).sites[0]?.onOrder).toBe('4');
    await w.call('purchaseOrders.close', { id: po.id });
    expect((await w.call('reorderLevels.get', { itemId: bolt.id })).sites[0]?.onOrder).toBe('0');
  });

  it('keeps each site’s levels apart and highlights low items in the item list at that site', async () => {
    const w = startWarehouse();
    const { bolt, nut, yard } = await boltsRunningLow(w);
    await w.call('reorderLevels.set', { itemId: nut.id, siteId: yard.id, reorderPoint: '5', reorderUpTo: '20' });
    const atYard = await w.call('lowStock.list', { siteId: yard.id });
    expect(atYard.rows.map((r) => [r.itemName, r.reorderPoint, r.suggested])).toEqual([['Nut M8', '5', '20']]);
    const mainList = await w.call('items.list', { siteId: 'main' });
    expect(mainList.rows.map((i) => [i.name, i.lowStock])).toEqual([['Hex bolt M8', true], ['Nut M8', false]]);
    const yardList = await w.call('items.list', { siteId: yard.id });
    expect(yardList.rows.map((i) => [i.name, i.lowStock])).toEqual([['Hex bolt M8', false], ['Nut M8', true]]);
    await w.call('items.update', { id: nut.id, reorderPoint: '2' });
    expect((await w.call('lowStock.list', { siteId: 'main' })).rows.map((r) => r.itemName)).toEqual(['Hex bolt M8', 'Nut M8']);
    expect((await w.call('lowStock.list', { siteId: yard.id })).total).toBe(1);
    // Back to the item's reorder point, which counts at the default site only: no longer watched at the yard.
    await w.call('reorderLevels.set', { itemId: nut.id, siteId: yard.id, reorderPoint: null });
    expect((await w.call('lowStock.list', { siteId: yard.id })).total).toBe(0);
    expect((await w.call('items.get', { id: bolt.id })).lowStock).toBe(true);
  });

  it('groups lines by preferred vendor and makes one draft PO per vendor and site, remembering a vendor chosen here', async () => {
    const w = startWarehouse();
    const { bolt, nut, yard, vendor } = await boltsRunningLow(w);
    const other = await w.call('vendors.create', { displayName: 'Anchor Wholesale' });
    await w.call('reorderLevels.setVendor', { itemId: bolt.id, vendorId: vendor.id });
    await w.call('reorderLevels.set', { itemId: nut.id, siteId: 'main', reorderPoint: '3', reorderUpTo: '30' });
    await w.call('reorderLevels.set', { itemId: nut.id, siteId: yard.id, reorderPoint: '5', reorderUpTo: '20' });
    const low = await w.call('lowStock.list', {});
    expect(low.rows.map((r) => [r.vendorName, r.itemName, r.siteName, r.suggested])).toEqual([
      ['Fastener Supply Co', 'Hex bolt M8', 'Main warehouse', '29'],
      [null, 'Nut M8', 'Main warehouse', '30'],
      [null, 'Nut M8', 'Yard', '20'],
    ]);

    const made = await w.call('lowStock.createPurchaseOrders', {
      lines: [
        { itemId: bolt.id, siteId: 'main', qty: '29' },
        { itemId: nut.id, siteId: 'main', qty: '30', vendorId: vendor.id },
        { itemId: nut.id, siteId: yard.id, qty: '20', vendorId: other.id },
      ],
    });
    expect(made.purchaseOrders.map((p) => [p.vendorName, p.siteId, p.status, p.lines.map((l) => [l.itemName, l.ordered])])).toEqual([
      ['Fastener Supply Co', 'main', 'draft', [['Hex bolt M8', '29'], ['Nut M8', '30']]],
      ['Anchor Wholesale', yard.id, 'draft', [['Nut M8', '20']]],
    ]);
    // The first vendor chosen for the nut became its preferred vendor; what is now on order covers every line.
    expect((await w.call('reorderLevels.get', { itemId: nut.id })).preferredVendor).toEqual({ id: vendor.id, name: 'Fastener Supply Co', fromQuickBooks: false });
    const after = await w.call('lowStock.list', {});
    expect(after.rows.map((r) => r.suggested)).toEqual(['0', '0', '0']);
    expect(w.rows("SELECT COUNT(*) AS n FROM outbox WHERE kind LIKE 'purchaseOrder.%'")[0]?.n).toBe(0);
  });

  it('refuses a line without a vendor, naming it, and makes no purchase order at all', async () => {
    const w = startWarehouse();
    const { bolt, nut, vendor } = await boltsRunningLow(w);
    await w.call('reorderLevels.setVendor', { itemId: bolt.id, vendorId: vendor.id });
    const before = w.dump();
    const error = await w.refuse('lowStock.createPurchaseOrders', {
      lines: [
        { itemId: bolt.id, siteId: 'main', qty: '29' },
        { itemId: nut.id, siteId: 'main', qty: '5' },
      ],
    });
    expect(error).toMatchObject({ code: 'invalid_input', field: 'lines.1.vendorId' });
    expect(error.message).toContain('choose a vendor for "Nut M8"');
    expect(w.dump()).toEqual(before);
  });

  it('refuses a reorder-up-to level below the reorder point, and an unknown site', async () => {
    const w = startWarehouse();
    const { bolt } = await stockedWarehouse(w);
    const below = await w.refuse('reorderLevels.set', { itemId: bolt.id, siteId: 'main', reorderPoint: '10', reorderUpTo: '4' });
    expect(below).toMatchObject({ field: 'reorderUpTo' });
    expect(below.message).toContain('at least the reorder point (10)');
    const site = await w.refuse('reorderLevels.set', { itemId: bolt.id, siteId: 'nowhere', reorderPoint: '1' });
    expect(site.code).toBe('not_found');
  });

  it('sorts the Low stock list by its columns', async () => {
    const w = startWarehouse();
    const { bolt, nut, yard } = await boltsRunningLow(w);
    await w.call('reorderLevels.set', { itemId: nut.id, siteId: 'main', reorderPoint: '3', reorderUpTo: '30' });
    await w.call('reorderLevels.set', { itemId: nut.id, siteId: yard.id, reorderPoint: '5', reorderUpTo: '20' });
    const bySuggested = await w.call('lowStock.list', { sort: 'suggested', direction: 'desc' });
    expect(bySuggested.rows.map((r) => r.suggested)).toEqual(['30', '29', '20']);
    const byItem = await w.call('lowStock.list', { sort: 'item', direction: 'desc', search: 'nut' });
    expect(byItem.rows.map((r) => [r.itemName, r.siteName])).toEqual([['Nut M8', 'Yard'], ['Nut M8', 'Main warehouse']]);
    expect(bolt.id).toBeTruthy();
  });
});
