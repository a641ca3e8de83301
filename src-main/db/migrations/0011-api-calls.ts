import type { Migration } from '../migration';

/**
 * API calls ShelfSync sent to QuickBooks, per local day, company and kind. Intuit meters read calls
 * (queries, reads, change data capture) against a monthly allowance; writes are not metered. Kept here
 * so the Sync screen and `shelfsync status` can show today's and this month's reads across restarts.
 */
export const migration0011: Migration = {
  version: 11,
  name: 'api-calls',
  up(db) {
    db.exec(`
      CREATE TABLE api_calls (
        day TEXT NOT NULL,
        realm_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('read', 'write')),
        calls INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (day, realm_id, kind)
      ) STRICT;
    `);
  },
};
