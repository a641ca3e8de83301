/**
 * What the sync engine needs from QuickBooks: the part of the typed client (src-main/qbo) it calls.
 * Errors are judged by shape, so a failure the engine makes up itself reads like one from QuickBooks.
 */
import type { QboClient, QboErrorKind } from '../qbo';

export type { QboObject, BatchOp, BatchResult, QboErrorKind } from '../qbo';

export type QboPort = Pick<QboClient, 'realmId' | 'queryAll' | 'read' | 'create' | 'update' | 'batch' | 'cdc' | 'serverTime'>;

export interface QboErrorLike {
  kind: QboErrorKind;
  code: string | null;
  message: string;
}

export function isQboError(error: unknown): error is QboErrorLike {
  return typeof error === 'object' && error !== null && 'kind' in error && 'message' in error && typeof (error as { kind: unknown }).kind === 'string';
}

/** Passing failures: the same request is tried again later; the rest need a person. */
export function isTransient(error: QboErrorLike): boolean {
  return error.kind === 'throttled' || error.kind === 'network' || error.kind === 'server' || error.kind === 'auth';
}
