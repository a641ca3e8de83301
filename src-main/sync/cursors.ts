/** Per-entity pull cursors: where CDC resumes, when the last full read was, when the entity last synced. */
import type { Db } from '../db';

export interface Cursor {
  entity: string;
  changedSince: string | null;
  lastFullAt: string | null;
  lastSyncedAt: string | null;
}

export function readCursor(db: Db, entity: string): Cursor {
  const row = db.prepare('SELECT changed_since, last_full_at, last_synced_at FROM sync_cursors WHERE entity = ?').get(entity) as
    | { changed_since: string | null; last_full_at: string | null; last_synced_at: string | null }
    | undefined;
  return {
    entity,
    changedSince: row?.changed_since ?? null,
    lastFullAt: row?.last_full_at ?? null,
    lastSyncedAt: row?.last_synced_at ?? null,
  };
}

export function writeCursor(db: Db, cursor: Cursor): void {
  db.prepare(
    `INSERT INTO sync_cursors (entity, changed_since, last_full_at, last_synced_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (entity) DO UPDATE SET changed_since = excluded.changed_since, last_full_at = excluded.last_full_at,
       last_synced_at = excluded.last_synced_at`,
  ).run(cursor.entity, cursor.changedSince, cursor.lastFullAt, cursor.lastSyncedAt);
}

export function lastSyncedByEntity(db: Db): Record<string, string | null> {
  const rows = db.prepare('SELECT entity, last_synced_at FROM sync_cursors').all() as { entity: string; last_synced_at: string | null }[];
  return Object.fromEntries(rows.map((r) => [r.entity, r.last_synced_at]));
}
