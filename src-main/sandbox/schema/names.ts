// Name lists: items, customers, vendors, employees, accounts, locations (Department) and classes,
// with Intuit's fields for each (Finance.xsd). Read-only ones are the figures QuickBooks keeps.

import { ADDRESS, ENTITY_BASE, NAME_BASE, REF } from './parts.js';
import { list, readOnly, shape } from './types.js';

export const ITEM = shape('Item', {
  ...ENTITY_BASE,
  Name: 'string', Sku: 'string', Description: 'string', Active: 'boolean', SubItem: 'boolean', ParentRef: REF,
  Level: readOnly('int'), FullyQualifiedName: readOnly('string'), Taxable: 'boolean', SalesTaxIncluded: 'boolean',
  PercentBased: 'boolean', UnitPrice: 'decimal', RatePercent: 'decimal', Type: 'string', PaymentMethodRef: REF, UOMSetRef: REF,
  IncomeAccountRef: REF, PurchaseDesc: 'string', PurchaseTaxIncluded: 'boolean', PurchaseCost: 'decimal', ExpenseAccountRef: REF,
  COGSAccountRef: REF, AssetAccountRef: REF, PrefVendorRef: REF, AvgCost: readOnly('decimal'), TrackQtyOnHand: 'boolean',
  QtyOnHand: 'decimal', QtyOnPurchaseOrder: readOnly('decimal'), QtyOnSalesOrder: readOnly('decimal'), ReorderPoint: 'decimal',
  ManPartNum: 'string', DepositToAccountRef: REF, SalesTaxCodeRef: REF, PurchaseTaxCodeRef: REF, InvStartDate: 'date',
  BuildPoint: 'decimal', PrintGroupedItems: 'boolean', SpecialItem: 'boolean', SpecialItemType: 'string',
  ItemGroupDetail: 'object', ItemAssemblyDetail: 'object', AbatementRate: 'decimal', ReverseChargeRate: 'decimal',
  ServiceType: 'string', ItemCategoryType: 'string', ItemEx: 'object', TaxClassificationRef: REF, UQCDisplayText: 'string',
  UQCId: 'string', ClassRef: REF, Source: 'string', DeferredRevenue: 'boolean',
});

export const CUSTOMER = shape('Customer', {
  ...NAME_BASE,
  Taxable: 'boolean', BillAddr: ADDRESS, ShipAddr: ADDRESS, OtherAddr: list(ADDRESS), ContactName: 'string',
  AltContactName: 'string', Notes: 'string', Job: 'boolean', BillWithParent: 'boolean', RootCustomerRef: readOnly(REF),
  ParentRef: REF, Level: readOnly('int'), CustomerTypeRef: REF, SalesTermRef: REF, SalesRepRef: REF, TaxGroupCodeRef: REF,
  TaxRateRef: REF, PaymentMethodRef: REF, CCDetail: 'object', PriceLevelRef: REF, Balance: readOnly('decimal'),
  OpenBalanceDate: 'date', BalanceWithJobs: readOnly('decimal'), CreditLimit: 'decimal', AcctNum: 'string', CurrencyRef: REF,
  OverDueBalance: readOnly('decimal'), TotalRevenue: readOnly('decimal'), TotalExpense: readOnly('decimal'),
  PreferredDeliveryMethod: 'string', ResaleNum: 'string', JobInfo: 'object', TDSEnabled: 'boolean', CustomerEx: 'object',
  SecondaryTaxIdentifier: 'string', ARAccountRef: REF, PrimaryTaxIdentifier: 'string', TaxExemptionReasonId: 'string',
  IsProject: readOnly('boolean'), BusinessNumber: 'string', GSTIN: 'string', GSTRegistrationType: 'string',
  IsCISContractor: 'boolean', ClientCompanyId: 'string', ClientEntityId: 'string', Source: 'string', TaxRegime: 'string',
});

export const VENDOR = shape('Vendor', {
  ...NAME_BASE,
  ContactName: 'string', AltContactName: 'string', Notes: 'string', BillAddr: ADDRESS, ShipAddr: ADDRESS, OtherAddr: list(ADDRESS),
  TaxCountry: 'string', TaxIdentifier: 'string', TaxIdEffectiveDate: 'date', BusinessNumber: 'string', ParentRef: REF,
  VendorTypeRef: REF, TermRef: REF, PrefillAccountRef: REF, Balance: readOnly('decimal'), BillRate: 'decimal',
  OpenBalanceDate: 'date', CreditLimit: 'decimal', AcctNum: 'string', Vendor1099: 'boolean', T4AEligible: 'boolean',
  T5018Eligible: 'boolean', CurrencyRef: REF, TDSEnabled: 'boolean', TDSEntityTypeId: 'int', TDSSectionTypeId: 'int',
  TDSOverrideThreshold: 'boolean', TaxReportingBasis: 'string', APAccountRef: REF, VendorEx: 'object', GSTIN: 'string',
  GSTRegistrationType: 'string', IsSubContractor: 'boolean', SubcontractorType: 'string', CISRate: 'string', HasTPAR: 'boolean',
  VendorPaymentBankDetail: 'object', Source: 'string', CostRate: 'decimal',
});

export const EMPLOYEE = shape('Employee', {
  ...NAME_BASE,
  EmployeeType: 'string', EmployeeNumber: 'string', SSN: 'string', PrimaryAddr: ADDRESS, OtherAddr: list(ADDRESS),
  BillableTime: 'boolean', BillRate: 'decimal', BirthDate: 'date', Gender: 'string', HiredDate: 'date', ReleasedDate: 'date',
  UseTimeEntry: 'string', EmployeeEx: 'object', CostRate: 'decimal', Notes: 'string',
});

export const ACCOUNT = shape('Account', {
  ...ENTITY_BASE,
  Name: 'string', SubAccount: 'boolean', ParentRef: REF, Description: 'string', FullyQualifiedName: readOnly('string'),
  AccountAlias: 'string', TxnLocationType: 'string', Active: 'boolean', Classification: 'string', AccountType: 'string',
  AccountSubType: 'string', AccountPurposes: list(REF), AcctNum: 'string', AcctNumExtn: 'string', BankNum: 'string',
  OpeningBalance: 'decimal', OpeningBalanceDate: 'date', CurrentBalance: readOnly('decimal'),
  CurrentBalanceWithSubAccounts: readOnly('decimal'), CurrencyRef: REF, TaxAccount: 'boolean', TaxCodeRef: REF,
  OnlineBankingEnabled: 'boolean', FIName: 'string', JournalCodeRef: REF, AccountEx: 'object',
});

export const DEPARTMENT = shape('Department', {
  ...ENTITY_BASE,
  Name: 'string', SubDepartment: 'boolean', ParentRef: REF, FullyQualifiedName: readOnly('string'), Active: 'boolean',
  DepartmentEx: 'object', Address: ADDRESS,
});

export const CLASS = shape('Class', {
  ...ENTITY_BASE,
  Name: 'string', SubClass: 'boolean', ParentRef: REF, FullyQualifiedName: readOnly('string'), Active: 'boolean', ClassEx: 'object',
});
