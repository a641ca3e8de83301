import { describe, expect, it } from 'vitest';
import { smallWarehouse, useE2e } from './harness';

const e = useE2e();

describe('Low stock screen in Chromium', () => {
  it('lists items at their reorder point by vendor and makes one draft purchase order per vendor', async () => {
    const { bolt, nut, washer, customer, vendor } = await smallWarehouse(e);
    const other = await e.call('vendors.create', { displayName: 'Anchor Wholesale' });
    await e.call('stock.adjust', { itemId: bolt.id, qtyDiff: '8', reason: 'opening stock' });
    await e.call('reorderLevels.set', { itemId: bolt.id, siteId: 'main', reorderPoint: '10', reorderUpTo: '40' });
    await e.call('reorderLevels.setVendor', { itemId: bolt.id, vendorId: vendor.id });
    await e.call('reorderLevels.set', { itemId: nut.id, siteId: 'main', reorderPoint: '5', reorderUpTo: '25' });
    await e.call('orders.create', { customerId: customer.id, lines: [{ itemId: nut.id, qty: '3' }] });
    // Plenty of washers: not listed.
    await e.call('stock.adjust', { itemId: washer.id, qtyDiff: '100', reason: 'opening stock' });
    await e.call('reorderLevels.set', { itemId: washer.id, siteId: 'main', reorderPoint: '10' });

    const inventory = await e.open('inventory', 'Inventory');
    await inventory.getByRole('option', { name: /Hex bolt M8.*low/ }).waitFor();
    await e.shot(inventory, 'inventory-low-stock-marked');
    await inventory.close();

    const page = await e.open('lowStock', 'Low stock');
    const table = page.getByRole('table', { name: 'Low stock' });
    const boltRow = table.getByRole('row', { name: 'Hex bolt M8 at Main warehouse' });
    await boltRow.waitFor();
    // 8 on hand, reorder up to 40: 32; the nut has 3 promised to an order: 25 − (0 − 3) = 28.
    expect(await boltRow.getByRole('textbox', { name: /Quantity of Hex bolt M8/ }).inputValue()).toBe('32');
    const nutRow = table.getByRole('row', { name: 'Nut M8 at Main warehouse' });
    expect(await nutRow.getByRole('textbox', { name: /Quantity of Nut M8/ }).inputValue()).toBe('28');
    expect(await table.getByRole('row', { name: /Washer M8/ }).count()).toBe(0);
    await table.getByRole('rowgroup', { name: 'Fastener Supply Co' }).waitFor();
    await table.getByRole('rowgroup', { name: /No preferred vendor/ }).waitFor();

    // Order 30 bolts instead, and choose a vendor for the nut.
    await boltRow.getByRole('textbox', { name: /Quantity of Hex bolt M8/ }).fill('30');
    const vendorBox = nutRow.getByRole('combobox', { name: 'Vendor for Nut M8' });
    await vendorBox.fill('Anchor');
    await page.getByRole('option', { name: /Anchor Wholesale/ }).click();
    await e.shot(page, 'low-stock-chosen');
    await page.getByRole('button', { name: 'Create purchase orders (2)' }).click();
    await page.getByRole('status').filter({ hasText: /Made 2 draft purchase orders: PO \d+ \((Fastener Supply Co|Anchor Wholesale)\)/ }).waitFor();
    await e.shot(page, 'low-stock-purchase-orders-made');

    const pos = await e.call('purchaseOrders.list', { status: 'draft' });
    const made = await Promise.all(pos.rows.map((p) => e.call('purchaseOrders.get', { id: p.id })));
    expect(made.map((p) => [p.vendorName, p.lines.map((l) => [l.itemName, l.ordered])]).sort()).toEqual([
      ['Anchor Wholesale', [['Nut M8', '28']]],
      ['Fastener Supply Co', [['Hex bolt M8', '30']]],
    ]);
    expect((await e.call('reorderLevels.get', { itemId: nut.id })).preferredVendor?.id).toBe(other.id);
    // What is now on order covers the bolts but for 2, and the nuts fully.
    await boltRow.getByRole('cell', { name: '30', exact: true }).first().waitFor();
    // The screen starts again from the new suggestions, so a second click cannot order the same again.
    expect(await boltRow.getByRole('textbox', { name: /Quantity of Hex bolt M8/ }).inputValue()).toBe('2');
    expect(await nutRow.getByRole('checkbox').isChecked()).toBe(false);
    const after = await e.call('lowStock.list', {});
    expect(after.rows.map((r) => [r.itemName, r.suggested])).toEqual([
      ['Nut M8', '0'],
      ['Hex bolt M8', '2'],
    ]);
    await page.close();
  });
});
