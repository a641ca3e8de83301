/** The conflict inbox: the losing version of a two-sided edit, kept so the user can switch to it. */
import { AppError, type Conflict, type HandlerMap } from '../../src-shared/ipc';
import type { Db, ServiceContext } from '../db';
import { updateCustomer, updateVendor } from '../warehouse';
import type { PartyFields } from './mappers/party';
import { effectsOf } from './syncers/common';

interface ConflictRow {
  id: number;
  entity: Conflict['entity'];
  local_id: string;
  label: string;
  winner: Conflict['winner'];
  local_version: string;
  qbo_version: string;
  local_updated_at: string;
  qbo_updated_at: string;
  created_at: string;
  resolved_at: string | null;
  resolution: Conflict['resolution'];
}

const toConflict = (r: ConflictRow): Conflict => ({
  id: r.id,
  entity: r.entity,
  localId: r.local_id,
  label: r.label,
  winner: r.winner,
  localVersion: JSON.parse(r.local_version) as Record<string, unknown>,
  qboVersion: JSON.parse(r.qbo_version) as Record<string, unknown>,
  localUpdatedAt: r.local_updated_at,
  qboUpdatedAt: r.qbo_updated_at,
  createdAt: r.created_at,
  resolvedAt: r.resolved_at,
  resolution: r.resolution,
});

export interface NewConflict {
  entity: Conflict['entity'];
  localId: string;
  label: string;
  winner: Conflict['winner'];
  localVersion: PartyFields;
  qboVersion: PartyFields;
  localUpdatedAt: string;
  qboUpdatedAt: string;
}

export function recordConflict(db: Db, conflict: NewConflict, now: Date): void {
  // A newer conflict on the same record replaces an open older one: only the latest pair matters.
  db.prepare("UPDATE sync_conflicts SET resolved_at = ?, resolution = 'kept' WHERE entity = ? AND local_id = ? AND resolved_at IS NULL").run(
    now.toISOString(),
    conflict.entity,
    conflict.localId,
  );
  db.prepare(
    `INSERT INTO sync_conflicts (entity, local_id, label, winner, local_version, qbo_version, local_updated_at, qbo_updated_at, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    conflict.entity,
    conflict.localId,
    conflict.label,
    conflict.winner,
    JSON.stringify(conflict.localVersion),
    JSON.stringify(conflict.qboVersion),
    conflict.localUpdatedAt,
    conflict.qboUpdatedAt,
    now.toISOString(),
  );
}

export function conflictHandlers(): HandlerMap<'conflicts.list' | 'conflicts.resolve', ServiceContext> {
  return {
    'conflicts.list': ({ open, limit, offset }, ctx) => {
      const where = open ? 'WHERE resolved_at IS NULL' : '';
      const rows = ctx.db.prepare(`SELECT * FROM sync_conflicts ${where} ORDER BY id DESC LIMIT ? OFFSET ?`).all(limit, offset) as ConflictRow[];
      const total = ctx.db.prepare(`SELECT COUNT(*) FROM sync_conflicts ${where}`).pluck().get() as number;
      return { rows: rows.map(toConflict), total };
    },
    'conflicts.resolve': ({ id, keep }, ctx) => {
      const row = ctx.db.prepare('SELECT * FROM sync_conflicts WHERE id = ?').get(id) as ConflictRow | undefined;
      if (!row) throw new AppError('not_found', `There is no conflict ${id}.`, 'id');
      if (row.resolved_at) throw new AppError('refused', 'This conflict was already resolved.', 'id');
      const conflict = toConflict(row);
      const now = ctx.clock.now().toISOString();
      ctx.db.transaction(() => {
        if (keep === 'other') {
          // The other version becomes ShelfSync's, as a local edit: the next sync sends it to QuickBooks.
          const loser = (conflict.winner === 'local' ? conflict.qboVersion : conflict.localVersion) as unknown as PartyFields;
          const input = { id: conflict.localId, ...loser };
          if (conflict.entity === 'customer') updateCustomer(ctx.db, effectsOf(ctx), input);
          else updateVendor(ctx.db, effectsOf(ctx), input);
        }
        ctx.db.prepare('UPDATE sync_conflicts SET resolved_at = ?, resolution = ? WHERE id = ?').run(now, keep === 'other' ? 'switched' : 'kept', id);
      })();
      return toConflict(ctx.db.prepare('SELECT * FROM sync_conflicts WHERE id = ?').get(id) as ConflictRow);
    },
  };
}
