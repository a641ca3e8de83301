/**
 * QuickBooks throttles with an XML body even when JSON was asked for. A sync that meets it waits as
 * Intuit asks (a minute, or a Retry-After when one comes), tries again, and in the end every item is in
 * QuickBooks exactly once; a throttle that outlasts the retries leaves the rows queued for the next run.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { RealmLimiter, realTime } from '../../src-main/qbo';
import { admin, fakeTime } from '../connection/support';
import { syncHarness, type SyncHarness } from './harness';

let h: SyncHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

type QboItem = Record<string, unknown> & { Id: string; Name: string; AccountType: string };

async function harness(time: ReturnType<typeof fakeTime>): Promise<SyncHarness> {
  // Backoff waits pass at once on fake time (and are recorded); the limiter keeps real time, because
  // the practice company counts requests per real second.
  const clientOptions = { time, limiter: new RealmLimiter(realTime), retry: { maxAttempts: 4 } };
  const made = await syncHarness({}, undefined, { qboConnection: { clientOptions } });
  const accounts = ((await made.dump()).Account ?? []) as QboItem[];
  const first = (type: string) => {
    const a = accounts.find((x) => x.AccountType === type);
    if (!a) throw new Error(`no ${type} account`);
    return { id: a.Id, name: String(a.Name) };
  };
  const set = { income: first('Income'), expense: first('Cost of Goods Sold'), asset: first('Other Current Asset') };
  await made.settings({ directions: { items: 'localToQbo' }, defaultAccounts: { inventory: set, nonInventory: set, service: set, equipment: set } });
  return made;
}

const itemsNamed = async (h: SyncHarness, prefix: string) =>
  (((await h.dump()).Item ?? []) as QboItem[]).filter((i) => i.Name.startsWith(prefix)).map((i) => i.Name).sort();

async function throttleBatches(h: SyncHarness, count: number, retryAfterSeconds?: number): Promise<void> {
  await admin(h.sb, 'POST', '/faults', { kind: '429', match: { pathIncludes: '/batch' }, count, ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }) });
}

const names = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(2, '0')}`);

describe('a sync that meets Intuit\'s XML throttle answer', () => {
  it('waits about a minute, sends the batch again, and every item arrives once', async () => {
    const time = fakeTime();
    h = await harness(time);
    for (const name of names('Throttled ', 12)) await h.call('items.create', { name });
    await throttleBatches(h, 2);
    time.slept.length = 0;
    const run = await h.sync();
    expect(run.counts['items.push']).toMatchObject({ created: 12, failed: 0 });
    expect(await itemsNamed(h, 'Throttled ')).toEqual(names('Throttled ', 12));
    // Two throttle answers, each waited out for at least the minute Intuit asks for.
    expect(time.slept.filter((ms) => ms >= 60_000)).toHaveLength(2);
    const log = (await admin(h.sb, 'GET', '/requests')).byEndpoint as Record<string, number>;
    expect(log['POST batch 429']).toBe(2);
  });

  it('honours a Retry-After header when the throttle answer carries one', async () => {
    const time = fakeTime();
    h = await harness(time);
    await h.call('items.create', { name: 'Retry after 7' });
    await throttleBatches(h, 1, 7);
    time.slept.length = 0;
    const run = await h.sync();
    expect(run.counts['items.push']).toMatchObject({ created: 1, failed: 0 });
    // Random is 0.5 on fake time: 7 s plus half of the 250 ms of jitter.
    expect(time.slept).toContain(7_125);
    expect(time.slept.some((ms) => ms >= 60_000)).toBe(false);
  });

  it('keeps the rows queued when the throttle outlasts the retries, and the next sync sends each once', async () => {
    const time = fakeTime();
    h = await harness(time);
    for (const name of names('Later ', 5)) await h.call('items.create', { name });
    await throttleBatches(h, 4);
    const busy = await h.sync();
    expect(await itemsNamed(h, 'Later ')).toEqual([]);
    expect(busy.counts['items.push']?.created ?? 0).toBe(0);
    const errors = await h.call<{ rows: { message: string }[] }>('sync.errors', { runId: busy.id });
    expect(errors.rows.length).toBeGreaterThan(0);
    expect(errors.rows.every((r) => /busy/.test(r.message))).toBe(true);
    const status = await h.call<{ pendingChanges: number }>('sync.status');
    expect(status.pendingChanges).toBeGreaterThanOrEqual(5);
    const later = await h.sync();
    expect(later.counts['items.push']).toMatchObject({ created: 5, failed: 0 });
    expect(await itemsNamed(h, 'Later ')).toEqual(names('Later ', 5));
    // A third run has nothing left to send, and QuickBooks still holds each item once.
    const third = await h.sync();
    expect(third.counts['items.push']?.created ?? 0).toBe(0);
    expect(await itemsNamed(h, 'Later ')).toEqual(names('Later ', 5));
  });
});
