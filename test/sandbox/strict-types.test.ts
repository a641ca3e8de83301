import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type QuickBooks from 'node-quickbooks';
import type { PracticeCompanyServer } from '../../src-main/sandbox/index.js';
import { Api, libraryFault, nqb, path, rejection, type Obj, connectedPractice, uniqueNames } from './helpers.js';

let sb: PracticeCompanyServer;
let qbo: QuickBooks;
let api: Api;
const unique = uniqueNames();

beforeAll(async () => {
  ({ sb, api, qbo } = await connectedPractice(6));
});
afterAll(async () => {
  await sb.close();
});

function typeFault(body: unknown, element: string, javaType: string, token: string): void {
  expect(path(body, 'Fault', 'type')).toBe('ValidationFault');
  expect(path(body, 'Fault', 'Error', 0, 'code')).toBe('2010');
  expect(path(body, 'Fault', 'Error', 0, 'element')).toBe(element);
  expect(String(path(body, 'Fault', 'Error', 0, 'Detail'))).toContain(`Can not deserialize instance of ${javaType} out of ${token} token`);
}

describe('a value of the wrong JSON type is refused with 2010 naming the field, never stored as 0 or ""', () => {
  it('refuses a string where a number goes (even a numeric one), through node-quickbooks', async () => {
    const body = { Name: unique('Typed'), Type: 'Service', UnitPrice: '12.50', IncomeAccountRef: { value: await api.firstId('Account', " where AccountType = 'Income'") } };
    // The library's own types would stop this body at compile time; a loosely typed caller sends it.
    const loose = body as unknown as Parameters<QuickBooks['createItem']>[0];
    const f = libraryFault(await rejection(nqb((cb) => qbo.createItem(loose, cb))));
    expect(f.status).toBe(400);
    typeFault(f.body, 'UnitPrice', 'java.math.BigDecimal', 'VALUE_STRING');
    const r = await api.query(`select count(*) from Item where Name = '${body.Name}'`);
    expect(path(r.body, 'QueryResponse', 'totalCount')).toBe(0);
  });

  it('refuses an object where a string goes, a number where a string goes, and a string where a boolean goes', async () => {
    const cases: Array<{ body: Obj; element: string; javaType: string; token: string }> = [
      { body: { DisplayName: { first: 'A' } }, element: 'DisplayName', javaType: 'java.lang.String', token: 'START_OBJECT' },
      { body: { DisplayName: unique('Num'), CompanyName: 42 }, element: 'CompanyName', javaType: 'java.lang.String', token: 'VALUE_NUMBER_INT' },
      { body: { DisplayName: unique('Bool'), Active: 'yes' }, element: 'Active', javaType: 'java.lang.Boolean', token: 'VALUE_STRING' },
      { body: { DisplayName: unique('Addr'), BillAddr: 'Main St 1' }, element: 'BillAddr', javaType: 'com.intuit.schema.finance.v3.PhysicalAddress', token: 'VALUE_STRING' },
      { body: { DisplayName: unique('Addr'), BillAddr: [{ Line1: 'x' }] }, element: 'BillAddr', javaType: 'com.intuit.schema.finance.v3.PhysicalAddress', token: 'START_ARRAY' },
      { body: { DisplayName: unique('Phone'), PrimaryPhone: { FreeFormNumber: 5551234 } }, element: 'PrimaryPhone.FreeFormNumber', javaType: 'java.lang.String', token: 'VALUE_NUMBER_INT' },
    ];
    for (const c of cases) {
      const r = await api.post('customer', c.body);
      expect(r.status, c.element).toBe(400);
      typeFault(r.body, c.element, c.javaType, c.token);
    }
  });

  it('refuses wrong types inside lines and refs: a string Qty, a numeric ref value, a single line instead of a list', async () => {
    const customerId = await api.firstId('Customer');
    const itemId = await api.firstId('Item', " where Type = 'Inventory'");
    const line = (detail: Obj): Obj => ({ DetailType: 'SalesItemLineDetail', Amount: 10, SalesItemLineDetail: { ItemRef: { value: itemId }, Qty: 1, UnitPrice: 10, ...detail } });
    const qty = await api.post('invoice', { CustomerRef: { value: customerId }, Line: [line({ Qty: '1' })] });
    typeFault(qty.body, 'Line.SalesItemLineDetail.Qty', 'java.math.BigDecimal', 'VALUE_STRING');
    expect(String(path(qty.body, 'Fault', 'Error', 0, 'Detail'))).toContain('Invoice["Line"]->java.util.ArrayList[0]->com.intuit.schema.finance.v3.Line["SalesItemLineDetail"]');
    const ref = await api.post('invoice', { CustomerRef: { value: Number(customerId) }, Line: [line({})] });
    typeFault(ref.body, 'CustomerRef.value', 'java.lang.String', 'VALUE_NUMBER_INT');
    const single = await api.post('invoice', { CustomerRef: { value: customerId }, Line: line({}) });
    typeFault(single.body, 'Line', 'java.util.ArrayList', 'START_OBJECT');
    const lineNum = await api.post('invoice', { CustomerRef: { value: customerId }, Line: [{ ...line({}), LineNum: 1.5 }] });
    typeFault(lineNum.body, 'Line.LineNum', 'java.lang.Integer', 'VALUE_NUMBER_FLOAT');
  });

  it('refuses a date that is not a date, and a SyncToken sent as a number on update', async () => {
    const customerId = await api.firstId('Customer');
    const itemId = await api.firstId('Item', " where Type = 'Inventory'");
    const r = await api.post('invoice', {
      CustomerRef: { value: customerId }, TxnDate: '12/31/2026',
      Line: [{ DetailType: 'SalesItemLineDetail', Amount: 10, SalesItemLineDetail: { ItemRef: { value: itemId }, Qty: 1, UnitPrice: 10 } }],
    });
    expect(r.status).toBe(400);
    expect(path(r.body, 'Fault', 'Error', 0, 'code')).toBe('2010');
    expect(path(r.body, 'Fault', 'Error', 0, 'element')).toBe('TxnDate');
    expect(String(path(r.body, 'Fault', 'Error', 0, 'Detail'))).toContain("from String value '12/31/2026'");
    const read = await api.get(`customer/${customerId}`);
    const token = Number(path(read.body, 'Customer', 'SyncToken'));
    const u = await api.post('customer', { Id: customerId, SyncToken: token, sparse: true, CompanyName: 'x' });
    typeFault(u.body, 'SyncToken', 'java.lang.String', 'VALUE_NUMBER_INT');
  });
});
