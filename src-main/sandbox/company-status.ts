// What the company's own state refuses before any entity rule runs: a subscription that has ended
// (6190, every write) and books closed up to a date (6210, transactions dated on or before it).
// Set through the admin API; kept in memory only, like the limits.

import { formatDate } from './clock.js';
import { QboFault } from './errors.js';
import { getStr, type JsonObject } from './json.js';
import type { CompanyStore, EntityName } from './store.js';

const TRANSACTIONS: ReadonlySet<EntityName> = new Set(['Estimate', 'Invoice', 'SalesReceipt', 'Payment', 'PurchaseOrder', 'Bill', 'InventoryAdjustment']);

export interface CompanyStatus {
  /** `YYYY-MM-DD`: transactions dated on or before it can be neither added, changed nor deleted. */
  closingDate?: string;
  /** The trial or subscription ended (or billing failed): QuickBooks refuses every write. */
  subscriptionEnded: boolean;
}

const subscriptionEnded = (): QboFault =>
  new QboFault(400, [{
    Message: 'Invalid Company Status',
    Detail: "Subscription period has ended or cancelled or there was a billing problem : You can't add data to QuickBooks Online because your trial or subscription period ended, you cancelled your subscription, or there was a billing problem.",
    code: '6190',
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
