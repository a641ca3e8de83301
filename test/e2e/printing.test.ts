/**
 * Printing in Chromium: each print view opened from its screen's button, rendered for print
 * (page.emulateMedia print), every barcode photographed and decoded back with ZXing, and a PDF made.
 * Pages are drawn at twice the pixels of a plain screen so a 0.33 mm bar is more than a pixel wide.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { decodeCode128 } from '../support/barcodes';
import { smallWarehouse, useE2e } from './harness';

const e = useE2e();
const laptop = { width: 1366, height: 768 };

/** The text every barcode on the page decodes to, in page order. */
async function decodeAll(page: Page): Promise<string[]> {
  const figures = page.locator('.print-sheet figure.barcode');
  const texts: string[] = [];
  for (let i = 0; i < (await figures.count()); i++) {
    const found = await decodeCode128(await figures.nth(i).screenshot());
    expect(found, `barcode ${i + 1} decodes to exactly one Code 128`).toHaveLength(1);
    texts.push(found[0] ?? '');
  }
  return texts;
}

async function asPrinted(page: Page) {
  await page.emulateMedia({ media: 'print' });
  // The app's frame is not printed: only the sheet.
  expect(await page.locator('nav.nav').isVisible()).toBe(false);
  expect(await page.locator('.print-controls').isVisible()).toBe(false);
  expect(await page.locator('.print-sheet').isVisible()).toBe(true);
}

/** A PDF of the print view, as Chromium's print makes it: a real PDF with at least one page. */
async function pdfPages(page: Page, format: 'A4' | 'Letter'): Promise<number> {
  const pdf = await page.pdf({ format, preferCSSPageSize: false });
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  return (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
}

async function warehouseWithBins() {
  const w = await smallWarehouse(e);
  const strap = await e.call('items.create', { name: 'Ratchet strap 5 m', sku: 'RS-5M' });
  for (const [item, qty] of [[w.bolt, '37'], [w.nut, '58'], [w.washer, '91'], [strap, '13']] as const) {
    await e.call('stock.adjust', { itemId: item.id, qtyDiff: qty, reason: 'opening stock' });
  }
  await e.call('bins.assign', { itemId: w.bolt.id, siteId: 'main', code: 'C-10-1' });
  await e.call('bins.assign', { itemId: w.nut.id, siteId: 'main', code: 'A-02-3' });
  await e.call('bins.assign', { itemId: w.washer.id, siteId: 'main', code: 'C-9-4' });
  return { ...w, strap };
}

describe('Printing in Chromium', () => {
  it('a pick list printed in bin order whose barcodes decode, a packing slip, and a PDF of each', async () => {
    const { bolt, nut, washer, strap, customer } = await warehouseWithBins();
    // Entered out of walk order on purpose.
    await e.call('orders.create', {
      number: 'SO-9001',
      customerId: customer.id,
      shipTo: { line1: '4 Harbour Road', city: 'Hull', postalCode: 'HU1 2AB' },
      lines: [bolt, strap, washer, nut].map((i) => ({ itemId: i.id, qty: '2' })),
    });
    const picking = await e.open('picking', 'Picking', laptop, 2);
    await picking.getByRole('row', { name: /SO-9001/ }).click();
    await picking.getByRole('complementary', { name: 'Order SO-9001' }).getByRole('button', { name: 'Print pick list…' }).click();
    await picking.getByRole('heading', { name: 'Pick list SO-9001', level: 1 }).waitFor();
    await picking.getByText('In a browser, Print opens the browser’s print dialog').waitFor();
    await e.shot(picking, 'print-pick-list-screen');

    // In a browser the Print button is the browser's own print.
    await picking.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void (window as unknown as { printed: number }).printed++;
    });
    // The keyboard is on Print once the sheet shows: Enter prints.
    await picking.keyboard.press('Enter');
    expect(await picking.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

    await asPrinted(picking);
    const rows = await picking.getByRole('table', { name: 'Pick lines' }).locator('tbody tr').allInnerTexts();
    // One walk: A-02-3, C-9-4, C-10-1 (numbers in bin codes compare as numbers), then the line with no bin.
    expect(rows.map((r) => r.split(/\t|\n/)[0])).toEqual(['A-02-3', 'C-9-4', 'C-10-1', 'no bin']);
    expect(await decodeAll(picking)).toEqual(['5012345678917', '5012345678924', '5012345678900', 'RS-5M']);
    await e.shot(picking, 'print-pick-list');
    expect(await pdfPages(picking, 'A4')).toBeGreaterThanOrEqual(1);
    expect(await pdfPages(picking, 'Letter')).toBeGreaterThanOrEqual(1);

    // Escape (Back) returns to the order; the packing slip prints the same way.
    await picking.emulateMedia({ media: 'screen' });
    await picking.keyboard.press('Escape');
    await picking.getByRole('complementary', { name: 'Order SO-9001' }).getByRole('button', { name: 'Print packing slip…' }).click();
    await picking.getByRole('heading', { name: 'Packing slip SO-9001', level: 1 }).waitFor();
    await asPrinted(picking);
    await picking.getByText('4 Harbour Road').waitFor();
    expect(await picking.getByRole('table', { name: 'Packed lines' }).locator('tbody tr').count()).toBe(4);
    await e.shot(picking, 'print-packing-slip');
    expect(await pdfPages(picking, 'A4')).toBeGreaterThanOrEqual(1);
    await picking.close();
  });

  it('a blind count sheet: no expected quantity anywhere on the page, in bin order, and barcodes that decode', async () => {
    const inventory = await e.open('inventory', 'Inventory', laptop, 2);
    await inventory.getByRole('tab', { name: 'Count', exact: true }).click();
    const form = inventory.getByRole('region', { name: 'Print a count sheet' });
    await form.getByLabel('Blind count').check();
    await form.getByRole('button', { name: 'Print count sheet…' }).click();
    await inventory.getByRole('heading', { name: 'Count sheet: Main warehouse', level: 1 }).waitFor();
    await asPrinted(inventory);
    const sheet = inventory.locator('.print-sheet');
    // The time it was printed aside (its seconds could be any number).
    const text = (await sheet.innerText()).replace(/^Printed .*$/m, '');
    expect(text).toContain('Blind count');
    expect(await sheet.getByRole('columnheader', { name: 'Expected' }).count()).toBe(0);
    // The opening stock of each item (37, 58, 91, 13) appears nowhere.
    for (const qty of ['37', '58', '91', '13']) expect(text).not.toMatch(new RegExp(`\\b${qty}\\b`));
    const rows = await sheet.getByRole('table', { name: 'Count lines' }).locator('tbody tr').allInnerTexts();
    expect(rows.map((r) => r.split(/\t|\n/)[0])).toEqual(['A-02-3', 'C-9-4', 'C-10-1', 'no bin']);
    expect(await decodeAll(inventory)).toEqual(['5012345678917', '5012345678924', '5012345678900', 'RS-5M']);
    await e.shot(inventory, 'print-count-sheet-blind');
    expect(await pdfPages(inventory, 'A4')).toBeGreaterThanOrEqual(1);

    // Not blind, one bin: the expected quantity is there.
    await inventory.emulateMedia({ media: 'screen' });
    await inventory.getByRole('button', { name: 'Back' }).click();
    await inventory.getByRole('tab', { name: 'Count', exact: true }).click();
    await inventory.getByRole('region', { name: 'Print a count sheet' }).getByLabel('Bin (optional)').fill('c-9-4');
    await inventory.getByRole('region', { name: 'Print a count sheet' }).getByRole('button', { name: 'Print count sheet…' }).click();
    await inventory.getByRole('heading', { name: 'Count sheet: Main warehouse, bin C-9-4', level: 1 }).waitFor();
    const open = await inventory.getByRole('table', { name: 'Count lines' }).locator('tbody tr').allInnerTexts();
    expect(open).toHaveLength(1);
    expect(open[0]).toMatch(/Washer M8[\s\S]*\b91\b/);
    await inventory.close();
  });

  it('item and bin labels carry barcodes that decode to what a scan finds', async () => {
    const inventory = await e.open('inventory', 'Inventory', laptop, 2);
    await inventory.getByRole('option', { name: /Hex bolt M8/ }).click();
    const item = inventory.getByRole('complementary', { name: 'Item Hex bolt M8' });
    await item.getByRole('button', { name: 'Print label…' }).click();
    await inventory.getByRole('region', { name: 'Label Hex bolt M8' }).waitFor();
    await asPrinted(inventory);
    const [code] = await decodeAll(inventory);
    expect(code).toBe('5012345678900');
    expect((await e.call('items.findByBarcode', { barcode: code ?? '' })).name).toBe('Hex bolt M8');
    await e.shot(inventory, 'print-item-label');

    // Three of each, set on the print view.
    await inventory.emulateMedia({ media: 'screen' });
    await inventory.getByLabel('Copies of each').fill('3');
    await inventory.getByRole('button', { name: 'Show' }).click();
    await inventory.getByRole('region', { name: 'Label Hex bolt M8' }).nth(2).waitFor();
    await asPrinted(inventory);
    expect(await decodeAll(inventory)).toEqual(['5012345678900', '5012345678900', '5012345678900']);
    await inventory.emulateMedia({ media: 'screen' });
    await inventory.getByLabel('Copies of each').fill('99');
    await inventory.getByRole('button', { name: 'Show' }).click();
    await inventory.getByRole('alert').filter({ hasText: 'The number of copies is at most 50 at once.' }).waitFor();

    // The item's bin labels at the main warehouse, from its Bins panel.
    await inventory.emulateMedia({ media: 'screen' });
    await inventory.getByRole('button', { name: 'Back' }).click();
    await inventory.getByRole('option', { name: /Hex bolt M8/ }).click();
    await inventory.getByRole('button', { name: 'Print bin labels at Main warehouse' }).click();
    await inventory.getByRole('region', { name: 'Bin C-10-1' }).waitFor();
    await asPrinted(inventory);
    expect(await decodeAll(inventory)).toEqual(['C-10-1']);

    // Every bin of the site, from the Count tab.
    await inventory.emulateMedia({ media: 'screen' });
    await inventory.getByRole('button', { name: 'Back' }).click();
    await inventory.getByRole('tab', { name: 'Count', exact: true }).click();
    await inventory.getByRole('button', { name: 'Print bin labels…' }).click();
    await inventory.getByRole('region', { name: 'Bin A-02-3' }).waitFor();
    await asPrinted(inventory);
    expect(await decodeAll(inventory)).toEqual(['A-02-3', 'C-9-4', 'C-10-1']);
    await e.shot(inventory, 'print-bin-labels');
    expect(await pdfPages(inventory, 'Letter')).toBe(1);
    await inventory.close();

    // Text a Code 128 barcode cannot carry is not drawn as bars: the label says why.
    const odd = await e.call('items.create', { name: 'Übergröße Mutter', sku: 'ÜG-M8' });
    const page = await e.open(`print/itemLabels?itemIds=${odd.id}&from=inventory`, 'Item labels', laptop);
    const label = page.getByRole('region', { name: 'Label Übergröße Mutter' });
    await label.getByText('"ÜG-M8" has "Ü", which a Code 128 barcode cannot carry').waitFor();
    expect(await label.locator('figure.barcode').count()).toBe(0);
    await page.close();
  });

  it('a purchase order prints with its vendor, lines and total', async () => {
    const vendors = await e.call('vendors.list', {});
    const vendor = vendors.rows.find((v) => v.displayName === 'Fastener Supply Co');
    const items = await e.call('items.list', { search: 'M8' });
    const po = await e.call('purchaseOrders.create', { number: 'PO-9001', vendorId: vendor?.id ?? '', lines: items.rows.map((i) => ({ itemId: i.id, qty: '10', unitCostCents: 25 })) });
    const page = await e.open('purchasing', 'Purchase orders', laptop);
    await page.getByRole('row', { name: /PO-9001/ }).click();
    await page.getByRole('complementary', { name: 'Purchase order PO-9001' }).getByRole('button', { name: 'Print purchase order…' }).click();
    await page.getByRole('heading', { name: 'Purchase order PO-9001', level: 1 }).waitFor();
    await asPrinted(page);
    const sheet = page.locator('.print-sheet');
    expect(await sheet.innerText()).toContain('Fastener Supply Co');
    expect(await sheet.getByRole('table', { name: 'Purchase order lines' }).locator('tbody tr').count()).toBe(po.lines.length);
    expect(await sheet.locator('tfoot').innerText()).toContain((po.totalCents / 100).toFixed(2));
    await e.shot(page, 'print-purchase-order');
    await page.close();
  });
});
