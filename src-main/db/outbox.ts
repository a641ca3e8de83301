/**
 * The write side of the outbox: a local change that must reach QuickBooks calls `enqueueOutbox` inside
 * the same transaction as the change. The request id is fixed here, once, and sent as `requestid`.
 * The sync engine (src-main/sync) reads, runs and settles these rows.
 */
import type { Clock, Ids } from '../../src-shared/effects';
import type { Db } from './database';
import { statement } from './statements';

/** What an outbox row asks for. Upserts carry no payload: the push reads the record as it is then. */
export const outboxKinds = [
  'item.upsert',
  'stock.adjust',
  'customer.upsert',
  'vendor.upsert',
  'serviceLocation.upsert',
  'order.post',
  'purchaseOrder.upsert',
  'purchaseOrder.receive',
  'invoice.post',
  'estimate.post',
] as const;
export type OutboxKind = (typeof outboxKinds)[number];

export interface OutboxEntry {
  kind: OutboxKind;
  localId: string;
  payload?: unknown;
}

const upsertKinds = new Set<OutboxKind>([
  'item.upsert',
  'customer.upsert',
  'vendor.upsert',
  'serviceLocation.upsert',
  'purchaseOrder.upsert',
]);

/**
 * Adds a row unless an identical upsert is already waiting (it will read the latest state anyway).
 * Returns the row's request id. Call it inside the transaction that makes the change.
 */
export function enqueueOutbox(db: Db, effects: { clock: Clock; ids: Ids }, entry: OutboxEntry): string {
  if (upsertKinds.has(entry.kind)) {
    const waiting = statement(db, "SELECT request_id FROM outbox WHERE kind = ? AND local_id = ? AND state = 'pending'").get(entry.kind, entry.localId) as
      | { request_id: string }
      | undefined;
    if (waiting) return waiting.request_id;
  }
  const now = effects.clock.now().toISOString();
  const requestId = effects.ids.uuid();
  statement(
    db,
    `INSERT INTO outbox (request_id, kind, local_id, payload, next_attempt_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(requestId, entry.kind, entry.localId, JSON.stringify(entry.payload ?? {}), now, now, now);
  return requestId;
}

/**
 * Upserts for records created in this same transaction, all in one statement: nothing can be waiting
 * for a record that did not exist, so there is nothing to join. Each entry is `[requestId, localId]`;
 * the caller draws the request ids (in the order a one-at-a-time create would) and they are fixed here
 * exactly as `enqueueOutbox` fixes one.
 */
export function enqueueNewRecords(db: Db, effects: { clock: Clock }, kind: OutboxKind, entries: readonly (readonly [string, string])[]): void {
  if (!upsertKinds.has(kind)) throw new Error(`enqueueNewRecords is for upserts, not ${kind}`);
  if (entries.length === 0) return;
  const now = effects.clock.now().toISOString();
  statement(
    db,
    `INSERT INTO outbox (request_id, kind, local_id, payload, next_attempt_at, created_at, updated_at)
     SELECT value ->> 0, ?, value ->> 1, '{}', ?, ?, ? FROM json_each(?)`,
  ).run(kind, now, now, now, JSON.stringify(entries));
}
