/** What the warehouse services need from outside: time, ids, and (when a host runs them) its events. */
import type { Clock, Ids } from '../../src-shared/effects';
import type { ServiceContext } from '../db';

export interface Effects {
  clock: Clock;
  ids: Ids;
  /** Present under a host; services emit after their transaction commits. */
  emit?: ServiceContext['emit'];
}

/**
 * What the warehouse tells whoever runs its handlers (the host passes it on to the sync engine), so
 * the dispatcher needs no knowledge of which requests matter to QuickBooks.
 */
export interface WarehouseHooks {
  /** An order was picked, closed or posted (after its transaction committed): a posting may now wait in the outbox. */
  orderSettled(): void;
}

/**
 * Who asked for a write. Changes that came from QuickBooks are recorded (audit, updated_at) but are not
 * queued back to QuickBooks: sending an import straight back would only echo it.
 */
export interface WriteOptions {
  by?: string | undefined;
  origin?: 'local' | 'qbo';
}

export const localUser = 'local user';
export const quickbooksUser = 'QuickBooks sync';

export function actorOf(options: WriteOptions | undefined): string {
  if (options?.by) return options.by;
  return options?.origin === 'qbo' ? quickbooksUser : localUser;
}

export function fromQbo(options: WriteOptions | undefined): boolean {
  return options?.origin === 'qbo';
}

export function nowIso(effects: Effects): string {
  return effects.clock.now().toISOString();
}
