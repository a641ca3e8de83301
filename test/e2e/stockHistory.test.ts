import { describe, expect, it } from 'vitest';
import { smallWarehouse, useE2e } from './harness';

const e = useE2e();

describe('an item’s stock over time in Chromium', () => {
  it('draws the on hand as steps with axes and a legend, says each movement in a tooltip by keyboard, and narrows to one site', async () => {
    const { nut, yard } = await smallWarehouse(e);
    await e.call('stock.adjust', { itemId: nut.id, qtyDiff: '40', reason: 'opening stock' });
    await e.call('stock.transfer', { itemId: nut.id, fromSiteId: 'main', toSiteId: yard.id, qty: '10' });
    await e.call('stock.adjust', { itemId: nut.id, qtyDiff: '-3', reason: 'damaged' });

    const page = await e.open('inventory', 'Inventory', { width: 1366, height: 768 });
    await page.getByRole('option', { name: /Nut M8/ }).click();
    const region = page.getByRole('region', { name: 'Stock over time' });
    await region.scrollIntoViewIfNeeded();
    const chart = region.getByRole('img', { name: 'On hand of Nut M8 at all sites over time' });
    await chart.getByText('on hand', { exact: true }).waitFor();
    await chart.getByText('time (each point: one movement)').waitFor();
    await region.getByText('On hand, all sites').waitFor();
    expect(await chart.getByText('40', { exact: true }).count()).toBe(1);

    // Three points across sites: the transfer is one, and leaves the sum alone.
    const points = chart.getByRole('img');
    expect(await points.count()).toBe(3);
    await points.first().focus();
    await page.getByRole('tooltip').filter({ hasText: /Adjusted, \+40; 40 on hand$/ }).waitFor();
    await page.keyboard.press('Tab');
    await page.getByRole('tooltip').filter({ hasText: /Transfer between sites, \+0; 40 on hand$/ }).waitFor();
    await page.keyboard.press('Tab');
    await page.getByRole('tooltip').filter({ hasText: /Adjusted, -3; 37 on hand$/ }).waitFor();
    await e.shot(page, 'item-stock-chart');

    await region.getByLabel('Chart site').selectOption({ label: 'Yard' });
    await region.getByRole('img', { name: 'On hand of Nut M8 at Yard over time' }).waitFor();
    const yardPoints = region.getByRole('img', { name: 'On hand of Nut M8 at Yard over time' }).getByRole('img');
    expect(await yardPoints.count()).toBe(1);
    await yardPoints.first().hover();
    await page.getByRole('tooltip').filter({ hasText: /Transfer, \+10; 10 on hand$/ }).waitFor();
    await region.getByRole('button', { name: 'All' }).click();
    expect(await region.getByRole('button', { name: 'All' }).getAttribute('aria-pressed')).toBe('true');

    // A new movement redraws the chart.
    await page.getByRole('button', { name: 'Adjust…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Site').selectOption({ label: 'Yard' });
    await dialog.getByLabel(/^Change/).fill('5');
    await dialog.getByLabel('Reason').fill('found');
    await dialog.getByRole('button', { name: 'Adjust stock' }).click();
    await expect.poll(() => yardPoints.count()).toBe(2);
    await page.close();
  });
});
