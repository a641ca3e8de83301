/**
 * The push side: due outbox rows, wave by wave (names, then documents, then stock), in batches of at
 * most 30. Each answer is applied on its own; one bad row is logged and the rest go on.
 */
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { createHash } from 'node:crypto';
import { dueRows, markDone, markFailed, markRetry, markSending, markSkipped, markWaiting, type OutboxRow } from './outboxQueue';
import { bump } from './runs';
import { isQboError, isTransient, type BatchOp, type QboErrorLike, type QboObject } from './port';
import type { Prepared, PushSpec, SyncEnv } from './syncer';
import { AppError } from '../../src-shared/ipc';

export const batchLimit = 30;

type Sendable = { row: OutboxRow; spec: PushSpec; prepared: Prepared & { action: 'create' | 'update' } };

const key = (spec: PushSpec) => `${spec.entity}.push`;

export async function pushOutbox(
  env: SyncEnv,
  pushes: readonly PushSpec[],
  progress: (phase: string, done: number, total: number) => void,
): Promise<void> {
  const byKind = new Map(pushes.map((p) => [p.kind, p]));
  for (const wave of [1, 2, 3] as const) {
    const rows = dueRows(env.ctx.db, env.ctx.clock.now()).filter((r) => byKind.get(r.kind)?.wave === wave);
    const batchable: Sendable[] = [];
    const single: OutboxRow[] = [];
    for (const row of rows) {
      const spec = byKind.get(row.kind) as PushSpec;
      // An earlier attempt may have reached QuickBooks: send alone, under the row's own request id.
      // Those are prepared just before they go, so each sees what the rows before it did (a drift fix
      // works out its difference after the adjustments queued ahead of it have settled).
      if (row.attempts > 0 || spec.single) {
        single.push(row);
        continue;
      }
      const sendable = await prepareRow(env, spec, row);
      if (sendable) batchable.push(sendable);
    }
    let done = 0;
    const total = batchable.length + single.length;
    for (const row of single) {
      const sendable = await prepareRow(env, byKind.get(row.kind) as PushSpec, row);
      if (sendable) await sendSingle(env, sendable);
      progress('Sending changes to QuickBooks', ++done, total);
    }
    const chunks: Sendable[][] = [];
    for (let i = 0; i < batchable.length; i += batchLimit) chunks.push(batchable.slice(i, i + batchLimit));
    await pipelined(chunks, batchesInFlight, async (chunk) => {
      await sendBatch(env, chunk);
      done += chunk.length;
      progress('Sending changes to QuickBooks', done, total);
      await yieldToLoop();
    });
  }
}

/**
 * Batches of one wave in flight at once. Every row of a wave was prepared before the first batch left,
 * so no batch depends on another's answer; sending the next while one is answered keeps the limiter's
 * budget (not QuickBooks' answer time) what sets the pace. Well inside Intuit's 10 concurrent requests,
 * leaving room for the screens' own reads.
 */
export const batchesInFlight = 4;

/**
 * Runs `work` over `items`, at most `depth` at a time, in order. After the first failure no new item
 * starts; the ones running finish (their rows settle), and then the first failure is thrown.
 */
async function pipelined<T>(items: readonly T[], depth: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | null = null;
  const lane = async (): Promise<void> => {
    while (failure === null && next < items.length) {
      const item = items[next++] as T;
      try {
        await work(item);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(depth, items.length) }, lane));
  if (failure) throw (failure as { error: unknown }).error;
}

async function prepareRow(env: SyncEnv, spec: PushSpec, row: OutboxRow): Promise<Sendable | null> {
  const { db, clock } = env.ctx;
  const direction = env.settings.directions[spec.entity];
  if (!spec.directions.includes(direction)) {
    markSkipped(db, row.id, `${spec.entity} do not sync ShelfSync → QuickBooks (setting: ${direction}).`, clock.now());
    bump(env.counts, key(spec), 'skipped');
    return null;
  }
  let prepared: Prepared;
  try {
    prepared = await spec.prepare(env, row);
  } catch (error) {
    // A read while preparing (e.g. the item's on-hand) met a passing failure: the row stays queued as is.
    if (isQboError(error) && isTransient(error)) throw error;
    fail(env, spec, row, error);
    return null;
  }
  if (prepared.action === 'skip') {
    markSkipped(db, row.id, prepared.reason, clock.now());
    bump(env.counts, key(spec), 'skipped');
    env.log({ level: 'warning', entity: spec.entity, localId: row.localId, message: `${prepared.label}: ${prepared.reason}` });
    return null;
  }
  if (prepared.action === 'wait') {
    markWaiting(db, row.id, prepared.reason, clock.now());
    return null;
  }
  if (prepared.action === 'create' && row.attempts > 0) {
    const existing = await spec.findExisting(env, row, { ...prepared, action: 'create' });
    if (existing) {
      settle(env, spec, row, existing, 'create');
      return null;
    }
  }
  return { row, spec, prepared };
}

async function sendSingle(env: SyncEnv, item: Sendable): Promise<void> {
  const { row, spec, prepared } = item;
  markSending(env.ctx.db, [row.id], env.ctx.clock.now());
  try {
    const object =
      prepared.action === 'create'
        ? await env.qbo.create(prepared.entity, prepared.body, row.requestId)
        : await env.qbo.update(prepared.entity, prepared.body, row.requestId);
    settle(env, spec, row, object, prepared.action);
  } catch (error) {
    if (isQboError(error) && error.kind === 'stale') {
      await retryStale(env, item);
      return;
    }
    if (isQboError(error) && isTransient(error)) throw error;
    if (isQboError(error) && (await sendFallback(env, item, error))) return;
    fail(env, spec, row, error);
  }
}

/** Sends the spec's other way of making the change after a refusal; false when it has none. */
async function sendFallback(env: SyncEnv, item: Sendable, refusal: QboErrorLike): Promise<boolean> {
  const { row, spec } = item;
  if (!spec.fallback) return false;
  try {
    const other = await spec.fallback(env, row, refusal, item.prepared);
    if (!other) return false;
    const { prepared } = other;
    if (prepared.action === 'skip' || prepared.action === 'wait') {
      markSkipped(env.ctx.db, row.id, prepared.reason, env.ctx.clock.now());
      bump(env.counts, key(spec), 'skipped');
      return true;
    }
    // The refused request's id is spent (QuickBooks would answer it with the refusal again).
    const requestId = `${row.requestId}-f`;
    const object =
      prepared.action === 'create'
        ? await env.qbo.create(prepared.entity, prepared.body, requestId)
        : await env.qbo.update(prepared.entity, prepared.body, requestId);
    other.accepted();
    settle(env, spec, row, object, prepared.action);
  } catch (error) {
    if (isQboError(error) && isTransient(error)) throw error;
    fail(env, spec, row, error);
  }
  return true;
}

async function sendBatch(env: SyncEnv, chunk: Sendable[]): Promise<void> {
  const ops: BatchOp[] = chunk.map((item, i) => ({
    bId: `b${i}`,
    operation: item.prepared.action,
    entity: item.prepared.entity,
    body: item.prepared.body,
  }));
  // The same rows always make the same batch request id, so a retried batch is answered from Intuit's memory.
  const batchRequestId = createHash('sha256')
    .update(chunk.map((c) => c.row.requestId).join(','))
    .digest('hex')
    .slice(0, 36);
  let results;
  markSending(env.ctx.db, chunk.map((c) => c.row.id), env.ctx.clock.now());
  try {
    results = await env.qbo.batch(ops, batchRequestId);
  } catch (error) {
    if (isQboError(error) && isTransient(error)) {
      // The answer was lost or refused: each row is now of unknown outcome and retries on its own.
      for (const item of chunk) markRetry(env.ctx.db, item.row.id, error.message, env.ctx.clock.now(), item.row.attempts);
      throw error;
    }
    for (const item of chunk) fail(env, item.spec, item.row, error);
    return;
  }
  const byId = new Map(results.map((r) => [r.bId, r]));
  for (const [i, item] of chunk.entries()) {
    const result = byId.get(`b${i}`);
    if (result?.ok) settle(env, item.spec, item.row, result.object, item.prepared.action);
    else if (result && result.error.kind === 'stale') await retryStale(env, item);
    else fail(env, item.spec, item.row, result?.error ?? { kind: 'server', code: null, message: 'QuickBooks gave no answer for this record.' });
  }
}

/** Someone changed the object in QuickBooks since we last read it: prepare again from a fresh read, once. */
async function retryStale(env: SyncEnv, item: Sendable): Promise<void> {
  const { row, spec } = item;
  try {
    const fresh = await env.qbo.read(item.prepared.entity, String(item.prepared.body.Id));
    const prepared = await spec.prepare(env, row);
    if (prepared.action !== 'update') {
      fail(env, spec, row, { kind: 'stale', code: '5010', message: 'The record changed in QuickBooks while it was being sent.' });
      return;
    }
    const object = await env.qbo.update(prepared.entity, { ...prepared.body, SyncToken: fresh.SyncToken }, row.requestId + '-s');
    settle(env, spec, row, object, 'update');
  } catch (error) {
    if (isQboError(error) && isTransient(error)) throw error;
    fail(env, spec, row, error);
  }
}

function settle(env: SyncEnv, spec: PushSpec, row: OutboxRow, object: QboObject, action: 'create' | 'update'): void {
  const { db, clock } = env.ctx;
  db.transaction(() => {
    spec.applied(env, row, object, action);
    markDone(db, row.id, clock.now());
  })();
  bump(env.counts, key(spec), action === 'create' ? 'created' : 'updated');
}

function fail(env: SyncEnv, spec: PushSpec, row: OutboxRow, error: unknown): void {
  const qbo: QboErrorLike | null = isQboError(error) ? error : null;
  const message =
    qbo?.message ??
    (error instanceof AppError ? error.message : 'ShelfSync could not prepare this record for QuickBooks.');
  markFailed(env.ctx.db, row.id, message, env.ctx.clock.now());
  bump(env.counts, key(spec), 'failed');
  env.log({ level: 'error', entity: spec.entity, localId: row.localId, qboCode: qbo?.code ?? null, message });
}
