import { describe, expect, it } from 'vitest';
import type { EventName } from '../../src-shared/ipc';
import { startWarehouse } from './harness';
import { stockedWarehouse } from './fixtures';

describe('moving stock', () => {
  it('transfers between sites as two movements, the company total unchanged and nothing queued', async () => {
    const w = startWarehouse();
    const { bolt, yard } = await stockedWarehouse(w);
    const events: { name: EventName; payload: unknown }[] = [];
    w.host.on((name, payload) => events.push({ name, payload }));
    await w.call('stock.adjust', { itemId: bolt.id, qtyDiff: '12.25', reason: 'opening stock' });
    const queuedBefore = w.rows('SELECT COUNT(*) AS n FROM outbox')[0]?.n;

    const moved = await w.call('stock.transfer', { itemId: bolt.id, fromSiteId: 'main', toSiteId: yard.id, qty: '2.25', by: 'Sam' });
    expect(moved.movements.map((m) => [m.kind, m.siteName, m.qty, m.balanceAfter, m.by])).toEqual([
      ['transfer', 'Main warehouse', '-2.25', '10', 'Sam'],
      ['transfer', 'Yard', '2.25', '2.25', 'Sam'],
    ]);
    const item = await w.call('items.get', { id: bolt.id });
    expect(item.onHand).toBe('12.25');
    expect(item.levels.map((l) => [l.siteName, l.onHand])).toEqual([
      ['Main warehouse', '10'],
      ['Yard', '2.25'],
    ]);
    expect(w.rows('SELECT COUNT(*) AS n FROM outbox')[0]?.n).toBe(queuedBefore);
    expect(events.at(-1)).toEqual({
      name: 'stock.changed',
      payload: { levels: [{ itemId: bolt.id, siteId: 'main', onHand: '10' }, { itemId: bolt.id, siteId: yard.id, onHand: '2.25' }] },
    });

    const atYard = await w.call('items.list', { siteId: yard.id, search: 'hb-m8' });
    expect(atYard.rows.map((r) => [r.name, r.onHand])).toEqual([['Hex bolt M8', '2.25']]);
  });

  it('refuses a transfer of more than the sending site holds, and changes nothing', async () => {
    const w = startWarehouse();
    const { bolt, yard } = await stockedWarehouse(w);
    await w.call('stock.adjust', { itemId: bolt.id, qtyDiff: '1', reason: 'opening stock' });
    const before = w.dump();
    const error = await w.refuse('stock.transfer', { itemId: bolt.id, fromSiteId: 'main', toSiteId: yard.id, qty: '1.0001' });
    expect(error).toMatchObject({ code: 'refused', field: 'qty' });
    expect(error.message).toContain('1 on hand, 1.0001 asked for');
    expect(w.dump()).toEqual(before);
  });

  it('finds an item by a scanned barcode and lists items by search, type and site', async () => {
    const w = startWarehouse();
    const { nut } = await stockedWarehouse(w);
    await w.call('items.create', { name: 'Delivery', type: 'service' });
    expect((await w.call('items.findByBarcode', { barcode: '5012345678917' })).id).toBe(nut.id);
    expect(await w.refuse('items.findByBarcode', { barcode: '000' })).toMatchObject({ code: 'not_found', field: 'barcode' });
    const byBarcode = await w.call('items.list', { search: '5012345678917' });
    expect(byBarcode.rows.map((r) => r.name)).toEqual(['Nut M8']);
    const inventory = await w.call('items.list', { type: 'inventory', sort: 'name', direction: 'desc', limit: 1 });
    expect(inventory).toMatchObject({ total: 2, rows: [{ name: 'Nut M8' }] });
    // The barcode column sorts by each item's first barcode; an item without one comes last either way.
    for (const direction of ['asc', 'desc'] as const) {
      const byCode = await w.call('items.list', { sort: 'barcode', direction });
      expect(byCode.rows.map((r) => [r.name, r.barcodes[0] ?? null])).toEqual([
        ...(direction === 'asc'
          ? [['Hex bolt M8', '5012345678900'], ['Nut M8', '5012345678917']]
          : [['Nut M8', '5012345678917'], ['Hex bolt M8', '5012345678900']]),
        ['Delivery', null],
      ]);
    }
  });
});
