import { describe, expect, it } from 'vitest';
import { startWarehouse } from './harness';
import { stockedWarehouse } from './fixtures';

describe('counting a site', () => {
  it('posts only the differences, reports them, and closes the count', async () => {
    const w = startWarehouse();
    const { bolt, nut } = await stockedWarehouse(w);
    await w.call('stock.adjust', { itemId: bolt.id, qtyDiff: '10', reason: 'opening stock' });
    await w.call('stock.adjust', { itemId: nut.id, qtyDiff: '4', reason: 'opening stock' });
    const count = await w.call('counts.start', { note: 'Month end' });
    expect(count).toMatchObject({ status: 'open', scope: 'all', lineCount: 2, countedCount: 0 });

    // Three scans of the bolt, then a typed quantity for the nut that matches the books.
    for (let i = 0; i < 3; i++) await w.call('counts.enter', { countId: count.id, barcode: '5012345678900', counted: '1', add: true });
    await w.call('counts.enter', { countId: count.id, barcode: '5012345678900', counted: '4.5', add: true });
    await w.call('counts.enter', { countId: count.id, itemId: nut.id, counted: '4' });

    const posted = await w.call('counts.post', { countId: count.id, by: 'Sam' });
    expect(posted.differences).toEqual([
      { itemId: bolt.id, itemName: 'Hex bolt M8', expected: '10', counted: '7.5', difference: '-2.5', movementId: expect.any(Number) as number },
    ]);
    expect(posted.count).toMatchObject({ status: 'posted', postedBy: 'Sam', countedCount: 2 });
    expect((await w.call('items.get', { id: bolt.id })).onHand).toBe('7.5');
    const queued = w.rows("SELECT payload FROM outbox WHERE kind = 'stock.adjust' ORDER BY id DESC LIMIT 1")[0]?.payload as string;
    expect(JSON.parse(queued)).toEqual({ itemId: bolt.id, qtyDiff: '-2.5', reason: 'count', movementId: posted.differences[0]?.movementId });

    const again = await w.refuse('counts.post', { countId: count.id });
    expect(again).toMatchObject({ code: 'refused', field: 'countId' });
    expect(await w.refuse('counts.enter', { countId: count.id, itemId: nut.id, counted: '1' })).toMatchObject({ code: 'refused' });
  });

  it('counts only the chosen items and refuses a scan of another', async () => {
    const w = startWarehouse();
    const { bolt, yard } = await stockedWarehouse(w);
    const count = await w.call('counts.start', { siteId: yard.id, itemIds: [bolt.id] });
    expect(count.lines.map((l) => l.itemName)).toEqual(['Hex bolt M8']);
    const error = await w.refuse('counts.enter', { countId: count.id, barcode: '5012345678917', counted: '1' });
    expect(error).toMatchObject({ code: 'refused', field: 'barcode', message: '"Nut M8" is not part of this count.' });
    await w.call('counts.enter', { countId: count.id, itemId: bolt.id, counted: '3' });
    const posted = await w.call('counts.post', { countId: count.id });
    expect(posted.differences.map((d) => d.difference)).toEqual(['3']);
    const yardLevel = (await w.call('items.get', { id: bolt.id })).levels.find((l) => l.siteId === yard.id);
    expect(yardLevel?.onHand).toBe('3');
  });

  it('lists count sessions newest first, the open ones to pick up again after a restart', async () => {
    const w = startWarehouse();
    const { bolt, yard } = await stockedWarehouse(w);
    const posted = await w.call('counts.start', { itemIds: [bolt.id] });
    await w.call('counts.enter', { countId: posted.id, itemId: bolt.id, counted: '0' });
    await w.call('counts.post', { countId: posted.id });
    const open = await w.call('counts.start', { siteId: yard.id, note: 'Yard, aisle 3' });
    await w.call('counts.enter', { countId: open.id, itemId: bolt.id, counted: '2' });

    const all = await w.call('counts.list', {});
    expect(all.total).toBe(2);
    expect(all.rows.map((r) => r.id)).toEqual([open.id, posted.id]);
    expect(all.rows[0]).not.toHaveProperty('lines');
    const onlyOpen = await w.call('counts.list', { status: 'open' });
    expect(onlyOpen).toEqual({ total: 1, rows: [expect.objectContaining({ id: open.id, siteId: yard.id, note: 'Yard, aisle 3', countedCount: 1 }) as unknown] });
    expect((await w.call('counts.list', { status: 'posted', siteId: yard.id })).rows).toEqual([]);
  });
});

