import { describe, expect, it } from 'vitest';
import { scan, smallWarehouse, useE2e } from './harness';

const e = useE2e();

describe('Purchase orders screen in Chromium', () => {
  it('receives a purchase order by scanning, first in part and then in full', async () => {
    const { bolt, nut, vendor } = await smallWarehouse(e);
    const po = await e.call('purchaseOrders.create', {
      number: 'PO-7001',
      vendorId: vendor.id,
      lines: [{ itemId: bolt.id, qty: '5', unitCostCents: 12 }, { itemId: nut.id, qty: '2' }],
    });
    await e.call('purchaseOrders.post', { id: po.id });

    const page = await e.open('purchasing', 'Purchase orders');
    await page.getByRole('row', { name: /PO-7001/ }).click();
    const detail = page.getByRole('complementary', { name: 'Purchase order PO-7001' });
    await detail.getByText('Posted', { exact: true }).waitFor();

    await scan(page, '5012345678900', 3);
    await detail.getByRole('status').filter({ hasText: 'Hex bolt M8: 3 of 5 scanned.' }).waitFor();
    await detail.getByRole('button', { name: 'Receive scanned' }).click();
    await detail.getByRole('status').filter({ hasText: 'Received 1 line.' }).waitFor();
    await detail.getByText('Partly received', { exact: true }).waitFor();
    await detail.getByRole('row', { name: /Hex bolt M8 5 3 2/ }).waitFor();
    await e.shot(page, 'purchase-order-partly-received');
    expect((await e.call('items.get', { id: bolt.id })).onHand).toBe('3');

    // One too many bolts is refused at the scan, before anything is received.
    await scan(page, '5012345678900', 3);
    await detail.getByRole('alert').filter({ hasText: 'already scanned' }).waitFor();
    await scan(page, '5012345678917', 2);
    await detail.getByRole('status').filter({ hasText: 'Nut M8: 2 of 2 scanned.' }).waitFor();
    await detail.getByRole('button', { name: 'Receive scanned' }).click();
    await detail.getByText('Received', { exact: true }).first().waitFor();
    await detail.getByRole('row', { name: /Nut M8 2 2 0/ }).waitFor();
    await e.shot(page, 'purchase-order-received');
    const received = await e.call('purchaseOrders.get', { id: po.id });
    expect(received.status).toBe('received');
    expect((await e.call('items.get', { id: bolt.id })).onHand).toBe('5');
    expect((await e.call('items.get', { id: nut.id })).onHand).toBe('2');
    await page.close();
  });
});
