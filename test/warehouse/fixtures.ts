/** A small stocked warehouse for the integration tests, built through the contract. */
import type { Warehouse } from './harness';

export async function stockedWarehouse(w: Warehouse) {
  const bolt = await w.call('items.create', { name: 'Hex bolt M8', sku: 'HB-M8', barcodes: ['5012345678900'], costCents: 12, priceCents: 30 });
  const nut = await w.call('items.create', { name: 'Nut M8', barcodes: ['5012345678917'], costCents: 5, priceCents: 10 });
  const yard = await w.call('sites.create', { name: 'Yard' });
  const customer = await w.call('customers.create', { displayName: 'Acme Builders', email: 'orders@acme.example' });
  const vendor = await w.call('vendors.create', { displayName: 'Fastener Supply Co' });
  return { bolt, nut, yard, customer, vendor };
}
