import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type QuickBooks from 'node-quickbooks';
import type { PracticeCompanyServer } from '../../src-main/sandbox/index.js';
import { SHAPES } from '../../src-main/sandbox/schema/index.js';
import { admin, Api, ent, libraryFault, nqb, path, rejection, type Obj, connectedPractice, uniqueNames } from './helpers.js';

let sb: PracticeCompanyServer;
let qbo: QuickBooks;
let api: Api;
const unique = uniqueNames();

beforeAll(async () => {
  ({ sb, api, qbo } = await connectedPractice(5));
});
afterAll(async () => {
  await sb.close();
});

async function inventoryItemId(): Promise<string> {
  return api.firstId('Item', " where Type = 'Inventory'");
}

interface FaultError {
  Message: string;
  Detail: string;
  code: string;
  element: string;
}

function onlyError(body: unknown): FaultError {
  const errors = path(body, 'Fault', 'Error') as FaultError[];
  expect(errors).toHaveLength(1);
  expect(path(body, 'Fault', 'type')).toBe('ValidationFault');
  return errors[0] as FaultError;
}

describe('unknown properties are refused with 2010, naming the property', () => {
  it('refuses a customer with an unknown top-level field, listing the known ones like a JSON mapper', async () => {
    const err = await rejection(nqb((cb) => qbo.createCustomer({ DisplayName: unique('Strict'), Nickname: 'Bob' }, cb)));
    const f = libraryFault(err);
    expect(f.status).toBe(400);
    const e = onlyError(f.body);
    expect(e.code).toBe('2010');
    expect(e.Message).toBe('Request has invalid or unsupported property');
    expect(e.element).toBe('Nickname');
    expect(e.Detail).toMatch(/^Property Name:Unrecognized field "Nickname" \(class com\.intuit\.schema\.finance\.v3\.Customer\), not marked as ignorable \(\d+ known properties: /);
    expect(e.Detail).toContain('"DisplayName"');
    expect(e.Detail).toContain('"PrimaryEmailAddr"');
    const known = Object.keys(SHAPES.Customer.fields).length;
    expect(e.Detail).toContain(`(${known} known properties:`);
    // Nothing was stored.
    const r = await api.query("select count(*) from Customer where DisplayName like 'Strict%'");
    expect(path(r.body, 'QueryResponse', 'totalCount')).toBe(0);
  });

  it('refuses an unknown field inside a nested address, email, ref, line and line detail', async () => {
    const customerId = await api.firstId('Customer');
    const itemId = await inventoryItemId();
    const line = (detail: Obj, extra: Obj = {}): Obj => ({
      DetailType: 'SalesItemLineDetail', Amount: 10, ...extra, SalesItemLineDetail: { ItemRef: { value: itemId }, Qty: 1, UnitPrice: 10, ...detail },
    });
    const cases: Array<{ body: Obj; entity: string; element: string; className: string }> = [
      { entity: 'customer', body: { DisplayName: unique('Addr'), BillAddr: { Line1: '1 Main St', Street: 'x' } }, element: 'BillAddr.Street', className: 'PhysicalAddress' },
      { entity: 'customer', body: { DisplayName: unique('Mail'), PrimaryEmailAddr: { Address: 'a@b.c', Email: 'a@b.c' } }, element: 'PrimaryEmailAddr.Email', className: 'EmailAddress' },
      { entity: 'invoice', body: { CustomerRef: { value: customerId, id: customerId }, Line: [line({})] }, element: 'CustomerRef.id', className: 'ReferenceType' },
      { entity: 'invoice', body: { CustomerRef: { value: customerId }, Line: [line({}, { Quantity: 1 })] }, element: 'Line.Quantity', className: 'Line' },
      { entity: 'invoice', body: { CustomerRef: { value: customerId }, Line: [line({ Discount: 5 })] }, element: 'Line.SalesItemLineDetail.Discount', className: 'SalesItemLineDetail' },
      { entity: 'invoice', body: { CustomerRef: { value: customerId }, Line: [line({})], TxnTaxDetail: { Tax: 0 } }, element: 'TxnTaxDetail.Tax', className: 'TxnTaxDetail' },
      { entity: 'invoice', body: { CustomerRef: { value: customerId }, Line: [line({})], LinkedTxn: [{ TxnId: '1', TxnType: 'Estimate', Note: 'x' }] }, element: 'LinkedTxn.Note', className: 'LinkedTxn' },
    ];
    for (const c of cases) {
      const r = await api.post(c.entity, c.body);
      expect(r.status, c.element).toBe(400);
      const e = onlyError(r.body);
      expect(e.code).toBe('2010');
      expect(e.element).toBe(c.element);
      const name = c.element.split('.').pop() ?? '';
      expect(e.Detail).toContain(`Unrecognized field "${name}" (class com.intuit.schema.finance.v3.${c.className})`);
    }
    // Line indexes show in the reference chain, as Jackson writes them.
    const r = await api.post('invoice', { CustomerRef: { value: customerId }, Line: [line({}), line({}, { Colour: 'red' })] });
    expect(onlyError(r.body).Detail).toContain('Invoice["Line"]->java.util.ArrayList[1]->com.intuit.schema.finance.v3.Line["Colour"]');
  });

  it('refuses unknown fields on every entity the practice company serves, on create and on update', async () => {
    const entities = ['Item', 'Customer', 'Vendor', 'Employee', 'Estimate', 'Invoice', 'SalesReceipt', 'PurchaseOrder', 'Bill',
      'Payment', 'InventoryAdjustment', 'Account', 'Department', 'Class'];
    // The seed has no bill: make one so every entity has something to update.
    const bill = await api.post('bill', {
      VendorRef: { value: await api.firstId('Vendor') },
      Line: [{ DetailType: 'ItemBasedExpenseLineDetail', Amount: 5, ItemBasedExpenseLineDetail: { ItemRef: { value: await inventoryItemId() }, Qty: 1, UnitPrice: 5 } }],
    });
    expect(bill.status).toBe(200);
    for (const entity of entities) {
      const created = await api.post(entity.toLowerCase(), { NotAField: 1 });
      expect(created.status, entity).toBe(400);
      expect(onlyError(created.body).Detail).toContain(`Unrecognized field "NotAField" (class com.intuit.schema.finance.v3.${entity})`);
      const id = await api.firstId(entity);
      const read = asEntity(await api.get(`${entity.toLowerCase()}/${id}`), entity);
      const updated = await api.post(entity.toLowerCase(), { Id: read.Id, SyncToken: read.SyncToken, sparse: true, NotAField: 1 });
      expect(updated.status, entity).toBe(400);
      expect(onlyError(updated.body).code).toBe('2010');
      const after = asEntity(await api.get(`${entity.toLowerCase()}/${id}`), entity);
      expect(after.SyncToken, entity).toBe(read.SyncToken);
    }
    const companyInfo = await api.post('companyinfo', { Id: '1', SyncToken: '0', sparse: true, Motto: 'x' });
    expect(onlyError(companyInfo.body).element).toBe('Motto');
  });

  it('refuses an unknown field in a batch item with a per-item fault, and the admin edit too', async () => {
    const r = await api.post('batch', {
      BatchItemRequest: [
        { bId: 'b1', operation: 'create', Customer: { DisplayName: unique('Batch ok') } },
        { bId: 'b2', operation: 'create', Customer: { DisplayName: unique('Batch bad'), Colour: 'blue' } },
      ],
    });
    expect(r.status).toBe(200);
    expect(path(r.body, 'BatchItemResponse', 0, 'Customer', 'Id')).toEqual(expect.any(String));
    expect(path(r.body, 'BatchItemResponse', 1, 'Fault', 'Error', 0, 'code')).toBe('2010');
    expect(path(r.body, 'BatchItemResponse', 1, 'Fault', 'Error', 0, 'element')).toBe('Colour');
    const customerId = await api.firstId('Customer');
    const edited = await admin(sb, 'PATCH', `/entities/Customer/${customerId}`, { Colour: 'blue' });
    expect(edited.status).toBe(400);
  });
});

describe('read-only fields a client echoes back are accepted and ignored', () => {
  it('takes back a whole invoice as it was read (MetaData, domain, sparse, totals, balance) and recomputes them', async () => {
    const customerId = await api.firstId('Customer');
    const itemId = await inventoryItemId();
    const created = ent(await nqb((cb) => qbo.createInvoice({
      CustomerRef: { value: customerId },
      Line: [{ DetailType: 'SalesItemLineDetail', Amount: 20, SalesItemLineDetail: { ItemRef: { value: itemId }, Qty: 2, UnitPrice: 10 } }],
    }, cb)));
    const echoed = { ...created, TotalAmt: 999, Balance: 999, HomeBalance: 1, InvoiceLink: 'https://example.invalid', PrivateNote: 'echoed' };
    const updated = ent(await nqb((cb) => qbo.updateInvoice(echoed, cb)));
    expect(updated.TotalAmt).toBe(20);
    expect(updated.Balance).toBe(20);
    expect(updated.PrivateNote).toBe('echoed');
    expect(updated.HomeBalance).toBeUndefined();
    expect(updated.SyncToken).toBe('1');
  });

  it('takes back a customer as read, FullyQualifiedName, Balance, IsProject and all', async () => {
    const c = ent(await nqb((cb) => qbo.createCustomer({ DisplayName: unique('Echo') }, cb)));
    const updated = ent(await nqb((cb) => qbo.updateCustomer({ ...c, FullyQualifiedName: 'Someone else', Balance: 50, IsProject: true, CompanyName: 'Echo Ltd' }, cb)));
    expect(updated.FullyQualifiedName).toBe(c.DisplayName);
    expect(updated.Balance).toBe(0);
    expect(updated.IsProject).toBe(false);
    expect(updated.CompanyName).toBe('Echo Ltd');
  });

  it('takes a null as an absent value, not as an unknown field or a wrong type', async () => {
    const r = await api.post('customer', { DisplayName: unique('Nulls'), CompanyName: null, PrimaryEmailAddr: null });
    expect(r.status).toBe(200);
    expect(path(r.body, 'Customer', 'CompanyName')).toBeUndefined();
  });
});

function asEntity(a: { status: number; body: unknown }, entity: string): { Id: string; SyncToken: string } {
  expect(a.status, entity).toBe(200);
  return ent(path(a.body, entity));
}
