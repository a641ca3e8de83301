/** Settings and dialogs that prevent mistakes: Transfer's destination starts empty, a site filter names its column. */
import { describe, expect, it } from 'vitest';
import { smallWarehouse, useE2e } from './harness';

const e = useE2e();
const small = { width: 1366, height: 768 };

describe('screens that prevent mistakes', () => {
  it('Transfer starts with no destination and names it when left empty; a site filter shows that site’s on hand', async () => {
    const { bolt, yard } = await smallWarehouse(e);
    await e.call('stock.adjust', { itemId: bolt.id, qtyDiff: '9', reason: 'opening stock' });
    await e.call('stock.transfer', { itemId: bolt.id, fromSiteId: 'main', toSiteId: yard.id, qty: '4' });

    const page = await e.open('inventory', 'Inventory', small);
    await page.getByRole('option', { name: /Hex bolt M8/ }).click();
    await page.getByRole('button', { name: 'Transfer…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Transfer Hex bolt M8' });
    const to = dialog.locator('select[name=toSiteId]');
    expect(await to.inputValue()).toBe('');
    await dialog.locator('input[name=qty]').fill('2');
    await dialog.getByRole('button', { name: 'Transfer stock' }).click();
    await dialog.locator('label.field', { has: page.locator('select[name=toSiteId]') }).getByRole('alert').filter({ hasText: 'Choose the receiving site.' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('toSiteId');
    await e.shot(page, 'transfer-needs-destination');
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    await page.getByLabel('Site', { exact: true }).selectOption({ label: 'Yard' });
    await page.getByText('On hand at Yard').waitFor();
    await page.getByRole('option', { name: /Hex bolt M8.*\b4\b/ }).waitFor();
    await page.getByLabel('Site', { exact: true }).selectOption({ label: 'All sites' });
    await page.getByRole('option', { name: /Hex bolt M8.*\b9\b/ }).waitFor();
    expect(await page.getByText('On hand at Yard').count()).toBe(0);
    await page.close();
  });

  it('adds and renames sites on screen, naming an empty name beside the field', async () => {
    const page = await e.open('settings', 'Settings', small);
    const add = page.getByRole('button', { name: 'Add site' });
    await add.click();
    await page.locator('.site-row', { has: page.getByLabel('New site name') }).getByRole('alert').filter({ hasText: 'Enter the site name.' }).waitFor();
    await page.getByLabel('New site name').fill('Annex');
    await page.getByLabel('New site name').press('Enter');
    await page.getByLabel('Name of Annex').waitFor();
    await page.getByLabel('Name of Annex').fill('Annex B');
    await page.getByLabel('Name of Annex').press('Enter');
    await page.getByLabel('Name of Annex B').waitFor();
    expect((await e.call('sites.list', {})).map((s) => s.name)).toContain('Annex B');
    // Enter in the sites fieldset never saved the Settings form around it.
    expect(await page.getByRole('status').filter({ hasText: 'Saved.' }).count()).toBe(0);
    await e.shot(page, 'settings-sites');
    await page.close();
  });

  it('deactivates a site only after confirming, refuses one still holding stock, and stops offering it', async () => {
    // The first story left Yard holding the bolts it was sent.
    const yard = (await e.call('sites.list', {})).find((s) => s.name === 'Yard');
    const bolt = (await e.call('items.list', { search: 'HB-M8' })).rows[0];
    if (!yard || !bolt) throw new Error('The first story’s warehouse is missing.');
    const atYard = (await e.call('items.get', { id: bolt.id })).levels.find((l) => l.siteId === yard.id)?.onHand ?? '0';
    expect(atYard).not.toBe('0');
    const page = await e.open('settings', 'Settings', small);
    const row = page.locator('.site-row', { has: page.getByLabel('Name of Yard', { exact: true }) });
    await row.getByRole('button', { name: 'Deactivate…' }).click();
    await page.getByRole('dialog', { name: 'Deactivate Yard?' }).getByRole('button', { name: 'Deactivate', exact: true }).click();
    await row.getByRole('alert').filter({ hasText: 'Yard still holds stock of 1 item' }).waitFor();

    await e.call('stock.transfer', { itemId: bolt.id, fromSiteId: yard.id, toSiteId: 'main', qty: atYard });
    await row.getByRole('button', { name: 'Deactivate…' }).click();
    await page.getByRole('dialog', { name: 'Deactivate Yard?' }).getByRole('button', { name: 'Deactivate', exact: true }).click();
    await row.getByRole('button', { name: 'Reactivate' }).waitFor();
    expect((await e.call('sites.list', { active: false })).map((s) => s.name)).toEqual(['Yard']);
    await page.close();

    const inventory = await e.open('inventory', 'Inventory', small);
    await inventory.getByRole('option', { name: /Hex bolt M8/ }).click();
    await inventory.getByRole('button', { name: 'Adjust…' }).click();
    // The sites arrive with the screen's first answers; the picker fills once they are in.
    const siteOptions = inventory.getByRole('dialog').locator('select[name=siteId] option');
    await siteOptions.first().waitFor({ state: 'attached' });
    const options = await siteOptions.allTextContents();
    expect(options).not.toContain('Yard');
    expect(options).toContain('Main warehouse');
    await inventory.close();
  });
});
