/**
 * The sync service the host holds: the scheduler and the state around it (paused, the run in progress,
 * its progress, the last result), which `sync.status` reports. Its contract handlers are in syncHandlers.ts.
 */
import type { HandlerMap, SyncRun, SyncStatus, SyncTrigger } from '../../src-shared/ipc';
import { AppError } from '../../src-shared/ipc';
import { localDay, readSettings, type ApiCallSummary, type ServiceContext } from '../db';
import { runSync } from './engine';
import { countByState, requeueForManualRun } from './outboxQueue';
import { getRun, lastRun, markInterruptedRuns, writeLog } from './runs';
import { lastSyncedByEntity } from './cursors';
import { createScheduler, realTimers, type Scheduler, type Timers } from './scheduler';
import type { QboPort } from './port';
import type { Syncers } from './syncer';
import { pushCounts } from './countPush';
import { enqueueEverything } from './resendAll';
import { syncHandlers, type SyncControl, type SyncRequest } from './syncHandlers';

/** How the sync service learns whether it may talk to QuickBooks now. */
export interface ConnectionPort {
  client(): Promise<{ ok: true; qbo: QboPort } | { ok: false; reason: string }>;
}

export interface SyncServiceDeps {
  connection: ConnectionPort;
  syncers: Syncers;
  timers?: Timers;
  /** Calls sent to the connected company today and this month (the host counts them where they leave). */
  apiCalls: () => ApiCallSummary;
}

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
  return new SyncRunner(ctx, deps);
}

class SyncRunner implements SyncService, SyncControl {
  private pausedByUser = false;
  private pausedReason: string | null = null;
  private currentRunId: number | null = null;
  private progress: SyncStatus['progress'] = null;
  private lastResult: SyncRun | null = null;
  private readonly scheduler: Scheduler;
  readonly syncers: Syncers;

  constructor(
    readonly ctx: ServiceContext,
    private readonly deps: SyncServiceDeps,
  ) {
    this.syncers = deps.syncers;
    this.scheduler = createScheduler({
      clock: ctx.clock,
      timers: deps.timers ?? realTimers,
      intervalMinutes: () => {
        const settings = readSettings(ctx.db);
        return settings.autoSync && !this.pausedByUser ? settings.syncIntervalMinutes : null;
      },
      run: (trigger) => this.runOnce(trigger),
      onIdle: () => this.announce(),
    });
  }

  start(): void {
    this.scheduler.start();
  }

  stop(): Promise<void> {
    return this.scheduler.stop();
  }

  client() {
    return this.deps.connection.client();
  }

  status(): SyncStatus {
    const { ctx, scheduler, pausedByUser, pausedReason } = this;
    const counts = countByState(ctx.db);
    return {
      state: scheduler.isRunning() ? 'running' : pausedByUser || pausedReason ? 'paused' : 'idle',
      pausedReason: pausedByUser ? 'Sync is paused. Resume it from the tray or the Sync screen.' : pausedReason,
      userPaused: pausedByUser,
      currentRunId: this.currentRunId,
      progress: this.progress,
      lastRun: lastRun(ctx.db),
      nextRunAt: pausedByUser ? null : (scheduler.nextRunAt()?.toISOString() ?? null),
      pendingChanges: counts.pending,
      failedChanges: counts.failed,
      lastSynced: lastSyncedByEntity(ctx.db),
      apiCalls: this.deps.apiCalls(),
    };
  }

  announce(): void {
    this.ctx.emit('sync.status', this.status());
  }

  poke(trigger?: SyncTrigger): void {
    this.scheduler.replan();
    if (trigger && this.scheduler.isStarted()) void this.scheduler.trigger(trigger);
    this.announce();
  }

  orderQueued(): void {
    const waiting = this.ctx.db.prepare("SELECT 1 FROM outbox WHERE kind = 'order.post' AND state = 'pending' LIMIT 1").get();
    if (waiting && this.scheduler.isStarted()) void this.scheduler.trigger('orderPosted');
  }

  setPaused(paused: boolean): void {
    this.pausedByUser = paused;
    this.scheduler.replan();
    this.announce();
  }

  handlers(): HandlerMap<SyncRequest, ServiceContext> {
    return syncHandlers(this);
  }

  async runAndReport(trigger: SyncTrigger): Promise<SyncRun> {
    const before = lastRun(this.ctx.db)?.id ?? 0;
    await this.scheduler.trigger(trigger);
    const run = this.lastResult && this.lastResult.id > before ? getRun(this.ctx.db, this.lastResult.id) : null;
    if (!run) throw new AppError('refused', this.pausedReason ?? 'Sync did not run.');
    return run;
  }

  /** One run for the scheduler; resolves false only when QuickBooks could not be reached (retry soon). */
  private async runOnce(trigger: SyncTrigger): Promise<boolean> {
    const { ctx } = this;
    if (this.pausedByUser && trigger !== 'manual' && trigger !== 'resendAll') return true;
    const connection = await this.deps.connection.client();
    if (!connection.ok) {
      this.pausedReason = connection.reason;
      this.announce();
      return true; // not an outage: nothing to retry until the connection changes
    }
    this.pausedReason = null;
    if (trigger === 'manual' || trigger === 'resendAll') requeueForManualRun(ctx.db, ctx.clock.now());
    if (trigger === 'resendAll') enqueueEverything(ctx, this.syncers, connection.qbo);
    this.progress = { phase: 'Starting', done: 0, total: 0 };
    this.announce();
    const run = await runSync(ctx, {
      trigger,
      qbo: connection.qbo,
      syncers: this.syncers,
      ...(trigger === 'countPush' ? { finally: pushCounts } : {}),
      onStart: (runId) => {
        this.currentRunId = runId;
        this.announce();
      },
      onProgress: (phase, done, total, counts) => {
        const sofar = structuredClone(counts);
        this.progress = { phase, done, total, counts: sofar };
        if (this.currentRunId !== null) ctx.emit('sync.progress', { runId: this.currentRunId, phase, done, total, counts: sofar });
      },
    });
    this.currentRunId = null;
    this.progress = null;
    this.lastResult = run;
    this.warnOfReadPace(run.id);
    this.announce();
    return run.status !== 'failed';
  }

  private readWarnedOn: string | null = null;

  /** The sync log says once a day when this month's QuickBooks reads would pass the allowance. */
  private warnOfReadPace(runId: number): void {
    const { warning } = this.deps.apiCalls();
    const today = localDay(this.ctx.clock.now());
    if (!warning || this.readWarnedOn === today) return;
    this.readWarnedOn = today;
    writeLog(this.ctx.db, { runId, level: 'warning', message: warning }, this.ctx.clock.now());
  }
}
