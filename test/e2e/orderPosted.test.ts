/** After the sync, a posted order names the QuickBooks document it became, with QuickBooks' number. */
import { describe, expect, it } from 'vitest';
import { useE2e } from './harness';

const e = useE2e({ practice: true });

describe('a posted order in Chromium', () => {
  it('shows the invoice QuickBooks made for it once the sync has sent it', async () => {
    const answer = await e.running.host.connection.client();
    if (!answer.ok) throw new Error(answer.reason);
    const qbo = answer.qbo;
    const part = (await qbo.queryAll('Item', "Type = 'Inventory'")).find((i) => Number(i.QtyOnHand) >= 2);
    const customer = (await qbo.queryAll('Customer'))[0];
    if (!part || !customer) throw new Error('the practice company has no stocked inventory part or customer');
    // A bookkeeper writes the estimate in QuickBooks; ShelfSync takes it in as a picking order.
    await qbo.create(
      'Estimate',
      {
        DocNumber: 'SO-8801',
        CustomerRef: { value: customer.Id },
        TxnStatus: 'Accepted',
        Line: [{ DetailType: 'SalesItemLineDetail', Amount: 4, SalesItemLineDetail: { ItemRef: { value: part.Id }, Qty: 2, UnitPrice: 2 } }],
      },
      'e2e-order-posted-8801',
    );
    await e.call('sync.now', {});
    const order = (await e.call('orders.list', { search: 'SO-8801' })).rows[0];
    if (!order) throw new Error('SO-8801 did not come in');
    const full = await e.call('orders.get', { id: order.id });
    await e.call('orders.pick', { orderId: order.id, lineId: full.lines[0]?.id, qty: '2' });
    await e.call('sync.now', {});
    const posted = await e.call('orders.get', { id: order.id });
    expect(posted.qboDocuments).toHaveLength(1);
    expect(posted.qboDocuments[0]).toMatchObject({ type: 'invoice', qboNumber: 'SO-8801' });

    const page = await e.open('picking', 'Picking', { width: 1366, height: 768 });
    await page.getByLabel('Search orders').fill('SO-8801');
    await page.getByRole('row', { name: /SO-8801/ }).click();
    const detail = page.getByRole('complementary', { name: 'Order SO-8801' });
    await detail.getByText('Sent to QuickBooks as invoice SO-8801.').waitFor();
    await e.shot(page, 'order-sent-as-invoice');
    await page.close();
  });
});
