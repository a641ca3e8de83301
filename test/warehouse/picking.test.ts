import { describe, expect, it } from 'vitest';
import { startWarehouse } from './harness';
import { stockedWarehouse } from './fixtures';

describe('picking an order', () => {
  it('picks part of an order, invoices it and leaves the rest as a back order', async () => {
    const w = startWarehouse();
    const { bolt, nut, customer } = await stockedWarehouse(w);
    await w.call('settings.update', { manualPosting: true, partialInvoices: true });
    await w.call('stock.adjust', { itemId: bolt.id, qtyDiff: '6', reason: 'opening stock' });
    await w.call('stock.adjust', { itemId: nut.id, qtyDiff: '20', reason: 'opening stock' });
    const order = await w.call('orders.create', {
      number: '5001',
      customerId: customer.id,
      lines: [
        { itemId: bolt.id, qty: '10' },
        { itemId: nut.id, qty: '20' },
      ],
    });

    await w.call('orders.pick', { orderId: order.id, barcode: '5012345678900', qty: '6' });
    const picking = await w.call('orders.pick', { orderId: order.id, itemId: nut.id, qty: '20' });
    expect(picking.status).toBe('picking');
    expect((await w.call('items.get', { id: bolt.id })).onHand).toBe('0');

    const posted = await w.call('orders.post', { orderId: order.id });
    expect(posted.posted).toEqual([{ orderId: order.id, number: '5001', status: 'open', lines: 2 }]);
    const backOrder = await w.call('orders.get', { id: order.id });
    expect(backOrder.backOrder).toBe(true);
    expect(backOrder.lines.map((l) => [l.itemName, l.invoiced, l.backOrdered])).toEqual([
      ['Hex bolt M8', '6', '4'],
      ['Nut M8', '20', '0'],
    ]);
    const payload = JSON.parse(w.rows("SELECT payload FROM outbox WHERE kind = 'order.post'")[0]?.payload as string) as unknown;
    expect(payload).toEqual({
      postAs: 'invoice',
      lines: [
        { lineId: backOrder.lines[0]?.id, itemId: bolt.id, qty: '6' },
        { lineId: backOrder.lines[1]?.id, itemId: nut.id, qty: '20' },
      ],
    });
    const trail = await w.call('audit.list', { recordType: 'order', recordId: order.id });
    expect(trail.rows.map((r) => r.action).reverse()).toEqual(['status.open', 'status.picking', 'status.open']);
  });

  it('refuses to pick more than is on hand, naming the item, site and on-hand', async () => {
    const w = startWarehouse();
    const { bolt, customer } = await stockedWarehouse(w);
    await w.call('stock.adjust', { itemId: bolt.id, qtyDiff: '2', reason: 'opening stock' });
    const order = await w.call('orders.create', { customerId: customer.id, lines: [{ itemId: bolt.id, qty: '5' }] });
    const before = w.dump();
    const error = await w.refuse('orders.pick', { orderId: order.id, itemId: bolt.id, qty: '3' });
    expect(error).toMatchObject({ code: 'refused', field: 'qty' });
    expect(error.message).toBe(
      'Not enough "Hex bolt M8" at Main warehouse: 2 on hand, 3 asked for. (The setting "Allow negative stock" permits this.)',
    );
    expect(w.dump()).toEqual(before);
  });

  it('closes a partial order: the rest is cancelled and what was picked is posted at once', async () => {
    const w = startWarehouse();
    const { bolt, customer } = await stockedWarehouse(w);
    await w.call('stock.adjust', { itemId: bolt.id, qtyDiff: '10', reason: 'opening stock' });
    const order = await w.call('orders.create', { customerId: customer.id, lines: [{ itemId: bolt.id, qty: '5' }] });
    await w.call('orders.pick', { orderId: order.id, lineId: order.lines[0]?.id ?? '', qty: '2' });
    const closed = await w.call('orders.close', { orderId: order.id, reason: 'Customer collected the rest elsewhere' });
    expect(closed.status).toBe('posted');
    expect(closed.lines[0]).toMatchObject({ picked: '2', cancelled: '3', remaining: '0', backOrdered: '0' });
    const invoice = await w.call('invoices.createFromOrder', { orderId: order.id });
    expect(invoice).toMatchObject({ totalCents: 60, readyForSync: false, orderId: order.id });
    expect(w.rows("SELECT COUNT(*) AS n FROM outbox WHERE kind = 'invoice.post'")[0]?.n).toBe(0);
    await w.call('invoices.markReady', { id: invoice.id });
    expect(w.rows("SELECT local_id FROM outbox WHERE kind = 'invoice.post'")).toEqual([{ local_id: invoice.id }]);
  });

  it('changes an order before picking starts, and refuses once it has', async () => {
    const w = startWarehouse();
    const { bolt, nut, yard, customer } = await stockedWarehouse(w);
    const order = await w.call('orders.create', { number: 'SO-77', customerId: customer.id, lines: [{ itemId: bolt.id, qty: '2' }] });
    const changed = await w.call('orders.update', { id: order.id, customerId: customer.id, siteId: yard.id, note: 'Call first', lines: [{ itemId: nut.id, qty: '4' }, { itemId: bolt.id, qty: '1' }] });
    expect(changed).toMatchObject({ number: 'SO-77', siteId: yard.id, note: 'Call first', status: 'open' });
    expect(changed.lines.map((l) => [l.itemName, l.ordered])).toEqual([['Nut M8', '4'], ['Hex bolt M8', '1']]);
    await w.call('stock.adjust', { itemId: nut.id, siteId: yard.id, qtyDiff: '4', reason: 'found' });
    await w.call('orders.pick', { orderId: order.id, itemId: nut.id, qty: '1' });
    const refused = await w.refuse('orders.update', { id: order.id, customerId: customer.id, lines: [{ itemId: bolt.id, qty: '9' }] });
    expect(refused).toMatchObject({ code: 'refused', field: 'id', message: expect.stringContaining('Picking has started') as string });
    expect((await w.call('orders.get', { id: order.id })).lines).toHaveLength(2);
  });
});

