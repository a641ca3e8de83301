/**
 * stock.history: an item's on hand over time from its movements. Every point must equal what the
 * ledger held then (replayed here from stock.movements' balance after, site by site), a transfer
 * shows at both sites and leaves the sum alone, and a long history comes back one point per day.
 */
import { describe, expect, it } from 'vitest';
import { historyMovementPoints, type Movement, type StockHistory } from '../../src-shared/ipc';
import { parseQuantity } from '../../src-shared/quantity';
import { startWarehouse, type Warehouse } from './harness';
import { stockedWarehouse } from './fixtures';

/** A clock the test moves on, so movements fall on the days it chooses. */
function movingClock(startIso: string) {
  let now = Date.parse(startIso);
  return { clock: { now: () => new Date(now) }, advance: (minutes: number) => (now += minutes * 60_000) };
}

async function everyMovement(w: Warehouse, itemId: string): Promise<Movement[]> {
  const rows: Movement[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await w.call('stock.movements', { itemId, sort: 'at', direction: 'asc', limit: 500, offset });
    rows.push(...page.rows);
    if (rows.length >= page.total) return rows;
  }
}

/** On hand after each movement as the ledger recorded it: one site's balance after, or every site's latest summed. */
function ledgerBalances(movements: readonly Movement[], siteId?: string): Map<number, number> {
  const latest = new Map<string, number>();
  const after = new Map<number, number>();
  for (const m of movements) {
    if (siteId && m.siteId !== siteId) continue;
    latest.set(m.siteId, parseQuantity(m.balanceAfter) ?? NaN);
    after.set(m.id, [...latest.values()].reduce((n, b) => n + b, 0));
  }
  return after;
}

const units = (text: string) => parseQuantity(text) ?? NaN;
const line = (h: StockHistory) => h.points.map((p) => [p.at.slice(0, 16), p.kind, p.change, p.onHand, p.movements]);

describe('an item’s stock over time', () => {
  it('steps through each movement at one site or summed over all, a transfer at both sites, each point equal to the ledger', async () => {
    const { clock, advance } = movingClock('2026-03-01T09:00:00.000Z');
    const w = startWarehouse(undefined, { clock });
    const { bolt, yard, vendor } = await stockedWarehouse(w);
    await w.call('stock.adjust', { itemId: bolt.id, qtyDiff: '20', reason: 'opening stock' });
    advance(24 * 60);
    await w.call('stock.transfer', { itemId: bolt.id, fromSiteId: 'main', toSiteId: yard.id, qty: '5' });
    advance(60);
    const po = await w.call('purchaseOrders.create', { vendorId: vendor.id, siteId: yard.id, lines: [{ itemId: bolt.id, qty: '3' }] });
    await w.call('purchaseOrders.receive', { purchaseOrderId: po.id });
    advance(3 * 24 * 60);
    await w.call('stock.adjust', { itemId: bolt.id, qtyDiff: '-4.5', reason: 'damaged' });

    const all = await w.call('stock.history', { itemId: bolt.id });
    expect(all).toMatchObject({ siteId: null, step: 'movement', movements: 5, opening: '0', closing: '18.5' });
    expect(line(all)).toEqual([
      ['2026-03-01T09:00', 'adjustment', '20', '20', 1],
      ['2026-03-02T09:00', 'transfer', '0', '20', 2],
      ['2026-03-02T10:00', 'receipt', '3', '23', 1],
      ['2026-03-05T10:00', 'adjustment', '-4.5', '18.5', 1],
    ]);
    const main = await w.call('stock.history', { itemId: bolt.id, siteId: 'main' });
    expect(main).toMatchObject({ siteName: 'Main warehouse', movements: 3, closing: '10.5' });
    expect(main.points.map((p) => [p.kind, p.change, p.onHand])).toEqual([['adjustment', '20', '20'], ['transfer', '-5', '15'], ['adjustment', '-4.5', '10.5']]);
    const atYard = await w.call('stock.history', { itemId: bolt.id, siteId: yard.id });
    expect(atYard.points.map((p) => [p.kind, p.change, p.onHand])).toEqual([['transfer', '5', '5'], ['receipt', '3', '8']]);

    // Each point against the ledger: a point stands for its last movement, in the ledger's own order.
    const movements = await everyMovement(w, bolt.id);
    for (const [history, siteId] of [[all, undefined], [main, 'main'], [atYard, yard.id]] as const) {
      const ledger = ledgerBalances(movements, siteId);
      const ids = [...ledger.keys()];
      let seen = 0;
      for (const point of history.points) {
        seen += point.movements;
        expect(units(point.onHand), `${siteId ?? 'all'} at ${point.at}`).toBe(ledger.get(ids[seen - 1] ?? -1));
      }
      expect(seen).toBe(ids.length);
    }
    const detail = await w.call('items.get', { id: bolt.id });
    expect(all.closing).toBe(detail.onHand);
    expect(main.closing).toBe(detail.levels.find((l) => l.siteId === 'main')?.onHand);
    expect(atYard.closing).toBe(detail.levels.find((l) => l.siteId === yard.id)?.onHand);
  });

  it('starts a range at the on hand the ledger had then, and keeps to its days', async () => {
    const { clock, advance } = movingClock('2026-03-01T09:00:00.000Z');
    const w = startWarehouse(undefined, { clock });
    const { bolt, yard } = await stockedWarehouse(w);
    await w.call('stock.adjust', { itemId: bolt.id, qtyDiff: '20', reason: 'opening stock' });
    await w.call('stock.adjust', { itemId: bolt.id, siteId: yard.id, qtyDiff: '2', reason: 'opening stock' });
    advance(24 * 60);
    await w.call('stock.transfer', { itemId: bolt.id, fromSiteId: 'main', toSiteId: yard.id, qty: '5' });
    advance(24 * 60);
    await w.call('stock.adjust', { itemId: bolt.id, qtyDiff: '1', reason: 'found' });

    const day2 = await w.call('stock.history', { itemId: bolt.id, from: '2026-03-02', to: '2026-03-02' });
    expect(day2).toMatchObject({ from: '2026-03-02', to: '2026-03-02', opening: '22', closing: '22', movements: 2 });
    expect(line(day2)).toEqual([['2026-03-02T09:00', 'transfer', '0', '22', 2]]);
    const yardFrom2 = await w.call('stock.history', { itemId: bolt.id, siteId: yard.id, from: '2026-03-02' });
    expect(yardFrom2).toMatchObject({ opening: '2', closing: '7' });
    const empty = await w.call('stock.history', { itemId: bolt.id, from: '2026-04-01' });
    expect(empty).toMatchObject({ opening: '23', closing: '23', movements: 0, points: [] });
  });

  it('answers one point per day, each the day’s closing balance, when the range holds more movements than a chart needs', async () => {
    const { clock, advance } = movingClock('2026-03-01T00:02:00.000Z');
    const w = startWarehouse(undefined, { clock });
    const { bolt } = await stockedWarehouse(w);
    const count = historyMovementPoints + 10;
    for (let i = 0; i < count; i++) {
      await w.call('stock.adjust', { itemId: bolt.id, qtyDiff: i % 3 === 2 ? '-1' : '2', reason: 'cycle' });
      advance(5);
    }
    const h = await w.call('stock.history', { itemId: bolt.id });
    expect(h).toMatchObject({ step: 'day', movements: count });
    const movements = await everyMovement(w, bolt.id);
    const lastOfDay = new Map<string, Movement>();
    for (const m of movements) lastOfDay.set(m.at.slice(0, 10), m);
    expect(h.points.map((p) => p.at)).toEqual([...lastOfDay.keys()]);
    expect(h.points.length).toBeLessThan(10);
    for (const p of h.points) expect(p.onHand, p.at).toBe(lastOfDay.get(p.at)?.balanceAfter);
    expect(h.points.reduce((n, p) => n + p.movements, 0)).toBe(count);
    expect(h.points.reduce((n, p) => n + units(p.change), 0)).toBe(units(h.closing) - units(h.opening));
    expect(h.closing).toBe((await w.call('items.get', { id: bolt.id })).onHand);
  });

  it('refuses an item that carries no stock, and an unknown item or site, by name', async () => {
    const w = startWarehouse();
    await stockedWarehouse(w);
    const service = await w.call('items.create', { name: 'Fitting', type: 'service' });
    const refused = await w.refuse('stock.history', { itemId: service.id });
    expect(refused).toMatchObject({ code: 'refused', field: 'itemId' });
    expect(refused.message).toContain('"Fitting" is not an inventory item');
    expect(await w.refuse('stock.history', { itemId: 'nope' })).toMatchObject({ code: 'not_found', field: 'itemId' });
    const bolt = (await w.call('items.list', { search: 'bolt' })).rows[0];
    expect(await w.refuse('stock.history', { itemId: bolt?.id, siteId: 'nowhere' })).toMatchObject({ code: 'not_found', field: 'siteId' });
    expect(await w.refuse('stock.history', { itemId: bolt?.id, from: '2026-03-02', to: '2026-03-01' })).toMatchObject({ field: 'to' });
  });
});
