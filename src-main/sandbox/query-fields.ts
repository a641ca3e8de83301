// Which properties a query may name, per entity: the ones Intuit's entity reference marks
// "filterable" (WHERE), and the plain values a column list may pick. Where Intuit's pages and real
// answers disagree or say nothing, the shorter list is kept (docs/sandbox.md lists the choices).

import type { EntityName } from './store.js';

export interface QueryFields {
  /** Properties a WHERE may compare (dotted for MetaData's times); compared without case. */
  filterable: readonly string[];
  /** Top-level plain values that are known but not filterable: columns and ORDERBY only. */
  values: readonly string[];
  /** Known properties holding objects or lists (addresses, lines, refs): never in WHERE or a column list. */
  objects: readonly string[];
}

const ALWAYS = ['Id', 'MetaData.CreateTime', 'MetaData.LastUpdatedTime'];
const ALWAYS_VALUES = ['SyncToken'];
const ALWAYS_OBJECTS = ['MetaData', 'domain', 'sparse'];

const PERSON_FILTERS = ['DisplayName', 'GivenName', 'MiddleName', 'FamilyName', 'CompanyName', 'PrintOnCheckName', 'Active', 'PrimaryEmailAddr'];
const PERSON_VALUES = ['Title', 'Suffix', 'Notes'];
const PERSON_OBJECTS = ['BillAddr', 'PrimaryPhone', 'Mobile', 'Fax', 'AlternatePhone', 'WebAddr', 'CurrencyRef'];

const TXN_VALUES = ['PrivateNote', 'TxnStatus', 'ExchangeRate', 'GlobalTaxCalculation'];
const TXN_OBJECTS = ['Line', 'LinkedTxn', 'TxnTaxDetail', 'CurrencyRef', 'DepartmentRef', 'ClassRef', 'CustomField'];
const SALES_OBJECTS = [
  ...TXN_OBJECTS, 'BillAddr', 'ShipAddr', 'ShipFromAddr', 'BillEmail', 'CustomerMemo', 'SalesTermRef', 'ShipMethodRef',
  'DepositToAccountRef', 'PaymentMethodRef', 'ProjectRef',
];
const SALES_VALUES = [...TXN_VALUES, 'EmailStatus', 'PrintStatus', 'FreeFormAddress', 'ApplyTaxAfterDiscount', 'HomeTotalAmt', 'ShipDate', 'TrackingNum'];

const NAME_LIST = { filterable: [...ALWAYS, 'Name', 'Active', 'FullyQualifiedName'], values: [...ALWAYS_VALUES, 'SubDepartment', 'SubClass'], objects: [...ALWAYS_OBJECTS, 'ParentRef'] };

export const QUERY_FIELDS: Record<EntityName, QueryFields> = {
  Customer: {
    filterable: [...ALWAYS, ...PERSON_FILTERS, 'Balance', 'FullyQualifiedName'],
    values: [...ALWAYS_VALUES, ...PERSON_VALUES, 'Job', 'BillWithParent', 'Level', 'BalanceWithJobs', 'Taxable', 'IsProject', 'PreferredDeliveryMethod', 'ResaleNum'],
    objects: [...ALWAYS_OBJECTS, ...PERSON_OBJECTS, 'ShipAddr', 'ParentRef', 'SalesTermRef', 'PaymentMethodRef', 'DefaultTaxCodeRef', 'CustomerTypeRef'],
  },
  Vendor: {
    filterable: [...ALWAYS, ...PERSON_FILTERS, 'Balance'],
    values: [...ALWAYS_VALUES, ...PERSON_VALUES, 'AcctNum', 'Vendor1099', 'TaxIdentifier', 'BillRate', 'CostRate'],
    objects: [...ALWAYS_OBJECTS, ...PERSON_OBJECTS, 'TermRef', 'APAccountRef'],
  },
  Employee: {
    filterable: [...ALWAYS, 'DisplayName', 'GivenName', 'MiddleName', 'FamilyName', 'PrintOnCheckName', 'Active'],
    values: [...ALWAYS_VALUES, ...PERSON_VALUES, 'EmployeeNumber', 'BillableTime', 'HiredDate', 'ReleasedDate', 'BirthDate', 'Gender'],
    objects: [...ALWAYS_OBJECTS, 'PrimaryAddr', 'PrimaryEmailAddr', 'PrimaryPhone', 'Mobile'],
  },
  Item: {
    filterable: [...ALWAYS, 'Name', 'Active', 'Type', 'Sku', 'FullyQualifiedName'],
    values: [
      ...ALWAYS_VALUES, 'Description', 'PurchaseDesc', 'UnitPrice', 'PurchaseCost', 'QtyOnHand', 'InvStartDate', 'TrackQtyOnHand',
      'Taxable', 'SalesTaxIncluded', 'PurchaseTaxIncluded', 'ReorderPoint', 'SubItem', 'Level',
    ],
    objects: [...ALWAYS_OBJECTS, 'IncomeAccountRef', 'ExpenseAccountRef', 'AssetAccountRef', 'ParentRef', 'PrefVendorRef', 'SalesTaxCodeRef', 'PurchaseTaxCodeRef', 'ClassRef'],
  },
  Account: {
    filterable: [...ALWAYS, 'Name', 'Active', 'AccountType', 'AccountSubType', 'Classification', 'FullyQualifiedName', 'CurrentBalance', 'CurrentBalanceWithSubAccounts', 'SubAccount'],
    values: [...ALWAYS_VALUES, 'AcctNum', 'Description'],
    objects: [...ALWAYS_OBJECTS, 'ParentRef', 'CurrencyRef'],
  },
  Estimate: {
    filterable: [...ALWAYS, 'DocNumber', 'TxnDate', 'CustomerRef', 'TotalAmt', 'TxnStatus'],
    values: [...SALES_VALUES, 'ExpirationDate', 'AcceptedBy', 'AcceptedDate'],
    objects: [...ALWAYS_OBJECTS, ...SALES_OBJECTS],
  },
  Invoice: {
    filterable: [...ALWAYS, 'DocNumber', 'TxnDate', 'DueDate', 'CustomerRef', 'Balance', 'TotalAmt'],
    values: [...SALES_VALUES, 'Deposit', 'AllowOnlineCreditCardPayment', 'AllowOnlineACHPayment'],
    objects: [...ALWAYS_OBJECTS, ...SALES_OBJECTS, 'InvoiceLink', 'DeliveryInfo'],
  },
  SalesReceipt: {
    filterable: [...ALWAYS, 'DocNumber', 'TxnDate', 'CustomerRef', 'TotalAmt'],
    values: [...SALES_VALUES, 'Balance', 'PaymentRefNum'],
    objects: [...ALWAYS_OBJECTS, ...SALES_OBJECTS],
  },
  Payment: {
    filterable: [...ALWAYS, 'TxnDate', 'CustomerRef', 'TotalAmt'],
    values: [...ALWAYS_VALUES, 'PrivateNote', 'UnappliedAmt', 'PaymentRefNum', 'ProcessPayment', 'DocNumber'],
    objects: [...ALWAYS_OBJECTS, 'Line', 'DepositToAccountRef', 'PaymentMethodRef', 'ARAccountRef', 'CurrencyRef'],
  },
  PurchaseOrder: {
    filterable: [...ALWAYS, 'DocNumber', 'TxnDate', 'VendorRef', 'TotalAmt'],
    values: [...ALWAYS_VALUES, ...TXN_VALUES, 'POStatus', 'DueDate', 'Memo', 'POEmail'],
    objects: [...ALWAYS_OBJECTS, ...TXN_OBJECTS, 'APAccountRef', 'VendorAddr', 'ShipAddr', 'ShipMethodRef', 'SalesTermRef'],
  },
  Bill: {
    filterable: [...ALWAYS, 'DocNumber', 'TxnDate', 'DueDate', 'VendorRef', 'Balance', 'TotalAmt'],
    values: [...ALWAYS_VALUES, ...TXN_VALUES],
    objects: [...ALWAYS_OBJECTS, ...TXN_OBJECTS, 'APAccountRef', 'SalesTermRef', 'VendorAddr'],
  },
  InventoryAdjustment: {
    filterable: [...ALWAYS, 'DocNumber', 'TxnDate'],
    values: [...ALWAYS_VALUES, 'PrivateNote'],
    objects: [...ALWAYS_OBJECTS, 'Line', 'AdjustAccountRef', 'DepartmentRef', 'ClassRef'],
  },
  Department: NAME_LIST,
  Class: NAME_LIST,
  CompanyInfo: {
    filterable: ALWAYS,
    values: [...ALWAYS_VALUES, 'CompanyName', 'LegalName', 'Country', 'FiscalYearStartMonth', 'CompanyStartDate', 'SupportedLanguages', 'DefaultTimeZone'],
    objects: [...ALWAYS_OBJECTS, 'CompanyAddr', 'CustomerCommunicationAddr', 'LegalAddr', 'PrimaryPhone', 'Email', 'WebAddr', 'NameValue'],
  },
  Preferences: {
    filterable: ALWAYS,
    values: ALWAYS_VALUES,
    objects: [
      ...ALWAYS_OBJECTS, 'AccountingInfoPrefs', 'ProductAndServicesPrefs', 'SalesFormsPrefs', 'EmailMessagesPrefs', 'VendorAndPurchasesPrefs',
      'TimeTrackingPrefs', 'TaxPrefs', 'CurrencyPrefs', 'ReportPrefs', 'OtherPrefs',
    ],
  },
};

export type FieldKind = 'filterable' | 'value' | 'object' | 'unknown';

/** What `path` (as written in the query) is for `entity`, without regard to case. */
export function fieldKind(entity: EntityName, path: readonly string[]): FieldKind {
  const name = path.join('.').toLowerCase();
  const f = QUERY_FIELDS[entity];
  if (f.filterable.some((p) => p.toLowerCase() === name)) return 'filterable';
  if (path.length > 1) return 'unknown';
  if (f.values.some((p) => p.toLowerCase() === name)) return 'value';
  if (f.objects.some((p) => p.toLowerCase() === name)) return 'object';
  return 'unknown';
}

/** The property's spelling in Intuit's reference (for column lists and messages). */
export function canonicalField(entity: EntityName, path: readonly string[]): string {
  const name = path.join('.').toLowerCase();
  const f = QUERY_FIELDS[entity];
  return [...f.filterable, ...f.values, ...f.objects].find((p) => p.toLowerCase() === name) ?? path.join('.');
}
