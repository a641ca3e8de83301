/**
 * The fault behaviours Intuit documents (docs/quickbooks.md) that no other test file pins down exactly:
 * request id lengths (50 alone, 36 for a batch, 10 per bId), the wording of 5010, 6240 across the three
 * people lists, 6140 per transaction type, and Intuit's 120-second request timeout.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPracticeCompany, type PracticeCompanyServer } from '../../src-main/sandbox/index.js';
import { admin, Api, ent, faultCode, path, ROOMY_LIMITS, withPracticeCompany } from './helpers.js';

let sb: PracticeCompanyServer;
let api: Api;

beforeAll(async () => {
  sb = await startPracticeCompany({ seed: 16, size: 'tiny', limits: ROOMY_LIMITS });
  api = Api.connect(sb);
});
afterAll(async () => {
  await sb.close();
});

const vendor = (bId: string, name: string) => ({ bId, operation: 'create', Vendor: { DisplayName: name } });
const error = (body: unknown, ...at: Array<string | number>) => path(body, ...at, 'Fault', 'Error', 0);

describe('request id lengths', () => {
  it('takes a requestid of exactly 50 characters on a single write, and refuses 51 without acting', async () => {
    expect((await api.post(`vendor?requestid=${'a'.repeat(50)}`, { DisplayName: 'Fifty' })).status).toBe(200);
    const r = await api.post(`vendor?requestid=${'b'.repeat(51)}`, { DisplayName: 'Fifty-one' });
    expect(r.status).toBe(400);
    expect(faultCode(r.body)).toBe('6000');
    expect(path((await api.query("select count(*) from Vendor where DisplayName = 'Fifty-one'")).body, 'QueryResponse', 'totalCount')).toBe(0);
  });

  it('takes a batch requestid of 36 characters and refuses 37 as a whole', async () => {
    expect((await api.post(`batch?requestid=${'c'.repeat(36)}`, { BatchItemRequest: [vendor('v1', 'Batch 36')] })).status).toBe(200);
    const r = await api.post(`batch?requestid=${'d'.repeat(37)}`, { BatchItemRequest: [vendor('v1', 'Batch 37')] });
    expect(r.status).toBe(400);
    expect(faultCode(r.body)).toBe('6000');
    expect(path((await api.query("select count(*) from Vendor where DisplayName = 'Batch 37'")).body, 'QueryResponse', 'totalCount')).toBe(0);
  });

  it('fails only the item whose bId passes 10 characters under a batch requestid', async () => {
    const r = await api.post(`batch?requestid=${'e'.repeat(20)}`, { BatchItemRequest: [vendor('b'.repeat(10), 'bId ten'), vendor('b'.repeat(11), 'bId eleven')] });
    expect(r.status).toBe(200);
    expect(path(r.body, 'BatchItemResponse', 0, 'Vendor', 'DisplayName')).toBe('bId ten');
    expect(error(r.body, 'BatchItemResponse', 1)).toMatchObject({ code: '6000', element: 'bId' });
  });
});

describe('business faults', () => {
  it('answers a stale SyncToken with 5010 "Stale Object Error" and the other-user detail', async () => {
    const made = ent(path((await api.post('customer', { DisplayName: 'Stale wording' })).body, 'Customer'));
    await admin(sb, 'PATCH', `/entities/Customer/${made.Id}`, { CompanyName: 'Edited in QuickBooks' });
    const r = await api.post('customer', { ...made, sparse: true, CompanyName: 'Ours' });
    expect(r.status).toBe(400);
    expect(error(r.body)).toMatchObject({ code: '5010', Message: 'Stale Object Error' });
    expect(String(path(error(r.body), 'Detail'))).toMatch(/another user.*finished before you did/i);
  });

  it('keeps names unique across customers, vendors and employees (6240), ignoring case', async () => {
    await api.post('employee', { DisplayName: 'Shared Name', GivenName: 'Shared', FamilyName: 'Name' });
    for (const [route, body] of [['customer', { DisplayName: 'shared name' }], ['vendor', { DisplayName: 'SHARED NAME' }]] as const) {
      const r = await api.post(route, body);
      expect(r.status).toBe(400);
      expect(error(r.body)).toMatchObject({ code: '6240', Message: 'Duplicate Name Exists Error' });
    }
  });

  it('refuses a DocNumber already used by the same kind of document (6140), and lets another kind use it', async () => {
    const po = { VendorRef: { value: '1' }, DocNumber: 'DOC-6140', Line: [{ DetailType: 'ItemBasedExpenseLineDetail', Amount: 2, ItemBasedExpenseLineDetail: { ItemRef: { value: '11' }, Qty: 1, UnitPrice: 2 } }] };
    expect((await api.post('purchaseorder', po)).status).toBe(200);
    const again = await api.post('purchaseorder', po);
    expect(again.status).toBe(400);
    expect(error(again.body)).toMatchObject({ code: '6140', element: 'DocNumber' });
    const bill = { VendorRef: { value: '1' }, DocNumber: 'DOC-6140', Line: [{ DetailType: 'ItemBasedExpenseLineDetail', Amount: 2, ItemBasedExpenseLineDetail: { ItemRef: { value: '11' }, Qty: 1, UnitPrice: 2 } }] };
    expect((await api.post('bill', bill)).status).toBe(200);
  });
});

describe("Intuit's request timeout", () => {
  it('stops a request that runs past the timeout with a 504 SystemFault, and does nothing', async () => {
    // The timeout is 120 s at Intuit; a test shortens it rather than wait two minutes.
    await withPracticeCompany({ limits: { requestTimeoutMs: 200 } }, async (short) => {
      const caller = Api.connect(short);
      await admin(short, 'POST', '/faults', { match: { method: 'POST', entity: 'Vendor' }, kind: 'slow', count: 1, delayMs: 5_000 });
      const started = performance.now();
      const r = await caller.post('vendor', { DisplayName: 'Too slow' });
      expect(performance.now() - started).toBeLessThan(4_000);
      expect(r.status).toBe(504);
      expect(path(r.body, 'Fault', 'type')).toBe('SystemFault');
      expect(String(path(error(r.body), 'Detail'))).toMatch(/longer than 0.2 seconds/);
      expect(path((await caller.query("select count(*) from Vendor where DisplayName = 'Too slow'")).body, 'QueryResponse', 'totalCount')).toBe(0);
    });
    const defaults = await withPracticeCompany({}, async (d) => admin(d, 'GET', '/limits'));
    expect(path(defaults.body, 'limits', 'requestTimeoutMs')).toBe(120_000);
  });
});

describe('batch items are independent', () => {
  it('refuses an item that refers to what an earlier item of the same batch created (2500), and runs the rest', async () => {
    const nextVendor = Number(path((await api.post('vendor', { DisplayName: 'Before batch' })).body, 'Vendor', 'Id')) + 1;
    const r = await api.post('batch', { BatchItemRequest: [
      { bId: 'v', operation: 'create', Vendor: { DisplayName: 'Made in batch' } },
      { bId: 'po', operation: 'create', PurchaseOrder: {
        VendorRef: { value: String(nextVendor) },
        Line: [{ DetailType: 'ItemBasedExpenseLineDetail', Amount: 2, ItemBasedExpenseLineDetail: { ItemRef: { value: '11' }, Qty: 1, UnitPrice: 2 } }],
      } },
      { bId: 'po2', operation: 'create', PurchaseOrder: {
        VendorRef: { value: '1' },
        Line: [{ DetailType: 'ItemBasedExpenseLineDetail', Amount: 2, ItemBasedExpenseLineDetail: { ItemRef: { value: '11' }, Qty: 1, UnitPrice: 2 } }],
      } },
    ] });
    expect(r.status).toBe(200);
    expect(path(r.body, 'BatchItemResponse', 0, 'Vendor', 'Id')).toBe(String(nextVendor));
    expect(error(r.body, 'BatchItemResponse', 1)).toMatchObject({ code: '2500', element: 'VendorRef' });
    expect(path(r.body, 'BatchItemResponse', 2, 'PurchaseOrder', 'VendorRef', 'value')).toBe('1');
    // The same reference in the next request is fine: the vendor exists by then.
    const later = await api.post('batch', { BatchItemRequest: [{ bId: 'po', operation: 'create', PurchaseOrder: {
      VendorRef: { value: String(nextVendor) },
      Line: [{ DetailType: 'ItemBasedExpenseLineDetail', Amount: 2, ItemBasedExpenseLineDetail: { ItemRef: { value: '11' }, Qty: 1, UnitPrice: 2 } }],
    } }] });
    expect(path(later.body, 'BatchItemResponse', 0, 'PurchaseOrder', 'VendorRef', 'value')).toBe(String(nextVendor));
  });
});

describe('change data capture limits', () => {
  it('answers at most 1000 objects per entity, oldest first', async () => {
    const since = new Date(sb.now() - 1000).toISOString();
    for (let b = 0; b < 34; b++) {
      const items = Array.from({ length: 30 }, (_, i) => ({ bId: `c${i}`, operation: 'create', Vendor: { DisplayName: `CDC cap ${b}-${i}` } }));
      expect((await api.post('batch', { BatchItemRequest: items })).status).toBe(200);
    }
    const r = await api.get(`cdc?entities=Vendor&changedSince=${encodeURIComponent(since)}`);
    const rows = path(r.body, 'CDCResponse', 0, 'QueryResponse', 0, 'Vendor') as Array<{ Id: string }>;
    expect(rows).toHaveLength(1000);
    expect(path(r.body, 'CDCResponse', 0, 'QueryResponse', 0, 'maxResults')).toBe(1000);
    const ids = rows.map((v) => Number(v.Id));
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
  });
});

describe('the company refuses writes its state does not allow', () => {
  const invoice = (TxnDate: string) => ({
    CustomerRef: { value: '1' }, TxnDate,
    Line: [{ DetailType: 'SalesItemLineDetail', Amount: 4, SalesItemLineDetail: { ItemRef: { value: '11' }, Qty: 1, UnitPrice: 4 } }],
  });

  it('answers 6210 "Account Period Closed" for a transaction dated on or before the closing date, in a batch too', async () => {
    const open = ent(path((await api.post('invoice', invoice('2026-02-10'))).body, 'Invoice'));
    await admin(sb, 'PUT', '/company-status', { closingDate: '2026-01-31' });
    try {
      const closed = await api.post('invoice', invoice('2026-01-31'));
      expect(closed.status).toBe(400);
      expect(error(closed.body)).toMatchObject({ code: '6210', Message: 'Account Period Closed', element: 'TxnDate' });
      // Moving an open invoice into the closed period is refused; after it, it is fine.
      expect(faultCode((await api.post('invoice', { Id: open.Id, SyncToken: open.SyncToken, sparse: true, TxnDate: '2026-01-15' })).body)).toBe('6210');
      expect((await api.post('invoice', { Id: open.Id, SyncToken: open.SyncToken, sparse: true, TxnDate: '2026-02-11' })).status).toBe(200);
      const batch = await api.post('batch', { BatchItemRequest: [
        { bId: 'old', operation: 'create', Invoice: invoice('2025-12-01') },
        { bId: 'new', operation: 'create', Invoice: invoice('2026-03-01') },
        { bId: 'name', operation: 'create', Vendor: { DisplayName: 'Names are not dated' } },
      ] });
      expect(error(batch.body, 'BatchItemResponse', 0)).toMatchObject({ code: '6210' });
      expect(path(batch.body, 'BatchItemResponse', 1, 'Invoice', 'TxnDate')).toBe('2026-03-01');
      expect(path(batch.body, 'BatchItemResponse', 2, 'Vendor', 'DisplayName')).toBe('Names are not dated');
    } finally {
      await admin(sb, 'PUT', '/company-status', { closingDate: null });
    }
  });

  it('answers 6190 "Invalid Company Status" for every write once the subscription has ended; reads go on', async () => {
    await admin(sb, 'PUT', '/company-status', { subscriptionEnded: true });
    try {
      const r = await api.post('vendor', { DisplayName: 'After the trial' });
      expect(r.status).toBe(400);
      expect(error(r.body)).toMatchObject({ code: '6190', Message: 'Invalid Company Status' });
      expect((await api.get('vendor/1')).status).toBe(200);
    } finally {
      await admin(sb, 'PUT', '/company-status', { subscriptionEnded: false });
    }
    expect((await api.post('vendor', { DisplayName: 'After the trial' })).status).toBe(200);
  });
});
