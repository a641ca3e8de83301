/** The read side of the outbox: which rows are due, and how each attempt is settled. */
import { durableTransaction, type Db, type OutboxKind } from '../db';

export interface OutboxRow {
  id: number;
  requestId: string;
  kind: OutboxKind;
  localId: string;
  payload: unknown;
  state: 'pending' | 'done' | 'failed' | 'skipped';
  attempts: number;
  lastError: string | null;
  createdAt: string;
}

interface RawRow {
  id: number;
  request_id: string;
  kind: OutboxKind;
  local_id: string;
  payload: string;
  state: OutboxRow['state'];
  attempts: number;
  last_error: string | null;
  created_at: string;
}

const toRow = (r: RawRow): OutboxRow => ({
  id: r.id,
  requestId: r.request_id,
  kind: r.kind,
  localId: r.local_id,
  payload: JSON.parse(r.payload) as unknown,
  state: r.state,
  attempts: r.attempts,
  lastError: r.last_error,
  createdAt: r.created_at,
});

/** Pending rows whose next attempt is due, oldest first: the order the user made the changes in. */
export function dueRows(db: Db, now: Date): OutboxRow[] {
  return (
    db
      .prepare("SELECT * FROM outbox WHERE state = 'pending' AND next_attempt_at <= ? ORDER BY id")
      .all(now.toISOString()) as RawRow[]
  ).map(toRow);
}

export function countByState(db: Db): { pending: number; failed: number } {
  const rows = db.prepare("SELECT state, COUNT(*) AS n FROM outbox WHERE state IN ('pending', 'failed') GROUP BY state").all() as {
    state: string;
    n: number;
  }[];
  return {
    pending: rows.find((r) => r.state === 'pending')?.n ?? 0,
    failed: rows.find((r) => r.state === 'failed')?.n ?? 0,
  };
}

/**
 * Written (and committed) before a request carrying these rows leaves: `attempts` counts requests that
 * may have reached QuickBooks, so after a crash between the request and its answer the rows are known
 * to be of unknown outcome (searched for by marker, then sent alone) rather than batched again with
 * other rows under a new batch request id.
 */
export function markSending(db: Db, ids: readonly number[], now: Date): void {
  const bump = db.prepare('UPDATE outbox SET attempts = attempts + 1, updated_at = ? WHERE id = ?');
  // On the disk before the request leaves: after a power cut the row must still say "may have reached QuickBooks".
  durableTransaction(db, () => {
    for (const id of ids) bump.run(now.toISOString(), id);
  });
}

export function markDone(db: Db, id: number, now: Date): void {
  db.prepare("UPDATE outbox SET state = 'done', last_error = NULL, updated_at = ? WHERE id = ?").run(
    now.toISOString(),
    id,
  );
}

export function markSkipped(db: Db, id: number, reason: string, now: Date): void {
  db.prepare("UPDATE outbox SET state = 'skipped', last_error = ?, updated_at = ? WHERE id = ?").run(reason, now.toISOString(), id);
}

/** A failure the user must fix: the row waits until the next manual sync after the fix. */
export function markFailed(db: Db, id: number, message: string, now: Date): void {
  db.prepare("UPDATE outbox SET state = 'failed', last_error = ?, updated_at = ? WHERE id = ?").run(
    message,
    now.toISOString(),
    id,
  );
}

/**
 * A passing failure (QuickBooks unreachable, throttled, server error): try again later with the SAME
 * request id, so an attempt that did reach QuickBooks is answered from Intuit's requestid memory.
 */
export function markRetry(db: Db, id: number, message: string, now: Date, attempts: number): void {
  const delayMs = Math.min(60 * 60_000, 30_000 * 2 ** Math.min(attempts, 7));
  db.prepare('UPDATE outbox SET last_error = ?, next_attempt_at = ?, updated_at = ? WHERE id = ?').run(
    message,
    new Date(now.getTime() + delayMs).toISOString(),
    now.toISOString(),
    id,
  );
}

/** Rows waiting on something else (e.g. the item they adjust is not in QuickBooks yet) stay due. */
export function markWaiting(db: Db, id: number, reason: string, now: Date): void {
  db.prepare('UPDATE outbox SET last_error = ?, updated_at = ? WHERE id = ?').run(reason, now.toISOString(), id);
}

/** Sync Now after a fix: failed rows get another chance, and every pending row is due at once. */
export function requeueForManualRun(db: Db, now: Date): void {
  const at = now.toISOString();
  db.prepare("UPDATE outbox SET state = 'pending', next_attempt_at = ?, updated_at = ? WHERE state = 'failed'").run(at, at);
  db.prepare("UPDATE outbox SET next_attempt_at = ? WHERE state = 'pending' AND next_attempt_at > ?").run(at, at);
}

/** Drops what is waiting to be sent for a record (its local edit lost to a newer one in QuickBooks). */
export function skipWaiting(db: Db, kind: string, localId: string, reason: string, now: Date): void {
  db.prepare("UPDATE outbox SET state = 'skipped', last_error = ?, updated_at = ? WHERE kind = ? AND local_id = ? AND state IN ('pending', 'failed')").run(
    reason,
    now.toISOString(),
    kind,
    localId,
  );
}
