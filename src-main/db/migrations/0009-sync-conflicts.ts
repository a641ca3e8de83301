import type { Migration } from '../migration';

/**
 * The conflict inbox: when a record changed on both sides since the last sync, the most recent edit
 * wins and the other version is kept here, so the user can see both and choose the other one.
 */
export const migration0009: Migration = {
  version: 9,
  name: 'sync-conflicts',
  up(db) {
    db.exec(`
      CREATE TABLE sync_conflicts (
        id INTEGER PRIMARY KEY,
        entity TEXT NOT NULL,
        local_id TEXT NOT NULL,
        label TEXT NOT NULL,
        winner TEXT NOT NULL CHECK (winner IN ('local', 'qbo')),
        local_version TEXT NOT NULL,
        qbo_version TEXT NOT NULL,
        local_updated_at TEXT NOT NULL,
        qbo_updated_at TEXT NOT NULL,
        created_at TEXT NOT NULL,
        resolved_at TEXT,
        resolution TEXT CHECK (resolution IN ('kept', 'switched'))
      ) STRICT;
      CREATE INDEX sync_conflicts_open ON sync_conflicts (resolved_at, id);
    `);
  },
};
