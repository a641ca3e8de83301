import { describe, expect, it } from 'vitest';
import { smallWarehouse, useE2e } from './harness';

const e = useE2e();
/** The warehouse the stories share (it can be made once per host). */
let made: ReturnType<typeof smallWarehouse> | null = null;
const warehouse = () => (made ??= smallWarehouse(e));

describe('Invoices and estimates screen in Chromium', () => {
  it('changes an invoice, marks it ready for sync, takes it back and marks it again, and the list shows it as ready and unpaid with its balance', async () => {
    const { bolt, customer } = await warehouse();
    const invoice = await e.call('invoices.create', {
      number: 'INV-1001',
      customerId: customer.id,
      lines: [{ itemId: bolt.id, qty: '4' }, { description: 'Delivery', qty: '1', unitPriceCents: 1500 }],
    });

    const page = await e.open('documents', 'Invoices and estimates');
    const row = page.getByRole('table', { name: 'Invoices' }).getByRole('row', { name: /INV-1001/ });
    await row.getByText('Not ready').waitFor();
    await row.click();
    const detail = page.getByRole('complementary', { name: 'Invoice INV-1001' });
    await detail.getByText('16.20', { exact: true }).first().waitFor();

    // Not ready yet, so it can still be changed: five bolts instead of four.
    await detail.getByRole('button', { name: 'Change invoice…' }).click();
    const form = page.getByRole('dialog', { name: 'Change invoice INV-1001' });
    await form.getByLabel('Quantity on line 1').fill('5');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await detail.getByRole('status').filter({ hasText: 'Invoice INV-1001 changed' }).waitFor();
    await detail.getByText('16.50', { exact: true }).first().waitFor();

    const ready = detail.getByRole('checkbox', { name: /Ready for sync/ });
    expect(await ready.isChecked()).toBe(false);
    await ready.focus();
    await page.keyboard.press('Space');
    await detail.getByRole('status').filter({ hasText: 'INV-1001 is ready' }).waitFor();
    expect(await ready.isChecked()).toBe(true);
    await row.getByText('Ready for sync').waitFor();
    await row.getByText('Unpaid').waitFor();
    await e.shot(page, 'invoice-ready-for-sync');

    // Ticked by mistake: untick to take it back before the next sync, then tick it again.
    await ready.focus();
    await page.keyboard.press('Space');
    await detail.getByRole('status').filter({ hasText: 'INV-1001 was taken back' }).waitFor();
    await row.getByText('Not ready').waitFor();
    expect(await ready.isChecked()).toBe(false);
    await ready.focus();
    await page.keyboard.press('Space');
    await detail.getByRole('status').filter({ hasText: 'INV-1001 is ready' }).waitFor();
    expect(await e.call('invoices.get', { id: invoice.id })).toMatchObject({ readyForSync: true, paid: false, balanceCents: 1650 });
    expect(await detail.getByRole('button', { name: 'Change invoice…' }).count()).toBe(0);
    await page.close();
  });

  it('changes a draft estimate, then posts it, after which it can no longer be changed here', async () => {
    const { bolt, customer } = await warehouse();
    const estimate = await e.call('estimates.create', { number: 'EST-2001', customerId: customer.id, lines: [{ itemId: bolt.id, qty: '10' }] });
    const page = await e.open('documents', 'Invoices and estimates');
    await page.getByRole('tab', { name: 'Estimates' }).click();
    await page.getByRole('table', { name: 'Estimates' }).getByRole('row', { name: /EST-2001/ }).click();
    const detail = page.getByRole('complementary', { name: 'Estimate EST-2001' });
    await detail.getByRole('button', { name: 'Change estimate…' }).click();
    const form = page.getByRole('dialog', { name: 'Change estimate EST-2001' });
    await form.getByLabel('Quantity on line 1').fill('12');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await detail.getByRole('status').filter({ hasText: 'Estimate EST-2001 changed' }).waitFor();
    expect((await e.call('estimates.get', { id: estimate.id })).lines[0]?.qty).toBe('12');
    await detail.getByRole('button', { name: 'Post to QuickBooks' }).click();
    await detail.getByRole('status').filter({ hasText: 'posted to QuickBooks' }).waitFor();
    expect(await detail.getByRole('button', { name: 'Change estimate…' }).count()).toBe(0);
    await page.close();
  });
});

