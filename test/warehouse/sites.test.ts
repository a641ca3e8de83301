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
