import type { Migration } from '../migration';

/**
 * Sync bookkeeping beside the data: the outbox (written in the same transaction as the change it
 * carries), links between local records and QuickBooks objects, pull cursors, runs and their log.
 */
export const migration0002: Migration = {
  version: 2,
  name: 'sync-bookkeeping',
  up(db) {
    db.exec(`
      CREATE TABLE outbox (
        id INTEGER PRIMARY KEY,
        request_id TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        local_id TEXT NOT NULL,
        payload TEXT NOT NULL DEFAULT '{}',
        state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done', 'failed', 'skipped')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT NOT NULL,
        last_error TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX outbox_due ON outbox (state, next_attempt_at, id);
      CREATE INDEX outbox_record ON outbox (kind, local_id, state);

      CREATE TABLE qbo_links (
        entity TEXT NOT NULL,
        local_id TEXT NOT NULL,
        qbo_id TEXT NOT NULL,
        sync_token TEXT NOT NULL,
        qbo_updated_at TEXT,
        local_updated_at TEXT,
        linked_at TEXT NOT NULL,
        PRIMARY KEY (entity, local_id)
      ) STRICT;
      CREATE UNIQUE INDEX qbo_links_by_qbo ON qbo_links (entity, qbo_id);

      CREATE TABLE sync_cursors (
        entity TEXT PRIMARY KEY,
        changed_since TEXT,
        last_full_at TEXT,
        last_synced_at TEXT
      ) STRICT;

      CREATE TABLE sync_runs (
        id INTEGER PRIMARY KEY,
        trigger TEXT NOT NULL,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        status TEXT NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'ok', 'errors', 'failed', 'interrupted')),
        counts TEXT NOT NULL DEFAULT '{}',
        message TEXT
      ) STRICT;

      CREATE TABLE sync_log (
        id INTEGER PRIMARY KEY,
        run_id INTEGER REFERENCES sync_runs (id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        level TEXT NOT NULL CHECK (level IN ('info', 'warning', 'error')),
        entity TEXT,
        local_id TEXT,
        qbo_code TEXT,
        message TEXT NOT NULL
      ) STRICT;
      CREATE INDEX sync_log_by_run ON sync_log (run_id, id);
      CREATE INDEX sync_log_errors ON sync_log (level, id);
    `);
  },
};
