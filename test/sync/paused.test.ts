import { afterEach, describe, expect, it } from 'vitest';
import { syncHarness, type SyncHarness } from './harness';

let h: SyncHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('sync when QuickBooks needs a new sign-in', () => {
  it('pauses, says why, keeps every queued change, and sends them once reconnected', async () => {
    h = await syncHarness();
    await h.sync();
    const part = (await h.call<{ rows: { id: string; name: string; onHand: string }[] }>('items.list', { type: 'inventory', active: true, limit: 1 })).rows[0];
    if (!part) throw new Error('no inventory part');
    // Someone revokes ShelfSync's access in QuickBooks; the access token also expires.
    await fetch(`${h.sb.adminUrl}/tokens/revoke`, { method: 'POST' });
    await h.call('stock.adjust', { itemId: part.id, siteId: 'main', qtyDiff: '1', reason: 'Found' });
    const stopped = await h.call<{ status: string; message: string }>('sync.now');
    expect(stopped.status).toBe('failed');
    expect(stopped.message).toMatch(/sign in again.*changes are kept/);
    // Later runs do not even start until the user reconnects.
    expect((await h.host.invoke('sync.now', {})).ok).toBe(false);
    const status = await h.call<{ state: string; pausedReason: string | null; pendingChanges: number }>('sync.status');
    expect(status.pendingChanges).toBe(1);
    const connection = await h.call<{ state: string; message: string }>('connection.status');
    expect(connection.state).toBe('reconnectNeeded');
    expect(status.state).toBe('paused');
    expect(status.pausedReason).toMatch(/[Rr]econnect|sign in/);

    const again = await h.connect();
    expect(again.state).toBe('connected');
    const run = await h.sync();
    // Sent once, as the InventoryAdjustment the first sync chose an account for.
    expect(run.counts['stock.push']?.created).toBe(1);
    const remote = ((await h.dump()).Item ?? []).find((i) => i.Name === part.name) as { QtyOnHand: number };
    expect(remote.QtyOnHand).toBe(Number(part.onHand) + 1);
  });
});
