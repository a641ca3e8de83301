// Which rules govern which entity.

import type { EntityName } from '../store.js';
import type { EntityRules } from './common.js';
import { inventoryAdjustmentRules } from './inventory-adjustment.js';
import { itemRules } from './item.js';
import { accountRules, classRules, departmentRules } from './lists.js';
import { paymentRules } from './payment.js';
import { customerRules, employeeRules, vendorRules } from './people.js';
import { billRules, purchaseOrderRules } from './purchases.js';
import { estimateRules, invoiceRules, salesReceiptRules } from './sales.js';
import { companyInfoRules, preferencesRules } from './settings.js';

const ALL: readonly EntityRules[] = [
  accountRules, itemRules, customerRules, vendorRules, employeeRules, estimateRules, invoiceRules, salesReceiptRules,
  paymentRules, purchaseOrderRules, billRules, inventoryAdjustmentRules, departmentRules, classRules, companyInfoRules,
  preferencesRules,
];

const BY_ENTITY = new Map<EntityName, EntityRules>(ALL.map((r) => [r.entity, r]));

export function rulesFor(entity: EntityName): EntityRules {
  const r = BY_ENTITY.get(entity);
  if (!r) throw new Error(`no rules for ${entity}`);
  return r;
}
