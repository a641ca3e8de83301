/**
 * Power loss, not only a killed process: the commit that records an outbox attempt before its request
 * leaves runs with synchronous=FULL (the WAL is on the disk at that commit). SQLite itself reports
 * the level in force: a trigger on the real database file writes down pragma_synchronous as each
 * attempt row is written, inside the very transaction that commits it.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { syncHarness, type SyncHarness } from './harness';
import { tempDir } from '../support/tmp';

const FULL = 2;
const NORMAL = 1;

let h: SyncHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

function watchSynchronous(file: string): void {
  const db = new Database(file);
  db.exec(`
    CREATE TABLE test_seen_sync (what TEXT NOT NULL, level INTEGER NOT NULL);
    CREATE TRIGGER test_attempt_sync AFTER UPDATE OF attempts ON outbox
      BEGIN INSERT INTO test_seen_sync SELECT 'attempt', synchronous FROM pragma_synchronous; END;
    CREATE TRIGGER test_queue_sync AFTER INSERT ON outbox
      BEGIN INSERT INTO test_seen_sync SELECT 'queued', synchronous FROM pragma_synchronous; END;
  `);
  db.close();
}

describe('outbox durability', () => {
  it('commits each attempt with synchronous=FULL before the request leaves, and everyday edits stay NORMAL', async () => {
    const dataDir = tempDir();
    h = await syncHarness({}, dataDir);
    await h.sync();
    const file = path.join(dataDir, 'shelfsync.db');
    watchSynchronous(file);
    const item = (await h.call<{ rows: { id: string }[] }>('items.list', { type: 'inventory', active: true, limit: 1 })).rows[0];
    await h.call('stock.adjust', { itemId: item?.id, qtyDiff: '2', reason: 'durability test' });
    await h.sync();

    const db = new Database(file, { readonly: true });
    const seen = db.prepare('SELECT what, level FROM test_seen_sync ORDER BY rowid').all() as { what: string; level: number }[];
    const states = db.prepare('SELECT state FROM outbox').all() as { state: string }[];
    db.close();
    expect(states.map((r) => r.state)).toContain('done');
    const attempts = seen.filter((s) => s.what === 'attempt');
    expect(attempts.length).toBeGreaterThan(0);
    expect(attempts.every((s) => s.level === FULL)).toBe(true);
    // The edit that queued the row is an ordinary commit: FULL is kept to the attempts only.
    expect(seen.find((s) => s.what === 'queued')?.level).toBe(NORMAL);
  });
});
