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
  it('receives with a quantity per scan typed as 12* in the scan field or in its box, back to 1 after each scan, and a barcode in the box is refused', async () => {
    const vendor = await e.call('vendors.create', { displayName: 'Box Lot Supplies' });
    const washer = (await e.call('items.list', { search: 'Washer M8', limit: 5 })).rows[0];
    if (!washer) throw new Error('no washer');
    const po = await e.call('purchaseOrders.create', { number: 'PO-8802', vendorId: vendor.id, lines: [{ itemId: washer.id, qty: '30', unitCostCents: 2 }] });
    await e.call('purchaseOrders.post', { id: po.id });
    const before = (await e.call('items.get', { id: washer.id })).onHand;

    const page = await e.open('purchasing', 'Purchase orders', small);
    expect((await focused(page))?.type).toBe('search');
    await page.keyboard.type('PO-8802');
    await page.getByRole('row', { name: /PO-8802/ }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const poDetail = page.getByRole('complementary', { name: 'Purchase order PO-8802' });
    await poDetail.waitFor();
    const box = poDetail.getByLabel('Quantity for the next scan');
    expect(await box.inputValue()).toBe('1');
    await poDetail.getByText('Type the quantity then * (like 12*) before a scan; after that scan it is 1 again.').waitFor();

    // 12* in the scan field sets the quantity at once (no Enter), then one scan receives 12.
    expect((await focused(page))?.name).toBe('scan');
    await page.keyboard.type('12*');
    await poDetail.getByRole('status').filter({ hasText: 'The next scan receives 12.' }).waitFor();
    expect(await box.inputValue()).toBe('12');
    expect(await poDetail.locator('input[name=scan]').inputValue()).toBe('');
    await scan(page, '5012345678924', 1);
    await poDetail.getByRole('status').filter({ hasText: 'Washer M8: +12, 12 of 30 scanned.' }).waitFor();
    expect(await box.inputValue()).toBe('1');
    await scan(page, '5012345678924', 1);
    await poDetail.getByRole('status').filter({ hasText: 'Washer M8: 13 of 30 scanned.' }).waitFor();

    // More than is still expected: refused, nothing added, the quantity kept to correct.
    await page.keyboard.type('20*');
    await scan(page, '5012345678924', 1);
    await poDetail.getByRole('alert').filter({ hasText: 'Only 17 more Washer M8 are expected on PO PO-8802, not 20; nothing was added.' }).waitFor();
    expect(await box.inputValue()).toBe('20');

    // The box: Tab to it, type, Enter goes back to the scan field.
    await page.keyboard.press('Tab');
    expect((await focused(page))?.name).toBe('receiveQty');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('5');
    await page.keyboard.press('Enter');
    expect((await focused(page))?.name).toBe('scan');
    await scan(page, '5012345678924', 1);
    await poDetail.getByRole('status').filter({ hasText: 'Washer M8: +5, 18 of 30 scanned.' }).waitFor();

    // A barcode scanned while the box had the cursor is not taken as 5 million washers.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('5012345678924');
    await page.keyboard.press('Enter');
    await poDetail.getByRole('alert').filter({ hasText: '"5012345678924" looks like a barcode, not a quantity: scan it in the scan field.' }).waitFor();
    expect(await box.inputValue()).toBe('1');
    expect((await focused(page))?.name).toBe('scan');
    await e.shot(page, 'receive-quantity-per-scan');

    await page.keyboard.press('F9');
    await poDetail.getByRole('status').filter({ hasText: 'Received 1 line.' }).waitFor();
    const received = await e.call('purchaseOrders.get', { id: po.id });
    expect(received.lines[0]?.received).toBe('18');
    expect(Number((await e.call('items.get', { id: washer.id })).onHand) - Number(before)).toBe(18);
    await page.close();
  });
});
