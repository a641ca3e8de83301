import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { csvRecords } from '../support/csv';
import { smallWarehouse, useE2e } from './harness';

// Its own host: the valuation lists every item with stock, so no other story's stock may be there.
const e = useE2e();

describe('exporting the stock valuation in Chromium', () => {
  it('exports the valuation’s lines as the screen sorts them, the same columns and values', async () => {
    const { bolt, nut, yard } = await smallWarehouse(e);
    const risky = await e.call('items.create', { name: '=cmd|calc', sku: '@SUM', costCents: 250 });
    await e.call('stock.adjust', { itemId: bolt.id, qtyDiff: '100', reason: 'opening stock' });
    await e.call('stock.transfer', { itemId: bolt.id, fromSiteId: 'main', toSiteId: yard.id, qty: '40' });
    await e.call('stock.adjust', { itemId: nut.id, qtyDiff: '7', reason: 'opening stock' });
    await e.call('stock.adjust', { itemId: risky.id, qtyDiff: '2', reason: 'opening stock' });

    const page = await e.open('valuation', 'Stock valuation', { width: 1366, height: 768 });
    const table = page.getByRole('table', { name: 'Stock value by item and site' });
    await table.getByText('4 of 4 lines').waitFor();
    // Most valuable first, then sorted by site and turned round.
    const shown = async () => (await table.locator('tbody tr').all()).map(async (r) => (await r.locator('td').allTextContents()).map((t) => t.trim()));
    expect((await Promise.all(await shown())).map((r) => r[0])).toEqual(['Hex bolt M8', '=cmd|calc', 'Hex bolt M8', 'Nut M8']);
    await table.getByRole('button', { name: 'Site' }).click();
    await table.getByRole('button', { name: 'Site ▲' }).click();
    await table.getByRole('button', { name: 'Site ▼' }).waitFor();
    await expect.poll(async () => (await Promise.all(await shown())).map((r) => `${r[0]} @ ${r[2]}`)).toEqual(['Hex bolt M8 @ Yard', 'Nut M8 @ Main warehouse', 'Hex bolt M8 @ Main warehouse', '=cmd|calc @ Main warehouse']);
    await e.shot(page, 'valuation-sorted-for-export');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^shelfsync-valuation-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = csvRecords(fs.readFileSync(await file.path(), 'utf8'));
    const onScreen = await Promise.all(await shown());
    expect(rows.map((r) => [r.Item, r.SKU, r.Site, r['On hand'], r.Cost, r.Value])).toEqual(
      onScreen.map((r) => [r[0] === '=cmd|calc' ? "'=cmd|calc" : r[0], r[1] === '@SUM' ? "'@SUM" : r[1], r[2], r[3], r[4], r[5]]),
    );
    expect(rows.at(-1)).toMatchObject({ Item: "'=cmd|calc", SKU: "'@SUM", Value: '5.00' });
    await page.close();
  });
});
