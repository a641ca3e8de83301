/**
 * What the layout tests visit: every screen and every dialog, with the longest names a clerk meets,
 * measured for anything cut off (a screenshot of each when asked). Two test files use it, one per
 * window size, so the two sizes run side by side.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { cutOff } from './fit';
import type { E2e } from './harness';

const longItem = 'Stainless steel hex head cap screw, fully threaded, M8 × 40 mm, A2-70 (box of 100)';
const longCustomer = 'Northern Lights Construction & Property Maintenance Services Ltd.';

/** A warehouse with the longest names a clerk meets, an order half picked, a PO half received, an invoice and an estimate. */
export async function longNamedWarehouse(e: E2e) {
  await e.call('sync.now', {});
  const screw = await e.call('items.create', {
    name: longItem,
    sku: 'SS-HHCS-M8X40-A270-B100',
    barcodes: ['5012345678900', '5012345678917'],
    costCents: 1234,
    priceCents: 2999,
    description: 'Fully threaded hex head cap screws to DIN 933, stainless steel A2-70, sold by the box of one hundred.',
  });
  const washer = await e.call('items.create', { name: 'Flat washer M8 A2 stainless (bag of 250)', sku: 'FW-M8-A2-B250', barcodes: ['5012345678924'], costCents: 450, priceCents: 990 });
  const annex = await e.call('sites.create', { name: 'Overflow storage annex across the street' });
  await e.call('stock.adjust', { itemId: screw.id, qtyDiff: '1250', reason: 'Opening stock counted on the first morning after the move to the new building' });
  await e.call('stock.adjust', { itemId: washer.id, qtyDiff: '400', reason: 'opening stock' });
  await e.call('stock.transfer', { itemId: screw.id, fromSiteId: 'main', toSiteId: annex.id, qty: '250', note: 'Moved the overflow pallets to the annex before the stocktake' });
  const customer = await e.call('customers.create', {
    displayName: longCustomer,
    companyName: 'Northern Lights Construction & Property Maintenance Services',
    email: 'accounts.payable.department@northern-lights-construction.example.com',
    phone: '+1 (555) 010-9999 ext. 12345',
    billingAddress: { line1: '12345 Industrial Park Boulevard, Building C, Loading Dock 7', city: 'Saint-Jean-sur-Richelieu', state: 'QC', postalCode: 'J3B 7B2', country: 'Canada' },
  });
  const vendor = await e.call('vendors.create', { displayName: 'International Fastener & Industrial Supply Wholesale Company Inc.', email: 'orders.desk@international-fastener-supply.example.com' });
  const order = await e.call('orders.create', {
    number: 'SO-2026-000123',
    customerId: customer.id,
    lines: [{ itemId: screw.id, qty: '1200.5' }, { itemId: washer.id, qty: '350' }],
  });
  await e.call('orders.pick', { orderId: order.id, itemId: washer.id, qty: '120' });
  const po = await e.call('purchaseOrders.create', {
    number: 'PO-2026-000456',
    vendorId: vendor.id,
    lines: [{ itemId: screw.id, qty: '12500', unitCostCents: 123456 }, { itemId: washer.id, qty: '9000', unitCostCents: 45099 }],
  });
  await e.call('purchaseOrders.post', { id: po.id });
  await e.call('purchaseOrders.receive', { purchaseOrderId: po.id, lines: [{ itemId: washer.id, qty: '4500' }] });
  await e.call('invoices.create', { number: 'INV-2026-000789', customerId: customer.id, lines: [{ itemId: screw.id, qty: '1000' }, { description: 'Delivery to the loading dock with a tail-lift truck', qty: '1', unitPriceCents: 15000 }] });
  await e.call('estimates.create', { number: 'EST-2026-000321', customerId: customer.id, lines: [{ itemId: washer.id, qty: '2500' }] });
  // Below its reorder point at the main site, so the Low stock list has a line.
  await e.call('items.update', { id: screw.id, reorderPoint: '5000' });
  await e.call('sync.now', {});
}

type Step = (page: Page) => Promise<void>;
const click = (name: string | RegExp): Step => async (page) => {
  await page.locator('main, dialog[open]').getByRole('button', { name, exact: typeof name === 'string' }).first().click();
};
const tab = (name: string): Step => async (page) => {
  await page.locator('main').getByRole('tab', { name, exact: true }).click();
};
const heading = (name: string): Step => async (page) => {
  await page.getByRole('heading', { name, level: 1 }).waitFor();
};
const showRegion = (name: string): Step => async (page) => {
  await page.locator('main').getByRole('region', { name }).scrollIntoViewIfNeeded();
};
const openFirst = (role: 'row' | 'option', name: RegExp): Step => async (page) => {
  await page.locator('main').getByRole(role, { name }).first().click();
  await page.locator('main aside.detail:not(.empty)').first().waitFor();
};

interface Visit {
  screen: string;
  heading: string;
  /** What to do before measuring (open a row, switch a tab). */
  setup?: Step[];
  /** Dialogs opened one at a time from that state, each measured, then closed with Escape. */
  dialogs?: { name: string; open: Step[] }[];
}

const visits: Visit[] = [
  {
    screen: 'inventory',
    heading: 'Inventory',
    setup: [openFirst('option', /Stainless steel/)],
    dialogs: [
      { name: 'new-item', open: [click('New item…')] },
      { name: 'adjust', open: [click('Adjust…')] },
      { name: 'transfer', open: [click('Transfer…')] },
      { name: 'edit-item', open: [click('Edit…')] },
    ],
  },
  { screen: 'inventory-history', heading: 'Inventory', setup: [openFirst('option', /Stainless steel/), showRegion('Stock over time')] },
  { screen: 'inventory-count', heading: 'Inventory', setup: [tab('Count')] },
  {
    screen: 'picking',
    heading: 'Picking',
    setup: [openFirst('row', /SO-2026-000123/)],
    dialogs: [
      { name: 'new-order', open: [click('New order…')] },
      { name: 'close-order', open: [click('Close order…')] },
    ],
  },
  {
    screen: 'purchasing',
    heading: 'Purchase orders',
    setup: [openFirst('row', /PO-2026-000456/)],
    dialogs: [{ name: 'new-purchase-order', open: [click('New purchase order…')] }],
  },
  {
    screen: 'parties',
    heading: 'Customers and vendors',
    setup: [openFirst('row', /Northern Lights/)],
    dialogs: [
      { name: 'edit-customer', open: [click('Edit…')] },
      { name: 'new-location', open: [click('Add service location…')] },
    ],
  },
  {
    screen: 'parties-vendors',
    heading: 'Customers and vendors',
    setup: [tab('Vendors'), openFirst('row', /International Fastener/)],
    dialogs: [{ name: 'new-vendor', open: [click('New vendor…')] }],
  },
  {
    screen: 'documents',
    heading: 'Invoices and estimates',
    setup: [openFirst('row', /INV-2026-000789/)],
    dialogs: [
      { name: 'new-invoice', open: [click('New invoice…')] },
      { name: 'invoice-picked-order', open: [click('Invoice a picked order…')] },
    ],
  },
  {
    screen: 'documents-estimates',
    heading: 'Invoices and estimates',
    setup: [tab('Estimates'), openFirst('row', /EST-2026-000321/)],
    dialogs: [{ name: 'new-estimate', open: [click('New estimate…')] }],
  },
  // Print views, as they show on screen before printing.
  { screen: 'picking-print-pick-list', heading: 'Picking', setup: [openFirst('row', /SO-2026-000123/), click('Print pick list…'), heading('Pick list SO-2026-000123')] },
  { screen: 'picking-print-packing-slip', heading: 'Picking', setup: [openFirst('row', /SO-2026-000123/), click('Print packing slip…'), heading('Packing slip SO-2026-000123')] },
  { screen: 'purchasing-print', heading: 'Purchase orders', setup: [openFirst('row', /PO-2026-000456/), click('Print purchase order…'), heading('Purchase order PO-2026-000456')] },
  { screen: 'inventory-print-count-sheet', heading: 'Inventory', setup: [tab('Count'), click('Print count sheet…'), heading('Count sheet: Main warehouse')] },
  { screen: 'inventory-print-label', heading: 'Inventory', setup: [openFirst('option', /Stainless steel/), click('Print label…'), heading('Item labels')] },
  { screen: 'lowStock', heading: 'Low stock' },
  { screen: 'valuation', heading: 'Stock valuation' },
  { screen: 'sync', heading: 'Sync' },
  { screen: 'settings', heading: 'Settings' },
];

async function measure(page: Page, where: string, problems: string[]) {
  // Fonts and late data settle first: measuring mid-layout would report what nobody sees.
  await page.waitForLoadState('networkidle').catch(() => undefined);
  for (const problem of await cutOff(page)) problems.push(`${where}: ${problem}`);
}

export async function visitAll(e: E2e, size: { width: number; height: number }, shots: boolean) {
  const problems: string[] = [];
  for (const visit of visits) {
    const page = await e.open(visit.screen.split('-')[0] ?? visit.screen, visit.heading, size);
    page.setDefaultTimeout(10_000);
    for (const step of visit.setup ?? []) await step(page);
    await measure(page, `${visit.screen} at ${size.width}×${size.height}`, problems);
    if (shots) await e.shot(page, `screen-${visit.screen}`);
    for (const dialog of visit.dialogs ?? []) {
      for (const step of dialog.open) await step(page);
      await page.locator('dialog[open]').waitFor();
      await measure(page, `${visit.screen} dialog ${dialog.name} at ${size.width}×${size.height}`, problems);
      if (shots) await e.shot(page, `dialog-${dialog.name}`);
      // A lookup's open list takes the first Escape; the next one closes the dialog.
      for (let i = 0; i < 3 && (await page.locator('dialog[open]').count()) > 0; i++) {
        await page.keyboard.press('Escape');
        await page.locator('dialog[open]').waitFor({ state: 'detached', timeout: 1000 }).catch(() => undefined);
      }
      expect(await page.locator('dialog[open]').count()).toBe(0);
    }
    await page.close();
  }
  return problems;
}

