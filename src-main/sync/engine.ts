/**
 * One sync run: pull what changed in QuickBooks (CDC from a cursor, or a paged full read), then push
 * the outbox in waves of batches. Nothing here waits on a timer; the scheduler decides when to run.
 */
import type { ServiceContext } from '../db';
import { readSettings } from '../db';
import type { RunCounts, SyncRun, SyncTrigger } from '../../src-shared/ipc';
import { finishRun, getRun, startRun, writeLog, type LogInput } from './runs';
import { isQboError, isTransient, type QboPort } from './port';
import type { Syncers, SyncEnv } from './syncer';
import { pullAll } from './pull';
import { pushOutbox } from './push';
import { chooseAdjustmentAccount } from './stockMode';

export interface RunOptions {
  trigger: SyncTrigger;
  qbo: QboPort;
  syncers: Syncers;
  /** `counts`: what the run has created, updated, skipped and failed so far, per entity and direction. */
  onProgress?: (phase: string, done: number, total: number, counts: RunCounts) => void;
  /** Told the run's id as soon as it is recorded, so progress events can name it. */
  onStart?: (runId: number) => void;
  /** Runs after the pull and the push, inside the same run (the full count push). */
  finally?: (env: SyncEnv) => Promise<void>;
}

export async function runSync(ctx: ServiceContext, options: RunOptions): Promise<SyncRun> {
  const started = ctx.clock.now();
  const runId = startRun(ctx.db, options.trigger, started);
  options.onStart?.(runId);
  const counts: RunCounts = {};
  const env: SyncEnv = {
    ctx,
    settings: readSettings(ctx.db),
    qbo: options.qbo,
    runId,
    counts,
    resendAll: options.trigger === 'resendAll',
    log: (entry: Omit<LogInput, 'runId'>) => writeLog(ctx.db, { ...entry, runId }, ctx.clock.now()),
  };
  const progress = (phase: string, done: number, total: number) => options.onProgress?.(phase, done, total, counts);
  let status: SyncRun['status'] = 'ok';
  let message: string | null = null;
  try {
    await pullAll(env, options.syncers.pulls, progress);
    await chooseAdjustmentAccount(env);
    await pushOutbox(env, options.syncers.pushes, progress);
    if (options.finally) await options.finally(env);
  } catch (error) {
    // A failure of the run as a whole (QuickBooks unreachable, connection lost): what was done stays done,
    // what was not stays queued for the next run.
    status = 'failed';
    message =
      isQboError(error) && error.kind === 'auth'
        ? 'QuickBooks asks you to sign in again (Settings → Connection → Connect). Your changes are kept and will be sent once you do.'
        : isQboError(error) && isTransient(error)
        ? `QuickBooks could not be reached (${error.message}). Your changes are kept and will be sent on the next run.`
        : isQboError(error)
          ? error.message
          : 'The sync stopped because of an unexpected problem; your changes are kept and will be sent on the next run.';
    env.log({ level: 'error', message, qboCode: isQboError(error) ? error.code : null });
  }
  const failed = Object.values(counts).reduce((n, c) => n + c.failed, 0);
  if (status === 'ok' && failed > 0) status = 'errors';
  finishRun(ctx.db, runId, status, counts, message, ctx.clock.now());
  const run = getRun(ctx.db, runId);
  if (!run) throw new Error('The sync run vanished.');
  return run;
}
