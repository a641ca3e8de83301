import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type QuickBooks from 'node-quickbooks';
import type { PracticeCompanyServer } from '../../src-main/sandbox/index.js';
import { admin, Api, asArr, asObj, ent, nqb, path, connectedPractice } from './helpers.js';

let sb: PracticeCompanyServer;
let api: Api;
let qbo: QuickBooks;

beforeAll(async () => {
  ({ sb, api, qbo } = await connectedPractice(14));
});
afterAll(async () => {
  await sb.close();
});

describe('change data capture entity names', () => {
  it('accepts entity names in any case and answers under Intuit\'s spelling, in the order asked', async () => {
    const since = encodeURIComponent(new Date(sb.now() - 1000).toISOString());
    const estimate = ent(path((await admin(sb, 'POST', '/entities/Estimate', {
      CustomerRef: { value: '1' },
      Line: [{ DetailType: 'SalesItemLineDetail', Amount: 10, SalesItemLineDetail: { ItemRef: { value: '11' }, Qty: 1, UnitPrice: 10 } }],
    })).body, 'Estimate'));
    const vendor = ent(await nqb((cb) => qbo.createVendor({ DisplayName: 'CDC case vendor' }, cb)));
    const r = await api.get(`cdc?entities=estimate,VENDOR,SalesReceipt&changedSince=${since}`);
    expect(r.status).toBe(200);
    const responses = asArr(path(r.body, 'CDCResponse', 0, 'QueryResponse')).map(asObj);
    expect(responses).toHaveLength(3);
    expect(asArr(responses[0]?.Estimate).map((e) => asObj(e).Id)).toEqual([estimate.Id]);
    expect(asArr(responses[1]?.Vendor).map((v) => asObj(v).Id)).toEqual([vendor.Id]);
    expect(responses[2]).toEqual({});
  });

  it('refuses a name that is no entity, whatever its case', async () => {
    const since = encodeURIComponent(new Date(sb.now() - 1000).toISOString());
    const r = await api.get(`cdc?entities=estimate,Estimat&changedSince=${since}`);
    expect(r.status).toBe(400);
    expect(path(r.body, 'Fault', 'Error', 0, 'element')).toBe('entities');
  });
});
