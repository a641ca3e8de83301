// CompanyInfo and Preferences (Finance.xsd). Preference groups are kept whole: the sandbox reads a
// few of their fields (SalesFormsPrefs.CustomTxnNumbers, OtherPrefs) but does not look inside the rest.

import { ADDRESS, EMAIL, ENTITY_BASE, PHONE, WEB } from './parts.js';
import { list, readOnly, shape } from './types.js';

export const COMPANY_INFO = shape('CompanyInfo', {
  ...ENTITY_BASE,
  CompanyName: 'string', LegalName: 'string', CompanyAddr: ADDRESS, CustomerCommunicationAddr: ADDRESS, LegalAddr: ADDRESS,
  CompanyEmailAddr: EMAIL, CustomerCommunicationEmailAddr: EMAIL, CompanyURL: WEB, PrimaryPhone: PHONE,
  OtherContactInfo: list('object'), CompanyFileName: 'string', FlavorStratum: 'string', SampleFile: 'boolean',
  CompanyUserId: 'string', CompanyUserAdminEmail: 'string', CompanyStartDate: 'date', EmployerId: 'string',
  FiscalYearStartMonth: 'string', TaxYearStartMonth: 'string', QBVersion: 'string', Country: 'string', ShipAddr: ADDRESS,
  OtherAddr: list(ADDRESS), Mobile: PHONE, Fax: PHONE, Email: EMAIL, WebAddr: WEB, LastImportedTime: readOnly('dateTime'),
  LastSyncTime: readOnly('dateTime'), SupportedLanguages: 'string', DefaultTimeZone: 'string',
  MultiByteCharsSupported: 'boolean', NameValue: list('object'), FifoCalculationStatus: 'object', CompanyInfoEx: 'object',
});

export const PREFERENCES = shape('Preferences', {
  ...ENTITY_BASE,
  AccountingInfoPrefs: 'object', AdvancedInventoryPrefs: 'object', ProductAndServicesPrefs: 'object', SalesFormsPrefs: 'object',
  EmailMessagesPrefs: 'object', PrintDocumentPrefs: 'object', VendorAndPurchasesPrefs: 'object', TimeTrackingPrefs: 'object',
  TaxPrefs: 'object', FinanceChargesPrefs: 'object', CurrencyPrefs: 'object', ReportPrefs: 'object', OtherPrefs: 'object',
});
