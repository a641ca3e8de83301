import { afterEach, describe, expect, it } from 'vitest';
import { syncHarness, type SyncHarness } from './harness';

let h: SyncHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

type QboItem = Record<string, unknown> & { Id: string; Name: string; Type: string; QtyOnHand?: number; Active?: boolean };
interface Item { id: string; name: string; onHand: string; type: string }

const qboItems = async (h: SyncHarness) => ((await h.dump()).Item ?? []) as QboItem[];
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

  it('reports drift between ShelfSync and QuickBooks and fixes it through the outbox', async () => {
    h = await syncHarness();
    await h.sync();
    const part = (await h.call<{ rows: Item[] }>('items.list', { type: 'inventory', active: true, limit: 1 })).rows[0] as Item;
    const remote = (await qboItems(h)).find((i) => i.Name === part.name) as QboItem;
    await fetch(`${h.sb.adminUrl}/entities/Item/${remote.Id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ QtyOnHand: Number(part.onHand) + 5 }),
    });
    const drift = await h.call<{ rows: { itemId: string; difference: string }[] }>('sync.drift');
    expect(drift.rows).toContainEqual(expect.objectContaining({ itemId: part.id, difference: '-5' }));
    expect(await h.call('sync.fixDrift', { itemIds: [part.id] })).toEqual({ queued: 1 });
    await h.sync();
    expect(await qtyOf(h, part.name)).toBe(Number(part.onHand));
    expect((await h.call<{ rows: unknown[] }>('sync.drift')).rows).toHaveLength(0);
  });
});
