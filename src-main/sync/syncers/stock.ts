/**
 * Stock adjustments (adjustments, counts, drift fixes) out to QuickBooks: as an InventoryAdjustment
 * when an adjustment account is chosen in Settings, otherwise as a quantity update of the item read
 * just before. Transfers between sites never reach QuickBooks: it keeps no per-site quantity.
 */
import { z } from 'zod';
import { formatQuantity, parseQuantity } from '../../../src-shared/quantity';
import { getItem } from '../../warehouse';
import { linkByLocal } from '../links';
import type { PushSpec, SyncEnv } from '../syncer';
import type { OutboxRow } from '../outboxQueue';
import { linkObject, marker, today } from './common';

const payloadSchema = z.object({
  itemId: z.string(),
  qtyDiff: z.string().refine((q) => parseQuantity(q) !== null),
  reason: z.string().nullable().optional(),
  movementId: z.union([z.int(), z.string()]).nullable().optional(),
});

function pendingItemUpsert(env: SyncEnv, itemId: string): boolean {
  return (
    env.ctx.db
      .prepare("SELECT 1 FROM outbox WHERE kind = 'item.upsert' AND local_id = ? AND state IN ('pending', 'failed')")
      .get(itemId) !== undefined
  );
}

function label(env: SyncEnv, row: OutboxRow, diff: string): string {
  const name = (() => {
    try {
      return getItem(env.ctx.db, row.localId).name;
    } catch {
      return row.localId;
    }
  })();
  return `${name} ${diff.startsWith('-') ? diff : `+${diff}`}`;
}

export const stockPush: PushSpec = {
  kind: 'stock.adjust',
  entity: 'stock',
  directions: ['localToQbo'],
  wave: 3,
  single: true,
  async prepare(env, row) {
    const payload = payloadSchema.parse(row.payload);
    const text = label(env, row, payload.qtyDiff);
    const link = linkByLocal(env.ctx.db, 'item', payload.itemId);
    if (!link) {
      if (env.settings.directions.items === 'localToQbo' && pendingItemUpsert(env, payload.itemId)) {
        return { action: 'wait', reason: 'The item is not in QuickBooks yet; the adjustment follows it.', label: text };
      }
      return { action: 'skip', reason: 'This item is not in QuickBooks, so its stock change stays in ShelfSync.', label: text };
    }
    const account = env.settings.stockAdjustmentAccount;
    if (account) {
      return {
        action: 'create',
        entity: 'InventoryAdjustment',
        label: text,
        body: {
          TxnDate: today(env),
          AdjustAccountRef: { value: account.id },
          PrivateNote: `${marker('stock', String(payload.movementId ?? row.requestId))}${payload.reason ? ` (${payload.reason})` : ''}`,
          Line: [
            {
              DetailType: 'ItemAdjustmentLineDetail',
              ItemAdjustmentLineDetail: { ItemRef: { value: link.qboId }, QtyDiff: Number(payload.qtyDiff) },
            },
          ],
        },
      };
    }
    // No adjustment account: set the quantity QuickBooks has now plus our difference. The row is sent
    // alone under its own request id, so a lost answer is replayed rather than applied twice.
    const current = await env.qbo.read('Item', link.qboId);
    const onHand = parseQuantity(Number(current.QtyOnHand ?? 0).toFixed(4)) ?? 0;
    const next = onHand + (parseQuantity(payload.qtyDiff) ?? 0);
    return {
      action: 'update',
      entity: 'Item',
      label: text,
      body: { Id: link.qboId, SyncToken: current.SyncToken, sparse: true, QtyOnHand: Number(formatQuantity(next)), InvStartDate: today(env) },
    };
  },
  findExisting() {
    // Adjustments go alone under their own request id (single), so QuickBooks' requestid memory answers.
    return Promise.resolve(null);
  },
  applied(env, row, object) {
    if (object.Id && row.kind === 'stock.adjust') {
      const payload = payloadSchema.safeParse(row.payload);
      if (payload.success && String(object.Id) !== '' && 'QtyOnHand' in object) linkObject(env, 'item', payload.data.itemId, object);
    }
  },
};
