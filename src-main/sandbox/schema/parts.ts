// Nested objects shared by many entities, with the fields Intuit's schema gives them
// (IntuitBaseTypes.xsd and Finance.xsd of Intuit's Java SDK): references, addresses, contact
// details, MetaData, links between transactions, tax detail, custom fields.

import { list, readOnly, shape, type FieldSpec } from './types.js';

/** `{value, name, type}`: value is the Id; name and type are informational. */
export const REF = shape('ReferenceType', { value: 'string', name: 'string', type: 'string' });

export const ADDRESS = shape('PhysicalAddress', {
  Id: 'id', Line1: 'string', Line2: 'string', Line3: 'string', Line4: 'string', Line5: 'string', City: 'string',
  Country: 'string', CountryCode: 'string', County: 'string', CountrySubDivisionCode: 'string', PostalCode: 'string',
  PostalCodeSuffix: 'string', Lat: 'string', Long: 'string', Tag: 'string', Note: 'string',
});

export const EMAIL = shape('EmailAddress', { Id: 'id', Address: 'string', Default: 'boolean', Tag: 'string' });

export const PHONE = shape('TelephoneNumber', {
  Id: 'id', DeviceType: 'string', CountryCode: 'string', AreaCode: 'string', ExchangeCode: 'string', Extension: 'string',
  FreeFormNumber: 'string', Default: 'boolean', Tag: 'string',
});

export const WEB = shape('WebSiteAddress', { Id: 'id', URI: 'string', Default: 'boolean', Tag: 'string' });

export const META = shape('ModificationMetaData', {
  CreatedByRef: REF, CreateTime: 'dateTime', LastModifiedByRef: REF, LastUpdatedTime: 'dateTime', LastChangedInQB: 'dateTime',
  Synchronized: 'boolean',
});

export const CUSTOM_FIELD = shape('CustomField', {
  DefinitionId: 'id', Name: 'string', Type: 'string', StringValue: 'string', BooleanValue: 'boolean', DateValue: 'date',
  NumberValue: 'decimal',
});

export const LINKED_TXN = shape('LinkedTxn', { TxnId: 'id', TxnType: 'string', TxnLineId: 'id' });

/** CustomerMemo: `{value, id}` (the memo text is the value). */
export const MEMO = shape('MemoRef', { value: 'string', id: 'id' });

/**
 * What every entity carries (IntuitEntity). MetaData, domain, status and sparse are the server's:
 * echoed back by clients that send an object as they read it, and ignored.
 */
export const ENTITY_BASE: Readonly<Record<string, FieldSpec>> = {
  Id: 'id', SyncToken: 'string', MetaData: readOnly(META), CustomField: list(CUSTOM_FIELD), AttachableRef: list('object'),
  domain: readOnly('string'), status: readOnly('string'), sparse: 'boolean',
};

/** NameBase: the contact fields customers, vendors and employees share. */
export const NAME_BASE: Readonly<Record<string, FieldSpec>> = {
  ...ENTITY_BASE,
  IntuitId: 'string', Organization: 'boolean', Title: 'string', GivenName: 'string', MiddleName: 'string', FamilyName: 'string',
  Suffix: 'string', FullyQualifiedName: readOnly('string'), CompanyName: 'string', DisplayName: 'string',
  PrintOnCheckName: 'string', UserId: 'string', Active: 'boolean', V4IDPseudonym: readOnly('string'), PrimaryPhone: PHONE,
  AlternatePhone: PHONE, Mobile: PHONE, Fax: PHONE, PrimaryEmailAddr: EMAIL, WebAddr: WEB, OtherContactInfo: list('object'),
  DefaultTaxCodeRef: REF,
};
