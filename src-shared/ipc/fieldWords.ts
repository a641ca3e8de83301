/**
 * The words a clerk reads for each field of the contract, and the sentences a schema failure becomes
 * when the schema has no message of its own: "Enter the sync interval as a whole number." rather than
 * zod's "Invalid input: expected int". Keys never reach a person; the error's `field` carries them.
 */
import type { z } from 'zod';

/** Field key → words, for the last named part of an error's path. */
const fieldWords: Record<string, string> = {
  active: 'active filter', add: 'add-to-count choice', address: 'address', allowNegativeStock: 'allow-negative-stock setting',
  assetAccountRef: 'inventory asset account', autoSync: 'automatic sync setting', barcode: 'barcode', barcodes: 'barcodes', binCode: 'bin code', code: 'bin code', codes: 'bin codes', blind: 'blind count choice', copies: 'number of copies', pdf: 'PDF choice', primary: 'primary bin choice',
  belowReorderPoint: 'below-reorder-point filter', billingAddress: 'billing address', by: 'your name', city: 'city',
  companyName: 'company name', costCents: 'cost', countId: 'count', counted: 'counted quantity', country: 'country',
  customerId: 'customer', date: 'date', defaultAccounts: 'default accounts', description: 'description',
  direction: 'sort direction', directions: 'sync directions', displayName: 'display name', documentId: 'document',
  documentType: 'document type', dueDate: 'due date', email: 'email address', expectedDate: 'expected date',
  expenseAccountRef: 'cost of goods sold account', expirationDate: 'expiration date', familyName: 'family name',
  file: 'backup file', firstRow: 'first row number', rows: 'rows to import', from: 'start date', to: 'end date', purpose: 'file purpose', fromSiteId: 'sending site', givenName: 'given name', incomeAccountRef: 'income account',
  itemId: 'item', itemIds: 'items', zeroItemIds: 'items confirmed as none in the bin', keep: 'version to keep', kind: 'movement kind', level: 'error level',
  limit: 'number of rows to show', monthlyReadAllowance: 'monthly read allowance', line1: 'address line', line2: 'address line', line3: 'address line', lineId: 'line',
  lines: 'lines', list: 'list to export', filter: 'list filters', manualPosting: 'manual posting setting', mode: 'sync mode', multipleSites: 'multiple sites setting',
  name: 'name', needsResync: 'needs-resync filter', note: 'note', number: 'document number', offset: 'number of rows to skip',
  open: 'open filter', orderId: 'order', outOfSync: 'out-of-sync filter', paid: 'paid filter',
  partialInvoices: 'partial invoices setting', paused: 'pause setting', phone: 'phone number', postOrdersAs: 'posting document type',
  postalCode: 'postal code', priceCents: 'sales price', purchaseOrderId: 'purchase order', qboLineRef: 'QuickBooks line',
  qboLocationRef: 'QuickBooks location', qty: 'quantity', qtyDiff: 'quantity change', readyForSync: 'ready-for-sync filter',
  reason: 'reason', reorderUpTo: 'reorder-up-to level', recordId: 'record', recordType: 'record kind', reorderPoint: 'reorder point', runId: 'sync run',
  sandboxUrl: 'practice company address', search: 'search words', serviceLocationId: 'service location', shipTo: 'ship-to address',
  shippingAddress: 'shipping address', siteId: 'site', sku: 'SKU', sort: 'sort order', source: 'order source', state: 'state',
  status: 'status', stockAdjustmentAccount: 'stock adjustment account', syncIntervalMinutes: 'sync interval', toSiteId: 'receiving site',
  type: 'item type', types: 'account types', unit: 'unit', unitCostCents: 'unit cost', unitPriceCents: 'unit price', vendorId: 'vendor',
};

/** Words for a field whose meaning in one request differs from the usual one. */
const requestFieldWords: Record<string, Record<string, string>> = {
  'sites.update': { active: 'site’s active setting' },
  'app.print': { name: 'PDF file name' },
};

/** What an `id` names, by the request's area ("items.update" → "item"). */
const areaNouns: Record<string, string> = {
  sites: 'site', items: 'item', stock: 'stock movement', counts: 'count', customers: 'customer', vendors: 'vendor',
  serviceLocations: 'service location', orders: 'order', purchaseOrders: 'purchase order', invoices: 'invoice',
  estimates: 'estimate', conflicts: 'conflict', accounts: 'account', audit: 'record', sync: 'record', backup: 'backup', bins: 'bin',
};

const itemTypeWords: Record<string, string> = { inventory: 'inventory', nonInventory: 'non-inventory', service: 'service', equipment: 'equipment' };
const accountRoles: Record<string, string> = { income: 'income', expense: 'cost of goods sold', asset: 'inventory asset' };
const directionWords: Record<string, string> = {
  items: 'items', customers: 'customers', vendors: 'vendors', salesOrders: 'QuickBooks estimates', invoices: 'invoices',
  estimates: 'estimates', purchaseOrders: 'purchase orders', stock: 'stock',
};

/** Field keys a person picks from a list rather than types. */
function isReference(path: readonly PropertyKey[]): boolean {
  const keys = path.filter((p): p is string => typeof p === 'string');
  const last = keys.at(-1) ?? '';
  const parent = keys.at(-2) ?? '';
  if (/(^id|Id|Ids|Ref)$/.test(last) || last === 'types') return true;
  return last === 'name' && (/Account(Ref)?$/.test(parent) || keys[0] === 'defaultAccounts');
}

/** The words for the field an error's path names, or null when the contract has no such field. */
export function wordsForField(path: readonly PropertyKey[], request?: string): string | null {
  const keys = path.filter((p): p is string => typeof p === 'string');
  const last = keys.at(-1);
  if (last === undefined) return null;
  const parent = keys.at(-2);
  if (keys[0] === 'defaultAccounts') return defaultAccountWords(keys);
  if (keys[0] === 'directions' && parent === 'directions') return directionWords[last] ? `sync direction for ${directionWords[last]}` : null;
  if (parent && /AccountRef$|Account$/.test(parent) && (last === 'id' || last === 'name')) return `${fieldWords[parent] ?? 'account'} ${last === 'id' ? '' : 'name'}`.trim();
  if (last === 'id' && parent === 'lines') return 'line';
  if (last === 'id' && keys.length === 1) return areaNouns[request?.split('.')[0] ?? ''] ?? 'record';
  if (keys.length === 1 && request && requestFieldWords[request]?.[last]) return requestFieldWords[request][last];
  return fieldWords[last] ?? null;
}

function defaultAccountWords(keys: string[]): string | null {
  const [, type, role, part] = keys;
  if (type === undefined) return 'default accounts';
  const typeWords = itemTypeWords[type];
  if (!typeWords) return null;
  if (role === undefined) return `default accounts for ${typeWords} items`;
  const roleWords = accountRoles[role];
  if (!roleWords) return null;
  const account = `${roleWords} account for ${typeWords} items`;
  if (part === undefined || part === 'id') return account;
  return part === 'name' ? `name of the ${account}` : null;
}

type Issue = z.core.$ZodRawIssue;

export const unknownFieldMessage = 'This field is not one ShelfSync knows; leave it out.';

/** The sentence for an issue whose schema gave no message: names the field in words, says what to do. */
export function plainWords(issue: Issue, request?: string): string {
  const what = wordsForField(issue.path ?? [], request);
  if (issue.code === 'unrecognized_keys') return unknownFieldMessage;
  if (!what) return issue.code === 'invalid_type' && issue.expected === 'object' ? 'Send the request’s fields as a set of named values.' : 'Check what was entered: it is not something ShelfSync can use.';
  const The = capital(the(what));
  const reference = isReference(issue.path ?? []);
  if (reference && (issue.code === 'too_big' || issue.code === 'too_small' || issue.code === 'invalid_type')) {
    return issue.input === undefined || issue.input === '' ? `Choose ${the(what)}.` : `Choose ${the(what)} from the list.`;
  }
  switch (issue.code) {
    case 'invalid_type':
      return typeWords(issue, what);
    case 'too_small':
      return tooSmallWords(issue, what);
    case 'too_big':
      if (issue.origin === 'string') return `${The} is at most ${String(issue.maximum)} characters.`;
      if (issue.origin === 'array') return `${The} can have at most ${String(issue.maximum)} entries.`;
      return `${The} can be at most ${String(issue.maximum)}.`;
    case 'invalid_value':
      return `Choose ${article(what)} from the list.`;
    case 'invalid_format':
      return `${The} is not written the way ShelfSync expects.`;
    default:
      return `Check ${the(what)}: ShelfSync cannot use what was entered.`;
  }
}

function typeWords(issue: Issue & { code: 'invalid_type' }, what: string): string {
  const missing = issue.input === undefined;
  if (missing && issue.expected !== 'boolean') return `${issue.expected === 'array' || issue.expected === 'object' ? 'Fill in' : 'Enter'} ${the(what)}.`;
  switch (issue.expected) {
    case 'string':
      return `${capital(the(what))} must be text.`;
    case 'number':
    case 'int':
      return `Enter ${the(what)} as a ${issue.expected === 'int' ? 'whole number' : 'number'}.`;
    case 'boolean':
      return `Turn ${the(what)} on or off.`;
    case 'array':
      return `Give ${the(what)} as a list.`;
    default:
      return `Fill in ${the(what)}.`;
  }
}

function tooSmallWords(issue: Issue & { code: 'too_small' }, what: string): string {
  const The = capital(the(what));
  const min = String(issue.minimum);
  if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? `Enter ${the(what)}.` : `${The} needs at least ${min} characters.`;
  if (issue.origin === 'array') return Number(issue.minimum) <= 1 ? `Add at least one entry to ${the(what)}.` : `Add at least ${min} entries to ${the(what)}.`;
  if (Number(issue.minimum) === 0) return `${The} cannot be below zero.`;
  return `${The} must be at least ${min}.`;
}

/** "the sync interval", but "your name". */
function the(what: string): string {
  return /^your /.test(what) ? what : `the ${what}`;
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function article(what: string): string {
  return /^[aeiou]/i.test(what) && !/^(one|use)/i.test(what) ? `an ${what}` : `a ${what}`;
}

export type Rule = 'quantity' | 'positive' | 'notNegative' | 'cents' | 'notNegativeMoney' | 'tooMuchMoney';

/** A message for a shared field schema (quantities, money) that names whichever field it is used for. */
export function ruleWords(rule: Rule): (issue: Issue) => string {
  return (issue) => {
    const what = wordsForField(issue.path ?? []) ?? (rule.endsWith('Money') || rule === 'cents' ? 'amount' : 'quantity');
    const The = capital(the(what));
    switch (rule) {
      case 'quantity':
        return issue.input === undefined ? `Enter ${the(what)}.` : `Enter ${the(what)} as a number with at most 4 decimal places, e.g. 12.5.`;
      case 'positive':
        return `${The} must be more than zero.`;
      case 'notNegative':
        return `${The} cannot be below zero.`;
      case 'cents':
        return issue.input === undefined ? `Enter ${the(what)}.` : `Enter ${the(what)} in whole cents, e.g. 1250 for 12.50.`;
      case 'notNegativeMoney':
        return `${The} cannot be negative.`;
      case 'tooMuchMoney':
        return `${The} is too large (at most 1 000 000 000.00).`;
    }
  };
}
