import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PracticeCompanyServer } from '../../src-main/sandbox';
import { QboError, RealmLimiter, realTime, type QboClient } from '../../src-main/qbo';
import type { Harness } from './hostHarness';
import { clientOf, hostFor } from './hostHarness';
import { admin, fakeTime, injectFault, practiceCompany, requestCounts } from './support';

let sb: PracticeCompanyServer;
let h: Harness;
let qbo: QboClient;
const time = fakeTime();

beforeAll(async () => {
  sb = await practiceCompany();
  // Backoff waits (60 s after a throttle) pass at once on fake time; the limiter keeps real time,
  // because the practice company counts requests per real second.
  const limiter = new RealmLimiter(realTime);
  h = hostFor(sb, { qboConnection: { clientOptions: { time, limiter, timeoutMs: 1000, retry: { maxAttempts: 4 } } } });
  await h.connect();
  qbo = await clientOf(h.host);
});
afterAll(async () => {
  await h.host.close();
  await sb.close();
});

async function failureOf(p: Promise<unknown>): Promise<QboError> {
  const error = await p.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(QboError);
  return error as QboError;
}

describe('when QuickBooks misbehaves', () => {
  it.each(['429', '500', '503', 'drop'])('retries a single %s and the read succeeds', async (kind) => {
    await injectFault(sb, kind, { entity: 'Item' }, 1);
    time.slept.length = 0;
    expect((await qbo.read('Item', '1')).Id).toBe('1');
    expect(time.slept).toHaveLength(1);
  });

  it('waits about a minute after a throttle answer, as Intuit asks', async () => {
    await injectFault(sb, '429', { entity: 'Item' }, 1);
    time.slept.length = 0;
    await qbo.read('Item', '1');
    expect(time.slept[0]).toBeGreaterThanOrEqual(60_000);
  });

  it('reports lasting throttling as "throttled" with Intuit\'s code 3001', async () => {
    await injectFault(sb, '429', { entity: 'Item' }, 4);
    const error = await failureOf(qbo.read('Item', '1'));
    expect(error).toMatchObject({ kind: 'throttled', code: '3001', status: 429 });
    expect(error.message).toMatch(/busy/);
  });

  it('reads the XML throttle body Intuit sends even when JSON was asked for', async () => {
    await injectFault(sb, '429', { entity: 'Item' }, 4);
    const error = await failureOf(qbo.read('Item', '1'));
    expect(error).toMatchObject({ kind: 'throttled', code: '3001', status: 429 });
    expect(error.detail).toMatch(/request limit was reached/);
  });

  it('waits what a Retry-After header says when the XML throttle answer carries one (node-quickbooks read)', async () => {
    await admin(sb, 'POST', '/faults', { kind: '429', match: { entity: 'Item' }, count: 1, retryAfterSeconds: 3 });
    time.slept.length = 0;
    expect((await qbo.read('Item', '1')).Id).toBe('1');
    // Random is 0.5 on fake time: 3 s plus half of the 250 ms of jitter, instead of Intuit's minute.
    expect(time.slept).toEqual([3_125]);
  });

  it('tells the clerk why QuickBooks refused: books closed for the date (6210), subscription ended (6190)', async () => {
    const invoice = {
      CustomerRef: { value: '1' }, TxnDate: '2026-01-05',
      Line: [{ DetailType: 'SalesItemLineDetail', Amount: 4, SalesItemLineDetail: { ItemRef: { value: '11' }, Qty: 1, UnitPrice: 4 } }],
    };
    await admin(sb, 'POST', '/company-status', { closingDate: '2026-01-31' });
    const closed = await failureOf(qbo.create('Invoice', invoice, 'closed-books-1'));
    expect(closed).toMatchObject({ kind: 'validation', code: '6210', element: 'TxnDate' });
    expect(closed.message).toMatch(/accounting period for this invoice is closed/);
    await admin(sb, 'POST', '/company-status', { closingDate: null, subscriptionEnded: true });
    const ended = await failureOf(qbo.create('Vendor', { DisplayName: 'After the trial' }, 'ended-1'));
    expect(ended).toMatchObject({ kind: 'validation', code: '6190' });
    expect(ended.message).toMatch(/subscription has ended or does not include this feature/);
    await admin(sb, 'POST', '/company-status', { subscriptionEnded: false });
  });

  it('reads a JSON throttle body too, where a company answers one', async () => {
    await admin(sb, 'POST', '/limits', { throttleXml: false });
    try {
      await injectFault(sb, '429', { entity: 'Item' }, 4);
      const error = await failureOf(qbo.read('Item', '1'));
      expect(error).toMatchObject({ kind: 'throttled', code: '3001', status: 429 });
      expect(error.detail).toMatch(/request limit was reached/);
    } finally {
      await admin(sb, 'POST', '/limits', { throttleXml: true });
    }
  });

  it.each([
    ['500', 'server'],
    ['503', 'server'],
    ['drop', 'network'],
  ])('reports a lasting %s as "%s" after bounded retries', async (kind, expected) => {
    await injectFault(sb, kind, { entity: 'Item' }, 4);
    const before = (await requestCounts(sb))['GET item'] ?? 0;
    const error = await failureOf(qbo.read('Item', '1'));
    expect(error.kind).toBe(expected);
    expect(error.message).not.toMatch(/Bearer|Authorization/i);
    expect(((await requestCounts(sb))['GET item'] ?? 0) - before).toBe(4);
  });

  it('waits out a slow answer within the timeout', async () => {
    await injectFault(sb, 'slow', { entity: 'Item' }, 1, 300);
    time.slept.length = 0;
    expect((await qbo.read('Item', '1')).Id).toBe('1');
    expect(time.slept).toHaveLength(0);
  });

  it('gives up on an answer slower than the timeout and tries again', async () => {
    await injectFault(sb, 'slow', { entity: 'Item' }, 1, 1500);
    time.slept.length = 0;
    expect((await qbo.read('Item', '1')).Id).toBe('1');
    expect(time.slept).toHaveLength(1);
  });

  it('creates a customer once when the connection drops after QuickBooks saved it', async () => {
    await injectFault(sb, 'commitThenDrop', { entity: 'Customer', method: 'POST' }, 1);
    const created = await qbo.create('Customer', { DisplayName: 'Dropped Line Ltd' }, 'create-dropped-line-1');
    expect(created.DisplayName).toBe('Dropped Line Ltd');
    const found = await qbo.queryAll('Customer', "DisplayName = 'Dropped Line Ltd'");
    expect(found).toHaveLength(1);
    expect(found[0]?.Id).toBe(created.Id);
  });

  it('posts a batch once when the connection drops after QuickBooks saved it', async () => {
    await injectFault(sb, 'commitThenDrop', { pathIncludes: '/batch' }, 1);
    const results = await qbo.batch(
      [
        { bId: 'v1', operation: 'create', entity: 'Vendor', body: { DisplayName: 'Batch Drop Vendor A' } },
        { bId: 'v2', operation: 'create', entity: 'Vendor', body: { DisplayName: 'Batch Drop Vendor B' } },
      ],
      'batch-dropped-1',
    );
    expect(results.map((r) => r.ok)).toEqual([true, true]);
    expect(await qbo.queryAll('Vendor', "DisplayName LIKE 'Batch Drop Vendor%'")).toHaveLength(2);
  });

  it('does not retry what a person must fix, and says what to do', async () => {
    await qbo.create('Customer', { DisplayName: 'Twice Named Co' }, 'twice-named-1');
    const duplicate = await failureOf(qbo.create('Customer', { DisplayName: 'Twice Named Co' }, 'twice-named-2'));
    expect(duplicate).toMatchObject({ kind: 'duplicate', code: '6240', element: 'Name' });
    expect(duplicate.message).toBe('A customer, vendor or employee named “Twice Named Co” already exists in QuickBooks. Rename one of them.');
    const missing = await failureOf(qbo.read('Item', '999999'));
    expect(missing).toMatchObject({ kind: 'notFound', code: '610' });
    const item = await qbo.read('Item', '1');
    await qbo.update('Item', { Id: item.Id, SyncToken: item.SyncToken, Description: 'first' }, 'item-edit-1');
    const stale = await failureOf(qbo.update('Item', { Id: item.Id, SyncToken: item.SyncToken, Description: 'second' }, 'item-edit-2'));
    expect(stale).toMatchObject({ kind: 'stale', code: '5010' });
    const badRef = await failureOf(qbo.create('Invoice', { CustomerRef: { value: '99999' }, Line: [] }, 'bad-ref-1'));
    expect(['validation', 'notFound']).toContain(badRef.kind);
  });

  it('answers each batch item on its own: one bad item does not block the rest', async () => {
    const results = await qbo.batch(
      [
        { bId: 'ok1', operation: 'create', entity: 'Customer', body: { DisplayName: 'Batch Good Customer' } },
        { bId: 'dup', operation: 'create', entity: 'Customer', body: { DisplayName: 'Batch Good Customer' } },
      ],
      'batch-mixed-1',
    );
    expect(results[0]).toMatchObject({ bId: 'ok1', ok: true, entity: 'Customer' });
    expect(results[1]).toMatchObject({ bId: 'dup', ok: false });
    const second = results[1];
    expect(second && !second.ok && second.error.kind).toBe('duplicate');
  });

  it('refuses a batch over the limit before sending it', async () => {
    const ops = Array.from({ length: 31 }, (_, i) => ({ bId: `b${i}`, operation: 'create' as const, entity: 'Customer', body: { DisplayName: `x${i}` } }));
    const error = await failureOf(qbo.batch(ops, 'too-big-1'));
    expect(error).toMatchObject({ kind: 'validation', code: 'batch_too_big' });
  });

  it('reads all pages of a query and only changes from the last 30 days', async () => {
    const accounts = await qbo.queryAll('Account');
    expect(accounts.length).toBeGreaterThan(5);
    const tooOld = await failureOf(qbo.cdc(['Customer'], new Date(time.now() - 31 * 86_400_000)));
    expect(tooOld).toMatchObject({ kind: 'validation', code: 'cdc_too_old' });
    const changes = await qbo.cdc(['Customer', 'Vendor'], new Date(sb.now() - 3_600_000));
    expect(changes.Customer?.some((c) => c.DisplayName === 'Dropped Line Ltd')).toBe(true);
  });
});
