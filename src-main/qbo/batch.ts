/** Batch requests: checks Intuit's limits before sending and reads the per-item answers. */
import { faultToError, QboError } from './errors';
import type { BatchOp, BatchResult, QboObject } from './types';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export function checkBatch(ops: readonly BatchOp[], requestId: string, maxItems: number): void {
  const refuse = (message: string, code: string) => {
    throw new QboError({ kind: 'validation', code, message });
  };
  if (ops.length === 0) refuse('A batch needs at least one operation.', 'batch_empty');
  if (ops.length > maxItems) refuse(`A batch can hold at most ${maxItems} operations (it had ${ops.length}); split it.`, 'batch_too_big');
  if (requestId === '' || requestId.length > 36) refuse(`A batch request id must be 1 to 36 characters (it was ${requestId.length}).`, 'requestid');
  const seen = new Set<string>();
  for (const op of ops) {
    if (op.bId === '' || op.bId.length > 10) refuse(`A batch item id must be 1 to 10 characters ("${op.bId}").`, 'bId');
    if (seen.has(op.bId)) refuse(`The batch item id "${op.bId}" is used twice.`, 'bId');
    seen.add(op.bId);
  }
}

export function batchRequestBody(ops: readonly BatchOp[]): Json {
  return {
    BatchItemRequest: ops.map((op) => ({ bId: op.bId, operation: op.operation, [canonical(op.entity)]: op.body })),
  };
}

/** Results in the order of `ops`; an item QuickBooks did not answer is reported as a server error. */
export function readBatchAnswer(ops: readonly BatchOp[], body: unknown): BatchResult[] {
  const items = isObject(body) && Array.isArray(body.BatchItemResponse) ? body.BatchItemResponse.filter(isObject) : [];
  const byId = new Map(items.map((item) => [typeof item.bId === 'string' ? item.bId : '', item]));
  return ops.map((op): BatchResult => {
    const entity = canonical(op.entity);
    const item = byId.get(op.bId);
    const ctx = { entity, body: op.body, ...(typeof op.body.Id === 'string' ? { id: op.body.Id } : {}) };
    if (!item) {
      return { bId: op.bId, ok: false, error: new QboError({ kind: 'server', message: `QuickBooks did not answer batch item ${op.bId}. ShelfSync will try it again.` }) };
    }
    if (isObject(item.Fault)) {
      const error = faultToError(400, { Fault: item.Fault }, ctx) as QboError;
      return { bId: op.bId, ok: false, error };
    }
    const key = Object.keys(item).find((k) => k.toLowerCase() === entity.toLowerCase());
    const object = key ? item[key] : undefined;
    if (isObject(object) && typeof object.Id === 'string') return { bId: op.bId, ok: true, entity, object: object as QboObject };
    return { bId: op.bId, ok: false, error: new QboError({ kind: 'server', message: `QuickBooks answered batch item ${op.bId} without the ${entity}. ShelfSync will try it again.` }) };
  });
}

function canonical(entity: string): string {
  return entity.charAt(0).toUpperCase() + entity.slice(1);
}
