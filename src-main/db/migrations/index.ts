/** Every migration, in order. Add a file per migration and list it here. */
import type { Migration } from '../migration';
import { migration0001 } from './0001-settings';
import { migration0002 } from './0002-sync-bookkeeping';
import { migration0003 } from './0003-sites-items-stock';
import { migration0004 } from './0004-counts';
import { migration0005 } from './0005-customers-vendors';
import { migration0006 } from './0006-picking-orders';
import { migration0007 } from './0007-purchase-orders';
import { migration0008 } from './0008-invoices-estimates';
import { migration0009 } from './0009-sync-conflicts';
import { migration0010 } from './0010-qbo-versions';
import { migration0011 } from './0011-api-calls';
import { migration0012 } from './0012-reorder';
import { migration0013 } from './0013-qbo-purchase-orders';
import { migration0014 } from './0014-bins';
import { migration0015 } from './0015-order-postings';
import { migration0016 } from './0016-count-bins';
import { migration0017 } from './0017-item-stock';
import { migration0018 } from './0018-list-sorts';

export const migrations: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
  migration0008,
  migration0009,
  migration0010,
  migration0011,
  migration0012,
  migration0013,
  migration0014,
  migration0015,
  migration0016,
  migration0017,
  migration0018,
];
