/** Links between local records and QuickBooks objects: the Id to update, and the SyncToken last seen. */
import type { Db } from '../db';

export interface Link {
  entity: string;
  localId: string;
  qboId: string;
  syncToken: string;
  qboUpdatedAt: string | null;
  localUpdatedAt: string | null;
}

interface LinkRow {
  entity: string;
  local_id: string;
  qbo_id: string;
  sync_token: string;
  qbo_updated_at: string | null;
  local_updated_at: string | null;
}

const toLink = (r: LinkRow): Link => ({
  entity: r.entity,
  localId: r.local_id,
  qboId: r.qbo_id,
  syncToken: r.sync_token,
  qboUpdatedAt: r.qbo_updated_at,
  localUpdatedAt: r.local_updated_at,
});

export function linkByLocal(db: Db, entity: string, localId: string): Link | null {
  const row = db.prepare('SELECT * FROM qbo_links WHERE entity = ? AND local_id = ?').get(entity, localId) as LinkRow | undefined;
  return row ? toLink(row) : null;
}

export function linkByQbo(db: Db, entity: string, qboId: string): Link | null {
  const row = db.prepare('SELECT * FROM qbo_links WHERE entity = ? AND qbo_id = ?').get(entity, qboId) as LinkRow | undefined;
  return row ? toLink(row) : null;
}

export function saveLink(db: Db, link: Link, now: Date): void {
  db.prepare(
    `INSERT INTO qbo_links (entity, local_id, qbo_id, sync_token, qbo_updated_at, local_updated_at, linked_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (entity, local_id) DO UPDATE SET qbo_id = excluded.qbo_id, sync_token = excluded.sync_token,
       qbo_updated_at = excluded.qbo_updated_at, local_updated_at = excluded.local_updated_at`,
  ).run(link.entity, link.localId, link.qboId, link.syncToken, link.qboUpdatedAt, link.localUpdatedAt, now.toISOString());
}

export function allLinks(db: Db, entity: string): Link[] {
  return (db.prepare('SELECT * FROM qbo_links WHERE entity = ?').all(entity) as LinkRow[]).map(toLink);
}
