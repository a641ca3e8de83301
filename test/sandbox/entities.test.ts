import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type QuickBooks from 'node-quickbooks';
import type { PracticeCompanyServer } from '../../src-main/sandbox/index.js';
import { admin, Api, asArr, asObj, faultCode, libraryFault, nqb, path, rejection, ent, type Ent, type Obj, connectedPractice, uniqueNames } from './helpers.js';

let sb: PracticeCompanyServer;
let qbo: QuickBooks;
let api: Api;
const unique = uniqueNames();

beforeAll(async () => {
  ({ sb, api, qbo } = await connectedPractice(11));
});
afterAll(async () => {
  await sb.close();
});

/** The fault code of a node-quickbooks call that must fail with HTTP 400. */
async function failsWith(p: Promise<unknown>): Promise<string> {
  const f = libraryFault(await rejection(p));
  expect(f.status).toBe(400);
  return faultCode(f.body);
}

async function accountId(name: string): Promise<string> {
  const r = await api.query(`select * from Account where Name = '${name}'`);
  return String(path(r.body, 'QueryResponse', 'Account', 0, 'Id'));
}

async function inventoryItem(qty: number): Promise<Ent> {
  const body = {
    Name: unique('Widget'), Type: 'Inventory', TrackQtyOnHand: true, QtyOnHand: qty, InvStartDate: '2025-01-01',
    AssetAccountRef: { value: await accountId('Inventory Asset') }, IncomeAccountRef: { value: await accountId('Sales of Product Income') },
    ExpenseAccountRef: { value: await accountId('Cost of Goods Sold') },
  };
  return ent(await nqb((cb) => qbo.createItem(body, cb)));
}

async function qtyOf(itemId: unknown): Promise<number> {
  return Number(path((await api.get(`item/${String(itemId)}`)).body, 'Item', 'QtyOnHand'));
}

async function customer(): Promise<Ent> {
  return ent(await nqb((cb) => qbo.createCustomer({ DisplayName: unique('Buyer') }, cb)));
}

async function vendor(): Promise<Ent> {
  return ent(await nqb((cb) => qbo.createVendor({ DisplayName: unique('Maker') }, cb)));
}

/** Intuit requires a line's Amount; it must equal Qty × UnitPrice. */
const saleLine = (itemId: unknown, qty: number, price: number): Obj => ({
  DetailType: 'SalesItemLineDetail', Amount: Math.round(qty * price * 100) / 100, SalesItemLineDetail: { ItemRef: { value: String(itemId) }, Qty: qty, UnitPrice: price },
});

describe('entities through node-quickbooks', () => {
  it('creates and reads a customer with string Id, SyncToken and MetaData times', async () => {
    const c = await customer();
    expect(c.Id).toEqual(expect.any(String));
    expect(c.SyncToken).toBe('0');
    expect(path(c, 'MetaData', 'CreateTime')).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[-+]\d{2}:\d{2}$/);
    const read = ent(await nqb((cb) => qbo.getCustomer(String(c.Id), cb)));
    expect(read.DisplayName).toBe(c.DisplayName);
  });

  it('updates fully, refuses a stale SyncToken with 5010, and applies a sparse update to the fields sent only', async () => {
    const c = await customer();
    const full = ent(await nqb((cb) => qbo.updateCustomer({ Id: c.Id, SyncToken: c.SyncToken, sparse: false, DisplayName: String(c.DisplayName), CompanyName: 'Full Co' }, cb)));
    expect(full.SyncToken).toBe('1');
    expect(full.CompanyName).toBe('Full Co');
    const stale = libraryFault(await rejection(nqb((cb) => qbo.updateCustomer({ Id: c.Id, SyncToken: '0', CompanyName: 'Late' }, cb))));
    expect(stale.status).toBe(400);
    expect(faultCode(stale.body)).toBe('5010');
    expect(path(stale.body, 'Fault', 'Error', 0, 'Message')).toBe('Stale Object Error');
    const sparse = ent(await nqb((cb) => qbo.updateCustomer({ Id: c.Id, SyncToken: '1', Notes: 'only this' }, cb)));
    expect(sparse.Notes).toBe('only this');
    expect(sparse.CompanyName).toBe('Full Co');
    expect(sparse.SyncToken).toBe('2');
  });

  it('keeps DisplayName unique across customers and vendors (6240)', async () => {
    const c = await customer();
    expect(await failsWith(nqb((cb) => qbo.createVendor({ DisplayName: String(c.DisplayName) }, cb)))).toBe('6240');
    expect(await failsWith(nqb((cb) => qbo.createCustomer({ DisplayName: String(c.DisplayName).toUpperCase() }, cb)))).toBe('6240');
  });

  it('refuses a duplicate DocNumber (6140) unless allowduplicatedocnum is included', async () => {
    const c = await customer();
    const item = await inventoryItem(50);
    const inv = { DocNumber: 'DUP-1', CustomerRef: { value: c.Id }, Line: [saleLine(item.Id, 1, 5)] };
    await nqb((cb) => qbo.createInvoice({ ...inv }, cb));
    expect(await failsWith(nqb((cb) => qbo.createInvoice({ ...inv }, cb)))).toBe('6140');
    const allowed = ent(await nqb((cb) => qbo.createInvoice({ ...inv, allowDuplicateDocNum: true }, cb)));
    expect(allowed.DocNumber).toBe('DUP-1');
  });

  it('refuses invalid references (2500) and missing required fields (2020)', async () => {
    const c = await customer();
    expect(await failsWith(nqb((cb) => qbo.createInvoice({ CustomerRef: { value: c.Id }, Line: [saleLine('99999', 1, 1)] }, cb)))).toBe('2500');
    expect(await failsWith(nqb((cb) => qbo.createInvoice({ Line: [saleLine('1', 1, 1)] }, cb)))).toBe('2020');
    expect(await failsWith(nqb((cb) => qbo.createItem({ Name: unique('NoQty'), Type: 'Inventory', TrackQtyOnHand: true }, cb)))).toBe('2020');
  });

  it('checks item names: no colon, at most 100 characters, unique', async () => {
    const income = await accountId('Services');
    expect(await failsWith(nqb((cb) => qbo.createItem({ Name: 'A:B', Type: 'Service', IncomeAccountRef: { value: income } }, cb)))).toBe('6000');
    expect(await failsWith(nqb((cb) => qbo.createItem({ Name: 'x'.repeat(101), Type: 'Service', IncomeAccountRef: { value: income } }, cb)))).toBe('2050');
    const name = unique('Service');
    await nqb((cb) => qbo.createItem({ Name: name, Type: 'Service', IncomeAccountRef: { value: income } }, cb));
    expect(await failsWith(nqb((cb) => qbo.createItem({ Name: name, Type: 'Service', IncomeAccountRef: { value: income } }, cb)))).toBe('6240');
  });

  it('nests sub-customers with FullyQualifiedName Parent:Child and Level', async () => {
    const parent = await customer();
    const child = ent(await nqb((cb) => qbo.createCustomer({ DisplayName: unique('Site'), Job: true, ParentRef: { value: parent.Id }, BillWithParent: true }, cb)));
    expect(child.FullyQualifiedName).toBe(`${String(parent.DisplayName)}:${String(child.DisplayName)}`);
    expect(child.Level).toBe(1);
    expect(child.BillWithParent).toBe(true);
  });

  it('answers sales transactions with computed totals and a trailing SubTotalLineDetail line', async () => {
    const c = await customer();
    const item = await inventoryItem(10);
    const est = ent(await nqb((cb) => qbo.createEstimate({
      CustomerRef: { value: c.Id },
      Line: [saleLine(item.Id, 2, 10), { DetailType: 'DescriptionOnly', Description: 'note' },
        { DetailType: 'DiscountLineDetail', DiscountLineDetail: { PercentBased: true, DiscountPercent: 10 } }],
    }, cb)));
    const lines = asArr(est.Line);
    expect(path(lines[lines.length - 1], 'DetailType')).toBe('SubTotalLineDetail');
    expect(path(lines[lines.length - 1], 'Amount')).toBe(20);
    expect(est.TotalAmt).toBe(18);
    expect(est.TxnStatus).toBe('Pending');
  });

  it('closes a pending estimate when an invoice links it', async () => {
    const c = await customer();
    const item = await inventoryItem(10);
    const est = ent(await nqb((cb) => qbo.createEstimate({ CustomerRef: { value: c.Id }, Line: [saleLine(item.Id, 1, 4)] }, cb)));
    const inv = ent(await nqb((cb) => qbo.createInvoice({ CustomerRef: { value: c.Id }, Line: [saleLine(item.Id, 1, 4)], LinkedTxn: [{ TxnId: est.Id, TxnType: 'Estimate' }] }, cb)));
    const after = ent(await nqb((cb) => qbo.getEstimate(String(est.Id), cb)));
    expect(after.TxnStatus).toBe('Closed');
    expect(after.LinkedTxn).toEqual([{ TxnId: inv.Id, TxnType: 'Invoice' }]);
    expect(after.SyncToken).toBe('1');
  });

  it('lowers the invoice balance by payments and links the payment', async () => {
    const c = await customer();
    const item = await inventoryItem(10);
    const inv = ent(await nqb((cb) => qbo.createInvoice({ CustomerRef: { value: c.Id }, Line: [saleLine(item.Id, 2, 25)] }, cb)));
    expect(inv.Balance).toBe(50);
    const pay = ent(await nqb((cb) => qbo.createPayment({ CustomerRef: { value: c.Id }, TotalAmt: 30, Line: [{ Amount: 30, LinkedTxn: [{ TxnId: inv.Id, TxnType: 'Invoice' }] }] }, cb)));
    const after = ent(await nqb((cb) => qbo.getInvoice(String(inv.Id), cb)));
    expect(after.Balance).toBe(20);
    expect(after.LinkedTxn).toEqual([{ TxnId: pay.Id, TxnType: 'Payment' }]);
    expect(await failsWith(nqb((cb) => qbo.createPayment({ CustomerRef: { value: c.Id }, TotalAmt: 25, Line: [{ Amount: 25, LinkedTxn: [{ TxnId: inv.Id, TxnType: 'Invoice' }] }] }, cb)))).toBe('6000');
  });

  it("keeps customers' and vendors' open balances from their invoices, payments and bills, without a new SyncToken", async () => {
    const parent = await customer();
    const job = ent(await nqb((cb) => qbo.createCustomer({ DisplayName: unique('Site'), Job: true, ParentRef: { value: parent.Id } }, cb)));
    const item = await inventoryItem(50);
    const balances = async (id: string) => {
      const c = ent(await nqb((cb) => qbo.getCustomer(id, cb)));
      return { balance: c.Balance, withJobs: c.BalanceWithJobs, syncToken: c.SyncToken };
    };
    const own = ent(await nqb((cb) => qbo.createInvoice({ CustomerRef: { value: parent.Id }, Line: [saleLine(item.Id, 2, 25)] }, cb)));
    const jobs = ent(await nqb((cb) => qbo.createInvoice({ CustomerRef: { value: job.Id }, Line: [saleLine(item.Id, 1, 40)] }, cb)));
    expect(await balances(parent.Id)).toEqual({ balance: 50, withJobs: 90, syncToken: parent.SyncToken });
    expect(await balances(job.Id)).toEqual({ balance: 40, withJobs: 40, syncToken: job.SyncToken });

    // A payment of 70 on the parent's invoice of 50: 20 stays unapplied, a credit.
    await nqb((cb) => qbo.createPayment({ CustomerRef: { value: parent.Id }, TotalAmt: 70, Line: [{ Amount: 50, LinkedTxn: [{ TxnId: own.Id, TxnType: 'Invoice' }] }] }, cb));
    expect(await balances(parent.Id)).toMatchObject({ balance: -20, withJobs: 20 });
    await nqb((cb) => qbo.deleteInvoice({ Id: jobs.Id, SyncToken: jobs.SyncToken }, cb));
    expect(await balances(job.Id)).toMatchObject({ balance: 0, withJobs: 0 });
    expect(await balances(parent.Id)).toMatchObject({ balance: -20, withJobs: -20 });

    const v = await vendor();
    const expense: Obj = { DetailType: 'ItemBasedExpenseLineDetail', Amount: 24, ItemBasedExpenseLineDetail: { ItemRef: { value: item.Id }, Qty: 4, UnitPrice: 6 } };
    await nqb((cb) => qbo.createBill({ VendorRef: { value: v.Id }, Line: [expense] }, cb));
    const after = ent(await nqb((cb) => qbo.getVendor(v.Id, cb)));
    expect(after.Balance).toBe(24);
    expect(after.SyncToken).toBe(v.SyncToken);
  });

  it('keeps balances exact inside and after a batch of invoices, though it works them out once per batch', async () => {
    const c = await customer();
    const item = await inventoryItem(50);
    const invoice = (bId: string, price: number): Obj => ({ bId, operation: 'create', Invoice: { CustomerRef: { value: c.Id }, Line: [saleLine(item.Id, 1, price)] } });
    const answer = await api.post('batch', {
      BatchItemRequest: [
        invoice('b1', 10),
        invoice('b2', 15),
        { bId: 'b3', Query: `select * from Customer where Id = '${c.Id}'` },
        invoice('b4', 7),
        { bId: 'b5', operation: 'update', Customer: { Id: c.Id, SyncToken: c.SyncToken, sparse: true, Notes: 'checked' } },
        invoice('b6', 1),
      ],
    });
    expect(answer.status).toBe(200);
    const items = asArr(path(answer.body, 'BatchItemResponse'));
    // A later item sees the balance the earlier items made…
    expect(path(items[2], 'QueryResponse', 'Customer', 0, 'Balance')).toBe(25);
    expect(path(items[4], 'Customer', 'Balance')).toBe(32);
    // …and once the batch is done, so does everyone.
    const after = ent(await nqb((cb) => qbo.getCustomer(c.Id, cb)));
    expect(after.Balance).toBe(33);
  });

  it('receives purchase-order lines on a bill and closes the order when all are received', async () => {
    const v = await vendor();
    const a = await inventoryItem(0);
    const b = await inventoryItem(0);
    const poLine = (id: unknown, qty: number): Obj => ({ DetailType: 'ItemBasedExpenseLineDetail', Amount: qty * 2, ItemBasedExpenseLineDetail: { ItemRef: { value: id }, Qty: qty, UnitPrice: 2 } });
    const po = ent(await nqb((cb) => qbo.createPurchaseOrder({ VendorRef: { value: v.Id }, Line: [poLine(a.Id, 5), poLine(b.Id, 3)] }, cb)));
    expect(po.POStatus).toBe('Open');
    const billLine = (id: unknown, qty: number, lineId: string): Obj => ({ ...poLine(id, qty), LinkedTxn: [{ TxnId: po.Id, TxnType: 'PurchaseOrder', TxnLineId: lineId }] });
    expect(await failsWith(nqb((cb) => qbo.createBill({ VendorRef: { value: v.Id }, Line: [{ ...poLine(a.Id, 5), LinkedTxn: [{ TxnId: po.Id, TxnType: 'PurchaseOrder' }] }] }, cb)))).toBe('2020');
    await nqb((cb) => qbo.createBill({ VendorRef: { value: v.Id }, Line: [billLine(a.Id, 5, '1')] }, cb));
    expect(path(await nqb((cb) => qbo.getPurchaseOrder(String(po.Id), cb)), 'POStatus')).toBe('Open');
    await nqb((cb) => qbo.createBill({ VendorRef: { value: v.Id }, Line: [billLine(b.Id, 3, '2')] }, cb));
    const closed = ent(await nqb((cb) => qbo.getPurchaseOrder(String(po.Id), cb)));
    expect(closed.POStatus).toBe('Closed');
    expect(await qtyOf(a.Id)).toBe(5);
    expect(await qtyOf(b.Id)).toBe(3);
  });

  it('moves QtyOnHand with invoices, sales receipts, adjustments and quantity updates', async () => {
    const c = await customer();
    const item = await inventoryItem(20);
    await nqb((cb) => qbo.createInvoice({ CustomerRef: { value: c.Id }, Line: [saleLine(item.Id, 3, 1)] }, cb));
    expect(await qtyOf(item.Id)).toBe(17);
    await nqb((cb) => qbo.createSalesReceipt({ CustomerRef: { value: c.Id }, Line: [saleLine(item.Id, 1.5, 1)] }, cb));
    expect(await qtyOf(item.Id)).toBe(15.5);
    const shrink = await accountId('Inventory Shrinkage');
    const adj = await api.post('inventoryadjustment', { AdjustAccountRef: { value: shrink }, Line: [{ DetailType: 'ItemAdjustmentLineDetail', ItemAdjustmentLineDetail: { ItemRef: { value: item.Id }, QtyDiff: -0.5 } }] });
    expect(adj.status).toBe(200);
    expect(await qtyOf(item.Id)).toBe(15);
    await api.post('inventoryadjustment', { AdjustAccountRef: { value: shrink }, Line: [{ DetailType: 'ItemAdjustmentLineDetail', ItemAdjustmentLineDetail: { ItemRef: { value: item.Id }, NewQty: 40 } }] });
    expect(await qtyOf(item.Id)).toBe(40);
    const missing = await api.post('inventoryadjustment', { Line: [{ DetailType: 'ItemAdjustmentLineDetail', ItemAdjustmentLineDetail: { ItemRef: { value: item.Id }, QtyDiff: 1 } }] });
    expect(faultCode(missing.body)).toBe('2020');
    const current = ent(path((await api.get(`item/${item.Id}`)).body, 'Item'));
    await nqb((cb) => qbo.updateItem({ Id: current.Id, SyncToken: current.SyncToken, QtyOnHand: 7, InvStartDate: '2025-02-01' }, cb));
    expect(await qtyOf(item.Id)).toBe(7);
  });

  it('deletes transactions with operation=delete and refuses to delete names', async () => {
    const c = await customer();
    const item = await inventoryItem(5);
    const inv = ent(await nqb((cb) => qbo.createInvoice({ CustomerRef: { value: c.Id }, Line: [saleLine(item.Id, 1, 1)] }, cb)));
    const deleted = asObj(await nqb((cb) => qbo.deleteInvoice({ Id: inv.Id, SyncToken: inv.SyncToken }, cb)));
    expect(path(deleted, 'Invoice', 'status')).toBe('Deleted');
    expect(await failsWith(nqb((cb) => qbo.getInvoice(String(inv.Id), cb)))).toBe('610');
    expect(await qtyOf(item.Id)).toBe(5);
    const refused = await api.post('customer?operation=delete', { Id: c.Id, SyncToken: c.SyncToken });
    expect(refused.status).toBe(400);
  });

  it('inactivates names with Active=false; the admin UI delete appends " (deleted)"', async () => {
    const c = await customer();
    const viaApi = ent(await nqb((cb) => qbo.updateCustomer({ Id: c.Id, SyncToken: c.SyncToken, Active: false }, cb)));
    expect(viaApi.Active).toBe(false);
    expect(viaApi.DisplayName).toBe(c.DisplayName);
    const other = await customer();
    const viaUi = await admin(sb, 'DELETE', `/entities/Customer/${String(other.Id)}`);
    expect(path(viaUi.body, 'Customer', 'DisplayName')).toBe(`${String(other.DisplayName)} (deleted)`);
    expect(path(viaUi.body, 'Customer', 'Active')).toBe(false);
  });

  it('lets the admin act as a QuickBooks user, which makes a client\'s SyncToken stale', async () => {
    const c = await customer();
    const edited = await admin(sb, 'PATCH', `/entities/Customer/${String(c.Id)}`, { CompanyName: 'Edited in QuickBooks' });
    expect(path(edited.body, 'Customer', 'SyncToken')).toBe('1');
    expect(await failsWith(nqb((cb) => qbo.updateCustomer({ Id: c.Id, SyncToken: c.SyncToken, Notes: 'mine' }, cb)))).toBe('5010');
    const created = await admin(sb, 'POST', '/entities/Vendor', { DisplayName: unique('Admin vendor') });
    expect(path(created.body, 'Vendor', 'Id')).toEqual(expect.any(String));
  });

  it('serves CompanyInfo by realm id and Preferences', async () => {
    const info = ent(await nqb((cb) => qbo.getCompanyInfo(sb.realmId, cb)));
    expect(info.CompanyName).toContain('Practice');
    const prefs = ent(await nqb((cb) => qbo.getPreferences(cb)));
    expect(path(prefs, 'AccountingInfoPrefs', 'TrackDepartments')).toBe(true);
  });
});
