import { afterEach, describe, expect, it } from 'vitest';
import { syncHarness, admin, type SyncHarness } from './harness';
import { clearFaults, injectFault } from '../support/practiceAdmin';
import type { Settings } from '../../src-shared/ipc';

let h: SyncHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

type QboItem = Record<string, unknown> & { Id: string; Name: string; Type: string; QtyOnHand?: number; Active?: boolean };
interface Item { id: string; name: string; onHand: string; type: string }

const qboItems = async (h: SyncHarness) => ((await h.dump()).Item ?? []) as QboItem[];
type Adjustment = { PrivateNote?: string; TxnDate: string; AdjustAccountRef: { value: string }; Line: { ItemAdjustmentLineDetail: { ItemRef: { value: string }; QtyDiff: number } }[] };
const ourAdjustments = async (h: SyncHarness) =>
  (((await h.dump()).InventoryAdjustment ?? []) as unknown as Adjustment[]).filter((a) => a.PrivateNote?.startsWith('ShelfSync'));
/** Sets an item's on-hand in QuickBooks as a QuickBooks user would (no SyncToken needed). */
const setQtyInQbo = (h: SyncHarness, id: string, qty: number) => admin(h.sb, 'PATCH', `/entities/Item/${id}`, { QtyOnHand: qty });
const qtyOf = async (h: SyncHarness, name: string) => (await qboItems(h)).find((i) => i.Name === name)?.QtyOnHand;

async function withDefaultAccounts(h: SyncHarness) {
  const accounts = ((await h.dump()).Account ?? []) as { Id: string; Name: string; AccountType: string }[];
  const pick = (t: string) => {
    const a = accounts.find((x) => x.AccountType === t) as { Id: string; Name: string };
    return { id: a.Id, name: a.Name };
  };
  await h.settings({ defaultAccounts: { inventory: { income: pick('Income'), expense: pick('Cost of Goods Sold'), asset: pick('Other Current Asset') } } });
}

describe('full count push', () => {
  it('sets QuickBooks on-hand to the sum over all sites and creates items QuickBooks lacks', async () => {
    h = await syncHarness();
    await withDefaultAccounts(h);
    await h.sync();
    const part = (await h.call<{ rows: Item[] }>('items.list', { type: 'inventory', active: true, limit: 1 })).rows[0] as Item;
    const site = await h.call<{ id: string }>('sites.create', { name: 'Overflow yard' });
    await h.call('stock.adjust', { itemId: part.id, siteId: site.id, qtyDiff: '7', reason: 'Counted in yard' });
    const fresh = await h.call<{ id: string }>('items.create', { name: 'Counted only here', type: 'inventory' });
    await h.call('stock.adjust', { itemId: fresh.id, siteId: 'main', qtyDiff: '4', reason: 'Found' });
    const run = await h.call<{ status: string; counts: Record<string, { created: number; updated: number }> }>('sync.pushCounts');
    expect(run.status).toBe('ok');
    const detail = await h.call<{ onHand: string }>('items.get', { id: part.id });
    expect(await qtyOf(h, part.name)).toBe(Number(detail.onHand));
    expect(await qtyOf(h, 'Counted only here')).toBe(4);
    expect(run.counts['countPush.push']?.created).toBe(1);
    // The existing item moved by a dated InventoryAdjustment of the difference to QuickBooks' quantity.
    const remote = (await qboItems(h)).find((i) => i.Name === part.name) as QboItem;
    const account = (await h.call<Settings>('settings.get')).stockAdjustmentAccount;
    const made = (await ourAdjustments(h)).filter((a) => a.Line.some((l) => l.ItemAdjustmentLineDetail.ItemRef.value === remote.Id));
    expect(made).toHaveLength(1);
    expect(made[0]).toMatchObject({ AdjustAccountRef: { value: account?.id } });
    expect(made[0]?.Line[0]?.ItemAdjustmentLineDetail.QtyDiff).toBe(7);
    const second = await h.call<{ counts: Record<string, { created: number; updated: number }> }>('sync.pushCounts');
    expect(second.counts['countPush.push']).toBeUndefined();
    expect(await ourAdjustments(h)).toHaveLength(made.length);
    const status = await h.call<{ lastSynced: Record<string, string | null> }>('sync.status');
    expect(status.lastSynced.countPush).toBeTruthy();
  });

  it('holds back what was received on a purchase order already sent to QuickBooks and logs it as an error', async () => {
    h = await syncHarness();
    await withDefaultAccounts(h);
    await h.sync();
    const part = (await h.call<{ rows: Item[] }>('items.list', { type: 'inventory', active: true, limit: 1 })).rows[0] as Item;
    const vendor = (await h.call<{ rows: { id: string }[] }>('vendors.list', { limit: 1 })).rows[0] as { id: string };
    const po = await h.call<{ id: string; number: string }>('purchaseOrders.create', {
      vendorId: vendor.id,
      lines: [{ itemId: part.id, qty: '10', unitCostCents: 100 }],
    });
    await h.call('purchaseOrders.post', { id: po.id });
    await h.sync();
    // The purchase order is removed in QuickBooks, so the receipt's bill is refused and stays queued.
    const remotePo = ((await h.dump()).PurchaseOrder ?? []).find((p) => p.DocNumber === po.number) as { Id: string };
    const removed = await fetch(`${h.sb.adminUrl}/entities/PurchaseOrder/${remotePo.Id}`, { method: 'DELETE' });
    expect(removed.ok).toBe(true);
    await h.call('purchaseOrders.receive', { purchaseOrderId: po.id });
    const before = Number((await h.call<{ onHand: string }>('items.get', { id: part.id })).onHand);
    const run = await h.call<{ id: number; counts: Record<string, { skipped: number; failed: number }> }>('sync.pushCounts');
    expect(run.counts['purchaseOrders.push']?.failed).toBe(1);
    expect(run.counts['countPush.push']?.skipped).toBe(1);
    expect(await qtyOf(h, part.name)).toBe(before - 10);
    const errors = await h.call<{ rows: { level: string; message: string }[] }>('sync.errors', { runId: run.id, level: 'error' });
    expect(errors.rows.some((e) => e.message.includes(`PO ${po.number}`) && e.message.includes('not counted'))).toBe(true);
  });

  it('counts by quantity where the company refuses inventory adjustments, and remembers it', async () => {
    h = await syncHarness();
    await h.sync();
    const part = (await h.call<{ rows: Item[] }>('items.list', { type: 'inventory', active: true, limit: 1 })).rows[0] as Item;
    await admin(h.sb, 'PUT', '/company-status', { plan: 'Essentials' });
    await h.call('stock.adjust', { itemId: part.id, siteId: 'main', qtyDiff: '6', reason: 'Counted' });
    // Sent as a quantity update by the sync; then QuickBooks drifts, and the count push puts it right.
    await h.sync();
    const remote = (await qboItems(h)).find((i) => i.Name === part.name) as QboItem;
    await setQtyInQbo(h, remote.Id, Number(part.onHand) - 2);
    await h.settings({ stockAdjustmentAccount: (await h.call<Settings>('settings.get')).stockAdjustmentAccount });
    const run = await h.call<{ id: number; status: string; counts: Record<string, { updated: number; failed: number }> }>('sync.pushCounts');
    expect(run.status).toBe('ok');
    expect(run.counts['countPush.push']).toMatchObject({ updated: 1, failed: 0 });
    expect(await qtyOf(h, part.name)).toBe(Number(part.onHand) + 6);
    expect(await ourAdjustments(h)).toHaveLength(0);
    expect((await h.call<Settings>('settings.get')).stockAdjustmentsRefused?.message).toMatch(/5020/);
    const log = await h.call<{ rows: { qboCode: string | null }[] }>('sync.errors', { runId: run.id, level: 'warning' });
    expect(log.rows.some((r) => r.qboCode === '5020')).toBe(true);
  });

  it('an adjustment made while QuickBooks is unreachable, then Fix drift: QuickBooks gets the adjustment once', async () => {
    h = await syncHarness();
    await h.sync();
    const part = (await h.call<{ rows: Item[] }>('items.list', { type: 'inventory', active: true, limit: 1 })).rows[0] as Item;
    const remote = (await qboItems(h)).find((i) => i.Name === part.name) as QboItem;
    const start = Number(part.onHand);
    await h.call('stock.adjust', { itemId: part.id, siteId: 'main', qtyDiff: '3', reason: 'Found' });
    await injectFault(h.sb, 'drop', { pathIncludes: '/v3/company' }, 50);
    expect((await h.sync()).status).toBe('failed');
    await clearFaults(h.sb);
    // The queued +3 is no drift: QuickBooks will have it once it is sent.
    expect((await h.call<{ rows: unknown[] }>('sync.drift')).rows).toHaveLength(0);
    expect(await h.call('sync.fixDrift', {})).toEqual({ queued: 0 });
    // A QuickBooks user also takes 5 away: that is drift, and only that is fixed.
    await setQtyInQbo(h, remote.Id, start - 5);
    const drift = await h.call<{ rows: { itemId: string; local: string; quickBooks: string; queued: string; difference: string }[] }>('sync.drift');
    expect(drift.rows).toEqual([{ itemId: part.id, name: part.name, local: String(start + 3), quickBooks: String(start - 5), queued: '3', difference: '5' }]);
    expect(await h.call('sync.fixDrift', { itemIds: [part.id] })).toEqual({ queued: 1 });
    const run = await h.sync();
    expect(run.counts['stock.push']).toMatchObject({ created: 2, failed: 0 });
    expect(await qtyOf(h, part.name)).toBe(start + 3);
    const diffs = (await ourAdjustments(h)).flatMap((a) => a.Line.map((l) => l.ItemAdjustmentLineDetail.QtyDiff));
    expect(diffs.sort()).toEqual([3, 5]);
    await h.sync();
    expect(await qtyOf(h, part.name)).toBe(start + 3);
    expect((await h.call<{ rows: unknown[] }>('sync.drift')).rows).toHaveLength(0);
  });

  it('a drift fix queued behind an adjustment whose answer was lost is worked out after it settles', async () => {
    h = await syncHarness();
    await h.sync();
    const part = (await h.call<{ rows: Item[] }>('items.list', { type: 'inventory', active: true, limit: 1 })).rows[0] as Item;
    const remote = (await qboItems(h)).find((i) => i.Name === part.name) as QboItem;
    const start = Number(part.onHand);
    await h.call('stock.adjust', { itemId: part.id, siteId: 'main', qtyDiff: '-2', reason: 'Damaged' });
    // QuickBooks takes the adjustment but the answer never comes back: it stays queued, outcome unknown.
    await injectFault(h.sb, 'commitThenDrop', { method: 'POST', pathIncludes: '/inventoryadjustment' }, 1);
    await injectFault(h.sb, 'drop', { method: 'POST', pathIncludes: '/inventoryadjustment' }, 20);
    await h.sync();
    await clearFaults(h.sb);
    expect(await qtyOf(h, part.name)).toBe(start - 2);
    await setQtyInQbo(h, remote.Id, start - 3);
    expect((await h.call<{ queued: number }>('sync.fixDrift', {})).queued).toBe(1);
    await h.sync();
    expect(await qtyOf(h, part.name)).toBe(start - 2);
    expect((await h.call<{ pendingChanges: number; failedChanges: number }>('sync.status')).pendingChanges).toBe(0);
  });

  it('reports drift between ShelfSync and QuickBooks and fixes it through the outbox', async () => {
    h = await syncHarness();
    await h.sync();
    const part = (await h.call<{ rows: Item[] }>('items.list', { type: 'inventory', active: true, limit: 1 })).rows[0] as Item;
    const remote = (await qboItems(h)).find((i) => i.Name === part.name) as QboItem;
    await setQtyInQbo(h, remote.Id, Number(part.onHand) + 5);
    const drift = await h.call<{ rows: { itemId: string; difference: string }[] }>('sync.drift');
    expect(drift.rows).toContainEqual(expect.objectContaining({ itemId: part.id, difference: '-5' }));
    expect(await h.call('sync.fixDrift', { itemIds: [part.id] })).toEqual({ queued: 1 });
    await h.sync();
    expect(await qtyOf(h, part.name)).toBe(Number(part.onHand));
    expect((await h.call<{ rows: unknown[] }>('sync.drift')).rows).toHaveLength(0);
  });
});
