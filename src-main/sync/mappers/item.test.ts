import { describe, expect, it } from 'vitest';
import { defaultSettings, type Settings } from '../../../src-shared/ipc';
import { itemFromQbo, itemToQboCreate, itemToQboUpdate, type LocalItemForQbo } from './item';

const widget: LocalItemForQbo = {
  id: 'i1', name: 'Widget', sku: 'W-1', description: 'A widget', type: 'service', costCents: 250, priceCents: 1999,
  active: true, incomeAccountRef: null, expenseAccountRef: null, assetAccountRef: null, onHandUnits: 125000,
};

const withAccounts: Settings = {
  ...defaultSettings,
  defaultAccounts: {
    ...defaultSettings.defaultAccounts,
    service: { income: { id: '1', name: 'Services' }, expense: { id: '80', name: 'COGS' }, asset: null },
    inventory: { income: { id: '79', name: 'Sales' }, expense: { id: '80', name: 'COGS' }, asset: { id: '81', name: 'Inventory Asset' } },
  },
};

describe('item mapping', () => {
  it('reads an inventory part with its quantity, price, cost and accounts', () => {
    const item = itemFromQbo({
      Id: '11', SyncToken: '0', Name: 'Pump', Type: 'Inventory', Sku: 'P-9', UnitPrice: 10.5, PurchaseCost: 4.25,
      TrackQtyOnHand: true, QtyOnHand: 12.5, IncomeAccountRef: { value: '79' }, ExpenseAccountRef: { value: '80' }, AssetAccountRef: { value: '81' },
    });
    expect(item).toMatchObject({ name: 'Pump', type: 'inventory', priceCents: 1050, costCents: 425, qtyOnHandUnits: 125000, assetAccountRef: '81' });
  });

  it('skips categories and bundles', () => {
    expect(itemFromQbo({ Id: '2', SyncToken: '0', Name: 'Tools', Type: 'Category' })).toBeNull();
    expect(itemFromQbo({ Id: '3', SyncToken: '0', Name: 'Kit', Type: 'Group' })).toBeNull();
  });

  it('creates a service item in QuickBooks as a Service item with the service accounts and no quantity', () => {
    const result = itemToQboCreate(widget, withAccounts, '2026-11-28');
    expect(result).toEqual({
      ok: true,
      body: expect.objectContaining({ Type: 'Service', TrackQtyOnHand: false, Name: 'Widget', IncomeAccountRef: { value: '1' }, ExpenseAccountRef: { value: '80' } }) as unknown,
    });
    expect(result.ok && result.body).not.toHaveProperty('QtyOnHand');
    expect(result.ok && result.body).not.toHaveProperty('AssetAccountRef');
  });

  it('creates a non-inventory item as NonInventory, and equipment as a counted Inventory item with all three accounts', () => {
    const settings: Settings = {
      ...withAccounts,
      defaultAccounts: {
        ...withAccounts.defaultAccounts,
        nonInventory: { income: { id: '5', name: 'Parts sales' }, expense: { id: '6', name: 'Parts bought' }, asset: null },
        equipment: { income: { id: '7', name: 'Rental' }, expense: { id: '80', name: 'COGS' }, asset: { id: '82', name: 'Equipment' } },
      },
    };
    const part = itemToQboCreate({ ...widget, type: 'nonInventory' }, settings, '2026-11-28');
    expect(part.ok && part.body).toMatchObject({ Type: 'NonInventory', TrackQtyOnHand: false, IncomeAccountRef: { value: '5' }, ExpenseAccountRef: { value: '6' } });
    const kit = itemToQboCreate({ ...widget, type: 'equipment' }, settings, '2026-11-28');
    expect(kit.ok && kit.body).toMatchObject({
      Type: 'Inventory', TrackQtyOnHand: true, QtyOnHand: 12.5, InvStartDate: '2026-11-28',
      IncomeAccountRef: { value: '7' }, ExpenseAccountRef: { value: '80' }, AssetAccountRef: { value: '82' },
    });
  });

  it('names the missing default account instead of sending an item QuickBooks would refuse', () => {
    const service = itemToQboCreate(widget, defaultSettings, '2026-11-28');
    expect(!service.ok && service.reason).toContain('income account for service items');
    const part = itemToQboCreate({ ...widget, type: 'inventory' }, defaultSettings, '2026-11-28');
    expect(!part.ok && part.reason).toContain('income, expense (cost of goods sold), inventory asset account for inventory items');
  });

  it('updates sparsely without touching the quantity', () => {
    const body = itemToQboUpdate(widget, { qboId: '11', syncToken: '4' });
    expect(body).toMatchObject({ Id: '11', SyncToken: '4', sparse: true, Name: 'Widget' });
    expect(body).not.toHaveProperty('QtyOnHand');
  });
});
