import type { Migration } from '../migration';

/**
 * Counting bin by bin: what was counted of an item in each bin of the count's site (`bin_id` '' for what
 * was counted with no bin scanned; a count line's counted quantity is the sum of its item's rows), and
 * the bins finished in a count. Counts from before keep their quantities as counted with no bin.
 */
export const migration0016: Migration = {
  version: 16,
  name: 'count bins',
  up(db) {
    db.exec(`
      CREATE TABLE count_bin_lines (
        count_id TEXT NOT NULL REFERENCES count_sessions (id) ON DELETE CASCADE,
        item_id TEXT NOT NULL REFERENCES items (id),
        bin_id TEXT NOT NULL,
        counted INTEGER NOT NULL CHECK (counted >= 0),
        PRIMARY KEY (count_id, item_id, bin_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX count_bin_lines_by_bin ON count_bin_lines (count_id, bin_id);

      CREATE TABLE count_bins (
        count_id TEXT NOT NULL REFERENCES count_sessions (id) ON DELETE CASCADE,
        bin_id TEXT NOT NULL REFERENCES bins (id),
        finished_at TEXT NOT NULL,
        finished_by TEXT NOT NULL,
        PRIMARY KEY (count_id, bin_id)
      ) STRICT, WITHOUT ROWID;

      INSERT INTO count_bin_lines (count_id, item_id, bin_id, counted)
        SELECT count_id, item_id, '', counted FROM count_lines WHERE counted IS NOT NULL;
    `);
  },
};
