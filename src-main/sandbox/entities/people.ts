// Customers (with sub-customers), vendors and employees: one name space for DisplayName.

import { fault } from '../errors.js';
import { getBool, getNum, getStr, type JsonObject } from '../json.js';
import type { EntityName } from '../store.js';
import { refValue, resolveRef, USD, type EntityRules, type RuleContext } from './common.js';

const NAME_PARTS = ['Title', 'GivenName', 'MiddleName', 'FamilyName', 'Suffix'] as const;
const MAX_LEVEL = 4;

/** DisplayName, or Title, GivenName, MiddleName, FamilyName and Suffix joined (Intuit's rule; CompanyName is not used). */
function deriveDisplayName(draft: JsonObject): string {
  const given = getStr(draft, 'DisplayName');
  if (given !== undefined && given.trim() !== '') return given.trim();
  const parts = NAME_PARTS.map((p) => getStr(draft, p)).filter((p): p is string => p !== undefined && p.trim() !== '');
  if (parts.length > 0) return parts.join(' ');
  throw fault.required('DisplayName');
}

const hasText = (draft: JsonObject, field: string): boolean => (getStr(draft, field) ?? '').trim() !== '';

function checkUniqueName(ctx: RuleContext, entity: EntityName, name: string, selfId: string | undefined): void {
  if (name.length > 500) throw fault.tooLong('DisplayName', 500);
  if (name.includes(':')) throw fault.business('A name cannot contain a colon (:).', 'DisplayName');
  const owner = ctx.store.personNamed(name);
  if (owner && !(owner.entity === entity && owner.id === selfId)) throw fault.duplicateName('customer, vendor or employee');
}

function prepareCommon(ctx: RuleContext, entity: EntityName, draft: JsonObject, previous: JsonObject | undefined): string {
  const name = deriveDisplayName(draft);
  checkUniqueName(ctx, entity, name, getStr(previous ?? {}, 'Id'));
  draft.DisplayName = name;
  if (getStr(draft, 'PrintOnCheckName') === undefined) draft.PrintOnCheckName = name;
  draft.Active = getBool(draft, 'Active') ?? true;
  return name;
}

function prepareCustomer(ctx: RuleContext, draft: JsonObject, previous: JsonObject | undefined): void {
  const name = prepareCommon(ctx, 'Customer', draft, previous);
  const isJob = getBool(draft, 'Job') === true;
  const parentId = refValue(draft, 'ParentRef');
  if (isJob && parentId === undefined) throw fault.required('ParentRef');
  if (!isJob && parentId !== undefined) throw fault.required('Job');
  if (isJob) {
    const parent = resolveRef(ctx, draft, 'ParentRef', 'Customer', { required: true, allowInactive: previous !== undefined });
    const selfId = getStr(previous ?? {}, 'Id');
    if (parent && selfId !== undefined && getStr(parent, 'Id') === selfId) throw fault.business('A customer cannot be its own parent.', 'ParentRef');
    const level = (getNum(parent ?? {}, 'Level') ?? 0) + 1;
    if (level > MAX_LEVEL) throw fault.business(`Sub-customers can only be nested ${MAX_LEVEL} levels deep.`, 'ParentRef');
    draft.Level = level;
    draft.FullyQualifiedName = `${getStr(parent ?? {}, 'FullyQualifiedName') ?? ''}:${name}`;
    draft.BillWithParent = getBool(draft, 'BillWithParent') ?? false;
  } else {
    if (getBool(draft, 'BillWithParent') === true) throw fault.business('BillWithParent can only be set on a sub-customer.', 'BillWithParent');
    draft.Job = false;
    draft.BillWithParent = false;
    draft.Level = 0;
    draft.FullyQualifiedName = name;
  }
  draft.Taxable = getBool(draft, 'Taxable') ?? false;
  draft.Balance = getNum(previous ?? {}, 'Balance') ?? 0;
  draft.BalanceWithJobs = getNum(previous ?? {}, 'BalanceWithJobs') ?? 0;
  draft.CurrencyRef = USD;
  draft.PreferredDeliveryMethod = getStr(draft, 'PreferredDeliveryMethod') ?? 'Print';
  // Projects are made in QuickBooks' screens only; through the API a customer is never one.
  draft.IsProject = getBool(previous ?? {}, 'IsProject') ?? false;
}

export const customerRules: EntityRules = { entity: 'Customer', kind: 'name', prepare: prepareCustomer };

export const vendorRules: EntityRules = {
  entity: 'Vendor',
  kind: 'name',
  prepare(ctx, draft, previous) {
    prepareCommon(ctx, 'Vendor', draft, previous);
    draft.Balance = getNum(previous ?? {}, 'Balance') ?? 0;
    draft.Vendor1099 = getBool(draft, 'Vendor1099') ?? false;
    draft.CurrencyRef = USD;
  },
};

export const employeeRules: EntityRules = {
  entity: 'Employee',
  kind: 'name',
  prepare(ctx, draft, previous) {
    // Intuit: at least one of GivenName or FamilyName is required for an employee.
    if (!hasText(draft, 'GivenName') && !hasText(draft, 'FamilyName')) throw fault.required('GivenName');
    prepareCommon(ctx, 'Employee', draft, previous);
  },
};
