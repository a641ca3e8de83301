/** QuickBooks documents for a location mapped to an inactive site: a sync-log error, never lost nor put elsewhere. */
import { afterEach, describe, expect, it } from 'vitest';
import { syncHarness, type SyncHarness } from './harness';
import { asQboUser, itemLine, orderNumbered, qboAll, salesPieces, type QboRecord } from './documentsSupport';

let h: SyncHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function errorsOf(h: SyncHarness, runId: number): Promise<string[]> {
  const page = await h.call<{ rows: { message: string }[] }>('sync.errors', { runId, level: 'error', limit: 200 });
  return page.rows.map((r) => r.message);
}

const poNumbered = async (h: SyncHarness, number: string) =>
  (await h.call<{ rows: { id: string; number: string; siteId: string }[] }>('purchaseOrders.list', { search: number, limit: 50 })).rows.find((r) => r.number === number);

describe('a QuickBooks location mapped to an inactive site', () => {
  it('leaves its estimate and purchase order out with an error naming the site, and brings them in once the site is active again', async () => {
    h = await syncHarness();
    const p = await salesPieces(h);
    const [department] = await qboAll<QboRecord & { Name: string }>(h, 'Department');
    const annex = await h.call<{ id: string }>('sites.create', { name: 'East annex', qboLocationRef: department?.Id });
    await h.call('sites.update', { id: annex.id, active: false });
    await h.settings({ multipleSites: true, directions: { purchaseOrders: 'twoWay' } });
    const [vendor] = (await qboAll<QboRecord & { DisplayName: string; Active?: boolean }>(h, 'Vendor')).filter((v) => v.Active !== false);
    await asQboUser.create(h, 'Estimate', { DocNumber: 'SO-7301', CustomerRef: p.customer, DepartmentRef: { value: department?.Id }, Line: [itemLine(p.parts[0], 2, 4)] });
    await asQboUser.create(h, 'PurchaseOrder', {
      DocNumber: 'QB-PO-7302',
      VendorRef: { value: vendor?.Id },
      DepartmentRef: { value: department?.Id },
      POStatus: 'Open',
      Line: [{ DetailType: 'ItemBasedExpenseLineDetail', Amount: 25, ItemBasedExpenseLineDetail: { ItemRef: { value: p.parts[0].value }, Qty: 10, UnitPrice: 2.5 } }],
    });

    const run = await h.sync();
    expect(await orderNumbered(h, 'SO-7301')).toBeUndefined();
    // Not put at the default site instead.
    expect(await poNumbered(h, 'QB-PO-7302')).toBeUndefined();
    const errors = await errorsOf(h, run.id);
    const about = (number: string) => errors.find((m) => m.includes(number)) ?? '';
    expect(about('SO-7301')).toBe(
      'QuickBooks estimate SO-7301 was not imported: it is for East annex, which is inactive in ShelfSync, so nothing new is made there. ' +
        "Make East annex active again in Settings → Sites, or change the estimate's location in QuickBooks.",
    );
    expect(about('QB-PO-7302')).toBe(
      'QuickBooks PO QB-PO-7302 was not brought in: it is for East annex, which is inactive in ShelfSync, so nothing new is made there. ' +
        "Make East annex active again in Settings → Sites, or change the purchase order's location in QuickBooks.",
    );

    // Made active again, the next sync (whose change window overlaps the last) brings both in at the annex.
    await h.call('sites.update', { id: annex.id, active: true });
    await h.sync();
    expect((await orderNumbered(h, 'SO-7301'))?.siteId).toBe(annex.id);
    expect((await poNumbered(h, 'QB-PO-7302'))?.siteId).toBe(annex.id);
  });
});
