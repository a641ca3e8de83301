/**
 * Answers as full as a real company's: sales forms come back with the customer's addresses and e-mail,
 * where the goods ship from, FreeFormAddress, print and e-mail status, a tax summary, DueDate from the
 * terms, Balance and numbered lines; CompanyInfo's addresses carry the 3-letter country and no
 * Lat/Long; money is rounded to the cent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type QuickBooks from 'node-quickbooks';
import type { PracticeCompanyServer } from '../../src-main/sandbox/index.js';
import { Api, asArr, asObj, ent, nqb, path, type Obj, connectedPractice, uniqueNames } from './helpers.js';

let sb: PracticeCompanyServer;
let api: Api;
let qbo: QuickBooks;
let item: string;
const unique = uniqueNames();

beforeAll(async () => {
  ({ sb, api, qbo } = await connectedPractice(31));
  item = String(path((await api.query("select * from Item where Type = 'Inventory' maxresults 1")).body, 'QueryResponse', 'Item', 0, 'Id'));
});
afterAll(async () => {
  await sb.close();
});

const bill = { Line1: '12 Harbor Rd', City: 'Tacoma', CountrySubDivisionCode: 'WA', PostalCode: '98402', Country: 'USA' };
const ship = { Line1: 'Dock 4', Line2: '80 Pier St', City: 'Tacoma', CountrySubDivisionCode: 'WA', PostalCode: '98421' };

async function customer(extra: Obj = {}): Promise<string> {
  const body = { DisplayName: unique('Rich buyer'), BillAddr: bill, ShipAddr: ship, PrimaryEmailAddr: { Address: 'buyer@example.com' }, ...extra };
  return String(path((await api.post('customer', body)).body, 'Customer', 'Id'));
}

const line = (qty: number, price: number): Obj => ({
  DetailType: 'SalesItemLineDetail', Amount: Math.round(qty * price * 100) / 100, SalesItemLineDetail: { ItemRef: { value: item }, Qty: qty, UnitPrice: price },
});

describe('sales forms', () => {
  it('answers an invoice with what QuickBooks fills in, through node-quickbooks', async () => {
    const c = await customer();
    const inv = ent(await nqb((cb) => qbo.createInvoice({ CustomerRef: { value: c }, TxnDate: '2026-04-10', Line: [line(2, 5), line(1, 3)], CustomerMemo: { value: 'Thanks for your order' } }, cb)));
    expect(inv).toMatchObject({
      BillAddr: bill, ShipAddr: ship, BillEmail: { Address: 'buyer@example.com' },
      ShipFromAddr: { Line1: '100 Practice Way', Line2: 'Portland, OR  97205' },
      FreeFormAddress: false, PrintStatus: 'NotSet', EmailStatus: 'NotSet', TxnTaxDetail: { TotalTax: 0 },
      TotalAmt: 13, Balance: 13, DueDate: '2026-04-10', CustomerMemo: { value: 'Thanks for your order' },
    });
    const lines = asArr(inv.Line).map(asObj);
    expect(lines.map((l) => [l.Id, l.LineNum, l.DetailType])).toEqual([['1', 1, 'SalesItemLineDetail'], ['2', 2, 'SalesItemLineDetail'], [undefined, undefined, 'SubTotalLineDetail']]);
    expect(inv.InvoiceLink).toBeUndefined();
  });

  it('takes the due date from the invoice terms, else from the customer terms, and refuses unknown terms', async () => {
    const c = await customer({ SalesTermRef: { value: '2' } });
    const own = await api.post('invoice', { CustomerRef: { value: c }, TxnDate: '2026-01-20', SalesTermRef: { value: '3' }, Line: [line(1, 4)] });
    expect(path(own.body, 'Invoice', 'DueDate')).toBe('2026-02-19');
    expect(path(own.body, 'Invoice', 'SalesTermRef')).toEqual({ value: '3', name: 'Net 30' });
    const inherited = await api.post('invoice', { CustomerRef: { value: c }, TxnDate: '2026-02-20', Line: [line(1, 4)] });
    expect(path(inherited.body, 'Invoice', 'DueDate')).toBe('2026-03-07');
    expect(path(inherited.body, 'Invoice', 'SalesTermRef', 'name')).toBe('Net 15');
    const sent = await api.post('invoice', { CustomerRef: { value: c }, TxnDate: '2026-02-20', DueDate: '2026-02-21', Line: [line(1, 4)] });
    expect(path(sent.body, 'Invoice', 'DueDate')).toBe('2026-02-21');
    const unknown = await api.post('invoice', { CustomerRef: { value: c }, SalesTermRef: { value: '77' }, Line: [line(1, 4)] });
    expect(path(unknown.body, 'Fault', 'Error', 0)).toMatchObject({ code: '2500', element: 'SalesTermRef' });
  });

  it('marks a shipping address typed as lines free-form, and keeps the flag it got at create', async () => {
    const c = await customer();
    const typed = ent(path((await api.post('invoice', { CustomerRef: { value: c }, ShipAddr: { Line1: 'Back gate', Line2: 'Tacoma WA 98421' }, Line: [line(1, 1)] })).body, 'Invoice'));
    expect(typed.FreeFormAddress).toBe(true);
    const updated = await api.post('invoice', { Id: typed.Id, SyncToken: typed.SyncToken, sparse: true, ShipAddr: ship });
    expect(path(updated.body, 'Invoice', 'FreeFormAddress')).toBe(true);
  });

  it('answers estimates and sales receipts with the same form fields; a receipt has Balance 0, an estimate none', async () => {
    const c = await customer();
    const est = asObj(path((await api.post('estimate', { CustomerRef: { value: c }, Line: [line(1, 2)], PrintStatus: 'NeedToPrint' })).body, 'Estimate'));
    expect(est).toMatchObject({ ShipAddr: ship, BillEmail: { Address: 'buyer@example.com' }, PrintStatus: 'NeedToPrint', EmailStatus: 'NotSet', TxnTaxDetail: { TotalTax: 0 } });
    expect(est.Balance).toBeUndefined();
    expect(est.ShipFromAddr).toBeDefined();
    const cash = asObj(path((await api.post('salesreceipt', { Line: [line(1, 2)] })).body, 'SalesReceipt'));
    expect(cash).toMatchObject({ Balance: 0, TotalAmt: 2, PrintStatus: 'NotSet', EmailStatus: 'NotSet', TxnTaxDetail: { TotalTax: 0 }, FreeFormAddress: false });
    expect(cash.BillAddr).toBeUndefined();
    const bad = await api.post('salesreceipt', { Line: [line(1, 2)], EmailStatus: 'Sent' });
    expect(path(bad.body, 'Fault', 'Error', 0)).toMatchObject({ code: '2170', element: 'EmailStatus' });
  });

  it('answers money to the cent', async () => {
    const c = await customer();
    const r = await api.post('invoice', { CustomerRef: { value: c }, Line: [line(1, 0.1), line(1, 0.2), line(3, 0.7)] });
    expect(path(r.body, 'Invoice', 'TotalAmt')).toBe(2.4);
    expect(path(r.body, 'Invoice', 'Balance')).toBe(2.4);
    expect(r.text).not.toMatch(/"(Amount|TotalAmt|Balance|TotalTax)":-?\d+\.\d{3,}/);
  });
});

describe('names and the company', () => {
  it('keeps a vendor or employee BillRate and CostRate as sent, and answers IsProject on customers', async () => {
    const v = asObj(path((await api.post('vendor', { DisplayName: unique('Rated vendor'), BillRate: 42.5, CostRate: 30 })).body, 'Vendor'));
    expect(v).toMatchObject({ BillRate: 42.5, CostRate: 30 });
    const e = asObj(path((await api.post('employee', { GivenName: 'Rate', FamilyName: unique('Keeper'), BillRate: 55, CostRate: 21.75 })).body, 'Employee'));
    expect(e).toMatchObject({ BillRate: 55, CostRate: 21.75 });
    expect(path((await api.get(`customer/${await customer()}`)).body, 'Customer', 'IsProject')).toBe(false);
  });

  it("answers CompanyInfo's addresses with the 3-letter country and no Lat/Long, also after an update that sends them", async () => {
    const info = ent(path((await api.get('companyinfo/1')).body, 'CompanyInfo'));
    for (const field of ['CompanyAddr', 'LegalAddr', 'CustomerCommunicationAddr']) {
      const addr = asObj(info[field]);
      expect(addr.Country).toBe('USA');
      expect(addr).not.toHaveProperty('Lat');
      expect(addr).not.toHaveProperty('Long');
    }
    const sent = { ...asObj(info.CompanyAddr), Country: 'US', Lat: '45.52', Long: '-122.68' };
    const updated = asObj(path((await api.post('companyinfo', { ...info, CompanyAddr: sent, LegalAddr: { ...sent, Country: 'United States' } })).body, 'CompanyInfo'));
    expect(asObj(updated.CompanyAddr)).toEqual({ ...asObj(info.CompanyAddr), Country: 'USA' });
    expect(asObj(updated.LegalAddr).Country).toBe('USA');
    expect(updated.Country).toBe('US');
  });
});
