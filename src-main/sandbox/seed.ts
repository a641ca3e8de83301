// Deterministic practice companies: the same seed and size always give the same objects, Ids and
// times. Objects are created through the same rules as API calls, so totals, stock and links agree.

import { formatDate, formatDateTime } from './clock.js';
import { refreshBalances } from './balances.js';
import { Company } from './company.js';
import { getNum, getStr, type JsonObject } from './json.js';
import { createPrng, type Prng } from './prng.js';
import { address, CATEGORIES, COMPANY_A, COMPANY_B, COMPANY_C, FIRST, ITEM_A, ITEM_B, ITEM_C, LAST, SERVICES } from './seed-data.js';
import { CompanyStore } from './store.js';

export type SeedSize = 'tiny' | 'demo' | 'large';
export const SEED_SIZES: readonly SeedSize[] = ['tiny', 'demo', 'large'];

interface Plan {
  categories: number; inventory: number; nonInventory: number; services: number; customers: number; subCustomers: number;
  vendors: number; estimates: number; purchaseOrders: number; invoices: number; receipts: number; departments: number;
}

const PLANS: Record<SeedSize, Plan> = {
  tiny: { categories: 2, inventory: 6, nonInventory: 2, services: 2, customers: 9, subCustomers: 3, vendors: 4, estimates: 6, purchaseOrders: 3, invoices: 5, receipts: 1, departments: 2 },
  demo: { categories: 6, inventory: 220, nonInventory: 50, services: 24, customers: 160, subCustomers: 40, vendors: 60, estimates: 120, purchaseOrders: 40, invoices: 120, receipts: 20, departments: 3 },
  large: { categories: 8, inventory: 8500, nonInventory: 1000, services: 492, customers: 4000, subCustomers: 1000, vendors: 2000, estimates: 1000, purchaseOrders: 200, invoices: 300, receipts: 50, departments: 3 },
};

/** Seeded objects carry times from a fixed past moment, so two runs of a seed are identical. */
const SEED_EPOCH = Date.UTC(2025, 0, 6, 17, 0, 0);
const DAY = 86_400_000;

const ACCOUNTS: ReadonlyArray<readonly [string, string, string]> = [
  ['Sales of Product Income', 'Income', 'SalesOfProductIncome'], ['Services', 'Income', 'ServiceFeeIncome'],
  ['Discounts given', 'Income', 'DiscountsRefundsGiven'], ['Cost of Goods Sold', 'Cost of Goods Sold', 'SuppliesMaterialsCogs'],
  ['Inventory Shrinkage', 'Cost of Goods Sold', 'OtherCostsOfServiceCos'], ['Inventory Asset', 'Other Current Asset', 'Inventory'],
  ['Undeposited Funds', 'Other Current Asset', 'UndepositedFunds'], ['Accounts Payable (A/P)', 'Accounts Payable', 'AccountsPayable'],
  ['Accounts Receivable (A/R)', 'Accounts Receivable', 'AccountsReceivable'], ['Checking', 'Bank', 'Checking'],
  ['Purchases', 'Expense', 'SuppliesMaterials'], ['Opening Balance Equity', 'Equity', 'OpeningBalanceEquity'],
];

export function realmIdForSeed(seed: number): string {
  const rng = createPrng(seed ^ 0x5eed);
  let digits = '9130';
  while (digits.length < 16) digits += String(rng.int(0, 9));
  return digits;
}

export function companyNameForSeed(seed: number): string {
  return `Practice Warehouse Co. (seed ${seed})`;
}

interface Refs { accounts: Map<string, string>; inventory: string[]; sellable: string[]; customers: string[]; vendors: string[]; departments: string[] }

const ref = (value: string): JsonObject => ({ value });
const idOf = (o: JsonObject): string => getStr(o, 'Id') ?? '';

function txnDate(rng: Prng): string {
  return formatDate(SEED_EPOCH - rng.int(1, 120) * DAY);
}

function seedAccounts(c: Company, refs: Refs): void {
  for (const [Name, AccountType, AccountSubType] of ACCOUNTS) refs.accounts.set(Name, idOf(c.create('Account', { Name, AccountType, AccountSubType })));
}

function acct(refs: Refs, name: string): JsonObject {
  return ref(refs.accounts.get(name) ?? '');
}

function seedItems(c: Company, rng: Prng, plan: Plan, refs: Refs): void {
  const categories: string[] = [];
  for (let i = 0; i < plan.categories; i++) categories.push(idOf(c.create('Item', { Name: CATEGORIES[i % CATEGORIES.length] ?? `Category ${i}`, Type: 'Category' })));
  const used = new Set<string>();
  const itemName = (i: number): string => {
    let name = `${rng.pick(ITEM_A)} ${rng.pick(ITEM_B)} ${rng.pick(ITEM_C)}`;
    if (used.has(name)) name = `${name} ${i}`;
    used.add(name);
    return name;
  };
  for (let i = 0; i < plan.inventory; i++) {
    const cost = rng.int(100, 20000) / 100;
    const body: JsonObject = {
      Name: itemName(i), Type: 'Inventory', TrackQtyOnHand: true, QtyOnHand: rng.int(0, 400), InvStartDate: formatDate(SEED_EPOCH - 200 * DAY),
      UnitPrice: Math.round(cost * 160) / 100, PurchaseCost: cost, Description: `Stock part ${i + 1}`,
      AssetAccountRef: acct(refs, 'Inventory Asset'), IncomeAccountRef: acct(refs, 'Sales of Product Income'), ExpenseAccountRef: acct(refs, 'Cost of Goods Sold'),
      Active: !(i === plan.inventory - 1 || rng.chance(0.04)),
    };
    if (i % 5 !== 4) body.Sku = `SKU-${String(10000 + i)}`;
    if (categories.length > 0 && rng.chance(0.5)) body.ParentRef = ref(rng.pick(categories));
    const item = c.create('Item', body);
    if (item.Active !== false) {
      refs.inventory.push(idOf(item));
      refs.sellable.push(idOf(item));
    }
  }
  for (let i = 0; i < plan.nonInventory; i++) {
    const body: JsonObject = { Name: `${itemName(i)} (special order)`, Type: 'NonInventory', UnitPrice: rng.int(500, 9000) / 100, IncomeAccountRef: acct(refs, 'Sales of Product Income'), ExpenseAccountRef: acct(refs, 'Purchases'), Active: i !== 1 };
    if (rng.chance(0.5)) body.Sku = `NI-${String(5000 + i)}`;
    const item = c.create('Item', body);
    if (item.Active !== false) refs.sellable.push(idOf(item));
  }
  for (let i = 0; i < plan.services; i++) {
    const base = SERVICES[i % SERVICES.length] ?? 'Service';
    const item = c.create('Item', { Name: i < SERVICES.length ? base : `${base} ${i}`, Type: 'Service', UnitPrice: rng.int(40, 180), IncomeAccountRef: acct(refs, 'Services') });
    refs.sellable.push(idOf(item));
  }
}

function personOrCompany(rng: Prng, i: number): JsonObject {
  if (i % 3 === 0) {
    const GivenName = rng.pick(FIRST);
    const FamilyName = rng.pick(LAST);
    return { GivenName, FamilyName, DisplayName: `${GivenName} ${FamilyName} ${i + 1}` };
  }
  const CompanyName = `${rng.pick(COMPANY_A)} ${rng.pick(COMPANY_B)} ${rng.pick(COMPANY_C)}`;
  return { CompanyName, DisplayName: `${CompanyName} #${i + 1}`, GivenName: rng.pick(FIRST), FamilyName: rng.pick(LAST) };
}

function contact(rng: Prng, body: JsonObject, i: number, prefix: string): void {
  if (rng.chance(0.8)) body.PrimaryEmailAddr = { Address: `${prefix}${i + 1}@example.com` };
  if (rng.chance(0.7)) body.PrimaryPhone = { FreeFormNumber: `(555) ${String(rng.int(200, 999))}-${String(rng.int(1000, 9999))}` };
}

function seedPeople(c: Company, rng: Prng, plan: Plan, refs: Refs): void {
  for (let i = 0; i < plan.customers; i++) {
    const body = personOrCompany(rng, i);
    body.BillAddr = address(rng, i, `${getStr(body, 'GivenName') ?? ''} ${getStr(body, 'FamilyName') ?? ''}`.trim());
    if (rng.chance(0.4)) body.ShipAddr = address(rng, 7, '');
    contact(rng, body, i, 'customer');
    body.Active = i !== 4 && !(i > 20 && rng.chance(0.03));
    const customer = c.create('Customer', body);
    if (customer.Active !== false) refs.customers.push(idOf(customer));
  }
  // Some sub-customers hang under other sub-customers, staying within QuickBooks' nesting limit.
  const subs: string[] = [];
  const activeTop = [...refs.customers];
  for (let i = 0; i < plan.subCustomers; i++) {
    const parent = i % 4 === 3 && subs.length > 0 ? rng.pick(subs) : rng.pick(activeTop);
    const sub = c.create('Customer', {
      DisplayName: `${rng.pick(['Site', 'Job', 'Location', 'Project'])} ${i + 1}`, Job: true, ParentRef: ref(parent), BillWithParent: rng.chance(0.5),
      BillAddr: address(rng, i + 3, ''),
    });
    if ((getNum(sub, 'Level') ?? 0) < 3) subs.push(idOf(sub));
    refs.customers.push(idOf(sub));
  }
  for (let i = 0; i < plan.vendors; i++) {
    const body = personOrCompany(rng, i + 1);
    body.DisplayName = `${getStr(body, 'CompanyName') ?? getStr(body, 'DisplayName') ?? 'Vendor'} (vendor ${i + 1})`;
    body.BillAddr = address(rng, i + 1, '');
    contact(rng, body, i, 'vendor');
    refs.vendors.push(idOf(c.create('Vendor', body)));
  }
  c.create('Employee', { GivenName: 'Morgan', FamilyName: 'Reyes', DisplayName: 'Morgan Reyes' });
  c.create('Employee', { GivenName: 'Casey', FamilyName: 'Lund', DisplayName: 'Casey Lund' });
}

/** A line's Amount as QuickBooks' screens fill it in: Qty × UnitPrice to the cent. */
const lineTotal = (d: { Qty: number; UnitPrice: number }): number => Math.round(d.Qty * d.UnitPrice * 100) / 100;

function salesLines(rng: Prng, refs: Refs, mixed: boolean): JsonObject[] {
  const lines: JsonObject[] = [];
  const n = rng.int(1, 4);
  for (let i = 0; i < n; i++) {
    const detail = { ItemRef: ref(rng.pick(refs.sellable)), Qty: rng.int(1, 12), UnitPrice: rng.int(300, 9000) / 100 };
    lines.push({ DetailType: 'SalesItemLineDetail', Description: 'Line item', Amount: lineTotal(detail), SalesItemLineDetail: detail });
  }
  if (mixed && rng.chance(0.5)) lines.push({ DetailType: 'DescriptionOnly', Description: 'Deliver to the loading dock, not the front office.' });
  if (mixed && rng.chance(0.35)) lines.push({ DetailType: 'DiscountLineDetail', DiscountLineDetail: { PercentBased: true, DiscountPercent: rng.pick([5, 10, 15]), DiscountAccountRef: acct(refs, 'Discounts given') } });
  return lines;
}

function seedTransactions(c: Company, rng: Prng, plan: Plan, refs: Refs): void {
  for (let i = 0; i < plan.departments; i++) {
    refs.departments.push(idOf(c.create('Department', { Name: ['Main Warehouse', 'East Annex', 'Downtown Store'][i] ?? `Site ${i + 1}` })));
  }
  c.create('Class', { Name: 'Retail' });
  c.create('Class', { Name: 'Wholesale' });
  const openEstimates: Array<{ id: string; customer: string }> = [];
  for (let i = 0; i < plan.estimates; i++) {
    const customer = rng.pick(refs.customers);
    const status = i % 4 === 3 ? 'Rejected' : rng.pick(['Pending', 'Accepted']);
    const est = c.create('Estimate', {
      DocNumber: String(1001 + i), TxnDate: txnDate(rng), CustomerRef: ref(customer), TxnStatus: status, Line: salesLines(rng, refs, true),
      DepartmentRef: ref(rng.pick(refs.departments)),
    });
    if (status !== 'Rejected') openEstimates.push({ id: idOf(est), customer });
  }
  for (let i = 0; i < plan.purchaseOrders; i++) {
    const lines: JsonObject[] = [];
    for (let k = rng.int(1, 5); k > 0; k--) {
      const detail = { ItemRef: ref(rng.pick(refs.inventory)), Qty: rng.int(5, 60), UnitPrice: rng.int(200, 5000) / 100 };
      lines.push({ DetailType: 'ItemBasedExpenseLineDetail', Amount: lineTotal(detail), ItemBasedExpenseLineDetail: detail });
    }
    c.create('PurchaseOrder', { DocNumber: String(5001 + i), TxnDate: txnDate(rng), VendorRef: ref(rng.pick(refs.vendors)), Line: lines });
  }
  for (let i = 0; i < plan.invoices; i++) {
    // Every other invoice turns an open estimate into an invoice, which closes the estimate.
    const est = i % 2 === 0 ? openEstimates.shift() : undefined;
    const customer = est?.customer ?? rng.pick(refs.customers);
    const body: JsonObject = { DocNumber: String(2001 + i), TxnDate: txnDate(rng), CustomerRef: ref(customer), Line: salesLines(rng, refs, false), DepartmentRef: ref(rng.pick(refs.departments)) };
    if (est) body.LinkedTxn = [{ TxnId: est.id, TxnType: 'Estimate' }];
    const inv = c.create('Invoice', body);
    const total = getNum(inv, 'TotalAmt') ?? 0;
    if (i % 3 !== 1 && total > 0) {
      const amount = i % 3 === 0 ? total : Math.round(total * 50) / 100;
      c.create('Payment', { CustomerRef: ref(customer), TotalAmt: amount, TxnDate: txnDate(rng), Line: [{ Amount: amount, LinkedTxn: [{ TxnId: idOf(inv), TxnType: 'Invoice' }] }] });
    }
  }
  for (let i = 0; i < plan.receipts; i++) {
    c.create('SalesReceipt', { DocNumber: String(8001 + i), TxnDate: txnDate(rng), CustomerRef: ref(rng.pick(refs.customers)), Line: salesLines(rng, refs, false), DepositToAccountRef: acct(refs, 'Undeposited Funds') });
  }
  const counted = refs.inventory[0];
  if (counted !== undefined) {
    c.create('InventoryAdjustment', { TxnDate: txnDate(rng), AdjustAccountRef: acct(refs, 'Inventory Shrinkage'), Line: [{ DetailType: 'ItemAdjustmentLineDetail', ItemAdjustmentLineDetail: { ItemRef: ref(counted), QtyDiff: -2 } }] });
  }
}

function settings(store: CompanyStore, seed: number): void {
  const stamp = formatDateTime(SEED_EPOCH - 400 * DAY);
  const meta = { CreateTime: stamp, LastUpdatedTime: stamp };
  const name = companyNameForSeed(seed);
  // Since 2025-10-31 these three addresses carry the ISO 3-letter country and no Lat/Long.
  const companyAddr = { Id: '1', Line1: '100 Practice Way', City: 'Portland', CountrySubDivisionCode: 'OR', PostalCode: '97205', Country: 'USA' };
  store.put('CompanyInfo', {
    CompanyName: name, LegalName: name, CompanyAddr: { ...companyAddr }, LegalAddr: { ...companyAddr }, CustomerCommunicationAddr: { ...companyAddr },
    Country: 'US', Email: { Address: 'practice.owner@example.com' }, FiscalYearStartMonth: 'January', SupportedLanguages: 'en',
    CompanyStartDate: formatDate(SEED_EPOCH - 400 * DAY), domain: 'QBO', sparse: false, Id: '1', SyncToken: '0', MetaData: meta,
  });
  store.put('Preferences', {
    AccountingInfoPrefs: { TrackDepartments: true, DepartmentTerminology: 'Location', ClassTrackingPerTxn: false, ClassTrackingPerTxnLine: true, CustomerTerminology: 'Customers' },
    ProductAndServicesPrefs: { ForSales: true, ForPurchase: true, QuantityWithPriceAndRate: true, QuantityOnHand: true },
    SalesFormsPrefs: { CustomTxnNumbers: true, AllowDiscount: true, AllowEstimates: true, AllowShipping: false, AllowDeposit: false },
    VendorAndPurchasesPrefs: { TrackingByCustomer: false, BillableExpenseTracking: false },
    CurrencyPrefs: { MultiCurrencyEnabled: false, HomeCurrency: { value: 'USD' } },
    OtherPrefs: { NameValue: [{ Name: 'AllowDuplicateDocNum', Value: 'false' }] },
    domain: 'QBO', sparse: false, Id: '1', SyncToken: '0', MetaData: meta,
  });
}

export function seedCompany(seed: number, size: SeedSize, realmId = realmIdForSeed(seed)): CompanyStore {
  const store = new CompanyStore(realmId);
  settings(store, seed);
  let tick = SEED_EPOCH - 300 * DAY;
  const company = new Company(store, { now: () => (tick += 7_000) }, () => undefined);
  // Balances are derived from the transactions: work them out once at the end, not after each write.
  company.deferBalances = true;
  const rng = createPrng(seed);
  const refs: Refs = { accounts: new Map(), inventory: [], sellable: [], customers: [], vendors: [], departments: [] };
  const plan = PLANS[size];
  seedAccounts(company, refs);
  seedItems(company, rng, plan, refs);
  seedPeople(company, rng, plan, refs);
  seedTransactions(company, rng, plan, refs);
  refreshBalances(store);
  return store;
}
