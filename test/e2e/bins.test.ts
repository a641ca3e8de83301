import { describe, expect, it } from 'vitest';
import { cutOff } from './fit';
import { scan, smallWarehouse, useE2e } from './harness';

const e = useE2e();
const laptop = { width: 1366, height: 768 };

describe('Bins in Chromium', () => {
  it('receive into a bin: a primary bin set on the item, a receipt put away there and one to a scanned bin label, then the pick list in bin order', async () => {
    const { bolt, nut, vendor, customer } = await smallWarehouse(e);
    await e.call('bins.create', { siteId: 'main', code: 'DOCK-1' });

    // The clerk sets the bolt's primary bin on its detail.
    const inventory = await e.open('inventory', 'Inventory', laptop);
    await inventory.getByRole('option', { name: /Hex bolt M8/ }).click();
    const item = inventory.getByRole('complementary', { name: 'Item Hex bolt M8' });
    const bins = item.getByRole('region', { name: 'Bins' });
    await bins.getByLabel('Primary bin at Main warehouse').fill('a-03-2');
    await bins.getByRole('button', { name: 'Set' }).first().click();
    await bins.getByRole('row', { name: /Main warehouse a-03-2/ }).waitFor();
    expect(await cutOff(inventory)).toEqual([]);
    await e.shot(inventory, 'bins-item-detail');
    expect((await e.call('bins.forItem', { itemId: bolt.id })).bins).toMatchObject([{ siteId: 'main', code: 'a-03-2', primary: true }]);
    await inventory.close();

    const po = await e.call('purchaseOrders.create', { number: 'PO-8001', vendorId: vendor.id, lines: [{ itemId: bolt.id, qty: '3' }, { itemId: nut.id, qty: '2' }] });
    const po2 = await e.call('purchaseOrders.create', { number: 'PO-8002', vendorId: vendor.id, lines: [{ itemId: nut.id, qty: '1' }] });
    const page = await e.open('purchasing', 'Purchase orders', laptop);
    await page.getByRole('row', { name: /PO-8001/ }).click();
    const detail = page.getByRole('complementary', { name: 'Purchase order PO-8001' });
    await detail.waitFor();

    // Bolts go to their primary bin.
    await scan(page, '5012345678900', 3);
    await detail.getByRole('button', { name: 'Receive scanned' }).click();
    await detail.getByRole('status').filter({ hasText: 'Put away: 3 × Hex bolt M8 → a-03-2.' }).waitFor();

    // A bin label scanned first: the nuts go there.
    await scan(page, 'DOCK-1');
    await detail.getByRole('status').filter({ hasText: 'Putting away to bin DOCK-1.' }).waitFor();
    expect(await detail.getByLabel('Put away to bin').inputValue()).toBe('DOCK-1');
    await scan(page, '5012345678917', 2);
    await detail.getByRole('button', { name: 'Receive scanned' }).click();
    await detail.getByRole('status').filter({ hasText: 'Put away: 2 × Nut M8 → DOCK-1.' }).waitFor();
    expect(await cutOff(page)).toEqual([]);
    await e.shot(page, 'bins-received');
    expect((await e.call('purchaseOrders.get', { id: po.id })).status).toBe('received');

    // A bin typed that the site does not have is refused by name, and nothing is received.
    await page.getByRole('row', { name: /PO-8002/ }).click();
    const detail2 = page.getByRole('complementary', { name: 'Purchase order PO-8002' });
    await detail2.getByLabel('Put away to bin').fill('Z-99');
    await detail2.getByRole('button', { name: 'Receive everything outstanding…' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Receive everything' }).click();
    await detail2.getByRole('alert').filter({ hasText: 'There is no bin "Z-99" at Main warehouse' }).waitFor();
    expect((await e.call('purchaseOrders.get', { id: po2.id })).status).toBe('draft');
    await page.close();

    // The pick list walks the bins in order: the nut (A-01-1) before the bolt (a-03-2).
    await e.call('bins.assign', { itemId: nut.id, siteId: 'main', code: 'A-01-1', primary: true });
    await e.call('orders.create', { number: 'SO-8001', customerId: customer.id, lines: [{ itemId: bolt.id, qty: '1' }, { itemId: nut.id, qty: '1' }] });
    const picking = await e.open('picking', 'Picking', laptop);
    await picking.getByRole('row', { name: /SO-8001/ }).click();
    const order = picking.getByRole('complementary', { name: 'Order SO-8001' });
    await order.getByRole('row', { name: /A-01-1 Nut M8/ }).waitFor();
    const rows = await order.getByRole('table', { name: 'Order lines' }).locator('tbody tr').allInnerTexts();
    expect(rows.map((r) => r.split('\t').slice(0, 2).join(' '))).toEqual(['A-01-1 Nut M8', 'a-03-2 Hex bolt M8']);
    expect(await cutOff(picking)).toEqual([]);
    await e.shot(picking, 'bins-pick-list');
    await picking.close();
  });
});
