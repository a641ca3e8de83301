// CompanyInfo and Preferences: one object each, read and updated but never created or deleted.

import { fault } from '../errors.js';
import { getObj, getStr, type JsonObject } from '../json.js';
import type { EntityRules } from './common.js';

/** ISO 3166 two-letter codes and names our companies meet, to the 3-letter code Intuit answers with. */
const ISO3: Readonly<Record<string, string>> = {
  US: 'USA', 'UNITED STATES': 'USA', 'UNITED STATES OF AMERICA': 'USA', CA: 'CAN', CANADA: 'CAN', GB: 'GBR', UK: 'GBR',
  'UNITED KINGDOM': 'GBR', AU: 'AUS', AUSTRALIA: 'AUS', IN: 'IND', INDIA: 'IND', FR: 'FRA', FRANCE: 'FRA',
};

/** CompanyAddr, CustomerCommunicationAddr and LegalAddr: 3-letter Country, no Lat/Long (Intuit since 2025-10-31). */
function normaliseCompanyAddresses(draft: JsonObject): void {
  for (const field of ['CompanyAddr', 'CustomerCommunicationAddr', 'LegalAddr']) {
    const addr = getObj(draft, field);
    if (!addr) continue;
    delete addr.Lat;
    delete addr.Long;
    const country = getStr(addr, 'Country');
    const iso = country === undefined ? undefined : ISO3[country.trim().toUpperCase()];
    if (iso !== undefined) addr.Country = iso;
  }
}

export const companyInfoRules: EntityRules = {
  entity: 'CompanyInfo',
  kind: 'settings',
  prepare(_ctx, draft, previous) {
    if (!previous) throw fault.business('CompanyInfo cannot be created.');
    if (getStr(draft, 'CompanyName') === undefined) throw fault.required('CompanyName');
    normaliseCompanyAddresses(draft);
  },
};

export const preferencesRules: EntityRules = {
  entity: 'Preferences',
  kind: 'settings',
  prepare(_ctx, _draft, previous) {
    if (!previous) throw fault.business('Preferences cannot be created.');
  },
};
