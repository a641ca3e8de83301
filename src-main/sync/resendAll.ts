/** Resend All Data: which local records are sent again, and a sync env for work done outside a run. */
import { enqueueOutbox, readSettings, type OutboxKind, type ServiceContext } from '../db';
import type { QboPort } from './port';
import type { Syncers, SyncEnv } from './syncer';

/** An env for reads and previews outside a run: nothing is logged or counted. */
export function envOutsideRun(ctx: ServiceContext, qbo: QboPort): SyncEnv {
  return { ctx, settings: readSettings(ctx.db), qbo, runId: 0, counts: {}, resendAll: false, log: () => undefined };
}

/** Every local record in a ShelfSync → QuickBooks direction, as the upsert rows Resend All Data queues. */
export function resendTargets(env: SyncEnv, syncers: Syncers): { kind: OutboxKind; localId: string }[] {
  const targets: { kind: OutboxKind; localId: string }[] = [];
  for (const spec of syncers.pushes) {
    if (!spec.resendIds || !spec.directions.includes(env.settings.directions[spec.entity])) continue;
    for (const localId of spec.resendIds(env)) targets.push({ kind: spec.kind, localId });
  }
  return targets;
}

/** Queues an upsert row for every resend target, in one transaction. */
export function enqueueEverything(ctx: ServiceContext, syncers: Syncers, qbo: QboPort): void {
  const env = envOutsideRun(ctx, qbo);
  ctx.db.transaction(() => {
    for (const target of resendTargets(env, syncers)) enqueueOutbox(ctx.db, ctx, target);
  })();
}
