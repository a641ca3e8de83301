import { describe, expect, it } from 'vitest';
import { smallWarehouse, useE2e } from './harness';

const e = useE2e();

describe('Picking screen in Chromium', () => {
  it('changes an order before picking, picks part of it by scanning, shows the back order once posted, and closes the partial order', async () => {
    const { bolt, nut, customer } = await smallWarehouse(e);
    await e.call('settings.update', { manualPosting: true, partialInvoices: true });
    await e.call('stock.adjust', { itemId: bolt.id, qtyDiff: '6', reason: 'opening stock' });
    await e.call('stock.adjust', { itemId: nut.id, qtyDiff: '20', reason: 'opening stock' });
    const order = await e.call('orders.create', {
      number: 'SO-5001',
      customerId: customer.id,
      lines: [{ itemId: bolt.id, qty: '8' }, { itemId: nut.id, qty: '20' }],
    });

    const page = await e.open('picking', 'Picking');
    await page.getByRole('row', { name: /SO-5001/ }).click();
    const detail = page.getByRole('complementary', { name: 'Order SO-5001' });
    await detail.waitFor();

    // The customer rings before picking starts: ten bolts, not eight.
    await detail.getByRole('button', { name: 'Change order…' }).click();
    const form = page.getByRole('dialog', { name: 'Change order SO-5001' });
    await form.getByLabel('Quantity on line 1').fill('10');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await detail.getByRole('status').filter({ hasText: 'Order SO-5001 changed' }).waitFor();
    expect((await e.call('orders.get', { id: order.id })).lines.map((l) => l.ordered)).toEqual(['10', '20']);

    // Six bolts scanned one by one (the scan field takes them with nothing focused), then 20 nuts typed in.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    for (let i = 0; i < 6; i++) {
      await page.keyboard.type('5012345678900');
      await page.keyboard.press('Enter');
    }
    await detail.getByRole('status').filter({ hasText: 'Hex bolt M8; 4 still to pick' }).waitFor();
    await detail.getByLabel('Pick Nut M8').fill('20');
    await detail.getByLabel('Pick Nut M8').press('Enter');
    await detail.getByRole('row', { name: /Nut M8 20 20 0/ }).waitFor();

    await detail.getByRole('button', { name: 'Post order' }).click();
    await detail.getByText('Back order', { exact: true }).first().waitFor();
    await detail.getByRole('row', { name: /Hex bolt M8 10 6 4 4/ }).waitFor();
    await e.shot(page, 'picking-back-order');
    expect((await e.call('orders.get', { id: order.id })).backOrder).toBe(true);

    await detail.getByRole('button', { name: 'Close order…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Close order SO-5001' });
    await dialog.getByLabel('Reason').fill('Customer collects the rest elsewhere');
    await dialog.getByLabel('Reason').press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await detail.getByRole('status').filter({ hasText: 'closed' }).waitFor();
    const closed = await e.call('orders.get', { id: order.id });
    expect(closed.status).toBe('posted');
    expect(closed.lines[0]).toMatchObject({ picked: '6', cancelled: '4', remaining: '0' });
    await e.shot(page, 'picking-closed');
    await page.close();
  });
});
