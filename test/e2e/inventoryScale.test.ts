import { describe, expect, it } from 'vitest';
import { useE2e } from './harness';
import { seedCatalogue } from './seed';

// Straight into the host's database before it starts: the test is about the list, not about typing items in.
const e = useE2e({ seed: (dataDir) => seedCatalogue(dataDir, { items: 5_000, extraSites: ['Yard'], stock: true }) });

describe('Inventory list at scale in Chromium', () => {
  it('lists 5,000 items, scrolls to the last one with only a screenful in the page, and filters them', async () => {
    const page = await e.open('inventory', 'Inventory');
    await page.getByRole('status').filter({ hasText: '5,000 items' }).waitFor();
    const list = page.getByRole('listbox', { name: 'Items' });
    await list.getByRole('option', { name: /Part 00000/ }).waitFor();
    expect(await list.getByRole('option').count()).toBeLessThan(80);

    // Scroll to the bottom: the pages behind the last rows are fetched as they come into view.
    await list.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await list.getByRole('option', { name: /Part 04999/ }).waitFor();
    expect(await list.getByRole('option').count()).toBeLessThan(80);
    // Halfway back.
    await list.evaluate((el) => el.scrollTo({ top: el.scrollHeight / 2 }));
    await list.getByRole('option', { name: /Part 025\d\d/ }).first().waitFor();
    await e.shot(page, 'inventory-5000-scrolled');

    await page.getByLabel('Search items').fill('Part 0420');
    await page.getByRole('status').filter({ hasText: '10 items' }).waitFor();
    await list.getByRole('option', { name: /Part 04209/ }).waitFor();
    expect(await list.getByRole('option').count()).toBe(10);

    await page.getByLabel('Search items').fill('');
    await page.getByLabel('Type').selectOption('service');
    await page.getByRole('status').filter({ hasText: '500 items' }).waitFor();
    await list.getByRole('option', { name: /Part 00009/ }).waitFor();
    await e.shot(page, 'inventory-5000-filtered');
    await page.close();
  });
});
