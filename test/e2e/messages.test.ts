/**
 * Error messages as a clerk meets them in Chromium at 1366×768: a form shows every wrong field at once,
 * beside its input, in words, with focus on the first; Settings keeps typed text (never NaN) and its Save
 * stays in view.
 */
import { describe, expect, it } from 'vitest';
import { useE2e } from './harness';
import { wordingProblems } from '../contract/wording';

const e = useE2e();
const small = { width: 1366, height: 768 };

describe('error messages in Chromium', () => {
  it('the item form shows all its errors at once beside their fields and focuses the first', async () => {
    const page = await e.open('inventory', 'Inventory', small);
    await page.getByRole('button', { name: 'New item…' }).click();
    const dialog = page.getByRole('dialog', { name: 'New item' });
    await dialog.locator('input[name=price]').fill('twelve');
    await dialog.locator('input[name=reorderPoint]').fill('a few');
    await dialog.locator('input[name=barcodes]').fill('5012345678900, 5012345678900');
    await dialog.getByRole('button', { name: 'Create item' }).click();

    const beside = (input: string) => dialog.locator('label.field', { has: page.locator(`[name=${input}]`) }).getByRole('alert');
    await beside('name').waitFor();
    const shown = {
      name: await beside('name').textContent(),
      priceCents: await beside('price').textContent(),
      reorderPoint: await beside('reorderPoint').textContent(),
      barcodes: await beside('barcodes').textContent(),
    };
    expect(shown).toEqual({
      name: 'Enter the item name.',
      priceCents: 'Enter the sales price as an amount like 12.50.',
      reorderPoint: 'Enter the reorder point as a number with at most 4 decimal places, e.g. 12.5.',
      barcodes: 'The same barcode is listed twice.',
    });
    for (const [field, message] of Object.entries(shown)) expect(wordingProblems(message ?? '', field, 'items.create'), message ?? '').toEqual([]);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('name');
    for (const input of ['name', 'price', 'reorderPoint', 'barcodes']) {
      expect(await dialog.locator(`[name=${input}]`).getAttribute('aria-invalid')).toBe('true');
    }
    await e.shot(page, 'item-form-all-errors');
    expect((await e.call('items.list', {})).total).toBe(0);
    await page.close();
  });

  it('Settings keeps "abc" as typed, names the sync interval beside it, and Save stays in view', async () => {
    const page = await e.open('settings', 'Settings', small);
    const interval = page.locator('input[name=syncIntervalMinutes]');
    await interval.fill('abc');
    expect(await interval.inputValue()).toBe('abc');
    const save = page.getByRole('button', { name: 'Save settings' });
    const inView = async () => {
      const box = await save.boundingBox();
      return box !== null && box.y >= 0 && box.y + box.height <= small.height;
    };
    expect(await inView()).toBe(true);
    await save.click();
    const alert = page.locator('label.field', { has: interval }).getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe('Enter the sync interval as whole minutes, from 1 to 1440.');
    expect(wordingProblems((await alert.textContent()) ?? '', 'syncIntervalMinutes', 'settings.update')).toEqual([]);
    expect(await interval.inputValue()).toBe('abc');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('syncIntervalMinutes');
    await page.locator('main').evaluate((main) => main.scrollTo(0, main.scrollHeight));
    expect(await inView()).toBe(true);
    await e.shot(page, 'settings-interval-error');
    expect((await e.call('settings.get', {})).syncIntervalMinutes).not.toBeNaN();

    await interval.fill('5000');
    await save.click();
    await alert.filter({ hasText: 'The sync interval can be at most 1440 minutes (one day).' }).waitFor();
    await interval.fill('30');
    await save.click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    expect((await e.call('settings.get', {})).syncIntervalMinutes).toBe(30);
    await page.close();
  });
});
