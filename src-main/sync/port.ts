/**
 * What the sync engine needs from QuickBooks. The typed client in src-main/qbo implements it; the
 * engine depends on this shape only, so its rules read without the transport's details.
 */
export type QboObject = { Id: string; SyncToken: string; MetaData?: { CreateTime?: string; LastUpdatedTime?: string }; [key: string]: unknown };

export type QboErrorKind = 'throttled' | 'stale' | 'duplicate' | 'validation' | 'notFound' | 'auth' | 'network' | 'server';

export interface QboErrorLike {
  kind: QboErrorKind;
  code: string | null;
  message: string;
}

export interface BatchOp {
  bId: string;
  operation: 'create' | 'update' | 'delete';
  entity: string;
  body: Record<string, unknown>;
}

export type BatchResult =
  | { bId: string; ok: true; entity: string; object: QboObject }
  | { bId: string; ok: false; error: QboErrorLike };

export interface QboPort {
  readonly realmId: string;
  queryAll(entity: string, where?: string): Promise<QboObject[]>;
  read(entity: string, id: string): Promise<QboObject>;
  create(entity: string, body: Record<string, unknown>, requestId: string): Promise<QboObject>;
  update(entity: string, body: Record<string, unknown>, requestId: string): Promise<QboObject>;
  batch(ops: BatchOp[], requestId: string): Promise<BatchResult[]>;
  cdc(entities: string[], changedSince: Date): Promise<Record<string, QboObject[]>>;
}

export function isQboError(error: unknown): error is QboErrorLike {
  return typeof error === 'object' && error !== null && 'kind' in error && 'message' in error && typeof (error as { kind: unknown }).kind === 'string';
}

/** Passing failures: the same request is tried again later; the rest need a person. */
export function isTransient(error: QboErrorLike): boolean {
  return error.kind === 'throttled' || error.kind === 'network' || error.kind === 'server' || error.kind === 'auth';
}
