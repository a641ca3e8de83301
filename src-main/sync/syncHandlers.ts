/** The sync engine's contract handlers: runs, status, preview, history, errors, pause, drift, locations, conflicts, valuation. */
import type { HandlerMap, SyncRun, SyncStatus, SyncTrigger } from '../../src-shared/ipc';
import { AppError } from '../../src-shared/ipc';
import type { ServiceContext } from '../db';
import { conflictHandlers } from './conflicts';
import { driftReport, queueDriftFix } from './driftFix';
import { listLocations } from './locations';
import type { QboPort } from './port';
import { preview } from './preview';
import { envOutsideRun } from './resendAll';
import { errorsCsv, listLog, listRuns } from './runs';
import type { Syncers, SyncEnv } from './syncer';
import { valuationReport } from './valuation';

export type SyncRequest =
  | 'sync.now'
  | 'sync.resendAll'
  | 'sync.preview'
  | 'sync.status'
  | 'sync.history'
  | 'sync.errors'
  | 'sync.exportErrors'
  | 'sync.pause'
  | 'sync.pushCounts'
  | 'sync.drift'
  | 'sync.fixDrift'
  | 'locations.list'
  | 'conflicts.list'
  | 'conflicts.resolve'
  | 'valuation.get';

/** What the handlers need from the service that holds the scheduler state. */
export interface SyncControl {
  ctx: ServiceContext;
  syncers: Syncers;
  /** The QuickBooks client when connected, or why not. */
  client(): Promise<{ ok: true; qbo: QboPort } | { ok: false; reason: string }>;
  status(): SyncStatus;
  /** Runs now (queued behind a run in progress) and answers with that run, or refuses saying why it did not run. */
  runAndReport(trigger: SyncTrigger): Promise<SyncRun>;
  setPaused(paused: boolean): void;
  announce(): void;
}

export function syncHandlers(sync: SyncControl): HandlerMap<SyncRequest, ServiceContext> {
  const { ctx } = sync;
  const connectedEnv = async (): Promise<SyncEnv> => {
    const connection = await sync.client();
    if (!connection.ok) throw new AppError('refused', connection.reason);
    return envOutsideRun(ctx, connection.qbo);
  };
  return {
    ...conflictHandlers(),
    'sync.now': () => sync.runAndReport('manual'),
    'sync.resendAll': () => sync.runAndReport('resendAll'),
    'sync.status': () => sync.status(),
    'sync.preview': async ({ mode }) => {
      const connection = await sync.client();
      return { lines: await preview(ctx, sync.syncers, connection.ok ? connection.qbo : null, mode) };
    },
    'sync.history': ({ limit, offset }) => listRuns(ctx.db, limit, offset),
    'sync.errors': ({ limit, offset, runId, level }) => listLog(ctx.db, { runId, level }, limit, offset),
    'sync.exportErrors': ({ runId }) => ({
      fileName: `shelfsync-sync-errors-${ctx.clock.now().toISOString().slice(0, 10)}${runId ? `-run-${runId}` : ''}.csv`,
      csv: errorsCsv(ctx.db, runId),
    }),
    'sync.pushCounts': () => sync.runAndReport('countPush'),
    'locations.list': async () => listLocations((await connectedEnv()).qbo),
    'sync.drift': async () => ({ rows: await driftReport(await connectedEnv()), checkedAt: ctx.clock.now().toISOString() }),
    'sync.fixDrift': async ({ itemIds }) => {
      const answer = await queueDriftFix(await connectedEnv(), itemIds);
      sync.announce();
      return answer;
    },
    'valuation.get': async ({ lines }) => {
      const connection = await sync.client();
      return connection.ok
        ? valuationReport(ctx.db, connection.qbo, '', lines, ctx.clock.now())
        : valuationReport(ctx.db, null, connection.reason, lines, ctx.clock.now());
    },
    'sync.pause': ({ paused }) => {
      sync.setPaused(paused);
      return sync.status();
    },
  };
}
