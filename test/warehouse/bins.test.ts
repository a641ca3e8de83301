import { describe, expect, it } from 'vitest';
import { startWarehouse, type Warehouse } from './harness';
import { stockedWarehouse } from './fixtures';

const outboxRows = (w: Warehouse) => w.rows('SELECT id, kind, local_id FROM outbox ORDER BY id');

describe('bins', () => {
  it('are unique per site whatever the case, and the same code may exist at another site', async () => {
    const w = startWarehouse();
    const { yard } = await stockedWarehouse(w);
    await w.call('bins.create', { siteId: 'main', code: 'A-03-2' });
    const clash = await w.refuse('bins.create', { siteId: 'main', code: 'a-03-2' });
    expect(clash).toMatchObject({ code: 'conflict', field: 'code' });
    expect(clash.message).toContain('"A-03-2"');
    await w.call('bins.create', { siteId: yard.id, code: 'a-03-2' });
    expect((await w.call('bins.list', { siteId: 'main' })).map((b) => b.code)).toEqual(['A-03-2']);
    expect(await w.refuse('bins.create', { siteId: 'nowhere', code: 'B-1' })).toMatchObject({ code: 'not_found', field: 'siteId' });
  });

  it('an item has bins per site with one primary; the first is primary, a new primary replaces it', async () => {
    const w = startWarehouse();
    const { bolt, yard } = await stockedWarehouse(w);
    await w.call('bins.assign', { itemId: bolt.id, siteId: 'main', code: 'B-01-1' });
    await w.call('bins.assign', { itemId: bolt.id, siteId: 'main', code: 'C-02-1' });
    await w.call('bins.assign', { itemId: bolt.id, siteId: yard.id, code: 'Y-1' });
    let bins = (await w.call('bins.forItem', { itemId: bolt.id })).bins;
    expect(bins.map((b) => [b.siteName, b.code, b.primary])).toEqual([
      ['Main warehouse', 'B-01-1', true],
      ['Main warehouse', 'C-02-1', false],
      ['Yard', 'Y-1', true],
    ]);
    // Typed in lower case: the existing bin, not a new one.
    await w.call('bins.assign', { itemId: bolt.id, siteId: 'main', code: 'c-02-1', primary: true });
    bins = (await w.call('bins.forItem', { itemId: bolt.id })).bins;
    expect(bins.filter((b) => b.primary).map((b) => b.code)).toEqual(['C-02-1', 'Y-1']);
    expect((await w.call('bins.list', { siteId: 'main' })).map((b) => [b.code, b.items])).toEqual([
      ['B-01-1', 1],
      ['C-02-1', 1],
    ]);
    const service = await w.call('items.create', { name: 'Delivery', type: 'service' });
    const refused = await w.refuse('bins.assign', { itemId: service.id, siteId: 'main', code: 'B-01-1' });
    expect(refused).toMatchObject({ code: 'refused', field: 'itemId' });
    expect(refused.message).toContain('Delivery');
  });

  it('receiving puts away to the primary bin at the PO site, or to the scanned bin; an unknown bin is refused by name', async () => {
    const w = startWarehouse();
    const { bolt, nut, vendor } = await stockedWarehouse(w);
    await w.call('bins.assign', { itemId: bolt.id, siteId: 'main', code: 'A-03-2' });
    await w.call('bins.create', { siteId: 'main', code: 'DOCK-1' });
    const po = await w.call('purchaseOrders.create', { vendorId: vendor.id, lines: [{ itemId: bolt.id, qty: '10' }, { itemId: nut.id, qty: '4' }] });

    const unknown = await w.refuse('purchaseOrders.receive', { purchaseOrderId: po.id, binCode: 'Z-99' });
    expect(unknown).toMatchObject({ code: 'not_found', field: 'binCode' });
    expect(unknown.message).toContain('"Z-99"');
    expect(unknown.message).toContain('Main warehouse');
    expect(w.rows('SELECT COUNT(*) AS n FROM stock_movements')[0]?.n).toBe(0);

    const first = await w.call('purchaseOrders.receive', { purchaseOrderId: po.id, lines: [{ itemId: bolt.id, qty: '6' }, { itemId: nut.id, qty: '1' }] });
    expect(first.putAway).toEqual([
      { itemId: bolt.id, itemName: 'Hex bolt M8', qty: '6', bin: 'A-03-2' },
      { itemId: nut.id, itemName: 'Nut M8', qty: '1', bin: null },
    ]);
    const second = await w.call('purchaseOrders.receive', { purchaseOrderId: po.id, binCode: 'dock-1' });
    expect(second.putAway.map((p) => [p.itemName, p.qty, p.bin])).toEqual([
      ['Hex bolt M8', '4', 'DOCK-1'],
      ['Nut M8', '3', 'DOCK-1'],
    ]);
    expect(w.rows("SELECT item_id, qty, bin_code FROM stock_movements WHERE kind = 'receipt' ORDER BY id")).toEqual([
      { item_id: bolt.id, qty: 60_000, bin_code: 'A-03-2' },
      { item_id: nut.id, qty: 10_000, bin_code: null },
      { item_id: bolt.id, qty: 40_000, bin_code: 'DOCK-1' },
      { item_id: nut.id, qty: 30_000, bin_code: 'DOCK-1' },
    ]);
  });

  it('a pick list is sorted by the primary bin at the order site, items without a bin last', async () => {
    const w = startWarehouse();
    const { bolt, nut, customer, yard } = await stockedWarehouse(w);
    const washer = await w.call('items.create', { name: 'Washer M8' });
    const screw = await w.call('items.create', { name: 'Wood screw' });
    await w.call('bins.assign', { itemId: bolt.id, siteId: 'main', code: 'C-10-1' });
    await w.call('bins.assign', { itemId: nut.id, siteId: 'main', code: 'A-2-1' });
    await w.call('bins.assign', { itemId: washer.id, siteId: 'main', code: 'A-10-1' });
    // A bin at another site does not count for an order picked at the main site.
    await w.call('bins.assign', { itemId: screw.id, siteId: yard.id, code: 'A-01-1' });
    const order = await w.call('orders.create', {
      customerId: customer.id,
      lines: [screw, bolt, washer, nut].map((i) => ({ itemId: i.id, qty: '1' })),
    });
    const list = await w.call('bins.pickList', { orderId: order.id });
    expect(list.lines.map((l) => [l.itemName, l.bin])).toEqual([
      ['Nut M8', 'A-2-1'],
      ['Washer M8', 'A-10-1'],
      ['Hex bolt M8', 'C-10-1'],
      ['Wood screw', null],
    ]);
    expect(await w.refuse('bins.pickList', { orderId: 'missing' })).toMatchObject({ code: 'not_found', field: 'orderId' });
  });

  it('are ShelfSync’s own: creating, assigning and receiving into bins queues nothing about them for QuickBooks', async () => {
    const w = startWarehouse();
    const { bolt, vendor } = await stockedWarehouse(w);
    const po = await w.call('purchaseOrders.create', { vendorId: vendor.id, lines: [{ itemId: bolt.id, qty: '2' }] });
    const before = outboxRows(w);
    await w.call('bins.create', { siteId: 'main', code: 'A-1' });
    await w.call('bins.assign', { itemId: bolt.id, siteId: 'main', code: 'A-1' });
    await w.call('bins.assign', { itemId: bolt.id, siteId: 'main', code: 'B-1', primary: true });
    expect(outboxRows(w)).toEqual(before);
    expect(w.rows("SELECT COUNT(*) AS n FROM outbox WHERE kind LIKE 'bin%' OR payload LIKE '%B-1%'")[0]?.n).toBe(0);
    // The receipt of a posted PO is queued as always, and its payload says nothing of the bin.
    await w.call('purchaseOrders.post', { id: po.id });
    await w.call('purchaseOrders.receive', { purchaseOrderId: po.id });
    const payloads = w.rows("SELECT payload FROM outbox WHERE kind = 'purchaseOrder.receive'").map((r) => r.payload as string);
    expect(payloads).toHaveLength(1);
    expect(payloads[0]).not.toContain('B-1');
  });
});
