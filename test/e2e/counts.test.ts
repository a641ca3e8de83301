import { describe, expect, it } from 'vitest';
import { smallWarehouse, useE2e } from './harness';

const e = useE2e();

describe('Counting a site in Chromium', () => {
  it('counts a site by scanning and typing, picks the open count up again after a reload, shows the differences, posts them and shows the report', async () => {
    const { bolt, nut } = await smallWarehouse(e);
    await e.call('stock.adjust', { itemId: bolt.id, qtyDiff: '10', reason: 'opening stock' });
    const page = await e.open('inventory', 'Inventory');
    await page.getByRole('tab', { name: 'Count' }).click();
    await page.getByRole('button', { name: 'Start count' }).click();
    const count = page.getByRole('region', { name: 'Count' });
    await count.getByRole('heading', { name: 'Counting Main warehouse' }).waitFor();

    // Three nuts nobody expected, scanned with no field focused; eight bolts where ten were expected, typed.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    for (let i = 0; i < 3; i++) {
      await page.keyboard.type('5012345678917');
      await page.keyboard.press('Enter');
    }
    await count.getByRole('status').filter({ hasText: 'Nut M8: 3 counted' }).waitFor();
    await count.getByLabel('Counted Hex bolt M8').fill('8');
    await count.getByLabel('Counted Hex bolt M8').press('Enter');
    await count.getByText('2 of 3 items counted').waitFor();

    // The app is reloaded mid-count: the open count is offered again, with what was counted so far.
    await page.reload();
    await page.getByRole('tab', { name: 'Count' }).click();
    const open = page.getByRole('list', { name: 'Open counts' });
    await open.getByText(/Main warehouse · started .* · 2 of 3 counted/).waitFor();
    await open.getByRole('button', { name: 'Resume' }).click();
    await count.getByRole('heading', { name: 'Counting Main warehouse' }).waitFor();
    await count.getByText('2 of 3 items counted').waitFor();
    expect(await count.getByLabel('Counted Hex bolt M8').inputValue()).toBe('8');

    await count.getByRole('button', { name: 'Review differences…' }).click();
    const differences = count.getByRole('table', { name: 'Differences' });
    await differences.getByRole('row', { name: 'Hex bolt M8 10 8 -2' }).waitFor();
    await differences.getByRole('row', { name: 'Nut M8 0 3 +3' }).waitFor();
    await e.shot(page, 'count-review');
    expect((await e.call('items.get', { id: bolt.id })).onHand).toBe('10');

    await count.getByRole('button', { name: 'Post count' }).click();
    const report = page.getByRole('region', { name: 'Count report' });
    await report.getByRole('status').filter({ hasText: '2 stock changes written' }).waitFor();
    await report.getByRole('table', { name: 'Posted differences' }).getByRole('row', { name: 'Hex bolt M8 10 8 -2' }).waitFor();
    await e.shot(page, 'count-posted');
    expect((await e.call('items.get', { id: bolt.id })).onHand).toBe('8');
    expect((await e.call('items.get', { id: nut.id })).onHand).toBe('3');
    await page.close();
  });
});
