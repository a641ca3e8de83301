import { describe, expect, it } from 'vitest';
import { code128Problem } from '../../src-shared/barcode';
import { startWarehouse } from './harness';
import { stockedWarehouse } from './fixtures';

describe('print data', () => {
  it('a pick list walks the bins in order and carries each line’s barcode, else its SKU, else says why not', async () => {
    const w = startWarehouse();
    const { bolt, nut, customer } = await stockedWarehouse(w);
    const washer = await w.call('items.create', { name: 'Washer M8', sku: 'WA-M8' });
    const strap = await w.call('items.create', { name: 'Strap', sku: 'STRÄP-1' });
    const loose = await w.call('items.create', { name: 'Loose part' });
    await w.call('bins.assign', { itemId: bolt.id, siteId: 'main', code: 'B-10-1' });
    await w.call('bins.assign', { itemId: nut.id, siteId: 'main', code: 'b-2-1' });
    await w.call('bins.assign', { itemId: washer.id, siteId: 'main', code: 'A-01-1' });
    const order = await w.call('orders.create', {
      number: 'SO-7001',
      customerId: customer.id,
      shipTo: { line1: '1 Quay St', city: 'Leeds', postalCode: 'LS1 1AA' },
      lines: [bolt, nut, washer, strap, loose].map((i) => ({ itemId: i.id, qty: '2' })),
    });
    await w.call('stock.adjust', { itemId: loose.id, qtyDiff: '2', reason: 'opening stock' });
    await w.call('orders.pick', { orderId: order.id, itemId: loose.id, qty: '2' });

    const sheet = await w.call('print.pickList', { orderId: order.id });
    expect(sheet).toMatchObject({ number: 'SO-7001', customerName: 'Acme Builders', siteName: 'Main warehouse', shipTo: { city: 'Leeds' } });
    // A-01-1, then b-2-1 before B-10-1 (numbers in codes compare as numbers, case aside); no bin last; picked lines are gone.
    expect(sheet.lines.map((l) => [l.bin, l.itemName, l.qty])).toEqual([
      ['A-01-1', 'Washer M8', '2'],
      ['b-2-1', 'Nut M8', '2'],
      ['B-10-1', 'Hex bolt M8', '2'],
      [null, 'Strap', '2'],
    ]);
    expect(sheet.lines.map((l) => l.barcode)).toEqual([
      { text: 'WA-M8', source: 'sku', problem: null },
      { text: '5012345678917', source: 'barcode', problem: null },
      { text: '5012345678900', source: 'barcode', problem: null },
      { text: null, source: 'sku', problem: expect.stringContaining('"Ä"') as string },
    ]);
    // The same walk as the picking screen's.
    expect((await w.call('bins.pickList', { orderId: order.id })).lines.map((l) => l.lineId)).toEqual(sheet.lines.map((l) => l.lineId));
    expect(await w.refuse('print.pickList', { orderId: 'nope' })).toMatchObject({ code: 'not_found', field: 'orderId' });
  });

  it('a packing slip says what was packed, what follows and what was cancelled', async () => {
    const w = startWarehouse();
    const { bolt, nut, customer } = await stockedWarehouse(w);
    const order = await w.call('orders.create', { number: 'SO-7002', customerId: customer.id, lines: [{ itemId: bolt.id, qty: '5' }, { itemId: nut.id, qty: '3' }] });
    await w.call('stock.adjust', { itemId: bolt.id, qtyDiff: '3', reason: 'opening stock' });
    await w.call('orders.pick', { orderId: order.id, itemId: bolt.id, qty: '3' });
    const slip = await w.call('print.packingSlip', { orderId: order.id });
    expect(slip.lines.map((l) => [l.itemName, l.sku, l.ordered, l.packed, l.toFollow])).toEqual([
      ['Hex bolt M8', 'HB-M8', '5', '3', '2'],
      ['Nut M8', null, '3', '0', '3'],
    ]);
  });

  it('a purchase order sheet has the vendor, the lines and the total', async () => {
    const w = startWarehouse();
    const { bolt, nut, vendor } = await stockedWarehouse(w);
    await w.call('vendors.update', { id: vendor.id, billingAddress: { line1: '9 Mill Lane', city: 'York' } });
    const po = await w.call('purchaseOrders.create', { number: 'PO-7001', vendorId: vendor.id, expectedDate: '2026-12-10', lines: [{ itemId: bolt.id, qty: '100' }, { itemId: nut.id, qty: '50', unitCostCents: 4 }] });
    const sheet = await w.call('print.purchaseOrder', { purchaseOrderId: po.id });
    expect(sheet).toMatchObject({ number: 'PO-7001', vendorName: 'Fastener Supply Co', vendorAddress: { line1: '9 Mill Lane', city: 'York' }, expectedDate: '2026-12-10', totalCents: 1400 });
    expect(sheet.lines.map((l) => [l.itemName, l.ordered, l.unitCostCents, l.amountCents])).toEqual([
      ['Hex bolt M8', '100', 12, 1200],
      ['Nut M8', '50', 4, 200],
    ]);
    expect(await w.refuse('print.purchaseOrder', { purchaseOrderId: 'nope' })).toMatchObject({ code: 'not_found', field: 'purchaseOrderId' });
  });

  it('a count sheet lists the site’s items in bin order with what is expected; a blind one carries no expected quantity at all', async () => {
    const w = startWarehouse();
    const { bolt, nut, yard } = await stockedWarehouse(w);
    const service = await w.call('items.create', { name: 'Delivery', type: 'service' });
    await w.call('stock.adjust', { itemId: bolt.id, qtyDiff: '12.5', reason: 'opening stock' });
    await w.call('stock.adjust', { itemId: nut.id, qtyDiff: '7', reason: 'opening stock' });
    await w.call('stock.adjust', { itemId: nut.id, siteId: yard.id, qtyDiff: '3', reason: 'opening stock' });
    await w.call('bins.assign', { itemId: bolt.id, siteId: 'main', code: 'C-1' });
    await w.call('bins.assign', { itemId: nut.id, siteId: 'main', code: 'A-1' });
    await w.call('bins.assign', { itemId: bolt.id, siteId: 'main', code: 'A-1', primary: false });

    const open = await w.call('print.countSheet', { siteId: 'main' });
    expect(open.blind).toBe(false);
    expect(open.lines.map((l) => [l.bin, l.itemName, l.expected])).toEqual([
      ['A-1', 'Nut M8', '7'],
      ['C-1', 'Hex bolt M8', '12.5'],
    ]);
    expect(open.lines.some((l) => l.itemId === service.id)).toBe(false);

    const blind = await w.call('print.countSheet', { siteId: 'main', blind: true });
    expect(blind.blind).toBe(true);
    expect(blind.lines.map((l) => l.itemName)).toEqual(['Nut M8', 'Hex bolt M8']);
    for (const line of blind.lines) expect(Object.keys(line)).not.toContain('expected');
    // Not even hidden somewhere: the answer as sent holds no on-hand number.
    // (The time it was printed aside: its digits could be anything.)
    const wire = JSON.stringify({ ...blind, printedAt: '' });
    expect(wire).not.toContain('12.5');
    expect(wire).not.toMatch(/"7"|expected/);

    // One bin: every item kept there (primary or not), shown with that bin.
    const bin = await w.call('print.countSheet', { siteId: 'main', binCode: 'a-1', blind: true });
    expect(bin.binCode).toBe('A-1');
    expect(bin.lines.map((l) => [l.bin, l.itemName])).toEqual([
      ['A-1', 'Hex bolt M8'],
      ['A-1', 'Nut M8'],
    ]);
    const yardSheet = await w.call('print.countSheet', { siteId: yard.id });
    expect(yardSheet.lines.map((l) => [l.bin, l.itemName, l.expected])).toEqual([
      [null, 'Hex bolt M8', '0'],
      [null, 'Nut M8', '3'],
    ]);
    const noBin = await w.refuse('print.countSheet', { siteId: 'main', binCode: 'Z-9' });
    expect(noBin).toMatchObject({ code: 'not_found', field: 'binCode' });
    expect(noBin.message).toContain('"Z-9"');
  });

  it('a count sheet longer than one print run is refused with the way out: bin by bin', async () => {
    const w = startWarehouse();
    w.write(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5001)
      INSERT INTO items (id, name, name_key, type, created_at, updated_at)
      SELECT 'bulk-' || i, 'Bulk part ' || i, 'bulk part ' || i, 'inventory', '2026-12-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z' FROM n`);
    const refused = await w.refuse('print.countSheet', { siteId: 'main', blind: true });
    expect(refused).toMatchObject({ code: 'refused', field: 'binCode' });
    expect(refused.message).toBe('A count sheet of Main warehouse would list 5001 items, more than the 5000 one sheet prints; choose a bin and print the site bin by bin.');
    await w.call('bins.assign', { itemId: 'bulk-7', siteId: 'main', code: 'K-1' });
    expect((await w.call('print.countSheet', { siteId: 'main', binCode: 'K-1', blind: true })).lines.map((l) => l.itemName)).toEqual(['Bulk part 7']);
  });

  it('item labels carry the barcode a scan finds, with the primary bin at the site; bin labels carry the bin code', async () => {
    const w = startWarehouse();
    const { bolt, nut, yard } = await stockedWarehouse(w);
    await w.call('bins.assign', { itemId: bolt.id, siteId: yard.id, code: 'Y-2' });
    const labels = await w.call('print.itemLabels', { itemIds: [bolt.id, nut.id], siteId: yard.id, copies: 2 });
    expect(labels).toMatchObject({ siteName: 'Yard', copies: 2 });
    expect(labels.labels.map((l) => [l.itemName, l.bin, l.barcode.text])).toEqual([
      ['Hex bolt M8', 'Y-2', '5012345678900'],
      ['Nut M8', null, '5012345678917'],
    ]);
    // What the label encodes is what the scanner finds.
    for (const label of labels.labels) expect((await w.call('items.findByBarcode', { barcode: label.barcode.text ?? '' })).id).toBe(label.itemId);
    expect(await w.refuse('print.itemLabels', { itemIds: [bolt.id, 'nope'] })).toMatchObject({ code: 'not_found', field: 'itemIds.1' });

    await w.call('bins.create', { siteId: yard.id, code: 'Y-10' });
    await w.call('bins.create', { siteId: yard.id, code: 'DOCK 1' });
    const bins = await w.call('print.binLabels', { siteId: yard.id });
    expect(bins.labels.map((l) => [l.code, l.barcode.text, l.barcode.source])).toEqual([
      ['DOCK 1', 'DOCK 1', 'bin'],
      ['Y-2', 'Y-2', 'bin'],
      ['Y-10', 'Y-10', 'bin'],
    ]);
    expect((await w.call('print.binLabels', { siteId: yard.id, codes: ['y-2'] })).labels.map((l) => l.code)).toEqual(['Y-2']);
    expect(await w.refuse('print.binLabels', { siteId: yard.id, codes: ['Y-2', 'Q-1'] })).toMatchObject({ code: 'not_found', field: 'codes.1' });
  });

  it('outside the ShelfSync window the page is printed by the browser: app.print is refused in words', async () => {
    const w = startWarehouse();
    expect(await w.call('app.info', {})).toMatchObject({ printing: false });
    const refused = await w.refuse('app.print', { pdf: true });
    expect(refused).toMatchObject({ code: 'refused' });
    expect(refused.message).toContain('browser’s Print');
  });

  it('refuses to draw text Code 128 cannot carry, and says why', () => {
    expect(code128Problem('A-03-2')).toBeNull();
    expect(code128Problem('5012345678900')).toBeNull();
    expect(code128Problem('café')).toContain('"é"');
    expect(code128Problem('a\tb')).toContain('tab or line break');
    expect(code128Problem('')).toMatch(/nothing/);
    expect(code128Problem('x'.repeat(65))).toContain('at most 64');
  });
});
