import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { smallWarehouse, useE2e } from './harness';

const e = useE2e();

/** What a scanner does: characters typed with no field focused, then Enter. */
async function scan(page: Page, code: string) {
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');
}

describe('Counting bin by bin in Chromium', () => {
  it('a count done bin by bin by scanning the bin label first: items count into the scanned bin, a finished bin lists what was not scanned there, one is confirmed as none, another left uncounted', async () => {
    const { bolt, nut, washer } = await smallWarehouse(e);
    await e.call('bins.assign', { itemId: bolt.id, siteId: 'main', code: 'A-01' });
    await e.call('bins.assign', { itemId: bolt.id, siteId: 'main', code: 'A-02' });
    await e.call('bins.assign', { itemId: nut.id, siteId: 'main', code: 'A-01' });
    await e.call('bins.assign', { itemId: washer.id, siteId: 'main', code: 'A-01' });
    for (const [item, qty] of [[bolt, '10'], [nut, '4'], [washer, '6']] as const) await e.call('stock.adjust', { itemId: item.id, qtyDiff: qty, reason: 'opening stock' });

    const page = await e.open('inventory', 'Inventory', { width: 1366, height: 768 });
    await page.getByRole('tab', { name: 'Count' }).click();
    await page.getByRole('button', { name: 'Start count' }).click();
    const count = page.getByRole('region', { name: 'Count' });
    await count.getByRole('heading', { name: 'Counting Main warehouse' }).waitFor();
    await count.getByText('To count bin by bin, scan the bin label first').waitFor();

    // The bin label first, then three bolts: they count into A-01.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await scan(page, 'A-01');
    await count.getByRole('status').filter({ hasText: 'Counting bin A-01: items scanned now count into it. 3 kept there still to count.' }).waitFor();
    const bar = count.getByLabel('Bin being counted');
    await bar.getByText('Counting bin A-01: scans and typed quantities count into this bin.').waitFor();
    for (let i = 0; i < 3; i++) await scan(page, '5012345678900');
    await count.getByRole('status').filter({ hasText: 'Hex bolt M8: 3 counted (3 in A-01)' }).waitFor();

    // Finishing A-01: the nut and the washer were not scanned there; the nut is confirmed as none, the washer left.
    await bar.getByRole('button', { name: 'Finish bin A-01' }).click();
    const finish = count.getByRole('group', { name: 'Finish bin A-01' });
    await finish.getByText('These 2 items are kept in A-01 but were not scanned there.').waitFor();
    await e.shot(page, 'count-finish-bin');
    await finish.getByLabel('None in A-01: Nut M8').check();
    await finish.getByRole('button', { name: 'Count the checked as none in A-01' }).click();
    await count.getByRole('status').filter({ hasText: 'Bin A-01 finished: 2 items counted there. 1 confirmed as none there. 1 left uncounted there.' }).waitFor();

    // The next bin: four more bolts in A-02; nothing else is kept there, so it finishes at once.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await scan(page, 'a-02');
    await count.getByRole('status').filter({ hasText: 'Counting bin A-02' }).waitFor();
    for (let i = 0; i < 4; i++) await scan(page, '5012345678900');
    await count.getByRole('status').filter({ hasText: 'Hex bolt M8: 7 counted (4 in A-02)' }).waitFor();
    await count.getByRole('button', { name: 'Finish bin A-02' }).click();
    await count.getByRole('status').filter({ hasText: 'Bin A-02 finished: 1 items counted there.' }).waitFor();

    const lines = count.getByRole('table', { name: 'Count lines' });
    await lines.getByRole('row', { name: /Hex bolt M8 A-01: 3 · A-02: 4 10/ }).waitFor();
    await lines.getByRole('row', { name: /Nut M8 A-01: 0 4/ }).waitFor();
    expect(await count.getByLabel('Counted Washer M8').inputValue()).toBe('');
    await e.shot(page, 'count-by-bin');

    await count.getByRole('button', { name: 'Review differences…' }).click();
    const differences = count.getByRole('table', { name: 'Differences' });
    await differences.getByRole('row', { name: 'Hex bolt M8 10 7 -3' }).waitFor();
    await differences.getByRole('row', { name: 'Nut M8 4 0 -4' }).waitFor();
    await count.getByRole('button', { name: 'Post count' }).click();
    await page.getByRole('region', { name: 'Count report' }).getByRole('status').filter({ hasText: '2 stock changes written' }).waitFor();
    // Per item and site: the sums over the bins; the washer, left uncounted, keeps its stock.
    expect((await e.call('items.get', { id: bolt.id })).onHand).toBe('7');
    expect((await e.call('items.get', { id: nut.id })).onHand).toBe('0');
    expect((await e.call('items.get', { id: washer.id })).onHand).toBe('6');
    await page.close();
  });

  it('warns before posting when an item was counted in some of its bins only', async () => {
    const bolt = (await e.call('items.list', { search: 'Hex bolt M8', limit: 5 })).rows[0];
    if (!bolt) throw new Error('no bolt');
    const page = await e.open('inventory', 'Inventory');
    await page.getByRole('tab', { name: 'Count' }).click();
    await page.getByRole('button', { name: 'Start count' }).click();
    const count = page.getByRole('region', { name: 'Count' });
    await count.getByRole('heading', { name: 'Counting Main warehouse' }).waitFor();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await scan(page, 'A-02');
    await count.getByRole('status').filter({ hasText: 'Counting bin A-02' }).waitFor();
    await count.getByLabel('Counted Hex bolt M8 in A-02').fill('5');
    await count.getByLabel('Counted Hex bolt M8 in A-02').press('Enter');
    await count.getByRole('table', { name: 'Count lines' }).getByText('(not counted in A-01)').waitFor();
    await count.getByRole('button', { name: 'Review differences…' }).click();
    await count.getByRole('note', { name: 'Counted in some of their bins only' }).getByText('Hex bolt M8: not counted in A-01').waitFor();
    // A bin added while the count is open is known at its first scan.
    await count.getByRole('button', { name: 'Back to counting' }).click();
    await e.call('bins.create', { siteId: 'main', code: 'C-09' });
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await scan(page, 'C-09');
    await count.getByRole('status').filter({ hasText: 'Counting bin C-09: items scanned now count into it.' }).waitFor();
    await page.close();
  });
});
