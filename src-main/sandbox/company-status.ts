// What the company's own state refuses before any entity rule runs: a subscription that has ended
// (6190, every write), a plan below Plus (5020, inventory adjustments and purchase orders) and books
// closed up to a date (6210, transactions dated on or before it). Set through the admin API or the
// start options; saved in the company file.

import { formatDate } from './clock.js';
import { QboFault } from './errors.js';
import { getStr, type JsonObject } from './json.js';
import type { CompanyStore, EntityName } from './store.js';

/** QuickBooks Online's US plans; only Plus and Advanced track inventory quantities. */
export const QBO_PLANS = ['Simple Start', 'Essentials', 'Plus', 'Advanced'] as const;
export type QboPlan = (typeof QBO_PLANS)[number];
export const DEFAULT_PLAN: QboPlan = 'Plus';

/** `Plus`, `plus`, `Simple Start`, `SimpleStart`, `simple-start` → the plan, or undefined. */
export function parsePlan(text: string): QboPlan | undefined {
  const squash = (t: string): string => t.replace(/[\s_-]+/g, '').toLowerCase();
  return QBO_PLANS.find((p) => squash(p) === squash(text));
}

export const planTracksInventory = (plan: QboPlan): boolean => plan === 'Plus' || plan === 'Advanced';

/** Entities only Plus and Advanced have: inventory adjustments (inventory tracking) and purchase orders. */
const PLUS_FEATURES: ReadonlySet<EntityName> = new Set(['InventoryAdjustment', 'PurchaseOrder']);

const TRANSACTIONS: ReadonlySet<EntityName> = new Set(['Estimate', 'Invoice', 'SalesReceipt', 'Payment', 'PurchaseOrder', 'Bill', 'InventoryAdjustment']);

export interface CompanyStatus {
  /** `YYYY-MM-DD`: transactions dated on or before it can be neither added, changed nor deleted. */
  closingDate?: string;
  /** The trial or subscription ended (or billing failed): QuickBooks refuses every write. */
  subscriptionEnded: boolean;
  /** The company's plan (default Plus): decides which features exist. */
  plan: QboPlan;
}

export const freshStatus = (plan: QboPlan = DEFAULT_PLAN): CompanyStatus => ({ subscriptionEnded: false, plan });

const subscriptionEnded = (): QboFault =>
  new QboFault(400, [{
    Message: 'Invalid Company Status',
    Detail: "Subscription period has ended or cancelled or there was a billing problem : You can't add data to QuickBooks Online because your trial or subscription period ended, you cancelled your subscription, or there was a billing problem.",
    code: '6190',
    element: '',
  }]);

// Intuit's error-code table: 5020 is the answer to "a request against a feature for which your
// product is not entitled" (its example: a purchase order on a plan without them).
const notEntitled = (entity: EntityName, plan: QboPlan): QboFault =>
  new QboFault(400, [{
    Message: 'You do not have permission to access this feature.',
    Detail: `Permission Denied Error: ${entity} is not available in QuickBooks Online ${plan}; it needs QuickBooks Online Plus or Advanced.`,
    code: '5020',
    element: '',
  }]);

const periodClosed = (closingDate: string): QboFault =>
  new QboFault(400, [{
    Message: 'Account Period Closed',
    Detail: `The account period has closed. Transactions dated on or before ${closingDate} cannot be added, changed or deleted.`,
    code: '6210',
    element: 'TxnDate',
  }]);

/**
 * Refuses a write the company's state does not allow. `op` is the write; for an update or delete the
 * stored version's date counts too, so a closed transaction cannot be moved out of the closed period.
 */
export function checkCompanyStatus(
  status: CompanyStatus, store: CompanyStore, entity: EntityName, op: 'create' | 'update' | 'delete', body: JsonObject, nowMs: number,
): void {
  if (status.subscriptionEnded) throw subscriptionEnded();
  if (PLUS_FEATURES.has(entity) && !planTracksInventory(status.plan)) throw notEntitled(entity, status.plan);
  const closing = status.closingDate;
  if (closing === undefined || !TRANSACTIONS.has(entity)) return;
  const dates: string[] = [];
  const sent = getStr(body, 'TxnDate');
  if (op !== 'delete') dates.push(sent ?? (op === 'create' ? formatDate(nowMs) : ''));
  const id = getStr(body, 'Id');
  const stored = op === 'create' || id === undefined ? undefined : store.get(entity, id);
  const storedDate = stored ? getStr(stored, 'TxnDate') : undefined;
  if (storedDate !== undefined) dates.push(storedDate);
  if (dates.some((d) => d !== '' && d.slice(0, 10) <= closing)) throw periodClosed(closing);
}

/**
 * Shows the plan where QuickBooks does: CompanyInfo's `NameValue` entry `OfferingSku`
 * ("QuickBooks Online Plus") and Preferences' `ProductAndServicesPrefs.QuantityOnHand`. Neither
 * object's SyncToken moves: the company did not edit them.
 */
export function showPlan(store: CompanyStore, plan: QboPlan): void {
  const info = store.get('CompanyInfo', '1');
  if (info) {
    const others = (Array.isArray(info.NameValue) ? info.NameValue : []).filter(
      (nv) => !(typeof nv === 'object' && nv !== null && !Array.isArray(nv) && nv.Name === 'OfferingSku'),
    );
    store.put('CompanyInfo', { ...info, NameValue: [...others, { Name: 'OfferingSku', Value: `QuickBooks Online ${plan}` }] });
  }
  const prefs = store.get('Preferences', '1');
  const products = prefs?.ProductAndServicesPrefs;
  if (prefs && typeof products === 'object' && products !== null && !Array.isArray(products)) {
    store.put('Preferences', { ...prefs, ProductAndServicesPrefs: { ...products, QuantityOnHand: planTracksInventory(plan) } });
  }
}
