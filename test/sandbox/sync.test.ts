import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type QuickBooks from 'node-quickbooks';
import type { PracticeCompanyServer } from '../../src-main/sandbox/index.js';
import { admin, Api, asArr, asObj, faultCode, nqb, path, ent, type Obj, connectedPractice } from './helpers.js';

let sb: PracticeCompanyServer;
let api: Api;
let qbo: QuickBooks;

beforeAll(async () => {
  ({ sb, api, qbo } = await connectedPractice(21));
});
afterAll(async () => {
  await sb.close();
});

const iso = (ms: number): string => new Date(ms).toISOString();

function cdcRows(body: unknown, index: number, entity: string): Obj[] {
  const qr = asObj(path(body, 'CDCResponse', 0, 'QueryResponse', index));
  return qr[entity] === undefined ? [] : asArr(qr[entity]).map(asObj);
}

describe('change data capture', () => {
  it('reports changed and deleted objects since a moment, one QueryResponse per entity', async () => {
    const since = iso(sb.now() - 1000);
    const customer = ent(await nqb((cb) => qbo.createCustomer({ DisplayName: 'CDC customer' }, cb)));
    const inv = ent(await nqb((cb) => qbo.createInvoice({
      CustomerRef: { value: customer.Id },
      Line: [{ DetailType: 'SalesItemLineDetail', Amount: 5, SalesItemLineDetail: { ItemRef: { value: '11' } } }],
    }, cb)));
    await nqb((cb) => qbo.deleteInvoice({ Id: inv.Id, SyncToken: inv.SyncToken }, cb));
    const answer = asObj(await nqb((cb) => qbo.changeDataCapture(['Customer', 'Invoice', 'Vendor'], since, cb)));
    expect(cdcRows(answer, 0, 'Customer').map((c) => c.Id)).toEqual([customer.Id]);
    const deleted = cdcRows(answer, 1, 'Invoice');
    expect(deleted.map((d) => Object.keys(d).sort())).toEqual([['Id', 'MetaData', 'domain', 'status']]);
    expect(deleted[0]).toMatchObject({ domain: 'QBO', status: 'Deleted', Id: inv.Id });
    expect(Object.keys(asObj(deleted[0]?.MetaData))).toEqual(['LastUpdatedTime']);
    expect(path(answer, 'CDCResponse', 0, 'QueryResponse', 2)).toEqual({});
    expect(path(answer, 'CDCResponse', 0, 'QueryResponse', 0, 'maxResults')).toBe(1);
  });

  it('refuses a changedSince older than 30 days', async () => {
    const r = await api.get(`cdc?entities=Item&changedSince=${encodeURIComponent(iso(sb.now() - 30 * 86_400_000 - 60_000))}`);
    expect(r.status).toBe(400);
    expect(String(path(r.body, 'Fault', 'Error', 0, 'Detail'))).toContain('older than fixed days is not supported');
    const ok = await api.get(`cdc?entities=Item&changedSince=${encodeURIComponent(iso(sb.now() - 29 * 86_400_000))}`);
    expect(ok.status).toBe(200);
  });

  it('ages the CDC window when the admin moves the clock', async () => {
    const since = iso(sb.now());
    await nqb((cb) => qbo.createVendor({ DisplayName: 'Aging vendor' }, cb));
    await admin(sb, 'POST', '/clock', { advanceSeconds: 31 * 86_400 });
    // A month later the hour-long access token is long gone: connect again.
    api.accessToken = sb.issueTokens().access_token;
    qbo.token = api.accessToken;
    const r = await api.get(`cdc?entities=Vendor&changedSince=${encodeURIComponent(since)}`);
    expect(r.status).toBe(400);
  });
});

describe('batch', () => {
  const vendorItem = (bId: string, name: string): Obj => ({ bId, operation: 'create', Vendor: { DisplayName: name } });

  it('runs 30 items, answering each by bId, with one bad item failing alone', async () => {
    const items = Array.from({ length: 30 }, (_, i) => vendorItem(`b${i}`, `Batch vendor ${i}`));
    items[7] = { bId: 'b7', operation: 'create', Invoice: { Line: [] } };
    items[29] = { bId: 'b29', Query: "select * from Vendor where DisplayName LIKE 'Batch vendor 1%'" };
    const answer = asObj(await nqb((cb) => qbo.batch(items as never, cb)));
    const results = asArr(answer.BatchItemResponse).map(asObj);
    expect(results.length).toBe(30);
    expect(results[7]?.bId).toBe('b7');
    expect(path(results[7], 'Fault', 'Error', 0, 'code')).toBe('2020');
    expect(path(results[0], 'Vendor', 'DisplayName')).toBe('Batch vendor 0');
    expect(asArr(path(results[29], 'QueryResponse', 'Vendor')).length).toBeGreaterThan(0);
    expect(results.filter((r) => r.Fault !== undefined).length).toBe(1);
  });

  it('refuses a batch of 31 items as a whole', async () => {
    const items = Array.from({ length: 31 }, (_, i) => vendorItem(`c${i}`, `Too many ${i}`));
    const r = await api.post('batch', { BatchItemRequest: items });
    expect(r.status).toBe(400);
    expect(path(r.body, 'Fault', 'type')).toBe('ValidationFault');
    const count = await api.query("select count(*) from Vendor where DisplayName LIKE 'Too many%'");
    expect(path(count.body, 'QueryResponse', 'totalCount')).toBe(0);
  });

  it('fails an item with 6000 when requestid and bId together are too long', async () => {
    const rid = 'r'.repeat(36);
    const r = await api.post(`batch?requestid=${rid}`, { BatchItemRequest: [vendorItem('short', 'Length ok'), vendorItem('b'.repeat(11), 'Too long bId')] });
    expect(r.status).toBe(200);
    expect(path(r.body, 'BatchItemResponse', 0, 'Vendor', 'DisplayName')).toBe('Length ok');
    expect(path(r.body, 'BatchItemResponse', 1, 'Fault', 'Error', 0, 'code')).toBe('6000');
  });
});

describe('requestid', () => {
  it('replays the original answer for a repeated requestid and creates nothing twice', async () => {
    const first = await api.post('customer?requestid=create-once-1', { DisplayName: 'Only once' });
    const second = await api.post('customer?requestid=create-once-1', { DisplayName: 'Only once' });
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
    const count = await api.query("select count(*) from Customer where DisplayName = 'Only once'");
    expect(path(count.body, 'QueryResponse', 'totalCount')).toBe(1);
  });

  it('works through node-quickbooks requestId and for whole batches', async () => {
    const a = asObj(await nqb((cb) => qbo.createVendor({ DisplayName: 'Idem vendor', requestId: 'nq-1' }, cb)));
    const b = asObj(await nqb((cb) => qbo.createVendor({ DisplayName: 'Idem vendor', requestId: 'nq-1' }, cb)));
    expect(b.Id).toBe(a.Id);
    const batch = { BatchItemRequest: [{ bId: 'x1', operation: 'create', Vendor: { DisplayName: 'Batch idem' } }] };
    const r1 = await api.post('batch?requestid=batch-once', batch);
    const r2 = await api.post('batch?requestid=batch-once', batch);
    expect(r2.body).toEqual(r1.body);
    expect(path((await api.query("select count(*) from Vendor where DisplayName = 'Batch idem'")).body, 'QueryResponse', 'totalCount')).toBe(1);
  });

  it('refuses a requestid longer than 50 characters', async () => {
    const r = await api.post(`customer?requestid=${'z'.repeat(51)}`, { DisplayName: 'Long id' });
    expect(r.status).toBe(400);
    expect(faultCode(r.body)).toBe('6000');
  });
});
