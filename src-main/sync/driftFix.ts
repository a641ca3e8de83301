/** Fix drift: queue a stock adjustment that brings QuickBooks' on-hand to ShelfSync's for the chosen items. */
import { enqueueOutbox } from '../db';
import { driftReport } from './countPush';
import type { SyncEnv } from './syncer';

/** Queues one `stock.adjust` per drifting item (all of them when `itemIds` is absent); returns how many. */
export async function queueDriftFix(env: SyncEnv, itemIds: readonly string[] | undefined): Promise<{ queued: number }> {
  const { ctx } = env;
  const wanted = itemIds ? new Set(itemIds) : null;
  const rows = (await driftReport(env)).filter((r) => !wanted || wanted.has(r.itemId));
  ctx.db.transaction(() => {
    for (const row of rows) {
      enqueueOutbox(ctx.db, ctx, {
        kind: 'stock.adjust',
        localId: row.itemId,
        payload: { itemId: row.itemId, qtyDiff: row.difference, reason: 'Drift fix', movementId: null },
      });
    }
  })();
  return { queued: rows.length };
}
