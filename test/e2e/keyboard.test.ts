/**
 * Picking and receiving with the keyboard and the scan field only, no mouse: Alt+letter to the screen,
 * the search box has focus, ArrowDown to the list, Enter opens the record, the scan field takes the
 * scans and keeps focus, F8 posts, F9 receives, Escape closes the record.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { smallWarehouse, useE2e } from './harness';

const e = useE2e();
const small = { width: 1366, height: 768 };

const focused = (page: Page) => page.evaluate(() => {
  const a = document.activeElement;
  return a ? { tag: a.tagName.toLowerCase(), name: a.getAttribute('name'), type: a.getAttribute('type'), text: a.textContent?.slice(0, 40) ?? '' } : null;
});

/** Each scan is typed into the focused scan field and waits for its answer, which leaves focus there. */
async function scan(page: Page, code: string, times: number) {
  for (let i = 0; i < times; i++) {
    expect((await focused(page))?.name).toBe('scan');
    const before = await page.locator('.scan-outcome').first().textContent();
    await page.keyboard.type(code);
    await page.keyboard.press('Enter');
    // The answer shows, or the order is fully picked and its scan field gives way to Post.
    await page.waitForFunction(
      (said) => {
        const now = document.querySelector('.scan-outcome')?.textContent ?? null;
        return now === null || (now !== said && now !== 'Working…');
      },
      before,
    );
  }
}

describe('keyboard and scanner only', () => {
  it('picks an order and receives a purchase order without touching the mouse', async () => {
    const { bolt, nut, customer, vendor } = await smallWarehouse(e);
    await e.call('settings.update', { manualPosting: true });
    await e.call('stock.adjust', { itemId: bolt.id, qtyDiff: '10', reason: 'opening stock' });
    await e.call('stock.adjust', { itemId: nut.id, qtyDiff: '10', reason: 'opening stock' });
    const order = await e.call('orders.create', { number: 'SO-8801', customerId: customer.id, lines: [{ itemId: bolt.id, qty: '2' }, { itemId: nut.id, qty: '1' }] });
    const po = await e.call('purchaseOrders.create', { number: 'PO-8801', vendorId: vendor.id, lines: [{ itemId: nut.id, qty: '3', unitCostCents: 5 }] });
    await e.call('purchaseOrders.post', { id: po.id });

    const page = await e.open('inventory', 'Inventory', small);
    // Inventory is a scanning screen: its scan field has focus from the start.
    expect((await focused(page))?.name).toBe('scan');
    expect(await page.getByRole('button', { name: 'New item…' }).getAttribute('title')).toBe('New item (F2)');
    expect(await page.getByRole('tab', { name: 'Count' }).getAttribute('title')).toBe('Count (F4)');

    await page.keyboard.press('Alt+p');
    await page.getByRole('heading', { name: 'Picking', level: 1 }).waitFor();
    expect((await focused(page))?.type).toBe('search');
    await page.keyboard.press('ArrowDown');
    expect((await focused(page))?.text).toContain('SO-8801');
    await page.keyboard.press('Enter');
    const detail = page.getByRole('complementary', { name: 'Order SO-8801' });
    await detail.waitFor();
    await scan(page, '5012345678900', 2);
    expect(await detail.locator('.scan-outcome').textContent()).toMatch(/^Picked 1 × Hex bolt M8; 0 still to pick/);
    expect((await focused(page))?.name).toBe('scan');
    await scan(page, '5012345678917', 1);
    await detail.locator('.detail-head .badge').filter({ hasText: /^Picked$/ }).waitFor();
    const post = detail.getByRole('button', { name: 'Post order' });
    expect(await post.getAttribute('title')).toBe('Post order (F8)');
    await page.keyboard.press('F8');
    await detail.locator('.detail-head .badge').filter({ hasText: /^Posted$/ }).waitFor();
    expect((await e.call('orders.get', { id: order.id })).status).toBe('posted');
    // Post says what was sent.
    await detail.getByRole('status').filter({ hasText: 'Posted SO-8801 (2 lines) for invoicing; the next sync sends it to QuickBooks.' }).waitFor();
    await e.shot(page, 'keyboard-picked');
    await page.keyboard.press('Escape');
    await page.getByText('Choose an order to pick.').waitFor();

    await page.keyboard.press('Alt+o');
    await page.getByRole('heading', { name: 'Purchase orders', level: 1 }).waitFor();
    expect((await focused(page))?.type).toBe('search');
    await page.keyboard.press('ArrowDown');
    expect((await focused(page))?.text).toContain('PO-8801');
    await page.keyboard.press('Enter');
    const poDetail = page.getByRole('complementary', { name: 'Purchase order PO-8801' });
    await poDetail.waitFor();
    expect((await focused(page))?.name).toBe('scan');
    for (let i = 0; i < 3; i++) {
      await page.keyboard.type('5012345678917');
      await page.keyboard.press('Enter');
    }
    await poDetail.getByRole('row', { name: /Nut M8/ }).locator('input').first().waitFor();
    await page.waitForFunction(() => Array.from(document.querySelectorAll<HTMLInputElement>('aside input')).some((i) => i.value === '3'));
    expect(await poDetail.getByRole('button', { name: 'Receive scanned' }).getAttribute('title')).toBe('Receive scanned (F9)');
    await page.keyboard.press('F9');
    await poDetail.getByText('Received', { exact: true }).first().waitFor();
    expect((await e.call('purchaseOrders.get', { id: po.id })).status).toBe('received');
    expect((await e.call('items.get', { id: nut.id })).onHand).toBe('12');
    await e.shot(page, 'keyboard-received');
    await page.keyboard.press('Escape');
    await page.getByText('Choose a purchase order.').waitFor();
    await page.close();
  });
});
