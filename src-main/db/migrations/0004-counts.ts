import type { Migration } from '../migration';

/** Count sessions: one site, every inventory item or a chosen set, posted once as count movements. */
export const migration0004: Migration = {
  version: 4,
  name: 'counts',
  up(db) {
    db.exec(`
      CREATE TABLE count_sessions (
        id TEXT PRIMARY KEY,
        site_id TEXT NOT NULL REFERENCES sites (id),
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'posted')),
        scope TEXT NOT NULL CHECK (scope IN ('all', 'chosen')),
        note TEXT,
        started_at TEXT NOT NULL,
        started_by TEXT NOT NULL,
        posted_at TEXT,
        posted_by TEXT
      ) STRICT;
      CREATE INDEX count_sessions_by_site ON count_sessions (site_id, status);

      CREATE TABLE count_lines (
        count_id TEXT NOT NULL REFERENCES count_sessions (id) ON DELETE CASCADE,
        item_id TEXT NOT NULL REFERENCES items (id),
        expected INTEGER NOT NULL,
        counted INTEGER CHECK (counted IS NULL OR counted >= 0),
        PRIMARY KEY (count_id, item_id)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
