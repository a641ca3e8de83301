/** Sync errors name the record as the clerk knows it, with what a screen opens it by, and Intuit's code. */
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncLogEntry } from '../../src-shared/ipc';
import { syncHarness, type SyncHarness } from './harness';

let h: SyncHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('the sync error list', () => {
  it('names an item by name and SKU, a customer by name, and keeps Intuit’s code where QuickBooks gave one', async () => {
    h = await syncHarness();
    await h.settings({ directions: { items: 'localToQbo', customers: 'localToQbo' } });
    const item = await h.call<{ id: string }>('items.create', { name: 'Needs accounts', sku: 'NA-1', type: 'service' });
    const vendors = (((await h.dump()).Vendor ?? []) as { DisplayName: string }[]);
    const taken = vendors[0]?.DisplayName ?? '';
    const customer = await h.call<{ id: string }>('customers.create', { displayName: taken });
    const run = await h.sync();
    const errors = await h.call<{ rows: SyncLogEntry[] }>('sync.errors', { runId: run.id });

    const itemRow = errors.rows.find((r) => r.record?.kind === 'item');
    expect(itemRow?.record).toEqual({ kind: 'item', id: item.id, label: 'Needs accounts (SKU NA-1)' });
    expect(itemRow?.qboCode).toBeNull();
    const customerRow = errors.rows.find((r) => r.record?.kind === 'customer');
    expect(customerRow?.record).toEqual({ kind: 'customer', id: customer.id, label: taken });
    expect(customerRow?.qboCode).toBe('6240');

    const csv = await h.call<{ csv: string }>('sync.exportErrors', { runId: run.id });
    expect(csv.csv).toContain('Needs accounts (SKU NA-1)');
    expect(csv.csv).not.toContain(item.id);
  });
});
