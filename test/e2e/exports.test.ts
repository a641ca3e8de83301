import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { csvRecords } from '../support/csv';
import { smallWarehouse, useE2e } from './harness';

const e = useE2e();

describe('exporting a list in Chromium', () => {
  it('sorts the item list by a column and exports what is shown, which opens as the same rows with formulas defused', async () => {
    const { bolt, nut, washer, yard } = await smallWarehouse(e);
    await e.call('items.create', { name: '=cmd|calc', sku: '@SUM' });
    await e.call('stock.adjust', { itemId: bolt.id, qtyDiff: '12', reason: 'opening stock' });
    await e.call('stock.adjust', { itemId: nut.id, qtyDiff: '40', reason: 'opening stock' });
    await e.call('stock.adjust', { itemId: washer.id, qtyDiff: '3', reason: 'opening stock' });
    await e.call('stock.transfer', { itemId: nut.id, fromSiteId: 'main', toSiteId: yard.id, qty: '10' });

    const page = await e.open('inventory', 'Inventory');
    await page.getByRole('option', { name: /Washer M8/ }).waitFor();
    await page.getByRole('button', { name: 'On hand' }).click();
    await page.getByRole('button', { name: 'On hand ▲' }).click();
    await page.getByRole('button', { name: 'On hand ▼' }).waitFor();
    // The list shows most on hand first.
    await page.locator('#item-row-0').filter({ hasText: 'Nut M8' }).waitFor();
    await page.getByRole('searchbox', { name: 'Search items' }).fill('M8');
    await page.getByRole('status').filter({ hasText: '3 items' }).waitFor();
    await e.shot(page, 'inventory-sorted-for-export');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^shelfsync-items-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = fs.readFileSync(await file.path(), 'utf8');
    const rows = csvRecords(text);
    expect(rows.map((r) => [r.Name, r['On hand (all sites)'], r['On hand at Main warehouse'], r['On hand at Yard']])).toEqual([
      ['Nut M8', '40', '30', '10'],
      ['Hex bolt M8', '12', '12', '0'],
      ['Washer M8', '3', '3', '0'],
    ]);

    // Without the search, the risky item comes out defused.
    await page.getByRole('searchbox', { name: 'Search items' }).fill('');
    await page.getByRole('status').filter({ hasText: '4 items' }).waitFor();
    const second = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const all = csvRecords(fs.readFileSync(await (await second).path(), 'utf8'));
    expect(all.at(-1)).toMatchObject({ Name: "'=cmd|calc", SKU: "'@SUM", 'On hand (all sites)': '0' });
    await page.close();
  });
});
