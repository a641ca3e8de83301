// Accounts, departments (locations) and classes: simple name lists with optional parents.

import { fault } from '../errors.js';
import { getBool, getStr, type JsonObject } from '../json.js';
import type { EntityName } from '../store.js';
import { refValue, requireText, resolveRef, USD, type EntityRules, type RuleContext } from './common.js';

const CLASSIFICATION: Record<string, string> = {
  Bank: 'Asset', 'Other Current Asset': 'Asset', 'Fixed Asset': 'Asset', 'Other Asset': 'Asset', 'Accounts Receivable': 'Asset',
  Equity: 'Equity', Expense: 'Expense', 'Other Expense': 'Expense', 'Cost of Goods Sold': 'Expense',
  'Accounts Payable': 'Liability', 'Credit Card': 'Liability', 'Long Term Liability': 'Liability', 'Other Current Liability': 'Liability',
  Income: 'Revenue', 'Other Income': 'Revenue',
};

const DEFAULT_SUBTYPE: Record<string, string> = {
  Bank: 'Checking', 'Other Current Asset': 'Inventory', 'Accounts Receivable': 'AccountsReceivable',
  'Accounts Payable': 'AccountsPayable', Income: 'SalesOfProductIncome', 'Cost of Goods Sold': 'SuppliesMaterialsCogs',
  Expense: 'OtherMiscellaneousServiceCost', Equity: 'OpeningBalanceEquity', 'Other Income': 'OtherMiscellaneousIncome',
  'Other Expense': 'OtherMiscellaneousExpense', 'Fixed Asset': 'OtherFixedAssets', 'Other Asset': 'OtherLongTermAssets',
  'Credit Card': 'CreditCard', 'Long Term Liability': 'OtherLongTermLiabilities', 'Other Current Liability': 'OtherCurrentLiabilities',
};

function prepareNamed(ctx: RuleContext, entity: EntityName, draft: JsonObject, previous: JsonObject | undefined, parentFlag: string, what: string): void {
  const name = requireText(draft, 'Name').trim();
  if (name.length > 100) throw fault.tooLong('Name', 100);
  if (name.includes(':') || name.includes('"')) throw fault.business('A name cannot contain a colon (:) or a double quote (").', 'Name');
  draft.Name = name;
  let fqn = name;
  if (refValue(draft, 'ParentRef') !== undefined) {
    const parent = resolveRef(ctx, draft, 'ParentRef', entity, { allowInactive: previous !== undefined });
    fqn = `${getStr(parent ?? {}, 'FullyQualifiedName') ?? ''}:${name}`;
    draft[parentFlag] = true;
  } else {
    draft[parentFlag] = false;
  }
  const owner = ctx.store.listItemNamed(entity, fqn);
  if (owner !== undefined && owner !== getStr(previous ?? {}, 'Id')) throw fault.duplicateName(what);
  draft.FullyQualifiedName = fqn;
  draft.Active = getBool(draft, 'Active') ?? true;
}

export const accountRules: EntityRules = {
  entity: 'Account',
  kind: 'name',
  prepare(ctx, draft, previous) {
    prepareNamed(ctx, 'Account', draft, previous, 'SubAccount', 'account');
    const type = requireText(draft, 'AccountType');
    const classification = CLASSIFICATION[type];
    if (classification === undefined) throw fault.invalidValue('AccountType', type);
    draft.Classification = classification;
    if (getStr(draft, 'AccountSubType') === undefined) draft.AccountSubType = DEFAULT_SUBTYPE[type] ?? type.replace(/ /g, '');
    draft.CurrentBalance = typeof previous?.CurrentBalance === 'number' ? previous.CurrentBalance : 0;
    draft.CurrentBalanceWithSubAccounts = draft.CurrentBalance;
    draft.CurrencyRef = USD;
  },
};

export const departmentRules: EntityRules = {
  entity: 'Department',
  kind: 'name',
  prepare(ctx, draft, previous) {
    prepareNamed(ctx, 'Department', draft, previous, 'SubDepartment', 'location');
  },
};

export const classRules: EntityRules = {
  entity: 'Class',
  kind: 'name',
  prepare(ctx, draft, previous) {
    prepareNamed(ctx, 'Class', draft, previous, 'SubClass', 'class');
  },
};
