import { describe, expect, it } from 'vitest';
import { startWarehouse } from './harness';
import { stockedWarehouse } from './fixtures';

describe('receiving a purchase order', () => {
  it('receives part of a posted PO, then the rest, and the stock and QuickBooks queue follow', async () => {
    const w = startWarehouse();
    const { bolt, nut, vendor } = await stockedWarehouse(w);
    const po = await w.call('purchaseOrders.create', {
      number: 'PO-100',
      vendorId: vendor.id,
      lines: [
        { itemId: bolt.id, qty: '100', unitCostCents: 12 },
        { itemId: nut.id, qty: '50.5' },
      ],
    });
    expect(po).toMatchObject({ status: 'draft', posted: false, totalCents: 1200 + 253 });
    expect((await w.call('purchaseOrders.post', { id: po.id })).status).toBe('open');

    const first = await w.call('purchaseOrders.receive', {
      purchaseOrderId: po.id,
      lines: [{ barcode: '5012345678900', qty: '40' }, { itemId: nut.id, qty: '0.5' }],
    });
    expect(first.purchaseOrder.status).toBe('partiallyReceived');
    expect(first.purchaseOrder.lines.map((l) => [l.received, l.remaining])).toEqual([['40', '60'], ['0.5', '50']]);
    expect((await w.call('items.get', { id: bolt.id })).onHand).toBe('40');

    const rest = await w.call('purchaseOrders.receive', { purchaseOrderId: po.id });
    expect(rest.purchaseOrder.status).toBe('received');
    expect((await w.call('items.get', { id: nut.id })).onHand).toBe('50.5');

    const receipts = w.rows("SELECT payload FROM outbox WHERE kind = 'purchaseOrder.receive' ORDER BY id").map(
      (r) => JSON.parse(r.payload as string) as { receiptId: string; lines: { qty: string }[] },
    );
    expect(receipts.map((r) => r.receiptId)).toEqual([first.receiptId, rest.receiptId]);
    expect(receipts.map((r) => r.lines.map((l) => l.qty))).toEqual([['40', '0.5'], ['60', '50']]);
    const movements = await w.call('stock.movements', { kind: 'receipt' });
    expect(movements.total).toBe(4);
  });

  it('refuses to receive more than is still expected, and changes nothing', async () => {
    const w = startWarehouse();
    const { bolt, vendor } = await stockedWarehouse(w);
    const po = await w.call('purchaseOrders.create', { vendorId: vendor.id, lines: [{ itemId: bolt.id, qty: '10' }] });
    const before = w.dump();
    const error = await w.refuse('purchaseOrders.receive', { purchaseOrderId: po.id, lines: [{ itemId: bolt.id, qty: '11' }] });
    expect(error).toMatchObject({ code: 'refused', field: 'lines.0.qty' });
    expect(error.message).toContain('Only 10 of "Hex bolt M8" are still expected');
    expect(w.dump()).toEqual(before);
  });

  it('marks a posted PO that is edited as needing a resync and queues it again', async () => {
    const w = startWarehouse();
    const { bolt, vendor } = await stockedWarehouse(w);
    const po = await w.call('purchaseOrders.create', { vendorId: vendor.id, lines: [{ itemId: bolt.id, qty: '10' }] });
    await w.call('purchaseOrders.post', { id: po.id });
    // The sync engine has sent the first upsert before the clerk edits the PO.
    w.write("UPDATE outbox SET state = 'done' WHERE kind = 'purchaseOrder.upsert'");
    const line = po.lines[0];
    const edited = await w.call('purchaseOrders.update', { id: po.id, lines: [{ id: line?.id, itemId: bolt.id, qty: '12' }] });
    expect(edited).toMatchObject({ needsResync: true, status: 'open' });
    expect(edited.lines[0]?.ordered).toBe('12');
    expect(w.rows("SELECT state FROM outbox WHERE kind = 'purchaseOrder.upsert' ORDER BY id")).toEqual([{ state: 'done' }, { state: 'pending' }]);
  });
});
