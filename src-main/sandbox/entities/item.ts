// Items: inventory, non-inventory, service and category. Inventory items carry a quantity that
// transactions move (see moveQuantity in common.ts).

import { fault } from '../errors.js';
import { formatDate } from '../clock.js';
import { getBool, getNum, getObj, getStr, type JsonObject } from '../json.js';
import { quantity, refValue, requireText, resolveAccount, resolveRef, type EntityRules, type RuleContext } from './common.js';

const TYPES = ['Inventory', 'NonInventory', 'Service', 'Category'] as const;

// Account types an item's accounts take (Intuit's Item reference; the stricter reading where it is loose):
// sales go to an Income account, an inventory item's cost to Cost of Goods Sold and its value to an
// Other Current Asset; a service or non-inventory item bought from vendors may post its cost to Expense.
const INCOME = ['Income'] as const;
const COST_OF_GOODS = ['Cost of Goods Sold'] as const;
const PURCHASE_COST = ['Cost of Goods Sold', 'Expense'] as const;
const ASSET = ['Other Current Asset'] as const;

function prepareName(ctx: RuleContext, draft: JsonObject, previous: JsonObject | undefined): void {
  const name = requireText(draft, 'Name').trim();
  if (name.length > 100) throw fault.tooLong('Name', 100);
  if (name.includes(':')) throw fault.business('The product or service name cannot contain a colon (:).', 'Name');
  const owner = ctx.store.listItemNamed('Item', name);
  if (owner !== undefined && owner !== getStr(previous ?? {}, 'Id')) throw fault.duplicateName('product or service');
  draft.Name = name;
  const sku = getStr(draft, 'Sku');
  if (sku !== undefined && sku.length > 100) throw fault.tooLong('Sku', 100);
}

function prepareParent(ctx: RuleContext, draft: JsonObject, previous: JsonObject | undefined): void {
  const name = getStr(draft, 'Name') ?? '';
  if (refValue(draft, 'ParentRef') === undefined) {
    draft.SubItem = false;
    draft.Level = 0;
    draft.FullyQualifiedName = name;
    return;
  }
  const parent = resolveRef(ctx, draft, 'ParentRef', 'Item', { allowInactive: previous !== undefined });
  if (parent && getStr(parent, 'Type') !== 'Category') throw fault.business('The parent of an item must be a category.', 'ParentRef');
  draft.SubItem = true;
  draft.Level = (getNum(parent ?? {}, 'Level') ?? 0) + 1;
  draft.FullyQualifiedName = `${getStr(parent ?? {}, 'FullyQualifiedName') ?? ''}:${name}`;
}

/** Preferences.ProductAndServicesPrefs.QuantityOnHand: off on plans below Plus (see company-status.ts). */
function tracksQuantity(ctx: RuleContext): boolean {
  const products = getObj(ctx.store.get('Preferences', '1') ?? {}, 'ProductAndServicesPrefs');
  return products === undefined || getBool(products, 'QuantityOnHand') !== false;
}

function prepareInventory(ctx: RuleContext, draft: JsonObject, previous: JsonObject | undefined): void {
  // Intuit's recorded answer when the company does not track quantity on hand.
  if (!previous && !tracksQuantity(ctx)) {
    throw fault.business('When you create an item, if Track quantity on hand is turned off, the item cannot be of type Inventory.', 'Type');
  }
  if (getBool(draft, 'TrackQtyOnHand') !== true) throw fault.required('TrackQtyOnHand');
  const qty = getNum(draft, 'QtyOnHand');
  if (qty === undefined) throw fault.required('QtyOnHand');
  draft.QtyOnHand = quantity(qty);
  if (getStr(draft, 'InvStartDate') === undefined) {
    if (previous) draft.InvStartDate = getStr(previous, 'InvStartDate') ?? formatDate(ctx.nowMs);
    else throw fault.required('InvStartDate');
  }
  resolveAccount(ctx, draft, 'AssetAccountRef', { allowed: ASSET }, { required: true });
  resolveAccount(ctx, draft, 'IncomeAccountRef', { allowed: INCOME }, { required: true });
  resolveAccount(ctx, draft, 'ExpenseAccountRef', { allowed: COST_OF_GOODS }, { required: true });
}

function prepareItem(ctx: RuleContext, draft: JsonObject, previous: JsonObject | undefined): void {
  prepareName(ctx, draft, previous);
  const type = requireText(draft, 'Type');
  if (!(TYPES as readonly string[]).includes(type)) throw fault.invalidValue('Type', type);
  if (previous) {
    const before = getStr(previous, 'Type');
    if (before === 'Inventory' && type !== 'Inventory') throw fault.business('An inventory item cannot be changed to another type.', 'Type');
    if (getBool(previous, 'TrackQtyOnHand') === true && getBool(draft, 'TrackQtyOnHand') === false) {
      throw fault.business('Quantity tracking cannot be turned off once it is on.', 'TrackQtyOnHand');
    }
  }
  prepareParent(ctx, draft, previous);
  draft.Active = getBool(draft, 'Active') ?? true;
  if (type === 'Category') {
    for (const f of ['IncomeAccountRef', 'ExpenseAccountRef', 'AssetAccountRef', 'QtyOnHand', 'InvStartDate']) delete draft[f];
    draft.TrackQtyOnHand = false;
    return;
  }
  draft.Taxable = getBool(draft, 'Taxable') ?? false;
  draft.UnitPrice = getNum(draft, 'UnitPrice') ?? 0;
  draft.PurchaseCost = getNum(draft, 'PurchaseCost') ?? 0;
  if (type === 'Inventory') {
    prepareInventory(ctx, draft, previous);
    return;
  }
  if (getBool(draft, 'TrackQtyOnHand') === true) throw fault.business('Only inventory items can track quantity on hand.', 'TrackQtyOnHand');
  draft.TrackQtyOnHand = false;
  delete draft.QtyOnHand;
  if (refValue(draft, 'IncomeAccountRef') === undefined && refValue(draft, 'ExpenseAccountRef') === undefined) {
    throw fault.required('IncomeAccountRef');
  }
  resolveAccount(ctx, draft, 'IncomeAccountRef', { allowed: INCOME });
  resolveAccount(ctx, draft, 'ExpenseAccountRef', { allowed: PURCHASE_COST });
}

export const itemRules: EntityRules = { entity: 'Item', kind: 'name', prepare: prepareItem };
