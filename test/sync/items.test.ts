import { afterEach, describe, expect, it } from 'vitest';
import { syncHarness, admin, type SyncHarness } from './harness';
import { injectFault, requestCounts } from '../connection/support';
import type { Settings } from '../../src-shared/ipc';

let h: SyncHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

interface Item { id: string; name: string; type: string; active: boolean; onHand: string }
interface ItemList { rows: Item[]; total: number }
type QboItem = Record<string, unknown> & { Id: string; Name: string; Type: string; QtyOnHand?: number; Active?: boolean; SyncToken: string };

const qboItems = async (h: SyncHarness) => ((await h.dump()).Item ?? []) as QboItem[];
const countable = (items: QboItem[]) => items.filter((i) => ['Inventory', 'NonInventory', 'Service'].includes(i.Type));
const localItems = async (h: SyncHarness) => (await h.call<ItemList>('items.list', { limit: 500 })).rows;

describe('items QuickBooks → ShelfSync', () => {
  it('imports every QuickBooks item, active and inactive, with its type and the on-hand of inventory parts', async () => {
    h = await syncHarness();
    const run = await h.sync();
    expect(run.status).toBe('ok');
    const remote = countable(await qboItems(h));
    expect(run.counts['items.pull']?.created).toBe(remote.length);
    const local = await localItems(h);
    expect(local).toHaveLength(remote.length);
    for (const item of remote) {
      const mine = local.find((l) => l.name === item.Name.replace(/ \(deleted\)$/, ''));
      expect(mine, item.Name).toBeDefined();
      expect(mine?.active).toBe(item.Active !== false);
      expect(mine?.type).toBe({ Inventory: 'inventory', NonInventory: 'nonInventory', Service: 'service' }[item.Type]);
      if (item.Type === 'Inventory') expect(Number(mine?.onHand)).toBe(item.QtyOnHand ?? 0);
    }
  });

  it('brings a QuickBooks-side edit on the next run through change data capture', async () => {
    h = await syncHarness();
    await h.sync();
    const target = countable(await qboItems(h)).find((i) => i.Type === 'Inventory' && i.Active !== false) as QboItem;
    await admin(h.sb, 'PATCH', `/entities/Item/${target.Id}`, { Name: `${target.Name} Mk II`, UnitPrice: 42.5 });
    const before = await requestCounts(h.sb);
    const run = await h.sync();
    const after = await requestCounts(h.sb);
    expect(run.counts['items.pull']?.updated).toBe(1);
    expect((after['GET cdc'] ?? 0) - (before['GET cdc'] ?? 0)).toBe(1);
    expect((after['GET query'] ?? 0) - (before['GET query'] ?? 0)).toBe(0);
    const renamed = (await localItems(h)).find((i) => i.name === `${target.Name} Mk II`);
    expect(renamed).toBeDefined();
  });
});

describe('stock adjustments ShelfSync → QuickBooks', () => {
  async function importedPart(h: SyncHarness): Promise<{ local: Item; remote: QboItem }> {
    await h.sync();
    const remote = countable(await qboItems(h)).find((i) => i.Type === 'Inventory' && i.Active !== false && (i.QtyOnHand ?? 0) > 5) as QboItem;
    const local = (await localItems(h)).find((i) => i.name === remote.Name) as Item;
    return { local, remote };
  }
  const qtyInQbo = async (h: SyncHarness, id: string) => (await qboItems(h)).find((i) => i.Id === id)?.QtyOnHand;
  type Adjustment = { Id: string; TxnDate: string; PrivateNote?: string; AdjustAccountRef: { value: string }; Line: { ItemAdjustmentLineDetail: { ItemRef: { value: string }; QtyDiff: number } }[] };
  const adjustments = async (h: SyncHarness) => ((await h.dump()).InventoryAdjustment ?? []) as unknown as Adjustment[];
  const ours = async (h: SyncHarness) => (await adjustments(h)).filter((a) => a.PrivateNote?.startsWith('ShelfSync stock'));

  it('picks Inventory Shrinkage at the first sync as chosen by ShelfSync, and posts an adjustment once as a dated InventoryAdjustment booked to it', async () => {
    h = await syncHarness();
    const { local, remote } = await importedPart(h);
    const shrinkage = ((await h.dump()).Account ?? []).find((a) => a.Name === 'Inventory Shrinkage') as { Id: string };
    const settings = await h.call<Settings>('settings.get');
    expect(settings.stockAdjustmentAccount).toEqual({ id: shrinkage.Id, name: 'Inventory Shrinkage' });
    expect(settings.stockAdjustmentAccountChosenBy).toBe('shelfsync');

    const adjusted = await h.call<{ movement: { at: string } }>('stock.adjust', { itemId: local.id, siteId: 'main', qtyDiff: '-2.5', reason: 'Damaged' });
    const run = await h.sync();
    expect(run.counts['stock.push']?.created).toBe(1);
    expect(await qtyInQbo(h, remote.Id)).toBe((remote.QtyOnHand ?? 0) - 2.5);
    const made = await ours(h);
    expect(made).toHaveLength(1);
    expect(made[0]).toMatchObject({ TxnDate: adjusted.movement.at.slice(0, 10), AdjustAccountRef: { value: shrinkage.Id } });
    expect(made[0]?.PrivateNote).toContain('(Damaged)');
    expect(made[0]?.Line[0]?.ItemAdjustmentLineDetail).toMatchObject({ ItemRef: { value: remote.Id }, QtyDiff: -2.5 });
    await h.sync();
    expect(await qtyInQbo(h, remote.Id)).toBe((remote.QtyOnHand ?? 0) - 2.5);
    expect(await ours(h)).toHaveLength(1);
  });

  it('posts a quantity change of the item when a person chose no adjustment account', async () => {
    h = await syncHarness();
    const { local, remote } = await importedPart(h);
    await h.settings({ stockAdjustmentAccount: null });
    expect((await h.call<Settings>('settings.get')).stockAdjustmentAccountChosenBy).toBe('person');
    await h.call('stock.adjust', { itemId: local.id, siteId: 'main', qtyDiff: '-2.5', reason: 'Damaged' });
    const run = await h.sync();
    expect(run.counts['stock.push']?.updated).toBe(1);
    expect(await qtyInQbo(h, remote.Id)).toBe((remote.QtyOnHand ?? 0) - 2.5);
    expect(await ours(h)).toHaveLength(0);
    await h.sync();
    expect(await qtyInQbo(h, remote.Id)).toBe((remote.QtyOnHand ?? 0) - 2.5);
  });

  it('keeps an adjustment made while QuickBooks is unreachable and posts it once when it is back', async () => {
    h = await syncHarness();
    const { local, remote } = await importedPart(h);
    await h.call('stock.adjust', { itemId: local.id, siteId: 'main', qtyDiff: '3', reason: 'Found on shelf' });
    await injectFault(h.sb, 'drop', { pathIncludes: '/v3/company' }, 50);
    const offline = await h.sync();
    expect(offline.status).toBe('failed');
    expect(offline.message).toMatch(/kept and will be sent/);
    expect((await h.call<{ pendingChanges: number }>('sync.status')).pendingChanges).toBe(1);
    await admin(h.sb, 'DELETE', '/faults');
    const back = await h.sync();
    expect(back.status).toBe('ok');
    expect(await qtyInQbo(h, remote.Id)).toBe((remote.QtyOnHand ?? 0) + 3);
    expect(await ours(h)).toHaveLength(1);
  });

  it('does not post twice when QuickBooks committed the change but the answer was lost', async () => {
    h = await syncHarness();
    const { local, remote } = await importedPart(h);
    await h.call('stock.adjust', { itemId: local.id, siteId: 'main', qtyDiff: '-1', reason: 'Sample' });
    await injectFault(h.sb, 'commitThenDrop', { method: 'POST', pathIncludes: '/inventoryadjustment' }, 1);
    await h.sync();
    await h.sync();
    await h.sync();
    expect(await qtyInQbo(h, remote.Id)).toBe((remote.QtyOnHand ?? 0) - 1);
    expect(await ours(h)).toHaveLength(1);
  });

  it('falls back to quantity updates where the company refuses inventory adjustments, says so, and posts nothing twice', async () => {
    h = await syncHarness();
    const { local, remote } = await importedPart(h);
    await admin(h.sb, 'PUT', '/company-status', { plan: 'Essentials' });
    await h.call('stock.adjust', { itemId: local.id, siteId: 'main', qtyDiff: '4', reason: 'Found' });
    const before = await requestCounts(h.sb);
    const run = await h.sync();
    expect(run.status).toBe('ok');
    expect(run.counts['stock.push']).toMatchObject({ updated: 1, failed: 0 });
    expect(await qtyInQbo(h, remote.Id)).toBe((remote.QtyOnHand ?? 0) + 4);
    const settings = await h.call<Settings>('settings.get');
    expect(settings.stockAdjustmentsRefused?.message).toMatch(/refused inventory adjustments.*5020/);
    const log = await h.call<{ rows: { level: string; qboCode: string | null; message: string }[] }>('sync.errors', { runId: run.id, level: 'warning' });
    expect(log.rows).toContainEqual(expect.objectContaining({ qboCode: '5020', message: expect.stringMatching(/now go as quantity updates/) as unknown }));

    // Remembered: the next change goes straight as a quantity update, no adjustment is tried again.
    await h.call('stock.adjust', { itemId: local.id, siteId: 'main', qtyDiff: '-1', reason: 'Sample' });
    const again = await h.sync();
    await h.sync();
    const after = await requestCounts(h.sb);
    expect(again.counts['stock.push']).toMatchObject({ updated: 1 });
    expect((after['POST inventoryadjustment'] ?? 0) - (before['POST inventoryadjustment'] ?? 0)).toBe(1);
    expect(await qtyInQbo(h, remote.Id)).toBe((remote.QtyOnHand ?? 0) + 3);
    expect(await ours(h)).toHaveLength(0);

    // Choosing the account again in Settings tries adjustments again.
    const account = settings.stockAdjustmentAccount;
    await h.settings({ stockAdjustmentAccount: account });
    expect((await h.call<Settings>('settings.get')).stockAdjustmentsRefused).toBeNull();
  });
});
