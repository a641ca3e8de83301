/**
 * The full count push (seed 004): make QuickBooks' on-hand match ShelfSync's, summed over all sites.
 * Items missing in QuickBooks are created. Quantities received on purchase orders already sent to
 * QuickBooks, whose bills have not reached it yet, are held back (the bill will add them) and each
 * hold-back is recorded as an error in the run, as the seed's history log does. The difference per item
 * is worked out from QuickBooks' quantity read in this same run, and goes as a dated InventoryAdjustment
 * (or, where the company has none or refuses them, as the absolute quantity). It runs as batches
 * straight from that read, not through the outbox: a second push finds nothing left to change.
 */
import { createHash } from 'node:crypto';
import { formatQuantity, parseQuantity } from '../../src-shared/quantity';
import { linkByLocal } from './links';
import { inFlightStock, quickBooksTarget } from './inFlight';
import { itemToQboCreate } from './mappers/item';
import type { BatchOp, QboErrorLike, QboObject } from './port';
import { readCursor, writeCursor } from './cursors';
import { bump } from './runs';
import type { SyncEnv } from './syncer';
import { linkObject, today } from './syncers/common';
import { localItemForQbo } from './syncers/items';
import { batchLimit } from './push';
import { adjustmentAccount, isAdjustmentRefusal, rememberAdjustmentsRefused } from './stockMode';

interface Held {
  qty: number;
  orders: Set<string>;
}

/** What the push sends for one item; `quantity` is the absolute update used where adjustments are refused. */
interface CountOp {
  itemId: string;
  op: BatchOp;
  quantity?: BatchOp;
}

/** Quantities received on posted purchase orders whose receipt has not reached QuickBooks yet. */
function heldBack(env: SyncEnv): Map<string, Held> {
  const rows = env.ctx.db
    .prepare(
      `SELECT o.payload, p.number FROM outbox o JOIN purchase_orders p ON p.id = o.local_id
       WHERE o.kind = 'purchaseOrder.receive' AND o.state IN ('pending', 'failed')`,
    )
    .all() as { payload: string; number: string }[];
  const held = new Map<string, Held>();
  for (const row of rows) {
    const payload = JSON.parse(row.payload) as { lines?: { itemId: string; qty: string }[] };
    for (const line of payload.lines ?? []) {
      const entry = held.get(line.itemId) ?? { qty: 0, orders: new Set<string>() };
      entry.qty += parseQuantity(line.qty) ?? 0;
      entry.orders.add(row.number);
      held.set(line.itemId, entry);
    }
  }
  return held;
}

export const qtyOf = (object: QboObject | undefined) => parseQuantity(Number(object?.QtyOnHand ?? 0).toFixed(4)) ?? 0;

function logHeld(env: SyncEnv, itemId: string, name: string, hold: Held): void {
  env.log({
    level: 'error',
    entity: 'countPush',
    localId: itemId,
    message: `"${name}": ${formatQuantity(hold.qty)} received on PO ${[...hold.orders].join(', ')} is not counted, because that purchase order was already sent to QuickBooks and its bill will add it. Sync the purchase order first.`,
  });
  bump(env.counts, 'countPush.push', 'skipped');
}

/** The change for an item QuickBooks has: an adjustment by the difference, or the absolute quantity. */
function changeOf(env: SyncEnv, itemId: string, existing: QboObject, target: number): CountOp | null {
  const diff = target - qtyOf(existing);
  if (diff === 0) return null;
  const quantity: BatchOp = {
    bId: '',
    operation: 'update',
    entity: 'Item',
    body: { Id: existing.Id, SyncToken: existing.SyncToken, sparse: true, QtyOnHand: Number(formatQuantity(target)), InvStartDate: today(env) },
  };
  const account = adjustmentAccount(env.settings);
  if (!account) return { itemId, op: quantity };
  const body = {
    TxnDate: today(env),
    AdjustAccountRef: { value: account.id },
    PrivateNote: `ShelfSync full count push ${today(env)}`,
    Line: [{ DetailType: 'ItemAdjustmentLineDetail', ItemAdjustmentLineDetail: { ItemRef: { value: existing.Id }, QtyDiff: Number(formatQuantity(diff)) } }],
  };
  return { itemId, op: { bId: '', operation: 'create', entity: 'InventoryAdjustment', body }, quantity };
}

async function countOps(env: SyncEnv): Promise<CountOp[]> {
  const { db } = env.ctx;
  const held = heldBack(env);
  const inFlight = inFlightStock(db);
  const remote = await env.qbo.queryAll('Item', "Type = 'Inventory'");
  const byId = new Map(remote.map((o) => [o.Id, o]));
  const byName = new Map(remote.map((o) => [String(o.Name).toLowerCase(), o]));
  const ids = db.prepare("SELECT id FROM items WHERE type = 'inventory' AND active = 1 ORDER BY name_key").pluck().all() as string[];
  const ops: CountOp[] = [];
  for (const itemId of ids) {
    const item = localItemForQbo(env, itemId);
    const hold = held.get(itemId);
    if (hold) logHeld(env, itemId, item.name, hold);
    // What queued documents (bills, invoices, adjustments) will still change in QuickBooks is left out.
    const { target } = quickBooksTarget(inFlight, itemId, item.onHandUnits);
    const link = linkByLocal(db, 'item', itemId);
    const existing = (link && byId.get(link.qboId)) ?? byName.get(item.name.toLowerCase());
    if (existing) {
      if (!link || link.qboId !== existing.Id) linkObject(env, 'item', itemId, existing);
      const change = changeOf(env, itemId, existing, target);
      if (change) ops.push(change);
      continue;
    }
    const create = itemToQboCreate({ ...item, onHandUnits: target }, env.settings, today(env));
    if (!create.ok) {
      env.log({ level: 'error', entity: 'countPush', localId: itemId, message: `"${item.name}" is not in QuickBooks and cannot be created: ${create.reason}` });
      bump(env.counts, 'countPush.push', 'failed');
      continue;
    }
    ops.push({ itemId, op: { bId: '', operation: 'create', entity: 'Item', body: create.body } });
  }
  return ops;
}

interface Sent {
  done: number;
  /** Adjustments refused because the company cannot have them (sent again as quantities). */
  refused: { op: CountOp; error: QboErrorLike }[];
}

/** Sends the ops in batches and settles each answer. */
async function sendOps(env: SyncEnv, ops: CountOp[]): Promise<Sent> {
  const sent: Sent = { done: 0, refused: [] };
  for (let i = 0; i < ops.length; i += batchLimit) {
    const chunk = ops.slice(i, i + batchLimit).map((o, n) => ({ ...o, op: { ...o.op, bId: `c${n}` } }));
    // Same content, same request id: a batch retried after a lost answer is not applied twice.
    const requestId = createHash('sha256').update(JSON.stringify(chunk.map((c) => c.op))).digest('hex').slice(0, 36);
    const results = await env.qbo.batch(chunk.map((c) => c.op), requestId);
    for (const [n, result] of results.entries()) {
      const entry = chunk[n];
      if (!entry) continue;
      if (result.ok) {
        sent.done++;
        if (entry.op.entity === 'Item') linkObject(env, 'item', entry.itemId, result.object);
        bump(env.counts, 'countPush.push', entry.op.operation === 'create' && entry.op.entity === 'Item' ? 'created' : 'updated');
      } else if (entry.quantity && isAdjustmentRefusal(result.error)) {
        sent.refused.push({ op: entry, error: result.error });
      } else {
        bump(env.counts, 'countPush.push', 'failed');
        env.log({ level: 'error', entity: 'countPush', localId: entry.itemId, qboCode: result.error.code, message: result.error.message });
      }
    }
  }
  return sent;
}

export async function pushCounts(env: SyncEnv): Promise<void> {
  const { refused } = await sendOps(env, await countOps(env));
  const first = refused[0];
  if (first) {
    // The company cannot have adjustments: none of those went in, so the absolute quantities go instead.
    const again = await sendOps(env, refused.map(({ op }) => ({ itemId: op.itemId, op: op.quantity as BatchOp })));
    if (again.done > 0) rememberAdjustmentsRefused(env, first.error);
  }
  const now = env.ctx.clock.now().toISOString();
  writeCursor(env.ctx.db, { ...readCursor(env.ctx.db, 'countPush'), entity: 'countPush', lastSyncedAt: now });
}
