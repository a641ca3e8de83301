/** Every migration, in order. Add a file per migration and list it here. */
import type { Migration } from '../migration';
import { migration0001 } from './0001-settings';
import { migration0002 } from './0002-sync-bookkeeping';

export const migrations: readonly Migration[] = [migration0001, migration0002];
