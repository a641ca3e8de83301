/** The typed QuickBooks client the sync engine codes against; one per connected realm. */
import type { QboError } from './errors';

export type QboObject = {
  Id: string;
  SyncToken: string;
  MetaData?: { CreateTime: string; LastUpdatedTime: string };
  [k: string]: unknown;
};

export interface BatchOp {
  /** At most 10 characters (Intuit's limit; with requestId at most 50 together). */
  bId: string;
  operation: 'create' | 'update' | 'delete';
  entity: string;
  body: Record<string, unknown>;
}

export type BatchResult =
  | { bId: string; ok: true; entity: string; object: QboObject }
  | { bId: string; ok: false; error: QboError };

export interface CompanySummary {
  companyName: string;
  realmId: string;
  country?: string;
}

export interface QboClient {
  readonly realmId: string;
  /** Pages STARTPOSITION/MAXRESULTS 1000 until a page comes back short; `where` is the text after WHERE. */
  queryAll(entity: string, where?: string): Promise<QboObject[]>;
  read(entity: string, id: string): Promise<QboObject>;
  /** `requestId` (≤ 50 chars) is sent as `requestid`, so a retry answers with the first result. */
  create(entity: string, body: Record<string, unknown>, requestId: string): Promise<QboObject>;
  /** `body` holds Id and SyncToken; an update is sparse unless `body.sparse === false`. */
  update(entity: string, body: Record<string, unknown>, requestId: string): Promise<QboObject>;
  remove(entity: string, body: { Id: string; SyncToken: string }, requestId: string): Promise<void>;
  /** ≤ `batchMaxItems` ops (30 by default); `requestId` ≤ 36 chars; per-item results in op order. */
  batch(ops: BatchOp[], requestId: string): Promise<BatchResult[]>;
  /** Changes since a moment ≤ 30 days back; deleted objects come back with `status: 'Deleted'`. */
  cdc(entities: string[], changedSince: Date): Promise<Record<string, QboObject[]>>;
  companyInfo(): Promise<CompanySummary>;
  preferences(): Promise<Record<string, unknown>>;
  /** QuickBooks' own clock (from the `time` of its latest answer), or null before the first answer. */
  serverNow(): Date | null;
  /** QuickBooks' clock now: from its latest answer, or (before any) asked for with one small read. */
  serverTime(): Promise<Date>;
}
