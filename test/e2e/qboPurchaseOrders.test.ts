import { describe, expect, it } from 'vitest';
import { scan, useE2e } from './harness';

const e = useE2e({ practice: true });

describe('a QuickBooks purchase order in Chromium', () => {
  it('comes in from the practice company, is received here in part by scanning, and is billed once', async () => {
    const answer = await e.running.host.connection.client();
    if (!answer.ok) throw new Error(answer.reason);
    const qbo = answer.qbo;
    const part = (await qbo.queryAll('Item', "Type = 'Inventory'"))[0];
    const vendor = (await qbo.queryAll('Vendor'))[0];
    if (!part || !vendor) throw new Error('the practice company has no inventory part or vendor');
    // A bookkeeper raises the PO in QuickBooks.
    const po = await qbo.create(
      'PurchaseOrder',
      {
        DocNumber: 'QB-7700',
        VendorRef: { value: vendor.Id },
        POStatus: 'Open',
        Line: [{ DetailType: 'ItemBasedExpenseLineDetail', Amount: 20, ItemBasedExpenseLineDetail: { ItemRef: { value: part.Id }, Qty: 8, UnitPrice: 2.5 } }],
      },
      'e2e-qbo-po-7700',
    );
    await e.call('settings.update', { directions: { purchaseOrders: 'twoWay' } });
    await e.call('sync.now', {});
    const items = await e.call('items.list', { search: String(part.Name), limit: 5 });
    const local = items.rows.find((i) => i.name === part.Name);
    if (!local) throw new Error('the part did not come in');
    await e.call('items.update', { id: local.id, barcodes: ['4006381333931'] });

    const page = await e.open('purchasing', 'Purchase orders');
    await page.getByRole('row', { name: /QB-7700/ }).click();
    const detail = page.getByRole('complementary', { name: 'Purchase order QB-7700' });
    await detail.getByText('From QuickBooks', { exact: true }).waitFor();
    expect(await detail.getByRole('button', { name: 'Edit…' }).count()).toBe(0);
    // Two received one by one, then a box of two with the quantity typed before the scan (2*).
    await scan(page, '4006381333931', 2);
    await page.keyboard.type('2*');
    await detail.getByRole('status').filter({ hasText: 'The next scan receives 2.' }).waitFor();
    await page.keyboard.type('4006381333931');
    await page.keyboard.press('Enter');
    await detail.getByRole('status').filter({ hasText: ': +2, 4 of 8 scanned.' }).waitFor();
    await detail.getByRole('button', { name: 'Receive scanned' }).click();
    await detail.getByText('Partly received', { exact: true }).waitFor();
    await e.shot(page, 'quickbooks-po-partly-received');

    await e.call('sync.now', {});
    await e.call('sync.now', {});
    const bills = (await qbo.queryAll('Bill')).filter((b) => typeof b.PrivateNote === 'string' && b.PrivateNote.startsWith('ShelfSync receipt'));
    expect(bills).toHaveLength(1);
    const line = (bills[0]?.Line as { LinkedTxn: { TxnId: string; TxnType: string }[]; ItemBasedExpenseLineDetail: { Qty: number } }[])[0];
    expect(line?.ItemBasedExpenseLineDetail.Qty).toBe(4);
    expect(line?.LinkedTxn[0]).toMatchObject({ TxnId: po.Id, TxnType: 'PurchaseOrder' });
    await page.close();
  });
});
