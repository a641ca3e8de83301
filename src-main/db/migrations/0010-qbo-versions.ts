import type { Migration } from '../migration';

/**
 * What QuickBooks last sent for a linked customer, vendor or service location (its name-list fields and
 * addresses, as they came). An update then sends only the fields the clerk changed, and an edited address
 * goes back in the layout it came in, so nothing the bookkeeper typed is rewritten behind their back.
 */
export const migration0010: Migration = {
  version: 10,
  name: 'qbo-versions',
  up(db) {
    db.exec(`
      CREATE TABLE qbo_versions (
        entity TEXT NOT NULL,
        local_id TEXT NOT NULL,
        fields TEXT NOT NULL,
        seen_at TEXT NOT NULL,
        PRIMARY KEY (entity, local_id)
      ) STRICT;
    `);
  },
};
