import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/db';
import {
  createCustomer,
  createItem,
  createPickingOrder,
  createPurchaseOrder,
  createServiceLocation,
  createVendor,
  updateCustomer,
  updateItem,
} from '../../../src-main/warehouse';

let next = 0;
const effects = { clock: { now: () => new Date('2026-03-31T09:00:00Z') }, ids: { uuid: () => `id-${++next}` } };
const fresh = () => openDatabase(':memory:').db;

describe('duplicates are refused, naming what already holds the value', () => {
  it('refuses a second item of the same name, whatever its case', () => {
    const db = fresh();
    createItem(db, effects, { name: 'Hex Bolt' });
    expect(() => createItem(db, effects, { name: 'hex bolt' })).toThrow(/An item named "Hex Bolt" already exists/);
  });

  it('refuses a barcode another item already has, naming that item', () => {
    const db = fresh();
    createItem(db, effects, { name: 'Bolt', barcodes: ['123'] });
    const nut = createItem(db, effects, { name: 'Nut' });
    expect(() => updateItem(db, effects, { id: nut.id, barcodes: ['123'] })).toThrow(/"123" already belongs to the item "Bolt"/);
  });

  it('keeps display names unique across customers and vendors together', () => {
    const db = fresh();
    createVendor(db, effects, { displayName: 'Acme Ltd' });
    expect(() => createCustomer(db, effects, { displayName: 'ACME LTD' })).toThrow(/already used by the vendor "Acme Ltd"/);
    const other = createCustomer(db, effects, { displayName: 'Other' });
    expect(() => updateCustomer(db, effects, { id: other.id, displayName: 'acme ltd' })).toThrow(/vendor/);
    // Renaming a record to its own name in another case is not a clash.
    expect(updateCustomer(db, effects, { id: other.id, displayName: 'OTHER' }).displayName).toBe('OTHER');
  });

  it('refuses a second service location of the same name for one customer', () => {
    const db = fresh();
    const customer = createCustomer(db, effects, { displayName: 'Acme' });
    createServiceLocation(db, effects, { customerId: customer.id, name: 'Depot' });
    expect(() => createServiceLocation(db, effects, { customerId: customer.id, name: 'depot' })).toThrow(/already has a service location/);
  });

  it('refuses a document number already in use, naming the number', () => {
    const db = fresh();
    const item = createItem(db, effects, { name: 'Bolt' });
    const customer = createCustomer(db, effects, { displayName: 'Acme' });
    const vendor = createVendor(db, effects, { displayName: 'Supplier' });
    const order = { number: '1001', customerId: customer.id, lines: [{ itemId: item.id, qty: '1' }] };
    createPickingOrder(db, effects, order);
    expect(() => createPickingOrder(db, effects, order)).toThrow(/A picking order numbered "1001" already exists/);
    const po = { number: 'PO-1', vendorId: vendor.id, lines: [{ itemId: item.id, qty: '1' }] };
    createPurchaseOrder(db, effects, po);
    expect(() => createPurchaseOrder(db, effects, po)).toThrow(/A purchase order numbered "PO-1" already exists/);
  });

  it('numbers documents automatically from the highest plain number', () => {
    const db = fresh();
    const item = createItem(db, effects, { name: 'Bolt' });
    const customer = createCustomer(db, effects, { displayName: 'Acme' });
    const lines = [{ itemId: item.id, qty: '1' }];
    createPickingOrder(db, effects, { number: '41', customerId: customer.id, lines });
    createPickingOrder(db, effects, { number: 'WEB-900', customerId: customer.id, lines });
    expect(createPickingOrder(db, effects, { customerId: customer.id, lines }).number).toBe('42');
  });
});
