import { afterEach, describe, expect, it } from 'vitest';
import type { Item, Valuation, ValuationExplain } from '../../src-shared/ipc';
import { syncHarness, type SyncHarness } from './harness';
import { asQboUser, qboAll, type QboRecord } from './documentsSupport';

let h: SyncHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

type QboItem = QboRecord & { Name: string; Type: string; QtyOnHand?: number; PurchaseCost?: number };
type QboAccount = QboRecord & { Name: string; AccountType: string; AccountSubType?: string; CurrentBalance?: number };

/** Each inventory item's value in QuickBooks' own terms: QtyOnHand × PurchaseCost, in cents. */
const qboValue = (i: QboItem) => Math.round((i.QtyOnHand ?? 0) * (i.PurchaseCost ?? 0) * 100);

async function imported(h: SyncHarness) {
  const local = (await h.call<{ rows: Item[] }>('items.list', { type: 'inventory', limit: 500 })).rows;
  const remote = (await qboAll<QboItem>(h, 'Item')).filter((i) => i.Type === 'Inventory' && local.some((l) => l.name === i.Name));
  return { local, remote, byName: (name: string) => remote.find((i) => i.Name === name) as QboItem };
}

describe('stock valuation beside QuickBooks’ inventory asset balance', () => {
  it('values the imported stock as QuickBooks does, reads the asset balance the practice company reports, and names the items behind the difference', async () => {
    h = await syncHarness();
    await h.sync();
    const { local, remote, byName } = await imported(h);
    expect(remote.length).toBeGreaterThan(2);
    const first = await h.call<Valuation>('valuation.get', {});
    const expectedTotal = remote.reduce((n, i) => n + qboValue(i), 0);
    expect(first.totalCents).toBe(expectedTotal);
    expect(first.sites).toEqual([{ siteId: 'main', siteName: 'Main warehouse', items: remote.filter((i) => (i.QtyOnHand ?? 0) !== 0).length, valueCents: expectedTotal }]);
    expect(first.lineCount).toBe(remote.filter((i) => (i.QtyOnHand ?? 0) !== 0).length);

    // QuickBooks' inventory asset account(s), with CurrentBalance as the practice company answers it.
    const assetAccounts = (await qboAll<QboAccount>(h, 'Account')).filter((a) => a.AccountType === 'Other Current Asset' && a.AccountSubType === 'Inventory');
    expect(assetAccounts.map((a) => a.Name)).toEqual(['Inventory Asset']);
    const balanceCents = Math.round((assetAccounts[0]?.CurrentBalance ?? 0) * 100);
    if (!first.quickBooks.read) throw new Error(first.quickBooks.reason);
    expect(first.quickBooks.accounts).toEqual([{ id: assetAccounts[0]?.Id, name: 'Inventory Asset', balanceCents }]);
    expect(first.quickBooks.balanceCents).toBe(balanceCents);
    expect(first.quickBooks.differenceCents).toBe(expectedTotal - balanceCents);
    // Quantities and costs agree item by item right after the import, so no item explains anything.
    expect(first.quickBooks.explaining).toEqual([]);

    // Three causes: QuickBooks' quantity changed there, its cost changed there, and stock counted here
    // at a second site that has not been sent yet.
    const [a, b, c] = local.filter((l) => (byName(l.name).QtyOnHand ?? 0) > 0) as [Item, Item, Item];
    const qa = byName(a.name);
    const qb = byName(b.name);
    await asQboUser.edit(h, 'Item', qa.Id, { QtyOnHand: (qa.QtyOnHand ?? 0) + 40 });
    await asQboUser.edit(h, 'Item', qb.Id, { PurchaseCost: (qb.PurchaseCost ?? 0) + 1.25 });
    const yard = await h.call<{ id: string }>('sites.create', { name: 'Overflow yard' });
    await h.call('stock.adjust', { itemId: c.id, siteId: yard.id, qtyDiff: '3', reason: 'Found in yard' });

    const after = await h.call<Valuation>('valuation.get', {});
    expect(after.totalCents).toBe(expectedTotal + 3 * c.costCents);
    expect(after.sites.find((s) => s.siteId === yard.id)).toEqual({ siteId: yard.id, siteName: 'Overflow yard', items: 1, valueCents: 3 * c.costCents });
    if (!after.quickBooks.read) throw new Error(after.quickBooks.reason);
    const rows = after.quickBooks.explaining;
    const expected: Partial<ValuationExplain>[] = [
      { itemId: a.id, kind: 'quantity', localOnHand: a.onHand, quickBooksOnHand: String((qa.QtyOnHand ?? 0) + 40), amountCents: -40 * a.costCents },
      { itemId: b.id, kind: 'cost', localCostCents: b.costCents, quickBooksCostCents: b.costCents + 125, amountCents: -125 * Number(b.onHand) },
      { itemId: c.id, kind: 'quantity', localOnHand: String(Number(c.onHand) + 3), amountCents: 3 * c.costCents },
    ];
    expect(rows).toHaveLength(3);
    for (const row of expected) expect(rows).toContainEqual(expect.objectContaining(row));
    const sizes = rows.map((r) => Math.abs(r.amountCents));
    expect(sizes).toEqual([...sizes].sort((x, y) => y - x));
    // The parts add up: ShelfSync's total less QuickBooks' own value of the same items.
    const remoteNow = (await imported(h)).remote.reduce((n, i) => n + qboValue(i), 0);
    expect(rows.reduce((n, r) => n + r.amountCents, 0)).toBe(after.totalCents - remoteNow);

    // The screen's lines (valuation.lines) and their export add up to the same total, line for line.
    const lines = await h.call<{ rows: { siteId: string; valueCents: number }[]; total: number }>('valuation.lines', { limit: 500 });
    expect(lines.total).toBe(after.lineCount);
    expect(lines.rows.reduce((n, l) => n + l.valueCents, 0)).toBe(after.totalCents);
    expect(lines.rows.filter((l) => l.siteId === yard.id)).toHaveLength(1);
    const csv = await h.call<{ csv: string; rows: number }>('exports.csv', { list: 'valuation', sort: 'value', direction: 'desc' });
    expect(csv.rows).toBe(after.lineCount);
    const values = csv.csv.trim().split('\r\n').slice(1).map((line) => Math.round(Number(line.split(',').at(-1)) * 100));
    expect(values.reduce((n, v) => n + v, 0)).toBe(after.totalCents);
    expect(values).toEqual([...values].sort((x, y) => y - x));
  });

  it('shows the local side only, with a sentence, when QuickBooks is not connected', async () => {
    h = await syncHarness();
    await h.sync();
    await h.call('connection.disconnect');
    const v = await h.call<Valuation>('valuation.get', { lines: 2 });
    expect(v.totalCents).toBeGreaterThan(0);
    expect(v.lines).toHaveLength(2);
    expect(v.lines[0]?.valueCents).toBeGreaterThanOrEqual(v.lines[1]?.valueCents ?? 0);
    expect(v.quickBooks.read).toBe(false);
    if (v.quickBooks.read) return;
    expect(v.quickBooks.reason).toMatch(/^QuickBooks could not be read, so only ShelfSync's side is shown: .+/);
  });
});
