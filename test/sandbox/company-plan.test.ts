/**
 * The company's QuickBooks plan: Plus by default; on Simple Start or Essentials there is no inventory
 * tracking and no purchase orders, so creating an InventoryAdjustment or a PurchaseOrder is refused
 * with Intuit's 5020 (a feature the product is not entitled to) and nothing is written. The plan shows
 * in CompanyInfo (OfferingSku) and Preferences, is set with PUT /admin/company-status, `plan` or
 * `--plan`, and is saved in the company file with the rest of the company's status.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { faultToError } from '../../src-main/qbo/errors.js';
import { parsePracticeArgs, startPracticeCompany, type PracticeCompanyServer } from '../../src-main/sandbox/index.js';
import { admin, Api, asArr, asObj, path, ROOMY_LIMITS, withPracticeCompany } from './helpers.js';

let sb: PracticeCompanyServer;
let api: Api;
let shrinkage: string;
let inventoryItem: string;
let vendor: string;

beforeAll(async () => {
  sb = await startPracticeCompany({ seed: 21, size: 'tiny', limits: ROOMY_LIMITS });
  api = Api.connect(sb);
  shrinkage = await api.firstId('Account', " where Name = 'Inventory Shrinkage'");
  inventoryItem = await api.firstId('Item', " where Type = 'Inventory'");
  vendor = await api.firstId('Vendor');
});
afterAll(async () => {
  await sb.close();
});

const adjustment = () => ({
  TxnDate: '2026-03-02',
  AdjustAccountRef: { value: shrinkage },
  Line: [{ DetailType: 'ItemAdjustmentLineDetail', ItemAdjustmentLineDetail: { ItemRef: { value: inventoryItem }, QtyDiff: -1 } }],
});
const purchaseOrder = () => ({
  VendorRef: { value: vendor },
  Line: [{ DetailType: 'ItemBasedExpenseLineDetail', Amount: 6, ItemBasedExpenseLineDetail: { ItemRef: { value: inventoryItem }, Qty: 2, UnitPrice: 3 } }],
});
const countOf = async (entity: string): Promise<unknown> => path((await api.query(`select count(*) from ${entity}`)).body, 'QueryResponse', 'totalCount');
const offeringSku = async (): Promise<unknown> => {
  const info = asObj(path((await api.get('companyinfo/1')).body, 'CompanyInfo'));
  return asArr(info.NameValue).map(asObj).find((nv) => nv.Name === 'OfferingSku')?.Value;
};
const quantityOnHandPref = async (): Promise<unknown> =>
  path((await api.get('preferences')).body, 'Preferences', 'ProductAndServicesPrefs', 'QuantityOnHand');

describe('the company plan', () => {
  it('is Plus unless told otherwise: the status says so, CompanyInfo shows it and adjustments go through', async () => {
    expect((await admin(sb, 'GET', '/company-status')).body).toMatchObject({ plan: 'Plus', subscriptionEnded: false });
    expect(await offeringSku()).toBe('QuickBooks Online Plus');
    expect(await quantityOnHandPref()).toBe(true);
    expect((await api.post('inventoryadjustment', adjustment())).status).toBe(200);
  });

  it('on Essentials refuses an inventory adjustment and a purchase order with 5020, writes nothing, and lets sales through', async () => {
    const adjustments = await countOf('InventoryAdjustment');
    const orders = await countOf('PurchaseOrder');
    const set = await admin(sb, 'PUT', '/company-status', { plan: 'Essentials' });
    expect(set.body).toMatchObject({ plan: 'Essentials', subscriptionEnded: false });
    try {
      const refused = await api.post('inventoryadjustment', adjustment());
      expect(refused.status).toBe(400);
      expect(path(refused.body, 'Fault', 'type')).toBe('ValidationFault');
      expect(path(refused.body, 'Fault', 'Error', 0)).toMatchObject({ code: '5020', Message: 'You do not have permission to access this feature.' });
      expect(String(path(refused.body, 'Fault', 'Error', 0, 'Detail'))).toMatch(/InventoryAdjustment is not available in QuickBooks Online Essentials/);
      const po = await api.post('purchaseorder', purchaseOrder());
      expect(po.status).toBe(400);
      expect(path(po.body, 'Fault', 'Error', 0, 'code')).toBe('5020');
      expect(await countOf('InventoryAdjustment')).toBe(adjustments);
      expect(await countOf('PurchaseOrder')).toBe(orders);
      // Reads go on, and features every plan has still work.
      expect((await api.query('select * from InventoryAdjustment')).status).toBe(200);
      expect((await api.post('vendor', { DisplayName: 'Essentials supplier' })).status).toBe(200);
      expect(await offeringSku()).toBe('QuickBooks Online Essentials');
      expect(await quantityOnHandPref()).toBe(false);
    } finally {
      await admin(sb, 'PUT', '/company-status', { plan: 'Plus' });
    }
    expect((await api.post('inventoryadjustment', adjustment())).status).toBe(200);
    expect(await offeringSku()).toBe('QuickBooks Online Plus');
  });

  it('refuses the adjustment inside a batch too, and only that item', async () => {
    await admin(sb, 'PUT', '/company-status', { plan: 'Simple Start' });
    try {
      const r = await api.post('batch', { BatchItemRequest: [
        { bId: 'adj', operation: 'create', InventoryAdjustment: adjustment() },
        { bId: 'ven', operation: 'create', Vendor: { DisplayName: 'Simple Start supplier' } },
      ] });
      expect(r.status).toBe(200);
      expect(path(r.body, 'BatchItemResponse', 0, 'Fault', 'Error', 0, 'code')).toBe('5020');
      expect(path(r.body, 'BatchItemResponse', 1, 'Vendor', 'DisplayName')).toBe('Simple Start supplier');
    } finally {
      await admin(sb, 'PUT', '/company-status', { plan: 'Plus' });
    }
  });

  it('below Plus refuses a new Inventory item (the company tracks no quantity on hand), not a service', async () => {
    const incomeId = await api.firstId('Account', " where AccountType = 'Income'");
    const cogs = await api.firstId('Account', " where AccountType = 'Cost of Goods Sold'");
    const asset = await api.firstId('Account', " where Name = 'Inventory Asset'");
    const part = (name: string) => ({
      Name: name, Type: 'Inventory', TrackQtyOnHand: true, QtyOnHand: 1, InvStartDate: '2026-01-01',
      IncomeAccountRef: { value: incomeId }, ExpenseAccountRef: { value: cogs }, AssetAccountRef: { value: asset },
    });
    await admin(sb, 'PUT', '/company-status', { plan: 'Essentials' });
    try {
      const r = await api.post('item', part('Essentials part'));
      expect(r.status).toBe(400);
      expect(path(r.body, 'Fault', 'Error', 0)).toMatchObject({
        code: '6000', element: 'Type',
        Detail: 'Business Validation Error: When you create an item, if Track quantity on hand is turned off, the item cannot be of type Inventory.',
      });
      expect((await api.post('item', { Name: 'Essentials service', Type: 'Service', IncomeAccountRef: { value: incomeId } })).status).toBe(200);
    } finally {
      await admin(sb, 'PUT', '/company-status', { plan: 'Plus' });
    }
    expect((await api.post('item', part('Plus part'))).status).toBe(200);
  });

  it('Advanced tracks inventory like Plus', async () => {
    await admin(sb, 'PUT', '/company-status', { plan: 'advanced' });
    try {
      expect((await admin(sb, 'GET', '/company-status')).body).toMatchObject({ plan: 'Advanced' });
      expect((await api.post('inventoryadjustment', adjustment())).status).toBe(200);
    } finally {
      await admin(sb, 'PUT', '/company-status', { plan: 'Plus' });
    }
  });

  it('refuses an unknown plan without changing anything, and keeps the other fields when only the plan is set', async () => {
    await admin(sb, 'PUT', '/company-status', { subscriptionEnded: true });
    try {
      const bad = await admin(sb, 'PUT', '/company-status', { plan: 'Gold', closingDate: '2020-01-01' });
      expect(bad.status).toBe(400);
      expect(JSON.stringify(bad.body)).toMatch(/Simple Start, Essentials, Plus, Advanced/);
      const kept = await admin(sb, 'PUT', '/company-status', { plan: 'Essentials' });
      expect(kept.body).toEqual({ plan: 'Essentials', subscriptionEnded: true });
      // An ended subscription answers first: every write is 6190, whatever the plan.
      expect(path((await api.post('inventoryadjustment', adjustment())).body, 'Fault', 'Error', 0, 'code')).toBe('6190');
    } finally {
      await admin(sb, 'PUT', '/company-status', { plan: 'Plus', subscriptionEnded: false });
    }
  });

  it("gives the clerk words naming the plan when our client meets the 5020 answer", async () => {
    await admin(sb, 'PUT', '/company-status', { plan: 'Essentials' });
    try {
      const r = await api.post('inventoryadjustment', adjustment());
      const error = faultToError(r.status, r.body, { entity: 'InventoryAdjustment' });
      expect(error).toMatchObject({ kind: 'validation', code: '5020' });
      expect(error?.message).toMatch(/QuickBooks plan does not include inventory adjustments.*Plus or Advanced/);
    } finally {
      await admin(sb, 'PUT', '/company-status', { plan: 'Plus' });
    }
  });
});

describe('choosing the plan at start, and keeping it', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('takes `plan` as a start option and `--plan` on the command line', async () => {
    expect(parsePracticeArgs(['--plan', 'Simple Start']).plan).toBe('Simple Start');
    expect(parsePracticeArgs(['--plan', 'essentials']).plan).toBe('Essentials');
    expect(() => parsePracticeArgs(['--plan', 'Gold'])).toThrow(/--plan must be one of/);
    await withPracticeCompany({ seed: 21, plan: 'Essentials', limits: ROOMY_LIMITS }, async (other) => {
      const a = Api.connect(other);
      expect((await admin(other, 'GET', '/company-status')).body).toMatchObject({ plan: 'Essentials' });
      expect(path((await a.post('inventoryadjustment', adjustment())).body, 'Fault', 'Error', 0, 'code')).toBe('5020');
      // A reset re-seeds the company with the plan it was started with and clears the rest.
      await admin(other, 'PUT', '/company-status', { plan: 'Plus', closingDate: '2020-01-01' });
      await admin(other, 'POST', '/reset', {});
      expect((await admin(other, 'GET', '/company-status')).body).toEqual({ plan: 'Essentials', subscriptionEnded: false });
    });
  });

  it('saves the plan, the closing date and the subscription in the company file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sandbox-plan-'));
    dirs.push(dir);
    const dataFile = join(dir, 'company.json');
    await withPracticeCompany({ dataFile, seed: 21 }, async (first) => {
      await admin(first, 'PUT', '/company-status', { plan: 'Simple Start', closingDate: '2025-12-31' });
    });
    await withPracticeCompany({ dataFile }, async (second) => {
      expect((await admin(second, 'GET', '/company-status')).body).toEqual({ plan: 'Simple Start', subscriptionEnded: false, closingDate: '2025-12-31' });
      const info = asObj(path((await Api.connect(second).get('companyinfo/1')).body, 'CompanyInfo'));
      expect(asArr(info.NameValue).map(asObj)).toContainEqual({ Name: 'OfferingSku', Value: 'QuickBooks Online Simple Start' });
    });
  });
});
