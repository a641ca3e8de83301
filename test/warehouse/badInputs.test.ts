import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { requests, type RequestName } from '../../src-shared/ipc';
import { samples } from '../contract/samples';
import { tempDir } from '../support/tmp';
import { startWarehouse, type Warehouse } from './harness';
import { stockedWarehouse } from './fixtures';

const areas = [
  'sites', 'items', 'stock', 'counts', 'customers', 'serviceLocations', 'vendors',
  'orders', 'purchaseOrders', 'invoices', 'estimates', 'audit', 'backup',
];
const warehouseRequests = (Object.keys(requests) as RequestName[]).filter((n) => areas.includes(n.split('.')[0] ?? ''));

/** A warehouse with one of everything, some of it already in a final state, to refuse things against. */
async function busyWarehouse(w: Warehouse) {
  const { bolt, nut, yard, customer, vendor } = await stockedWarehouse(w);
  const service = await w.call('items.create', { name: 'Delivery', type: 'service' });
  await w.call('stock.adjust', { itemId: bolt.id, qtyDiff: '5', reason: 'opening stock' });
  const location = await w.call('serviceLocations.create', { customerId: customer.id, name: 'Depot' });
  const done = await w.call('counts.start', { itemIds: [bolt.id] });
  await w.call('counts.post', { countId: done.id });
  const open = await w.call('counts.start', { itemIds: [bolt.id] });
  await w.call('bins.assign', { itemId: bolt.id, siteId: 'main', code: 'A-1' });
  const order = await w.call('orders.create', { number: 'SO-1', customerId: customer.id, lines: [{ itemId: bolt.id, qty: '3' }] });
  const posted = await w.call('orders.create', { number: 'SO-2', customerId: customer.id, lines: [{ itemId: bolt.id, qty: '1' }] });
  await w.call('orders.pick', { orderId: posted.id, itemId: bolt.id, qty: '1' });
  await w.call('orders.pick', { orderId: order.id, itemId: bolt.id, qty: '1' });
  const po = await w.call('purchaseOrders.create', { number: 'PO-1', vendorId: vendor.id, lines: [{ itemId: nut.id, qty: '2' }] });
  await w.call('purchaseOrders.post', { id: po.id });
  const closedPo = await w.call('purchaseOrders.create', { number: 'PO-2', vendorId: vendor.id, lines: [{ itemId: nut.id, qty: '2' }] });
  await w.call('purchaseOrders.close', { id: closedPo.id });
  const invoice = await w.call('invoices.create', { number: 'INV-1', customerId: customer.id, lines: [{ itemId: bolt.id, qty: '1' }] });
  await w.call('invoices.markReady', { id: invoice.id });
  const estimate = await w.call('estimates.create', { number: 'EST-1', customerId: customer.id, lines: [{ itemId: bolt.id, qty: '1' }] });
  await w.call('estimates.post', { id: estimate.id });
  await w.call('estimates.createInvoice', { id: estimate.id });
  const existingFile = path.join(tempDir(), 'exists.db');
  fs.writeFileSync(existingFile, 'not a database');
  const missing = 'no-such-id';

  /** Inputs the schema accepts but the warehouse must refuse. */
  const refusals: Partial<Record<RequestName, unknown[]>> = {
    'sites.create': [{ name: 'yard' }],
    'sites.update': [{ id: missing, name: 'x' }, { id: 'main', name: 'Yard' }],
    'items.get': [{ id: missing }],
    'items.create': [{ name: 'HEX BOLT M8' }, { name: 'New', barcodes: ['5012345678917'] }],
    'items.import': [
      { rows: [{ name: 'New' }, { name: 'HEX BOLT M8' }] },
      { rows: [{ name: 'New' }, { name: 'new' }] },
      { rows: [{ name: 'New', barcodes: ['5012345678917'] }] },
      { rows: [{ name: 'New', barcodes: ['1'] }, { name: 'Other', barcodes: ['1'] }] },
      { rows: [{ name: 'New' }, { name: '' }, { name: 'Other', costCents: -1 }] },
    ],
    'items.update': [{ id: missing, name: 'x' }, { id: bolt.id, type: 'service' }, { id: bolt.id, name: 'Nut M8' }],
    'items.deactivate': [{ id: missing }],
    'items.findByBarcode': [{ barcode: 'nothing' }],
    'stock.adjust': [
      { itemId: bolt.id, qtyDiff: '-100', reason: 'lost' },
      { itemId: service.id, qtyDiff: '1', reason: 'found' },
      { itemId: bolt.id, siteId: missing, qtyDiff: '1', reason: 'found' },
      { itemId: missing, qtyDiff: '1', reason: 'found' },
    ],
    'stock.transfer': [
      { itemId: bolt.id, fromSiteId: 'main', toSiteId: yard.id, qty: '100' },
      { itemId: bolt.id, fromSiteId: 'main', toSiteId: missing, qty: '1' },
    ],
    'stock.history': [{ itemId: missing }, { itemId: service.id }, { itemId: bolt.id, siteId: missing }],
    'counts.start': [{ siteId: missing }, { itemIds: [service.id] }, { itemIds: [bolt.id, missing] }],
    'counts.enter': [
      { countId: missing, itemId: bolt.id, counted: '1' },
      { countId: open.id, itemId: nut.id, counted: '1' },
      { countId: done.id, itemId: bolt.id, counted: '1' },
      { countId: open.id, itemId: bolt.id, counted: '1', binCode: 'Z-9' },
    ],
    'counts.bin': [{ countId: missing, binCode: 'A-1' }, { countId: open.id, binCode: 'Z-9' }, { countId: done.id, binCode: 'A-1' }],
    'counts.finishBin': [
      { countId: open.id, binCode: 'Z-9' },
      { countId: open.id, binCode: 'A-1', zeroItemIds: [nut.id] },
      { countId: open.id, binCode: 'A-1', zeroItemIds: [bolt.id, missing] },
      { countId: done.id, binCode: 'A-1' },
    ],
    'counts.post': [{ countId: done.id }, { countId: missing }],
    'counts.get': [{ id: missing }],
    'counts.list': [{ siteId: missing }],
    'customers.get': [{ id: missing }],
    'customers.create': [{ displayName: 'fastener supply co' }],
    'customers.update': [{ id: missing, displayName: 'x' }, { id: customer.id, displayName: 'Fastener Supply Co' }],
    'customers.deactivate': [{ id: missing }],
    'serviceLocations.create': [{ customerId: missing, name: 'Depot' }, { customerId: customer.id, name: 'DEPOT' }],
    'serviceLocations.update': [{ id: missing, name: 'x' }],
    'vendors.get': [{ id: missing }],
    'vendors.create': [{ displayName: 'Acme Builders' }],
    'vendors.update': [{ id: missing, displayName: 'x' }, { id: vendor.id, displayName: 'acme builders' }],
    'vendors.deactivate': [{ id: missing }],
    'orders.get': [{ id: missing }],
    'orders.create': [
      { number: 'SO-1', customerId: customer.id, lines: [{ itemId: bolt.id, qty: '1' }] },
      { customerId: customer.id, lines: [{ itemId: service.id, qty: '1' }] },
      { customerId: missing, lines: [{ itemId: bolt.id, qty: '1' }] },
      { customerId: customer.id, serviceLocationId: missing, lines: [{ itemId: bolt.id, qty: '1' }] },
    ],
    'orders.pick': [
      { orderId: order.id, itemId: bolt.id, qty: '3' },
      { orderId: order.id, itemId: nut.id, qty: '1' },
      { orderId: posted.id, itemId: bolt.id, qty: '1' },
      { orderId: missing, itemId: bolt.id, qty: '1' },
    ],
    'orders.close': [{ orderId: posted.id }, { orderId: missing }],
    'orders.update': [{ id: posted.id, customerId: customer.id, lines: [{ itemId: bolt.id, qty: '1' }] }, { id: missing, customerId: customer.id, lines: [{ itemId: bolt.id, qty: '1' }] }],
    'orders.post': [{ orderId: order.id }, { orderId: posted.id }],
    'orders.settleInQuickBooks': [{ orderId: order.id }, { orderId: missing }],
    'purchaseOrders.get': [{ id: missing }],
    'purchaseOrders.create': [
      { number: 'PO-1', vendorId: vendor.id, lines: [{ itemId: nut.id, qty: '1' }] },
      { vendorId: customer.id, lines: [{ itemId: nut.id, qty: '1' }] },
    ],
    'purchaseOrders.update': [{ id: missing }, { id: closedPo.id, note: 'x' }, { id: po.id, lines: [{ id: missing, itemId: nut.id, qty: '1' }] }],
    'purchaseOrders.post': [{ id: po.id }, { id: missing }],
    'purchaseOrders.receive': [
      { purchaseOrderId: po.id, lines: [{ itemId: nut.id, qty: '3' }] },
      { purchaseOrderId: po.id, lines: [{ itemId: bolt.id, qty: '1' }] },
      { purchaseOrderId: closedPo.id },
    ],
    'purchaseOrders.close': [{ id: closedPo.id }],
    'invoices.get': [{ id: missing }],
    'invoices.create': [{ customerId: missing, lines: [{ itemId: bolt.id, qty: '1' }] }, { number: 'INV-1', customerId: customer.id, lines: [{ itemId: bolt.id, qty: '1' }] }],
    'invoices.createFromOrder': [{ orderId: order.id }, { orderId: missing }],
    'invoices.markReady': [{ id: invoice.id }],
    'invoices.update': [{ id: invoice.id, note: 'x' }, { id: missing }],
    'invoices.unmarkReady': [{ id: missing }],
    'estimates.get': [{ id: missing }],
    'estimates.create': [{ customerId: missing, lines: [{ itemId: bolt.id, qty: '1' }] }],
    'estimates.post': [{ id: estimate.id }],
    'estimates.update': [{ id: estimate.id, note: 'x' }, { id: missing }],
    'estimates.createInvoice': [{ id: estimate.id }],
    'backup.create': [{ file: existingFile }],
    'backup.restore': [{ file: existingFile }],
  };
  return { location, refusals };
}

describe('bad input', () => {
  it('is refused at every warehouse request, with the stored data left exactly as it was', async () => {
    const w = startWarehouse();
    const { refusals } = await busyWarehouse(w);
    const before = w.dump();
    for (const name of warehouseRequests) {
      const bad = [
        ...samples[name].invalid.map((s) => s.input),
        { ...(samples[name].valid[0] as object), notAField: true },
        ...(refusals[name] ?? []),
      ];
      for (const input of bad) {
        const result = await w.host.invoke(name, input);
        expect(result.ok, `${name} ${JSON.stringify(input)}`).toBe(false);
        if (!result.ok) expect(result.error.message.length, name).toBeGreaterThan(10);
      }
      expect(w.dump(), `after bad ${name}`).toEqual(before);
    }
  });

  it('has a refusal against real data for every request that writes', async () => {
    const w = startWarehouse();
    const { refusals } = await busyWarehouse(w);
    const writes = warehouseRequests.filter((n) => !/\.(list|get|movements)$/.test(n));
    expect(writes.filter((n) => !(refusals[n]?.length ?? 0))).toEqual([]);
  });
});
