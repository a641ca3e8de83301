import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { openDatabase, recordApiCall, summarizeApiCalls } from '../../src-main/db';
import type { SyncLogEntry, SyncStatus } from '../../src-shared/ipc';
import { requestCounts } from '../support/practiceAdmin';
import { tempDir } from '../support/tmp';
import { syncHarness, type SyncHarness } from './harness';

/** What the practice company itself saw: reads are GETs and queries of the accounting API, writes its POSTs. */
async function practiceSaw(h: SyncHarness): Promise<{ reads: number; writes: number }> {
  const byEndpoint = await requestCounts(h.sb);
  let reads = 0;
  let writes = 0;
  for (const [key, n] of Object.entries(byEndpoint)) {
    const m = /^(GET|POST) (\S+)$/.exec(key);
    if (!m || ['token', 'revoke', 'userinfo', 'authorize', 'other'].includes(m[2] ?? '')) continue;
    if (m[1] === 'GET' || m[2] === 'query') reads += n;
    else writes += n;
  }
  return { reads, writes };
}

describe('QuickBooks calls are counted where they leave (Intuit meters reads)', () => {
  let h: SyncHarness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('counts every read and write the practice company received, and an idle sync costs one read', async () => {
    h = await syncHarness();
    await h.settings({ directions: { customers: 'twoWay' } });
    await h.call('customers.create', { displayName: 'Counted Customer' });
    await h.sync();
    const first = (await h.call<SyncStatus>('sync.status')).apiCalls;
    const saw = await practiceSaw(h);
    expect(first.readsToday).toBe(saw.reads);
    expect(first.writesToday).toBe(saw.writes);
    expect(first.writesToday).toBeGreaterThan(0);
    expect(first.readsThisMonth).toBe(first.readsToday);
    expect(first.warning).toBeNull();

    await h.sync();
    const idle = (await h.call<SyncStatus>('sync.status')).apiCalls;
    expect(idle.readsToday - first.readsToday).toBe(1);
    expect(idle.writesToday).toBe(first.writesToday);
  });

  it('warns on the Sync screen and once a day in the sync log when the month would pass the allowance', async () => {
    h = await syncHarness();
    await h.settings({ monthlyReadAllowance: 1000 });
    const realmId = h.host.connection.status().realmId ?? '';
    // Another process's view of the same file, as a long day of syncing would leave it.
    const other = new Database(path.join(h.dataDir, 'shelfsync.db'));
    for (let i = 0; i < 1000; i++) recordApiCall(other, realmId, 'read', new Date());
    other.close();
    await h.sync();
    await h.sync();
    const status = await h.call<SyncStatus>('sync.status');
    expect(status.apiCalls.readsThisMonth).toBeGreaterThan(1000);
    expect(status.apiCalls.warning).toMatch(/used this month's allowance of 1,000 QuickBooks read calls/);
    const log = await h.call<{ rows: SyncLogEntry[] }>('sync.errors', { level: 'warning', limit: 500 });
    const warnings = log.rows.filter((r) => r.message.includes('allowance'));
    expect(warnings).toHaveLength(1);
  });
});

describe('the month of read calls', () => {
  it('projects the month at the pace so far, counting the first day as a whole day', () => {
    const { db } = openDatabase(path.join(tempDir(), 'calls.db'));
    // 2 March, noon local: a day and a half of a 31-day month.
    const at = new Date(2026, 2, 2, 12, 0, 0);
    for (let i = 0; i < 30; i++) recordApiCall(db, 'r1', 'read', new Date(2026, 2, 1, 9, 0, i));
    for (let i = 0; i < 20; i++) recordApiCall(db, 'r1', 'read', at);
    recordApiCall(db, 'r1', 'write', at);
    recordApiCall(db, 'r2', 'read', at); // another company
    recordApiCall(db, 'r1', 'read', new Date(2026, 1, 28, 12)); // last month
    const summary = summarizeApiCalls(db, 'r1', at, 1000);
    expect(summary).toMatchObject({ readsToday: 20, readsThisMonth: 50, writesToday: 1, writesThisMonth: 1, projectedReadsThisMonth: Math.round((50 * 31) / 1.5) });
    expect(summary.warning).toMatch(/about 1,033 QuickBooks read calls this month, more than the allowance of 1,000/);
    expect(summarizeApiCalls(db, 'r1', at, 500_000).warning).toBeNull();
    expect(summarizeApiCalls(db, null, at, 1000).readsThisMonth).toBe(0);
    db.close();
  });
});
