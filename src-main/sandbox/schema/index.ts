// Which known-field list and which required fields belong to which entity, and the one call
// company.ts makes before any rule sees a client's body.

import { fault } from '../errors.js';
import type { JsonObject } from '../json.js';
import type { EntityName } from '../store.js';
import { bindBody } from './check.js';
import { ACCOUNT, CLASS, CUSTOMER, DEPARTMENT, EMPLOYEE, ITEM, VENDOR } from './names.js';
import { COMPANY_INFO, PREFERENCES } from './settings.js';
import { BILL, ESTIMATE, INVENTORY_ADJUSTMENT, INVOICE, PAYMENT, PURCHASE_ORDER, SALES_RECEIPT } from './transactions.js';
import type { Shape } from './types.js';

export const SHAPES: Readonly<Record<EntityName, Shape>> = {
  Account: ACCOUNT, Item: ITEM, Customer: CUSTOMER, Vendor: VENDOR, Employee: EMPLOYEE, Estimate: ESTIMATE, Invoice: INVOICE,
  SalesReceipt: SALES_RECEIPT, Payment: PAYMENT, PurchaseOrder: PURCHASE_ORDER, Bill: BILL,
  InventoryAdjustment: INVENTORY_ADJUSTMENT, Department: DEPARTMENT, Class: CLASS, CompanyInfo: COMPANY_INFO,
  Preferences: PREFERENCES,
};

/**
 * Fields Intuit's entity reference marks required on create and on a full update (Id and SyncToken,
 * "required for update", are checked by company.ts). Conditional ones are checked by the entity's
 * rules: an Item's accounts and quantity by type, a customer's or vendor's DisplayName or name parts,
 * an employee's GivenName or FamilyName, an Account's type, a purchase's APAccountRef (implied when the
 * company has a single A/P account), each line's DetailType, detail and Amount. SalesReceipt has no
 * CustomerRef here: a cash sale need not name a customer. Estimate's Line is optional in Intuit's
 * reference. docs/sandbox.md lists them.
 */
export const REQUIRED: Readonly<Record<EntityName, readonly string[]>> = {
  Account: ['Name'], Item: ['Name'], Customer: [], Vendor: [], Employee: [],
  Estimate: ['CustomerRef'], Invoice: ['CustomerRef', 'Line'], SalesReceipt: ['Line'],
  Payment: ['CustomerRef', 'TotalAmt'], PurchaseOrder: ['VendorRef', 'Line'], Bill: ['VendorRef', 'Line'],
  InventoryAdjustment: ['AdjustAccountRef', 'Line'], Department: ['Name'], Class: ['Name'],
  CompanyInfo: ['CompanyName', 'CompanyAddr'], Preferences: [],
};

function isMissing(v: JsonObject[string] | undefined): boolean {
  return v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
}

export interface BindOptions {
  /** Create or full update: the required fields must be there. A sparse update sends only what changes. */
  complete: boolean;
}

/** The client's body bound to the entity's fields (read-only ones dropped), or Intuit's fault. */
export function bindEntity(entity: EntityName, body: JsonObject, opts: BindOptions): JsonObject {
  const bound = bindBody(SHAPES[entity], body);
  if (opts.complete) {
    for (const field of REQUIRED[entity]) if (isMissing(bound[field])) throw fault.required(field);
  }
  return bound;
}
