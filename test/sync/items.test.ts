import { afterEach, describe, expect, it } from 'vitest';
import { syncHarness, admin, type SyncHarness } from './harness';
import { injectFault, requestCounts } from '../connection/support';

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

  it('posts an adjustment once, as a quantity change of the item', async () => {
    h = await syncHarness();
    const { local, remote } = await importedPart(h);
    await h.call('stock.adjust', { itemId: local.id, siteId: 'main', qtyDiff: '-2.5', reason: 'Damaged' });
    const run = await h.sync();
    expect(run.counts['stock.push']?.updated).toBe(1);
    expect(await qtyInQbo(h, remote.Id)).toBe((remote.QtyOnHand ?? 0) - 2.5);
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
  });

  it('does not post twice when QuickBooks committed the change but the answer was lost', async () => {
    h = await syncHarness();
    const { local, remote } = await importedPart(h);
    await h.call('stock.adjust', { itemId: local.id, siteId: 'main', qtyDiff: '-1', reason: 'Sample' });
    await injectFault(h.sb, 'commitThenDrop', { method: 'POST', pathIncludes: '/item' }, 1);
    await h.sync();
    await h.sync();
    await h.sync();
    expect(await qtyInQbo(h, remote.Id)).toBe((remote.QtyOnHand ?? 0) - 1);
  });
});
