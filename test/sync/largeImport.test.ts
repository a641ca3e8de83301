import { afterAll, describe, expect, it } from 'vitest';
import { syncHarness, type SyncHarness } from './harness';

let h: SyncHarness | undefined;
afterAll(async () => {
  await h?.close();
});

describe('first import of a large company', () => {
  it('gets every QuickBooks item, paging past 1000 rows, in about as many calls as the pages need', async () => {
    h = await syncHarness({ size: 'large' });
    await h.settings({ directions: { customers: 'off', vendors: 'off', salesOrders: 'off' } });
    const before = (await (await fetch(`${h.sb.adminUrl}/requests`)).json()) as { byEndpoint: Record<string, number> };
    const run = await h.sync();
    expect(run.status).toBe('ok');
    const remote = ((await h.dump()).Item ?? []).filter((i) => ['Inventory', 'NonInventory', 'Service'].includes(String(i.Type)));
    expect(remote.length).toBeGreaterThan(9000);
    expect(run.counts['items.pull']?.created).toBe(remote.length);
    const local = await h.call<{ total: number }>('items.list', { limit: 1 });
    expect(local.total).toBe(remote.length);
    const after = (await (await fetch(`${h.sb.adminUrl}/requests`)).json()) as { byEndpoint: Record<string, number> };
    const queries = (after.byEndpoint['GET query'] ?? 0) - (before.byEndpoint['GET query'] ?? 0);
    // Active and inactive items, 1000 a page: the pages plus the one short page that ends each read,
    // and one read of the cost of goods sold accounts to choose the stock adjustment account.
    expect(queries).toBeLessThanOrEqual(Math.ceil(remote.length / 1000) + 3);
  }, 180_000);
});
