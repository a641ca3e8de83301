/** A dry run of the push side: what would be created, updated or skipped. Nothing is written anywhere. */
import { AppError, type PreviewLine } from '../../src-shared/ipc';
import type { ServiceContext } from '../db';
import { dueRows, type OutboxRow } from './outboxQueue';
import type { QboPort } from './port';
import { envOutsideRun, resendTargets } from './resendAll';
import type { Syncers, SyncEnv } from './syncer';

/** Stands in for QuickBooks when it is not connected: a syncer that tries to read is told why it cannot. */
const offline: QboPort = new Proxy({} as QboPort, {
  get: () => () => Promise.reject(new AppError('refused', 'Preview does not talk to QuickBooks.')),
});

export async function preview(ctx: ServiceContext, syncers: Syncers, qbo: QboPort | null, mode: 'next' | 'resendAll'): Promise<PreviewLine[]> {
  const env = envOutsideRun(ctx, qbo ?? offline);
  const rows = dueRows(ctx.db, new Date(8.64e15));
  if (mode === 'resendAll') {
    const seen = new Set(rows.map((r) => `${r.kind}:${r.localId}`));
    for (const { kind, localId } of resendTargets(env, syncers)) {
      if (!seen.has(`${kind}:${localId}`)) rows.push({ id: 0, requestId: '', kind, localId, payload: {}, state: 'pending', attempts: 0, lastError: null, createdAt: '' });
    }
  }
  const lines: PreviewLine[] = [];
  for (const row of rows) {
    const line = await previewRow(env, syncers, row);
    if (line) lines.push(line);
  }
  return lines;
}

async function previewRow(env: SyncEnv, syncers: Syncers, row: OutboxRow): Promise<PreviewLine | null> {
  const spec = syncers.pushes.find((p) => p.kind === row.kind);
  if (!spec) return null;
  const skip = (reason: string): PreviewLine => ({ entity: spec.entity, action: 'skip', localId: row.localId, label: row.localId, reason });
  if (!spec.directions.includes(env.settings.directions[spec.entity])) return skip(`${spec.entity} do not sync ShelfSync → QuickBooks.`);
  try {
    const prepared = await spec.prepare(env, row);
    return {
      entity: spec.entity,
      action: prepared.action === 'wait' ? 'skip' : prepared.action,
      localId: row.localId,
      label: prepared.label,
      reason: prepared.action === 'skip' || prepared.action === 'wait' ? prepared.reason : null,
    };
  } catch (error) {
    return skip(error instanceof Error ? error.message : 'cannot be prepared');
  }
}
