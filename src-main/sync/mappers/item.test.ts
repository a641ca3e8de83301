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

  it('creates a service item in QuickBooks as an Inventory item with the default accounts for services', () => {
    const result = itemToQboCreate(widget, withAccounts, '2026-11-28');
    expect(result).toEqual({
      ok: true,
      body: expect.objectContaining({
        Type: 'Inventory', TrackQtyOnHand: true, QtyOnHand: 12.5, InvStartDate: '2026-11-28', Name: 'Widget',
        IncomeAccountRef: { value: '1' }, ExpenseAccountRef: { value: '80' }, AssetAccountRef: { value: '81' },
      }) as unknown,
    });
  });

  it('names the missing default account instead of sending an item QuickBooks would refuse', () => {
    const result = itemToQboCreate(widget, defaultSettings, '2026-11-28');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toContain('income, expense (cost of goods sold), inventory asset account for service items');
  });

  it('updates sparsely without touching the quantity', () => {
    const body = itemToQboUpdate(widget, { qboId: '11', syncToken: '4' });
    expect(body).toMatchObject({ Id: '11', SyncToken: '4', sparse: true, Name: 'Widget' });
    expect(body).not.toHaveProperty('QtyOnHand');
  });
});
