import { describe, expect, it } from 'vitest';
import { smallWarehouse, useE2e } from './harness';

const e = useE2e();

describe('Inventory screen in Chromium', () => {
  it('finds an item by scanning its barcode with no field focused, and adjusts its stock with a reason', async () => {
    const { bolt } = await smallWarehouse(e);
    await e.call('stock.adjust', { itemId: bolt.id, qtyDiff: '10', reason: 'opening stock' });
    const page = await e.open('inventory', 'Inventory');
    await page.getByRole('option', { name: /Hex bolt M8/ }).waitFor();

    // A scanner types the code and Enter into whatever has focus: here, nothing.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.type('5012345678900');
    await page.keyboard.press('Enter');
    const detail = page.getByRole('complementary', { name: 'Item Hex bolt M8' });
    await detail.waitFor();
    await page.getByRole('status').filter({ hasText: 'Found Hex bolt M8.' }).waitFor();

    await detail.getByRole('button', { name: 'Adjust…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Adjust Hex bolt M8' });
    await dialog.getByLabel('Change').fill('-3');
    await dialog.getByLabel('Change').press('Enter');
    // No reason: the host's message appears beside the reason, and nothing changes.
    await expect.poll(() => dialog.getByRole('alert').textContent()).toContain('Give a reason');
    expect((await e.call('items.get', { id: bolt.id })).onHand).toBe('10');
    await dialog.getByLabel('Reason').fill('damaged');
    await dialog.getByLabel('Reason').press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await detail.getByRole('status').filter({ hasText: 'now 7 on hand' }).waitFor();
    await detail.getByRole('table', { name: 'Movements' }).getByText('damaged').waitFor();
    await page.getByRole('option', { name: /Hex bolt M8.*7/ }).waitFor();
    await e.shot(page, 'inventory-scan-adjust');
    expect((await e.call('items.get', { id: bolt.id })).onHand).toBe('7');
    await page.close();
  });
});
