/** How one kind of record crosses: the pull side (QuickBooks → ShelfSync) and the push side (outbox → QuickBooks). */
import type { ServiceContext, OutboxKind } from '../db';
import type { Direction, RunCounts, Settings, SyncedEntity } from '../../src-shared/ipc';
import type { QboErrorLike, QboObject, QboPort } from './port';
import type { OutboxRow } from './outboxQueue';
import type { LogInput } from './runs';

export interface SyncEnv {
  ctx: ServiceContext;
  settings: Settings;
  qbo: QboPort;
  runId: number;
  counts: RunCounts;
  /** Full reads instead of CDC, and every local record re-sent as an update of what is linked. */
  resendAll: boolean;
  log(entry: Omit<LogInput, 'runId'>): void;
}

export interface PullSpec {
  /** The settings key whose direction decides whether this pull runs. */
  entity: SyncedEntity;
  qboEntity: string;
  directions: readonly Direction[];
  /** One WHERE clause per full read; `undefined` reads with QuickBooks' default filter. */
  fullReads: readonly (string | undefined)[];
  /** Order to apply pulled objects in (e.g. parents before their sub-customers); default as read. */
  order?(a: QboObject, b: QboObject): number;
  /** Applies pulled objects; called inside a transaction, a chunk at a time. Deleted objects have status 'Deleted'. */
  apply(env: SyncEnv, objects: QboObject[]): void;
}

export type Prepared =
  | { action: 'create' | 'update'; entity: string; body: Record<string, unknown>; label: string }
  | { action: 'skip'; reason: string; label: string }
  | { action: 'wait'; reason: string; label: string };

export interface PushSpec {
  kind: OutboxKind;
  entity: SyncedEntity;
  directions: readonly Direction[];
  /** Lower waves go first: names before documents, documents before stock. */
  wave: 1 | 2 | 3;
  /**
   * Sent one request per row under the row's own request id, never batched: for changes that have no
   * marker to look for afterwards (a quantity set on an item), Intuit's requestid memory is the only guard.
   */
  single?: boolean;
  prepare(env: SyncEnv, row: OutboxRow): Prepared | Promise<Prepared>;
  /**
   * When an earlier attempt's outcome is unknown (sent, answer lost), find the object it may have
   * made by its marker, so it is never created twice.
   */
  findExisting(env: SyncEnv, row: OutboxRow, prepared: Prepared & { action: 'create' }): Promise<QboObject | null>;
  /**
   * QuickBooks refused what `prepare` made, for good: another way to send the same change (sent under a
   * request id of its own), with what to record once QuickBooks took it; null fails the row as usual.
   */
  fallback?(
    env: SyncEnv,
    row: OutboxRow,
    error: QboErrorLike,
    prepared: Prepared & { action: 'create' | 'update' },
  ): Promise<{ prepared: Prepared; accepted(): void } | null>;
  /** Every local record Resend All Data sends again (as updates where linked). */
  resendIds?(env: SyncEnv): string[];
  /** Records the link and anything QuickBooks assigned (numbers, ids). Runs in a transaction. */
  applied(env: SyncEnv, row: OutboxRow, object: QboObject, action: 'create' | 'update'): void;
}

export interface Syncers {
  pulls: readonly PullSpec[];
  pushes: readonly PushSpec[];
}

/** QuickBooks names a deleted object only by Id and status. */
export function isDeleted(object: QboObject): boolean {
  return object.status === 'Deleted';
}
