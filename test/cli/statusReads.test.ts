/**
 * `shelfsync status` shows the read budget (README: sync.apiCalls with reads and writes today and this
 * month, the allowance, the month's projection and any warning), counted in the data folder, so it is
 * there when no host is running too.
 */
import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../src-shared/ipc';
import { runCli } from '../support/cli';
import { tempDir } from '../support/tmp';
import { syncHarness } from '../sync/harness';

describe('shelfsync status', () => {
  it('prints the QuickBooks read and write calls of today and this month, as the host counted them', async () => {
    const dataDir = tempDir();
    const h = await syncHarness({}, dataDir);
    let counted: SyncStatus['apiCalls'];
    try {
      await h.sync();
      await h.sync();
      counted = (await h.call<SyncStatus>('sync.status')).apiCalls;
    } finally {
      await h.close();
    }
    expect(counted.readsToday).toBeGreaterThan(1);

    const result = await runCli(['status', '--data', dataDir]);
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.stdout) as { sync: { apiCalls: SyncStatus['apiCalls'] } };
    expect(printed.sync.apiCalls).toEqual({
      readsToday: counted.readsToday,
      readsThisMonth: counted.readsThisMonth,
      writesToday: counted.writesToday,
      writesThisMonth: counted.writesThisMonth,
      monthlyReadAllowance: 500_000,
      projectedReadsThisMonth: expect.any(Number) as number,
      warning: null,
    });
  });
});
