/** The sync service the host holds: runs, status, preview, history, errors, pause; and its contract handlers. */
import type { HandlerMap, SyncRun, SyncStatus, SyncTrigger, PreviewLine } from '../../src-shared/ipc';
import { AppError } from '../../src-shared/ipc';
import { enqueueOutbox, readSettings, type ServiceContext } from '../db';
import { runSync } from './engine';
import { countByState, dueRows, requeueForManualRun } from './outboxQueue';
import { errorsCsv, getRun, lastRun, listLog, listRuns, markInterruptedRuns } from './runs';
import { lastSyncedByEntity } from './cursors';
import { createScheduler, realTimers, type Timers } from './scheduler';
import type { QboPort } from './port';
import type { Syncers, SyncEnv } from './syncer';
import { conflictHandlers } from './conflicts';
import { driftReport, pushCounts } from './countPush';
import { classRefPrefix } from './mappers/salesOrder';

/** How the sync service learns whether it may talk to QuickBooks now. */
export interface ConnectionPort {
  client(): Promise<{ ok: true; qbo: QboPort } | { ok: false; reason: string }>;
}

export interface SyncServiceDeps {
  connection: ConnectionPort;
  syncers: Syncers;
  timers?: Timers;
}

type SyncRequest =
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
  | 'conflicts.resolve';

export interface SyncService {
  start(): void;
  stop(): Promise<void>;
  status(): SyncStatus;
  /** Settings or connection changed: re-plan, and run at once if we just became able to. */
  poke(trigger?: SyncTrigger): void;
  /** A picked order was queued for QuickBooks (Manual Posting off): send it now rather than at the next interval. */
  orderQueued(): void;
  handlers(): HandlerMap<SyncRequest, ServiceContext>;
}

export function createSyncService(ctx: ServiceContext, deps: SyncServiceDeps): SyncService {
  markInterruptedRuns(ctx.db, ctx.clock.now());
  let pausedByUser = false;
  let pausedReason: string | null = null;
  let currentRunId: number | null = null;
  let progress: SyncStatus['progress'] = null;
  let lastResult: SyncRun | null = null;

  const status = (): SyncStatus => {
    const counts = countByState(ctx.db);
    return {
      state: scheduler.isRunning() ? 'running' : pausedByUser || pausedReason ? 'paused' : 'idle',
      pausedReason: pausedByUser ? 'Sync is paused. Resume it from the tray or the Sync screen.' : pausedReason,
      userPaused: pausedByUser,
      currentRunId,
      progress,
      lastRun: lastRun(ctx.db),
      nextRunAt: pausedByUser ? null : (scheduler.nextRunAt()?.toISOString() ?? null),
      pendingChanges: counts.pending,
      failedChanges: counts.failed,
      lastSynced: lastSyncedByEntity(ctx.db),
    };
  };
  const announce = () => ctx.emit('sync.status', status());

  async function runOnce(trigger: SyncTrigger): Promise<boolean> {
    if (pausedByUser && trigger !== 'manual' && trigger !== 'resendAll') return true;
    const connection = await deps.connection.client();
    if (!connection.ok) {
      pausedReason = connection.reason;
      announce();
      return true; // not an outage: nothing to retry until the connection changes
    }
    pausedReason = null;
    if (trigger === 'manual' || trigger === 'resendAll') requeueForManualRun(ctx.db, ctx.clock.now());
    if (trigger === 'resendAll') enqueueEverything(ctx, deps.syncers, connection.qbo);
    progress = { phase: 'Starting', done: 0, total: 0 };
    announce();
    const run = await runSync(ctx, {
      trigger,
      qbo: connection.qbo,
      syncers: deps.syncers,
      ...(trigger === 'countPush' ? { finally: pushCounts } : {}),
      onStart: (runId) => {
        currentRunId = runId;
        announce();
      },
      onProgress: (phase, done, total) => {
        progress = { phase, done, total };
        if (currentRunId !== null) ctx.emit('sync.progress', { runId: currentRunId, phase, done, total });
      },
    });
    currentRunId = null;
    progress = null;
    lastResult = run;
    announce();
    return run.status !== 'failed';
  }

  const scheduler = createScheduler({
    clock: ctx.clock,
    timers: deps.timers ?? realTimers,
    intervalMinutes: () => {
      const settings = readSettings(ctx.db);
      return settings.autoSync && !pausedByUser ? settings.syncIntervalMinutes : null;
    },
    run: runOnce,
    onIdle: () => announce(),
  });

  async function connectedEnv(): Promise<SyncEnv> {
    const connection = await deps.connection.client();
    if (!connection.ok) throw new AppError('refused', connection.reason);
    return previewEnv(ctx, connection.qbo);
  }

  async function runAndReport(trigger: SyncTrigger): Promise<SyncRun> {
    const before = lastRun(ctx.db)?.id ?? 0;
    await scheduler.trigger(trigger);
    const run = lastResult && lastResult.id > before ? getRun(ctx.db, lastResult.id) : null;
    if (!run) throw new AppError('refused', pausedReason ?? 'Sync did not run.');
    return run;
  }

  return {
    start: () => scheduler.start(),
    stop: () => scheduler.stop(),
    status,
    poke(trigger) {
      scheduler.replan();
      if (trigger && scheduler.isStarted()) void scheduler.trigger(trigger);
      announce();
    },
    orderQueued() {
      const waiting = ctx.db.prepare("SELECT 1 FROM outbox WHERE kind = 'order.post' AND state = 'pending' LIMIT 1").get();
      if (waiting && scheduler.isStarted()) void scheduler.trigger('orderPosted');
    },
    handlers: () => ({
      ...conflictHandlers(),
      'sync.now': () => runAndReport('manual'),
      'sync.resendAll': () => runAndReport('resendAll'),
      'sync.status': () => status(),
      'sync.preview': async ({ mode }) => ({ lines: await preview(ctx, deps, mode) }),
      'sync.history': ({ limit, offset }) => listRuns(ctx.db, limit, offset),
      'sync.errors': ({ limit, offset, runId, level }) => listLog(ctx.db, { runId, level }, limit, offset),
      'sync.exportErrors': ({ runId }) => ({
        fileName: `shelfsync-sync-errors-${ctx.clock.now().toISOString().slice(0, 10)}${runId ? `-run-${runId}` : ''}.csv`,
        csv: errorsCsv(ctx.db, runId),
      }),
      'sync.pushCounts': () => runAndReport('countPush'),
      'locations.list': async () => {
        const env = await connectedEnv();
        const named = (o: { Id: string; [k: string]: unknown }) =>
          typeof o.FullyQualifiedName === 'string' ? o.FullyQualifiedName : typeof o.Name === 'string' ? o.Name : o.Id;
        // Locations tag a whole transaction; classes tag each line (mapped as "class:<id>").
        const [departments, classes] = await Promise.all([env.qbo.queryAll('Department'), env.qbo.queryAll('Class')]);
        return {
          locations: [
            ...departments.map((d) => ({ id: d.Id, name: `Location: ${named(d)}`, active: d.Active !== false })),
            ...classes.map((c) => ({ id: `${classRefPrefix}${c.Id}`, name: `Class: ${named(c)}`, active: c.Active !== false })),
          ],
        };
      },
      'sync.drift': async () => ({ rows: await driftReport(await connectedEnv()), checkedAt: ctx.clock.now().toISOString() }),
      'sync.fixDrift': async ({ itemIds }) => {
        const wanted = itemIds ? new Set(itemIds) : null;
        const rows = (await driftReport(await connectedEnv())).filter((r) => !wanted || wanted.has(r.itemId));
        ctx.db.transaction(() => {
          for (const row of rows) {
            enqueueOutbox(ctx.db, ctx, {
              kind: 'stock.adjust',
              localId: row.itemId,
              payload: { itemId: row.itemId, qtyDiff: row.difference, reason: 'Drift fix', movementId: null },
            });
          }
        })();
        announce();
        return { queued: rows.length };
      },
      'sync.pause': ({ paused }) => {
        pausedByUser = paused;
        scheduler.replan();
        announce();
        return status();
      },
    }),
  };
}

/** Resend All Data: every local record in a ShelfSync → QuickBooks direction gets an upsert row. */
function enqueueEverything(ctx: ServiceContext, syncers: Syncers, qbo: QboPort): void {
  const env = previewEnv(ctx, qbo);
  ctx.db.transaction(() => {
    for (const spec of syncers.pushes) {
      if (!spec.resendIds || !spec.directions.includes(env.settings.directions[spec.entity])) continue;
      for (const localId of spec.resendIds(env)) enqueueOutbox(ctx.db, ctx, { kind: spec.kind, localId });
    }
  })();
}

function previewEnv(ctx: ServiceContext, qbo: QboPort): SyncEnv {
  return { ctx, settings: readSettings(ctx.db), qbo, runId: 0, counts: {}, resendAll: false, log: () => undefined };
}

/** A dry run of the push side: what would be created, updated or skipped. Nothing is written anywhere. */
async function preview(ctx: ServiceContext, deps: SyncServiceDeps, mode: 'next' | 'resendAll'): Promise<PreviewLine[]> {
  const connection = await deps.connection.client();
  const offline: QboPort = new Proxy({} as QboPort, {
    get: () => () => Promise.reject(new AppError('refused', 'Preview does not talk to QuickBooks.')),
  });
  const env = previewEnv(ctx, connection.ok ? connection.qbo : offline);
  const lines: PreviewLine[] = [];
  const rows = dueRows(ctx.db, new Date(8.64e15));
  const seen = new Set(rows.map((r) => `${r.kind}:${r.localId}`));
  if (mode === 'resendAll') {
    for (const spec of deps.syncers.pushes) {
      if (!spec.resendIds || !spec.directions.includes(env.settings.directions[spec.entity])) continue;
      for (const localId of spec.resendIds(env)) {
        if (!seen.has(`${spec.kind}:${localId}`)) rows.push({ id: 0, requestId: '', kind: spec.kind, localId, payload: {}, state: 'pending', attempts: 0, lastError: null, createdAt: '' });
      }
    }
  }
  for (const row of rows) {
    const spec = deps.syncers.pushes.find((p) => p.kind === row.kind);
    if (!spec) continue;
    const direction = env.settings.directions[spec.entity];
    if (!spec.directions.includes(direction)) {
      lines.push({ entity: spec.entity, action: 'skip', localId: row.localId, label: row.localId, reason: `${spec.entity} do not sync ShelfSync → QuickBooks.` });
      continue;
    }
    try {
      const prepared = await spec.prepare(env, row);
      lines.push({
        entity: spec.entity,
        action: prepared.action === 'wait' ? 'skip' : prepared.action,
        localId: row.localId,
        label: prepared.label,
        reason: prepared.action === 'skip' || prepared.action === 'wait' ? prepared.reason : null,
      });
    } catch (error) {
      lines.push({ entity: spec.entity, action: 'skip', localId: row.localId, label: row.localId, reason: error instanceof Error ? error.message : 'cannot be prepared' });
    }
  }
  return lines;
}
