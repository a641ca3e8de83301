/**
 * Required fields, as Intuit's entity reference marks them, on create and on a full update: a missing
 * one is 400, code 2020 "Required param missing…", naming the element (Line.Amount, APAccountRef, …);
 * a sparse update sends only what changes. A sales receipt need not name a customer; an estimate need
 * not have lines. The REQUIRED table in src-main/sandbox/schema/index.ts holds the unconditional ones.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type QuickBooks from 'node-quickbooks';
import type { PracticeCompanyServer } from '../../src-main/sandbox/index.js';
import { REQUIRED } from '../../src-main/sandbox/schema/index.js';
import { admin, Api, asArr, ent, libraryFault, nqb, path, rejection, ROOMY_LIMITS, withPracticeCompany, type Obj, connectedPractice, uniqueNames } from './helpers.js';

let sb: PracticeCompanyServer;
let api: Api;
let qbo: QuickBooks;
let item: string;
let customer: string;
let vendor: string;
let shrinkage: string;
let income: string;
const unique = uniqueNames();

beforeAll(async () => {
  ({ sb, api, qbo } = await connectedPractice(23));
  item = await api.firstId('Item', " where Type = 'Inventory'");
  customer = await api.firstId('Customer');
  vendor = await api.firstId('Vendor');
  shrinkage = await api.firstId('Account', " where Name = 'Inventory Shrinkage'");
  income = await api.firstId('Account', " where AccountType = 'Income'");
});
afterAll(async () => {
  await sb.close();
});

const saleLine = (qty = 2, price = 3): Obj => ({
  DetailType: 'SalesItemLineDetail', Amount: qty * price, SalesItemLineDetail: { ItemRef: { value: item }, Qty: qty, UnitPrice: price },
});
const expenseLine = (): Obj => ({
  DetailType: 'ItemBasedExpenseLineDetail', Amount: 8, ItemBasedExpenseLineDetail: { ItemRef: { value: item }, Qty: 4, UnitPrice: 2 },
});

/** A valid create body for each entity REQUIRED names fields for (all of them filled in). */
function validBody(entity: string): Obj {
  switch (entity) {
    case 'Account': return { Name: unique('Req account'), AccountType: 'Expense' };
    case 'Item': return { Name: unique('Req service'), Type: 'Service', IncomeAccountRef: { value: income } };
    case 'Estimate': return { CustomerRef: { value: customer }, Line: [saleLine()] };
    case 'Invoice': return { CustomerRef: { value: customer }, Line: [saleLine()] };
    case 'SalesReceipt': return { CustomerRef: { value: customer }, Line: [saleLine()] };
    case 'Payment': return { CustomerRef: { value: customer }, TotalAmt: 5 };
    case 'PurchaseOrder': return { VendorRef: { value: vendor }, Line: [expenseLine()] };
    case 'Bill': return { VendorRef: { value: vendor }, Line: [expenseLine()] };
    case 'InventoryAdjustment': return { AdjustAccountRef: { value: shrinkage }, Line: [{ DetailType: 'ItemAdjustmentLineDetail', ItemAdjustmentLineDetail: { ItemRef: { value: item }, QtyDiff: 1 } }] };
    case 'Department': return { Name: unique('Req location') };
    case 'Class': return { Name: unique('Req class') };
    default: throw new Error(`no body for ${entity}`);
  }
}

function expectRequired(body: unknown, element: string): void {
  expect(path(body, 'Fault', 'type')).toBe('ValidationFault');
  expect(path(body, 'Fault', 'Error', 0)).toEqual({
    Message: 'Required param missing, need to supply the required value for the API',
    Detail: `Required parameter ${element} is missing in the request`,
    code: '2020',
    element,
  });
}

async function count(entity: string): Promise<unknown> {
  return path((await api.query(`select count(*) from ${entity}`)).body, 'QueryResponse', 'totalCount');
}

const creatable = Object.entries(REQUIRED).filter(([e, fields]) => fields.length > 0 && e !== 'CompanyInfo');

describe('every field the REQUIRED table names', () => {
  it.each(creatable.flatMap(([entity, fields]) => fields.map((f) => [entity, f] as const)))(
    '%s without %s is refused with 2020 naming it, and nothing is written', async (entity, field) => {
      expect((await api.post(entity.toLowerCase(), validBody(entity))).status).toBe(200);
      const before = await count(entity);
      const body = validBody(entity);
      delete body[field];
      const r = await api.post(entity.toLowerCase(), body);
      expect(r.status).toBe(400);
      expectRequired(r.body, field);
      expect(await count(entity)).toBe(before);
    },
  );

  it('holds on a full update too, and not on a sparse one', async () => {
    const inv = ent(path((await api.post('invoice', validBody('Invoice'))).body, 'Invoice'));
    const { CustomerRef: _dropped, ...withoutCustomer } = inv;
    expectRequired((await api.post('invoice', withoutCustomer)).body, 'CustomerRef');
    const { Line: _lines, ...withoutLines } = inv;
    expectRequired((await api.post('invoice', withoutLines)).body, 'Line');
    const sparse = await api.post('invoice', { Id: inv.Id, SyncToken: inv.SyncToken, sparse: true, PrivateNote: 'only this' });
    expect(path(sparse.body, 'Invoice', 'PrivateNote')).toBe('only this');
  });

  it('names the missing field inside a batch item, and runs the others', async () => {
    const r = await api.post('batch', { BatchItemRequest: [
      { bId: 'pay', operation: 'create', Payment: { CustomerRef: { value: customer } } },
      { bId: 'ok', operation: 'create', Vendor: { DisplayName: unique('Batch vendor') } },
    ] });
    expectRequired(path(r.body, 'BatchItemResponse', 0), 'TotalAmt');
    expect(path(r.body, 'BatchItemResponse', 1, 'Vendor', 'Id')).toBeDefined();
  });
});

describe('a sales receipt need not name a customer (a cash sale)', () => {
  it('creates one without CustomerRef through node-quickbooks, moving stock, and takes a full update without it', async () => {
    const before = Number(path(await nqb((cb) => qbo.getItem(item, cb)), 'QtyOnHand'));
    const made = ent(await nqb((cb) => qbo.createSalesReceipt({ Line: [saleLine(1, 7)] }, cb)));
    expect(made.CustomerRef).toBeUndefined();
    expect(made.TotalAmt).toBe(7);
    expect(Number(path(await nqb((cb) => qbo.getItem(item, cb)), 'QtyOnHand'))).toBe(before - 1);
    const full = ent(await nqb((cb) => qbo.updateSalesReceipt({ Id: made.Id, SyncToken: made.SyncToken, Line: [saleLine(2, 7)], PrivateNote: 'counter sale' }, cb)));
    expect(full.CustomerRef).toBeUndefined();
    expect(full.TotalAmt).toBe(14);
  });

  it('still checks a CustomerRef that is sent', async () => {
    const r = await api.post('salesreceipt', { CustomerRef: { value: '99999' }, Line: [saleLine()] });
    expect(path(r.body, 'Fault', 'Error', 0, 'code')).toBe('2500');
  });
});

describe('conditionally required fields', () => {
  it("refuses an item line without Amount (2020 Line.Amount) on sales and purchases, create and full update", async () => {
    const { Amount: _a, ...noAmount } = saleLine();
    expectRequired((await api.post('invoice', { CustomerRef: { value: customer }, Line: [noAmount] })).body, 'Line.Amount');
    const { Amount: _b, ...noExpense } = expenseLine();
    expectRequired((await api.post('bill', { VendorRef: { value: vendor }, Line: [noExpense] })).body, 'Line.Amount');
    const receipt = ent(path((await api.post('salesreceipt', { Line: [saleLine()] })).body, 'SalesReceipt'));
    expectRequired((await api.post('salesreceipt', { Id: receipt.Id, SyncToken: receipt.SyncToken, Line: [noAmount] })).body, 'Line.Amount');
    // A description-only line has no amount to give.
    const noted = await api.post('invoice', { CustomerRef: { value: customer }, Line: [saleLine(), { DetailType: 'DescriptionOnly', Description: 'Handle with care' }] });
    expect(noted.status).toBe(200);
  });

  it('lets an estimate go without lines (optional in Intuit reference) but not without a customer', async () => {
    const r = await api.post('estimate', { CustomerRef: { value: customer } });
    expect(r.status).toBe(200);
    expect(path(r.body, 'Estimate', 'TotalAmt')).toBe(0);
    expectRequired((await api.post('estimate', { Line: [saleLine()] })).body, 'CustomerRef');
  });

  it('names people by DisplayName or name parts, never by CompanyName alone; employees need GivenName or FamilyName', async () => {
    expectRequired((await api.post('customer', { CompanyName: unique('Only a company') })).body, 'DisplayName');
    expectRequired((await api.post('vendor', { CompanyName: unique('Only a company') })).body, 'DisplayName');
    const parts = await api.post('customer', { GivenName: 'Ada', FamilyName: unique('Lovelace') });
    expect(String(path(parts.body, 'Customer', 'DisplayName'))).toMatch(/^Ada Lovelace \d+$/);
    expectRequired((await api.post('employee', { DisplayName: unique('Nameless clerk') })).body, 'GivenName');
    expect((await api.post('employee', { FamilyName: unique('Hopper') })).status).toBe(200);
  });

  it('takes CompanyInfo full updates only with CompanyName and CompanyAddr; a sparse one needs neither', async () => {
    const info = ent(path((await api.get('companyinfo/1')).body, 'CompanyInfo'));
    const { CompanyAddr: _addr, ...noAddr } = info;
    expectRequired((await api.post('companyinfo', noAddr)).body, 'CompanyAddr');
    const sparse = await api.post('companyinfo', { Id: info.Id, SyncToken: info.SyncToken, sparse: true, LegalName: 'Practice Legal' });
    expect(path(sparse.body, 'CompanyInfo', 'LegalName')).toBe('Practice Legal');
  });

  it('implies the A/P account on a purchase order or bill only while the company has a single one', async () => {
    await withPracticeCompany({ seed: 23, limits: ROOMY_LIMITS }, async (other) => {
      const a = Api.connect(other);
      const ap = String(path((await a.query("select * from Account where AccountType = 'Accounts Payable'")).body, 'QueryResponse', 'Account', 0, 'Id'));
      const po = await a.post('purchaseorder', validBody('PurchaseOrder'));
      expect(path(po.body, 'PurchaseOrder', 'APAccountRef', 'value')).toBe(ap);
      await admin(other, 'POST', '/entities/Account', { Name: 'Second payables', AccountType: 'Accounts Payable' });
      expectRequired((await a.post('purchaseorder', validBody('PurchaseOrder'))).body, 'APAccountRef');
      expectRequired((await a.post('bill', validBody('Bill'))).body, 'APAccountRef');
      const named = await a.post('purchaseorder', { ...validBody('PurchaseOrder'), APAccountRef: { value: ap } });
      expect(named.status).toBe(200);
      expect(asArr(path(named.body, 'PurchaseOrder', 'Line'))).toHaveLength(1);
    });
  });

  it('answers node-quickbooks with the same fault it can read', async () => {
    const f = libraryFault(await rejection(nqb((cb) => qbo.createInvoice({ Line: [saleLine()] }, cb))));
    expect(f.status).toBe(400);
    expectRequired(f.body, 'CustomerRef');
  });
});
