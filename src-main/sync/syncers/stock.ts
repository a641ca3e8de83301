/**
 * Stock changes (adjustments, counts, drift fixes) out to QuickBooks: as a dated InventoryAdjustment
 * (QtyDiff) booked to the stock adjustment account, or, where the company has none or refuses them
 * (stockMode.ts), as a quantity update of the item read just before. A drift fix carries no difference:
 * it is worked out when sent, from QuickBooks' quantity then and what is still on its way (inFlight.ts).
 * Transfers between sites never reach QuickBooks: it keeps no per-site quantity.
 */
import { z } from 'zod';
import { formatQuantity, parseQuantity } from '../../../src-shared/quantity';
import { getItem } from '../../warehouse';
import { inFlightStock, quickBooksTarget } from '../inFlight';
import { linkByLocal } from '../links';
import type { QboObject } from '../port';
import type { Prepared, PushSpec, SyncEnv } from '../syncer';
import type { OutboxRow } from '../outboxQueue';
import { adjustmentAccount, isAdjustmentRefusal, rememberAdjustmentsRefused } from '../stockMode';
import { linkObject, marker, today } from './common';
import { localItemForQbo } from './items';

const payloadSchema = z
  .object({
    itemId: z.string(),
    qtyDiff: z.string().refine((q) => parseQuantity(q) !== null).optional(),
    /** A drift fix: bring QuickBooks to ShelfSync's on-hand, less what is still on its way, when sent. */
    driftFix: z.literal(true).optional(),
    reason: z.string().nullable().optional(),
    movementId: z.union([z.int(), z.string()]).nullable().optional(),
  })
  .refine((p) => p.qtyDiff !== undefined || p.driftFix === true, { message: 'A stock change needs a difference or to be a drift fix.' });
type Payload = z.infer<typeof payloadSchema>;

function pendingItemUpsert(env: SyncEnv, itemId: string): boolean {
  return (
    env.ctx.db
      .prepare("SELECT 1 FROM outbox WHERE kind = 'item.upsert' AND local_id = ? AND state IN ('pending', 'failed')")
      .get(itemId) !== undefined
  );
}

function itemName(env: SyncEnv, itemId: string): string {
  try {
    return getItem(env.ctx.db, itemId).name;
  } catch {
    return itemId;
  }
}

function label(env: SyncEnv, payload: Payload): string {
  const diff = payload.qtyDiff ?? '';
  return `${itemName(env, payload.itemId)} ${payload.driftFix ? 'drift fix' : diff.startsWith('-') ? diff : `+${diff}`}`;
}

const qtyOf = (object: QboObject) => parseQuantity(Number(object.QtyOnHand ?? 0).toFixed(4)) ?? 0;

/** The dated InventoryAdjustment: the day the change was made (a drift fix: the day it is sent). */
function adjustment(env: SyncEnv, row: OutboxRow, payload: Payload, qboItemId: string, diff: number, accountId: string, text: string): Prepared {
  const day = payload.driftFix || row.createdAt === '' ? today(env) : row.createdAt.slice(0, 10);
  return {
    action: 'create',
    entity: 'InventoryAdjustment',
    label: text,
    body: {
      TxnDate: day,
      AdjustAccountRef: { value: accountId },
      PrivateNote: `${marker('stock', String(payload.movementId ?? row.requestId))}${payload.reason ? ` (${payload.reason})` : ''}`,
      Line: [
        {
          DetailType: 'ItemAdjustmentLineDetail',
          ItemAdjustmentLineDetail: { ItemRef: { value: qboItemId }, QtyDiff: Number(formatQuantity(diff)) },
        },
      ],
    },
  };
}

/**
 * Prepares the row as an adjustment (`useAdjustment`, when an account is set) or a quantity update. The
 * quantity update sets what QuickBooks has now plus the difference; the row is sent alone under its own
 * request id, so a lost answer is replayed rather than applied twice.
 */
async function prepareStock(env: SyncEnv, row: OutboxRow, useAdjustment: boolean): Promise<Prepared> {
  const payload = payloadSchema.parse(row.payload);
  const text = label(env, payload);
  const link = linkByLocal(env.ctx.db, 'item', payload.itemId);
  if (!link) {
    if (env.settings.directions.items === 'localToQbo' && pendingItemUpsert(env, payload.itemId)) {
      return { action: 'wait', reason: 'The item is not in QuickBooks yet; the adjustment follows it.', label: text };
    }
    return { action: 'skip', reason: 'This item is not in QuickBooks, so its stock change stays in ShelfSync.', label: text };
  }
  const account = useAdjustment ? adjustmentAccount(env.settings) : null;
  if (account && !payload.driftFix) {
    return adjustment(env, row, payload, link.qboId, parseQuantity(payload.qtyDiff ?? '0') ?? 0, account.id, text);
  }
  const current = await env.qbo.read('Item', link.qboId);
  const onHand = qtyOf(current);
  const diff = payload.driftFix
    ? quickBooksTarget(inFlightStock(env.ctx.db), payload.itemId, localItemForQbo(env, payload.itemId).onHandUnits).target - onHand
    : (parseQuantity(payload.qtyDiff ?? '0') ?? 0);
  if (payload.driftFix && diff === 0) {
    return { action: 'skip', reason: `QuickBooks already has ${formatQuantity(onHand)} on hand, as ShelfSync will once its queued changes arrive; nothing to send.`, label: text };
  }
  if (account) return adjustment(env, row, payload, link.qboId, diff, account.id, text);
  return {
    action: 'update',
    entity: 'Item',
    label: text,
    body: { Id: link.qboId, SyncToken: current.SyncToken, sparse: true, QtyOnHand: Number(formatQuantity(onHand + diff)), InvStartDate: today(env) },
  };
}

export const stockPush: PushSpec = {
  kind: 'stock.adjust',
  entity: 'stock',
  directions: ['localToQbo'],
  wave: 3,
  single: true,
  prepare: (env, row) => prepareStock(env, row, true),
  async fallback(env, row, error, prepared) {
    // A company without InventoryAdjustment: the same change as a quantity update, remembered once it went.
    if (prepared.entity !== 'InventoryAdjustment' || !isAdjustmentRefusal(error)) return null;
    return { prepared: await prepareStock(env, row, false), accepted: () => rememberAdjustmentsRefused(env, error) };
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
