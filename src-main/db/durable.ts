/**
 * A commit that survives power loss, not only a killed process. The database runs WAL with
 * synchronous=NORMAL (a commit reaches the OS at once but the disk only at the next checkpoint),
 * which is enough for everyday edits; a few commits must be on the disk before ShelfSync acts on
 * them outside the machine, so they run with synchronous=FULL (the WAL is fsynced at that commit).
 */
import type { Db } from './database';

export function durableTransaction<T>(db: Db, work: () => T): T {
  // The pragma cannot change inside a transaction; a nested call simply joins the outer one.
  if (db.inTransaction) return db.transaction(work)();
  const before = db.pragma('synchronous', { simple: true }) as number;
  db.pragma('synchronous = FULL');
  try {
    return db.transaction(work)();
  } finally {
    db.pragma(`synchronous = ${before}`);
  }
}
