import { afterEach, describe, expect, it } from 'vitest';
import type { PickingOrder } from '../../src-shared/ipc';
import { syncHarness, type SyncHarness } from './harness';
import { asQboUser, itemLine, itemLines, orderNumbered, qboAll, salesPieces, syncWithAnswerLost, type Order, type QboDoc } from './documentsSupport';

let h: SyncHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** A QuickBooks sales order imported as a picking order: two parts at known prices. */
async function importedOrder(h: SyncHarness, number: string, qty: [number, number] = [3, 2]) {
  const p = await salesPieces(h);
  const estimate = await asQboUser.create(h, 'Estimate', {
    DocNumber: number,
    CustomerRef: p.customer,
    TxnStatus: 'Accepted',
    Line: [itemLine(p.parts[0], qty[0], 12.5), itemLine(p.service, 1, 40), itemLine(p.parts[1], qty[1], 7.25)],
  });
  await h.sync();
  const order = await orderNumbered(h, number);
  if (!order) throw new Error(`${number} was not imported`);
  return { p, estimate, order };
}

const pick = (h: SyncHarness, order: Order, index: number, qty: string) =>
  h.call<Order>('orders.pick', { orderId: order.id, lineId: order.lines[index]?.id, qty });
const docs = async (h: SyncHarness, entity: string, prefix: string) =>
  (await qboAll<QboDoc>(h, entity)).filter((d) => d.DocNumber?.startsWith(prefix)).sort((a, b) => (a.DocNumber ?? '').localeCompare(b.DocNumber ?? ''));

/** An order picked in full and posted; QuickBooks makes the invoice but the answer is lost, then cannot be reached. */
async function postWithAnswerLost(h: SyncHarness, number: string): Promise<void> {
  const { order } = await importedOrder(h, number, [1, 1]);
  await pick(h, order, 0, '1');
  await pick(h, order, 1, '1');
  expect((await syncWithAnswerLost(h, { method: 'POST', pathIncludes: '/batch' })).status).toBe('failed');
}

describe('posting picked orders to QuickBooks', () => {
  it('posts a picked order as an invoice linked to its estimate, with the picked quantities at the estimate prices', async () => {
    h = await syncHarness();
    const { p, estimate, order } = await importedOrder(h, 'SO-7501');
    await pick(h, order, 0, '3');
    await pick(h, order, 1, '2');
    const run = await h.sync();
    expect(run.counts['salesOrders.push']?.created).toBe(1);
    const [invoice, ...more] = await docs(h, 'Invoice', 'SO-7501');
    expect(more).toHaveLength(0);
    expect(invoice?.LinkedTxn).toContainEqual({ TxnId: estimate.Id, TxnType: 'Estimate' });
    expect(itemLines(invoice as QboDoc)).toEqual([
      [p.parts[0].value, 3, 12.5],
      [p.parts[1].value, 2, 7.25],
    ]);
    expect(invoice?.PrivateNote).toMatch(/^ShelfSync order /);
    // The order says what it became, with the number and id QuickBooks answered.
    const posted = await h.call<PickingOrder>('orders.get', { id: order.id });
    expect(posted.qboDocuments).toEqual([{ type: 'invoice', qboNumber: invoice?.DocNumber, qboTxnId: invoice?.Id }]);
    expect(invoice?.DocNumber).toBe('SO-7501');
    // QuickBooks closed the estimate for our invoice: that is not the order going out of sync.
    await h.sync();
    expect((await orderNumbered(h, 'SO-7501'))).toMatchObject({ status: 'posted', outOfSync: false });
  });

  it('posts as a sales receipt when Settings say so', async () => {
    h = await syncHarness();
    await h.settings({ postOrdersAs: 'salesReceipt' });
    const { order } = await importedOrder(h, 'SO-7502', [1, 1]);
    await pick(h, order, 0, '1');
    await pick(h, order, 1, '1');
    await h.sync();
    const receipts = await docs(h, 'SalesReceipt', 'SO-7502');
    expect(receipts).toHaveLength(1);
    const posted = await h.call<PickingOrder>('orders.get', { id: order.id });
    expect(posted.qboDocuments).toEqual([{ type: 'salesReceipt', qboNumber: 'SO-7502', qboTxnId: receipts[0]?.Id }]);
    expect(await docs(h, 'Invoice', 'SO-7502')).toHaveLength(0);
  });

  it('holds a picked order while Manual Posting is on, until it is posted', async () => {
    h = await syncHarness();
    await h.settings({ manualPosting: true });
    const { order } = await importedOrder(h, 'SO-7503', [1, 1]);
    await pick(h, order, 0, '1');
    await pick(h, order, 1, '1');
    await h.sync();
    expect(await docs(h, 'Invoice', 'SO-7503')).toHaveLength(0);
    expect((await orderNumbered(h, 'SO-7503'))?.status).toBe('picked');
    await h.call('orders.post', { orderId: order.id });
    await h.sync();
    expect(await docs(h, 'Invoice', 'SO-7503')).toHaveLength(1);
  });

  it('with Partial Invoices invoices what was picked, keeps the back order, and numbers the next invoice 1001-2', async () => {
    h = await syncHarness();
    await h.settings({ partialInvoices: true });
    const { p, order } = await importedOrder(h, 'SO-7504', [5, 2]);
    await pick(h, order, 0, '2');
    await h.call('orders.post', { orderId: order.id });
    await h.sync();
    const back = await orderNumbered(h, 'SO-7504');
    expect(back).toMatchObject({ status: 'open', backOrder: true });
    expect(back?.lines.map((l) => l.backOrdered)).toEqual(['3', '2']);

    await pick(h, order, 0, '3');
    await pick(h, order, 1, '2');
    await h.sync();
    const [first, second] = await docs(h, 'Invoice', 'SO-7504');
    expect(first?.DocNumber).toBe('SO-7504');
    expect(itemLines(first as QboDoc)).toEqual([[p.parts[0].value, 2, 12.5]]);
    expect(second?.DocNumber).toBe('SO-7504-2');
    expect(itemLines(second as QboDoc)).toEqual([
      [p.parts[0].value, 3, 12.5],
      [p.parts[1].value, 2, 7.25],
    ]);
    expect(await orderNumbered(h, 'SO-7504')).toMatchObject({ status: 'posted', outOfSync: false });
  });

  it('with Partial Invoices posts a partial order when it is closed', async () => {
    h = await syncHarness();
    await h.settings({ partialInvoices: true });
    const { p, order } = await importedOrder(h, 'SO-7505', [4, 2]);
    await pick(h, order, 0, '1');
    await h.call('orders.close', { orderId: order.id, reason: 'Customer took what we had' });
    await h.sync();
    const [invoice, ...more] = await docs(h, 'Invoice', 'SO-7505');
    expect(more).toHaveLength(0);
    expect(itemLines(invoice as QboDoc)).toEqual([[p.parts[0].value, 1, 12.5]]);
  });

  it('does not post twice when QuickBooks made the invoice but the answer was lost', async () => {
    h = await syncHarness();
    await postWithAnswerLost(h, 'SO-7506');
    // The estimate was closed by an invoice ShelfSync does not know yet: the retry finds it by its marker.
    const back = await h.sync();
    expect(back.status).toBe('ok');
    await h.sync();
    const invoices = await docs(h, 'Invoice', 'SO-7506');
    expect(invoices).toHaveLength(1);
    const order = await orderNumbered(h, 'SO-7506');
    expect(order).toMatchObject({ status: 'posted', outOfSync: false });
    // Found by its marker rather than answered: the order still names the one invoice QuickBooks holds.
    const posted = await h.call<PickingOrder>('orders.get', { id: order?.id });
    expect(posted.qboDocuments).toEqual([{ type: 'invoice', qboNumber: 'SO-7506', qboTxnId: invoices[0]?.Id }]);
  });

  it('keeps the document type chosen when the order was posted, so a setting changed before the retry makes no second document', async () => {
    h = await syncHarness();
    await postWithAnswerLost(h, 'SO-7507');
    // The invoice is in QuickBooks, unknown to ShelfSync; now the accountant switches to sales receipts.
    await h.settings({ postOrdersAs: 'salesReceipt' });
    expect((await h.sync()).status).toBe('ok');
    await h.sync();
    expect(await docs(h, 'Invoice', 'SO-7507')).toHaveLength(1);
    expect(await docs(h, 'SalesReceipt', 'SO-7507')).toHaveLength(0);
    expect(await orderNumbered(h, 'SO-7507')).toMatchObject({ status: 'posted', outOfSync: false });
  });
});

