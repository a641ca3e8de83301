import { describe, expect, it } from 'vitest';
import { cutOff } from './fit';
import { useE2e } from './harness';

const e = useE2e({ practice: true });

/** Cents as the screens write money: 1,234.56 */
const shown = (cents: number) => {
  const abs = Math.abs(cents);
  return `${cents < 0 ? '-' : ''}${Math.floor(abs / 100).toLocaleString('en-US')}.${String(abs % 100).padStart(2, '0')}`;
};

describe('Stock valuation screen in Chromium', () => {
  it('shows the per-site and overall value beside QuickBooks’ inventory asset balance, the difference and the item behind it, at 1366×768', async () => {
    await e.call('sync.now', {});
    const answer = await e.running.host.connection.client();
    if (!answer.ok) throw new Error(answer.reason);
    const remote = await answer.qbo.queryAll('Item', "Type = 'Inventory' AND Active IN (true, false)");
    const local = (await e.call('items.list', { type: 'inventory', limit: 500 })).rows;
    const imported = remote.filter((r) => local.some((l) => l.name === r.Name));
    const expected = imported.reduce((n, r) => n + Math.round(Number(r.QtyOnHand ?? 0) * Number(r.PurchaseCost ?? 0) * 100), 0);
    const asset = (await answer.qbo.queryAll('Account', "AccountType = 'Other Current Asset'")).find((a) => a.AccountSubType === 'Inventory');
    const balance = Math.round(Number(asset?.CurrentBalance ?? 0) * 100);

    // Found stock at a second site, not yet sent to QuickBooks: it is the one item behind the difference.
    const part = local.find((l) => l.costCents > 0) ?? local[0];
    if (!part) throw new Error('the practice company has no inventory part');
    const yard = await e.call('sites.create', { name: 'Overflow yard' });
    await e.call('stock.adjust', { itemId: part.id, siteId: yard.id, qtyDiff: '5', reason: 'Found in yard' });

    const page = await e.open('valuation', 'Stock valuation', { width: 1366, height: 768 });
    const totals = page.getByRole('table', { name: 'Totals' });
    const cellOf = (row: string) => totals.getByRole('row', { name: row, exact: true }).getByRole('cell').last();
    await totals.waitFor();
    expect(await cellOf('Site Main warehouse').textContent()).toBe(shown(expected));
    expect(await cellOf('Site Overflow yard').textContent()).toBe(shown(5 * part.costCents));
    expect(await cellOf('ShelfSync total').textContent()).toBe(shown(expected + 5 * part.costCents));
    expect(await cellOf('QuickBooks balance').textContent()).toBe(shown(balance));
    expect(await cellOf('Difference').textContent()).toBe(shown(expected + 5 * part.costCents - balance));

    const explain = page.getByRole('table', { name: 'Items that explain the difference' });
    const rows = explain.getByRole('row');
    expect(await rows.count()).toBe(2); // the heading and the one item
    const row = explain.getByRole('row', { name: `${part.name}: Quantity differs` });
    expect(await row.getByRole('cell').last().textContent()).toBe(shown(5 * part.costCents));
    // The lines come as their own sorted page, after the totals.
    const lines = page.getByRole('table', { name: 'Stock value by item and site' }).getByRole('row');
    await lines.nth(2).waitFor();
    expect(await lines.count()).toBeGreaterThan(2);
    await e.shot(page, 'valuation');
    expect(await cutOff(page)).toEqual([]);
  });
});
