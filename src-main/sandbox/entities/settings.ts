// CompanyInfo and Preferences: one object each, read and updated but never created or deleted.

import { fault } from '../errors.js';
import { getStr } from '../json.js';
import type { EntityRules } from './common.js';

export const companyInfoRules: EntityRules = {
  entity: 'CompanyInfo',
  kind: 'settings',
  prepare(_ctx, draft, previous) {
    if (!previous) throw fault.business('CompanyInfo cannot be created.');
    if (getStr(draft, 'CompanyName') === undefined) throw fault.required('CompanyName');
  },
};

export const preferencesRules: EntityRules = {
  entity: 'Preferences',
  kind: 'settings',
  prepare(_ctx, _draft, previous) {
    if (!previous) throw fault.business('Preferences cannot be created.');
  },
};
