/** What starts a run besides Sync Now, and what a running sync tells the screens. */
import { afterEach, describe, expect, it } from 'vitest';
import type { RunCounts, SyncStatus } from '../../src-shared/ipc';
import { syncHarness, type SyncHarness } from './harness';
import { asQboUser, itemLine, orderNumbered, qboAll, salesPieces, type QboDoc } from './documentsSupport';

let h: SyncHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('sync triggers and live progress', () => {
  it('tells the screens which run is going and how far it has got', async () => {
    h = await syncHarness();
    const seen: { name: string; payload: unknown }[] = [];
    h.host.on((name, payload) => seen.push({ name, payload }));
    const run = await h.sync();
    const progress = seen.filter((e) => e.name === 'sync.progress').map((e) => e.payload as { runId: number; total: number; counts: RunCounts });
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every((p) => p.runId === run.id)).toBe(true);
    // Counts per entity grow as the run goes, and the last progress agrees with the finished run.
    const created = (p: { counts: RunCounts }) => Object.values(p.counts).reduce((n, c) => n + c.created, 0);
    expect(created(progress[0] ?? { counts: {} })).toBeLessThan(created(progress.at(-1) ?? { counts: {} }));
    expect(progress.at(-1)?.counts['items.pull']?.created).toBe(run.counts['items.pull']?.created);
    const statuses = seen.filter((e) => e.name === 'sync.status').map((e) => e.payload as SyncStatus);
    expect(statuses.some((s) => s.currentRunId === run.id)).toBe(true);
    expect(statuses.at(-1)?.state).toBe('idle');
  });

  it('with Manual Posting off, a picked order goes to QuickBooks without waiting for the interval', async () => {
    h = await syncHarness({}, undefined, { autoSync: true });
    await h.settings({ manualPosting: false, syncIntervalMinutes: 1440 });
    const p = await salesPieces(h);
    await asQboUser.create(h, 'Estimate', { DocNumber: 'SO-9901', CustomerRef: p.customer, Line: [itemLine(p.parts[0], 2, 5)] });
    await h.sync();
    const order = await orderNumbered(h, 'SO-9901');
    if (!order) throw new Error('the order was not imported');
    await h.call('orders.pick', { orderId: order.id, lineId: order.lines[0]?.id, qty: '2' });
    await expect
      .poll(async () => (await qboAll<QboDoc>(h as SyncHarness, 'Invoice')).filter((d) => d.DocNumber === 'SO-9901').length, { timeout: 20_000 })
      .toBe(1);
    const history = await h.call<{ rows: { trigger: string }[] }>('sync.history');
    expect(history.rows.map((r) => r.trigger)).toContain('orderPosted');
  });
});
