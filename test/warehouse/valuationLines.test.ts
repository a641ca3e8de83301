/**
 * valuation.lines: the valuation's item × site lines as the Valuation screen lists them, sorted by any
 * column, and exported to CSV in the same columns and order, formula-safe.
 */
import { describe, expect, it } from 'vitest';
import { csvRecords, parseCsv } from '../support/csv';
import { startWarehouse, type Warehouse } from './harness';
import { stockedWarehouse } from './fixtures';

async function valued(w: Warehouse) {
  const s = await stockedWarehouse(w);
  // Bolt 12 cents, nut 5 cents (fixtures); a costly item whose name a spreadsheet would run.
  const risky = await w.call('items.create', { name: '=cmd|calc', sku: '@X1', costCents: 250 });
  const none = await w.call('items.create', { name: 'Washer', costCents: 3 });
  await w.call('items.create', { name: 'Fitting service', type: 'service', priceCents: 900 });
  await w.call('stock.adjust', { itemId: s.bolt.id, qtyDiff: '100', reason: 'opening stock' });
  await w.call('stock.transfer', { itemId: s.bolt.id, fromSiteId: 'main', toSiteId: s.yard.id, qty: '40' });
  await w.call('stock.adjust', { itemId: s.nut.id, qtyDiff: '7.5', reason: 'opening stock' });
  await w.call('stock.adjust', { itemId: risky.id, siteId: s.yard.id, qtyDiff: '2', reason: 'opening stock' });
  // Stock that came and went leaves a zero level: not a line.
  await w.call('stock.adjust', { itemId: none.id, qtyDiff: '4', reason: 'opening stock' });
  await w.call('stock.adjust', { itemId: none.id, qtyDiff: '-4', reason: 'used' });
  return { ...s, risky };
}

const keyOf = (l: { itemName: string; siteName: string }) => `${l.itemName} @ ${l.siteName}`;

describe('valuation lines', () => {
  it('lists every item and site with stock, most valuable first, and sorts by each column', async () => {
    const w = startWarehouse();
    await valued(w);
    const page = await w.call('valuation.lines', {});
    expect(page.total).toBe(4);
    expect(page.rows.map((l) => [keyOf(l), l.onHand, l.costCents, l.valueCents])).toEqual([
      ['Hex bolt M8 @ Main warehouse', '60', 12, 720],
      ['=cmd|calc @ Yard', '2', 250, 500],
      ['Hex bolt M8 @ Yard', '40', 12, 480],
      ['Nut M8 @ Main warehouse', '7.5', 5, 38],
    ]);
    const order = async (sort: 'item' | 'sku' | 'site' | 'onHand' | 'cost' | 'value', direction: 'asc' | 'desc' = 'asc') =>
      (await w.call('valuation.lines', { sort, direction })).rows.map(keyOf);
    expect(await order('item')).toEqual(['=cmd|calc @ Yard', 'Hex bolt M8 @ Main warehouse', 'Hex bolt M8 @ Yard', 'Nut M8 @ Main warehouse']);
    expect(await order('site', 'desc')).toEqual(['Hex bolt M8 @ Yard', '=cmd|calc @ Yard', 'Nut M8 @ Main warehouse', 'Hex bolt M8 @ Main warehouse']);
    expect(await order('onHand')).toEqual(['=cmd|calc @ Yard', 'Nut M8 @ Main warehouse', 'Hex bolt M8 @ Yard', 'Hex bolt M8 @ Main warehouse']);
    // Ties go by item, then site, in the same direction.
    expect(await order('cost', 'desc')).toEqual(['=cmd|calc @ Yard', 'Hex bolt M8 @ Yard', 'Hex bolt M8 @ Main warehouse', 'Nut M8 @ Main warehouse']);
    expect(await order('value', 'asc')).toEqual(['Nut M8 @ Main warehouse', 'Hex bolt M8 @ Yard', '=cmd|calc @ Yard', 'Hex bolt M8 @ Main warehouse']);
    expect((await w.call('valuation.lines', { sort: 'sku', direction: 'asc' })).rows.map((l) => l.sku)).toEqual([null, '@X1', 'HB-M8', 'HB-M8']);
    // The lines add up to the valuation's total.
    const all = await w.call('valuation.lines', { limit: 500 });
    const v = await w.call('valuation.get', {});
    expect(all.rows.reduce((n, l) => n + l.valueCents, 0)).toBe(v.totalCents);
    expect(all.total).toBe(v.lineCount);
  });

  it('filters by site and search, and pages', async () => {
    const w = startWarehouse();
    const { yard } = await valued(w);
    const atYard = await w.call('valuation.lines', { siteId: yard.id });
    expect(atYard.rows.map(keyOf)).toEqual(['=cmd|calc @ Yard', 'Hex bolt M8 @ Yard']);
    const bySku = await w.call('valuation.lines', { search: 'hb-m' });
    expect(bySku.rows.map(keyOf)).toEqual(['Hex bolt M8 @ Main warehouse', 'Hex bolt M8 @ Yard']);
    const second = await w.call('valuation.lines', { sort: 'item', direction: 'asc', limit: 2, offset: 2 });
    expect(second).toMatchObject({ total: 4 });
    expect(second.rows.map(keyOf)).toEqual(['Hex bolt M8 @ Yard', 'Nut M8 @ Main warehouse']);
    expect(await w.refuse('valuation.lines', { siteId: 'nowhere', sort: 'colour' })).toMatchObject({ code: 'invalid_input', field: 'sort' });
  });

  it('exports the lines with the screen’s columns, in the order asked, defusing formulas', async () => {
    const w = startWarehouse();
    const { yard } = await valued(w);
    const out = await w.call('exports.csv', { list: 'valuation', sort: 'value', direction: 'desc' });
    expect(out.fileName).toMatch(/^shelfsync-valuation-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(parseCsv(out.csv)[0]).toEqual(['Item', 'SKU', 'Site', 'On hand', 'Cost', 'Value']);
    expect(csvRecords(out.csv).map((r) => [r.Item, r.SKU, r.Site, r['On hand'], r.Cost, r.Value])).toEqual([
      ['Hex bolt M8', 'HB-M8', 'Main warehouse', '60', '0.12', '7.20'],
      ["'=cmd|calc", "'@X1", 'Yard', '2', '2.50', '5.00'],
      ['Hex bolt M8', 'HB-M8', 'Yard', '40', '0.12', '4.80'],
      ['Nut M8', '', 'Main warehouse', '7.5', '0.05', '0.38'],
    ]);
    expect(out.rows).toBe(4);
    const yardOnly = csvRecords((await w.call('exports.csv', { list: 'valuation', filter: { siteId: yard.id }, sort: 'item', direction: 'asc' })).csv);
    expect(yardOnly.map((r) => r.Item)).toEqual(["'=cmd|calc", 'Hex bolt M8']);
    expect(await w.refuse('exports.csv', { list: 'valuation', sort: 'explains' })).toMatchObject({ field: 'sort' });
  });
});
