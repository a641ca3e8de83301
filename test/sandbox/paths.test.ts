import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type QuickBooks from 'node-quickbooks';
import type { PracticeCompanyServer } from '../../src-main/sandbox/index.js';
import { Api, faultCode, libraryFault, nqb, path, rejection, connectedPractice } from './helpers.js';

let sb: PracticeCompanyServer;
let api: Api;
let qbo: QuickBooks;

beforeAll(async () => {
  ({ sb, api, qbo } = await connectedPractice(13));
});
afterAll(async () => {
  await sb.close();
});

const fault = (body: unknown): unknown => path(body, 'Fault', 'Error', 0);

describe('paths and ids', () => {
  it('refuses an id that is not a whole number with 400, code 2030, element "Id"', async () => {
    for (const id of ['1.5', 'abc', '-1']) {
      const r = await api.get(`customer/${id}`);
      expect(r.status).toBe(400);
      expect(fault(r.body)).toMatchObject({ code: '2030', element: 'Id', Message: 'Invalid ID' });
      expect(path(r.body, 'Fault', 'type')).toBe('ValidationFault');
    }
    const err = await rejection(nqb((cb) => qbo.getItem('2.0', cb)));
    expect(libraryFault(err)).toMatchObject({ status: 400 });
    expect(faultCode(libraryFault(err).body)).toBe('2030');
  });

  it('keeps 610 for a whole-number id that does not exist', async () => {
    const r = await api.get('customer/999999');
    expect(r.status).toBe(400);
    expect(faultCode(r.body)).toBe('610');
  });

  it('answers an unknown sub-path with a 400 ValidationFault, code 500 "Unsupported Operation", never a 200', async () => {
    for (const [method, route] of [['GET', 'customer/1/5'], ['GET', 'item/1/extra/more'], ['GET', 'query/1'], ['POST', 'customer/1'], ['GET', 'custmoer/1']] as const) {
      const r = method === 'GET' ? await api.get(route) : await api.post(route, { DisplayName: 'Nobody' });
      expect(r.status, route).toBe(400);
      expect(path(r.body, 'Fault', 'type')).toBe('ValidationFault');
      expect(fault(r.body)).toMatchObject({ code: '500', Message: 'Unsupported Operation' });
      expect(String(path(r.body, 'Fault', 'Error', 0, 'Detail'))).toContain(`/v3/company/${sb.realmId}/${route}`);
    }
    // Nothing was written by the refused POST.
    const count = await api.query("select count(*) from Customer where DisplayName = 'Nobody'");
    expect(path(count.body, 'QueryResponse', 'totalCount')).toBe(0);
  });

  it('still reads company info and preferences by their own paths', async () => {
    expect((await api.get(`companyinfo/${sb.realmId}`)).status).toBe(200);
    expect((await api.get('preferences')).status).toBe(200);
  });
});
