/**
 * Account references must point at an account of the right type: an item's IncomeAccountRef at an
 * Income account, its ExpenseAccountRef at Cost of Goods Sold (or Expense, for a service or
 * non-inventory item), its AssetAccountRef at an Other Current Asset; a purchase's APAccountRef at
 * Accounts Payable; money received at a Bank or Other Current Asset account. An InventoryAdjustment's
 * AdjustAccountRef must exist, be active and not be A/R or A/P. A wrong type is 400, code 6000, naming
 * the field and the account; nothing is written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type QuickBooks from 'node-quickbooks';
import { faultToError } from '../../src-main/qbo/errors.js';
import type { PracticeCompanyServer } from '../../src-main/sandbox/index.js';
import { admin, Api, ent, libraryFault, nqb, path, rejection, type Obj, connectedPractice, uniqueNames } from './helpers.js';

let sb: PracticeCompanyServer;
let api: Api;
let qbo: QuickBooks;
const acct: Record<string, string> = {};
let item: string;
let vendor: string;
const unique = uniqueNames();

beforeAll(async () => {
  ({ sb, api, qbo } = await connectedPractice(29));
  const rows = path((await api.query('select * from Account maxresults 1000')).body, 'QueryResponse', 'Account') as Obj[];
  for (const a of rows) acct[String(a.Name)] = String(a.Id);
  item = String(path((await api.query("select * from Item where Type = 'Inventory' maxresults 1")).body, 'QueryResponse', 'Item', 0, 'Id'));
  vendor = String(path((await api.query('select * from Vendor maxresults 1')).body, 'QueryResponse', 'Vendor', 0, 'Id'));
});
afterAll(async () => {
  await sb.close();
});

const ref = (name: string): Obj => {
  const value = acct[name];
  if (value === undefined) throw new Error(`no account ${name}`);
  return { value };
};

const inventoryItem = (over: Obj = {}): Obj => ({
  Name: unique('Typed part'), Type: 'Inventory', TrackQtyOnHand: true, QtyOnHand: 3, InvStartDate: '2026-01-01',
  IncomeAccountRef: ref('Sales of Product Income'), ExpenseAccountRef: ref('Cost of Goods Sold'), AssetAccountRef: ref('Inventory Asset'),
  ...over,
});

function expectAccountType(body: unknown, field: string, account: string, type: string): void {
  const e = path(body, 'Fault', 'Error', 0) as Obj;
  expect(e).toMatchObject({ code: '6000', element: field, Message: 'A business validation error has occurred while processing your request' });
  expect(String(e.Detail)).toContain('Business Validation Error: Invalid account type: You need to select a different type of account for this transaction.');
  const article = /^[AEIOU]/.test(type) ? 'an' : 'a';
  expect(String(e.Detail)).toContain(`${field} refers to the account "${account}", ${article} ${type} account`);
}

const itemCount = async (): Promise<unknown> => path((await api.query('select count(*) from Item')).body, 'QueryResponse', 'totalCount');

describe("an item's accounts", () => {
  it('takes an inventory item with Income, Cost of Goods Sold and Other Current Asset accounts', async () => {
    const r = await api.post('item', inventoryItem());
    expect(r.status).toBe(200);
    expect(path(r.body, 'Item', 'IncomeAccountRef', 'name')).toBe('Sales of Product Income');
  });

  it.each([
    ['IncomeAccountRef', 'Cost of Goods Sold', 'Cost of Goods Sold'],
    ['IncomeAccountRef', 'Inventory Asset', 'Other Current Asset'],
    ['ExpenseAccountRef', 'Purchases', 'Expense'],
    ['ExpenseAccountRef', 'Sales of Product Income', 'Income'],
    ['AssetAccountRef', 'Checking', 'Bank'],
    ['AssetAccountRef', 'Cost of Goods Sold', 'Cost of Goods Sold'],
  ])('refuses an inventory item whose %s is %s (6000 naming it), creating nothing', async (field, account, type) => {
    const before = await itemCount();
    const r = await api.post('item', inventoryItem({ [field]: ref(account) }));
    expect(r.status).toBe(400);
    expectAccountType(r.body, field, account, type);
    expect(await itemCount()).toBe(before);
  });

  it('lets a service or non-inventory item post its cost to Expense, but not its sales to an asset', async () => {
    const service = await api.post('item', { Name: unique('Typed service'), Type: 'Service', IncomeAccountRef: ref('Services'), ExpenseAccountRef: ref('Purchases') });
    expect(service.status).toBe(200);
    const wrong = await api.post('item', { Name: unique('Typed special'), Type: 'NonInventory', IncomeAccountRef: ref('Undeposited Funds') });
    expectAccountType(wrong.body, 'IncomeAccountRef', 'Undeposited Funds', 'Other Current Asset');
    const bank = await api.post('item', { Name: unique('Typed special'), Type: 'NonInventory', IncomeAccountRef: ref('Services'), ExpenseAccountRef: ref('Checking') });
    expectAccountType(bank.body, 'ExpenseAccountRef', 'Checking', 'Bank');
  });

  it('checks a sparse update that moves an account, through node-quickbooks', async () => {
    const made = ent(await nqb((cb) => qbo.createItem(inventoryItem(), cb)));
    const f = libraryFault(await rejection(nqb((cb) => qbo.updateItem({ Id: made.Id, SyncToken: made.SyncToken, sparse: true, AssetAccountRef: ref('Accounts Receivable (A/R)') }, cb))));
    expect(f.status).toBe(400);
    expectAccountType(f.body, 'AssetAccountRef', 'Accounts Receivable (A/R)', 'Accounts Receivable');
    expect(path(await nqb((cb) => qbo.getItem(made.Id, cb)), 'SyncToken')).toBe(made.SyncToken);
  });

  it("gives the clerk QuickBooks' reason, with the account, through our client's error words", async () => {
    const r = await api.post('item', inventoryItem({ IncomeAccountRef: ref('Checking') }));
    const error = faultToError(r.status, r.body, { entity: 'Item' });
    expect(error).toMatchObject({ kind: 'validation', code: '6000', element: 'IncomeAccountRef' });
    expect(error?.message).toMatch(/QuickBooks refused the item: .*IncomeAccountRef refers to the account "Checking", a Bank account; it must be an Income account/);
  });
});

describe("an inventory adjustment's account", () => {
  const adjustment = (account: Obj): Obj => ({
    AdjustAccountRef: account,
    Line: [{ DetailType: 'ItemAdjustmentLineDetail', ItemAdjustmentLineDetail: { ItemRef: { value: item }, QtyDiff: 1 } }],
  });

  it('must exist (2500 naming AdjustAccountRef)', async () => {
    const r = await api.post('inventoryadjustment', adjustment({ value: '98765' }));
    expect(path(r.body, 'Fault', 'Error', 0)).toMatchObject({ code: '2500', element: 'AdjustAccountRef' });
  });

  it('must be active', async () => {
    const made = ent(path((await admin(sb, 'POST', '/entities/Account', { Name: 'Old shrinkage', AccountType: 'Cost of Goods Sold' })).body, 'Account'));
    expect((await api.post('inventoryadjustment', adjustment({ value: made.Id }))).status).toBe(200);
    await admin(sb, 'PATCH', `/entities/Account/${made.Id}`, { Active: false });
    const r = await api.post('inventoryadjustment', adjustment({ value: made.Id }));
    expect(path(r.body, 'Fault', 'Error', 0)).toMatchObject({ code: '2500', element: 'AdjustAccountRef' });
  });

  it('may not be A/R or A/P (6000 naming the account)', async () => {
    const r = await api.post('inventoryadjustment', adjustment(ref('Accounts Payable (A/P)')));
    expectAccountType(r.body, 'AdjustAccountRef', 'Accounts Payable (A/P)', 'Accounts Payable');
    expect(String(path(r.body, 'Fault', 'Error', 0, 'Detail'))).toMatch(/it may not be an Accounts Receivable or Accounts Payable account\.$/);
    expect((await api.post('inventoryadjustment', adjustment(ref('Inventory Shrinkage')))).status).toBe(200);
  });
});

describe('other account references', () => {
  it("refuses a purchase order whose APAccountRef is not an Accounts Payable account", async () => {
    const r = await api.post('purchaseorder', {
      VendorRef: { value: vendor }, APAccountRef: ref('Checking'),
      Line: [{ DetailType: 'ItemBasedExpenseLineDetail', Amount: 4, ItemBasedExpenseLineDetail: { ItemRef: { value: item }, Qty: 2, UnitPrice: 2 } }],
    });
    expectAccountType(r.body, 'APAccountRef', 'Checking', 'Bank');
  });

  it('deposits a sales receipt only to a bank account or Undeposited Funds', async () => {
    const line = { DetailType: 'SalesItemLineDetail', Amount: 5, SalesItemLineDetail: { ItemRef: { value: item }, Qty: 1, UnitPrice: 5 } };
    const wrong = await api.post('salesreceipt', { Line: [line], DepositToAccountRef: ref('Sales of Product Income') });
    expectAccountType(wrong.body, 'DepositToAccountRef', 'Sales of Product Income', 'Income');
    expect(String(path(wrong.body, 'Fault', 'Error', 0, 'Detail'))).toMatch(/it must be a Bank or Other Current Asset account\.$/);
    expect((await api.post('salesreceipt', { Line: [line], DepositToAccountRef: ref('Checking') })).status).toBe(200);
    expect((await api.post('salesreceipt', { Line: [line], DepositToAccountRef: ref('Undeposited Funds') })).status).toBe(200);
  });
});
