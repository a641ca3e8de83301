/**
 * The full count push (seed 004): make QuickBooks' on-hand match ShelfSync's, summed over all sites.
 * Items missing in QuickBooks are created. Quantities received on purchase orders already sent to
 * QuickBooks, whose bills have not reached it yet, are held back (the bill will add them) and each
 * hold-back is recorded as an error in the run, as the seed's history log does. Absolute quantities
 * are idempotent, so this runs as batches straight from a fresh read, not through the outbox.
 */
import { createHash } from 'node:crypto';
import { formatQuantity, parseQuantity } from '../../src-shared/quantity';
import { linkByLocal } from './links';
import { inFlightStock } from './inFlight';
import { itemToQboCreate } from './mappers/item';
import type { BatchOp, QboObject } from './port';
import { readCursor, writeCursor } from './cursors';
import { bump } from './runs';
import type { SyncEnv } from './syncer';
import { linkObject, today } from './syncers/common';
import { localItemForQbo } from './syncers/items';
import { batchLimit } from './push';

interface Held {
  qty: number;
  orders: Set<string>;
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

const qtyOf = (object: QboObject | undefined) => parseQuantity(Number(object?.QtyOnHand ?? 0).toFixed(4)) ?? 0;

export async function pushCounts(env: SyncEnv): Promise<void> {
  const { db } = env.ctx;
  const held = heldBack(env);
  const inFlight = inFlightStock(db);
  const remote = await env.qbo.queryAll('Item', "Type = 'Inventory'");
  const byId = new Map(remote.map((o) => [o.Id, o]));
  const byName = new Map(remote.map((o) => [String(o.Name).toLowerCase(), o]));
  const ids = db.prepare("SELECT id FROM items WHERE type = 'inventory' AND active = 1 ORDER BY name_key").pluck().all() as string[];
  const ops: { op: BatchOp; itemId: string }[] = [];

  for (const itemId of ids) {
    const item = localItemForQbo(env, itemId);
    const hold = held.get(itemId);
    // What queued documents (bills, invoices, adjustments) will still change in QuickBooks is left out.
    const target = item.onHandUnits - (inFlight.get(itemId) ?? 0);
    if (hold) {
      env.log({
        level: 'error',
        entity: 'countPush',
        localId: itemId,
        message: `"${item.name}": ${formatQuantity(hold.qty)} received on PO ${[...hold.orders].join(', ')} is not counted, because that purchase order was already sent to QuickBooks and its bill will add it. Sync the purchase order first.`,
      });
      bump(env.counts, 'countPush.push', 'skipped');
    }
    const link = linkByLocal(db, 'item', itemId);
    const existing = (link && byId.get(link.qboId)) ?? byName.get(item.name.toLowerCase());
    if (existing) {
      if (!link || link.qboId !== existing.Id) linkObject(env, 'item', itemId, existing);
      if (qtyOf(existing) === target) continue;
      ops.push({
        itemId,
        op: {
          bId: '',
          operation: 'update',
          entity: 'Item',
          body: { Id: existing.Id, SyncToken: existing.SyncToken, sparse: true, QtyOnHand: Number(formatQuantity(target)), InvStartDate: today(env) },
        },
      });
    } else {
      const create = itemToQboCreate({ ...item, onHandUnits: target }, env.settings, today(env));
      if (!create.ok) {
        env.log({ level: 'error', entity: 'countPush', localId: itemId, message: `"${item.name}" is not in QuickBooks and cannot be created: ${create.reason}` });
        bump(env.counts, 'countPush.push', 'failed');
        continue;
      }
      ops.push({ itemId, op: { bId: '', operation: 'create', entity: 'Item', body: create.body } });
    }
  }

  for (let i = 0; i < ops.length; i += batchLimit) {
    const chunk = ops.slice(i, i + batchLimit).map((o, n) => ({ ...o, op: { ...o.op, bId: `c${n}` } }));
    // Same content, same request id: a batch retried after a lost answer is not applied twice.
    const requestId = createHash('sha256').update(JSON.stringify(chunk.map((c) => c.op))).digest('hex').slice(0, 36);
    const results = await env.qbo.batch(chunk.map((c) => c.op), requestId);
    for (const [n, result] of results.entries()) {
      const entry = chunk[n];
      if (!entry) continue;
      if (result.ok) {
        linkObject(env, 'item', entry.itemId, result.object);
        bump(env.counts, 'countPush.push', entry.op.operation === 'create' ? 'created' : 'updated');
      } else {
        bump(env.counts, 'countPush.push', 'failed');
        env.log({ level: 'error', entity: 'countPush', localId: entry.itemId, qboCode: result.error.code, message: result.error.message });
      }
    }
  }
  const now = env.ctx.clock.now().toISOString();
  writeCursor(db, { ...readCursor(db, 'countPush'), entity: 'countPush', lastSyncedAt: now });
}

export interface DriftRow {
  itemId: string;
  name: string;
  local: string;
  quickBooks: string;
  difference: string;
}

/** Local on-hand (all sites) against QuickBooks' for every linked inventory item that differs. */
export async function driftReport(env: SyncEnv): Promise<DriftRow[]> {
  const remote = new Map((await env.qbo.queryAll('Item', "Type = 'Inventory'")).map((o) => [o.Id, o]));
  const links = env.ctx.db
    .prepare("SELECT l.local_id, l.qbo_id FROM qbo_links l JOIN items i ON i.id = l.local_id WHERE l.entity = 'item' AND i.type = 'inventory' ORDER BY i.name_key")
    .all() as { local_id: string; qbo_id: string }[];
  const rows: DriftRow[] = [];
  for (const link of links) {
    const object = remote.get(link.qbo_id);
    if (!object) continue;
    const item = localItemForQbo(env, link.local_id);
    const theirs = qtyOf(object);
    if (theirs === item.onHandUnits) continue;
    rows.push({
      itemId: item.id,
      name: item.name,
      local: formatQuantity(item.onHandUnits),
      quickBooks: formatQuantity(theirs),
      difference: formatQuantity(item.onHandUnits - theirs),
    });
  }
  return rows;
}
