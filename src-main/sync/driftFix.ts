/**
 * The drift report and Fix drift. Both judge QuickBooks' on-hand against ShelfSync's less what is still
 * on its way there (inFlight.ts), as the count push does, so a change waiting in the outbox is neither
 * reported as drift nor sent a second time by a fix.
 */
import type { DriftRow } from '../../src-shared/ipc';
import { formatQuantity } from '../../src-shared/quantity';
import { enqueueOutbox } from '../db';
import { qtyOf } from './countPush';
import { inFlightStock, quickBooksTarget } from './inFlight';
import type { SyncEnv } from './syncer';
import { localItemForQbo } from './syncers/items';

/** Every linked inventory item whose QuickBooks on-hand differs from what ShelfSync's will make it. */
export async function driftReport(env: SyncEnv): Promise<DriftRow[]> {
  const remote = new Map((await env.qbo.queryAll('Item', "Type = 'Inventory'")).map((o) => [o.Id, o]));
  const inFlight = inFlightStock(env.ctx.db);
  const links = env.ctx.db
    .prepare("SELECT l.local_id, l.qbo_id FROM qbo_links l JOIN items i ON i.id = l.local_id WHERE l.entity = 'item' AND i.type = 'inventory' ORDER BY i.name_key")
    .all() as { local_id: string; qbo_id: string }[];
  const rows: DriftRow[] = [];
  for (const link of links) {
    const object = remote.get(link.qbo_id);
    if (!object) continue;
    const item = localItemForQbo(env, link.local_id);
    const theirs = qtyOf(object);
    const { queued, target } = quickBooksTarget(inFlight, item.id, item.onHandUnits);
    if (theirs === target) continue;
    rows.push({
      itemId: item.id,
      name: item.name,
      local: formatQuantity(item.onHandUnits),
      quickBooks: formatQuantity(theirs),
      queued: formatQuantity(queued),
      difference: formatQuantity(target - theirs),
    });
  }
  return rows;
}

/**
 * Queues one drift fix per drifting item (all of them when `itemIds` is absent); returns how many. A fix
 * carries no difference: it is worked out when it is sent, after the changes queued before it.
 */
export async function queueDriftFix(env: SyncEnv, itemIds: readonly string[] | undefined): Promise<{ queued: number }> {
  const { ctx } = env;
  const wanted = itemIds ? new Set(itemIds) : null;
  const rows = (await driftReport(env)).filter((r) => !wanted || wanted.has(r.itemId));
  ctx.db.transaction(() => {
    for (const row of rows) {
      enqueueOutbox(ctx.db, ctx, {
        kind: 'stock.adjust',
        localId: row.itemId,
        payload: { itemId: row.itemId, driftFix: true, reason: 'Drift fix', movementId: null },
      });
    }
  })();
  return { queued: rows.length };
}
