/** The sync loop as the user sees it: run now, resend all, preview, status, history, errors. */
import { z } from 'zod';
import { event, request } from './define';

const empty = z.object({}).strict();

export const syncTriggerSchema = z.enum(['interval', 'manual', 'startup', 'reconnected', 'resendAll', 'orderPosted', 'countPush']);
export type SyncTrigger = z.infer<typeof syncTriggerSchema>;

export const entityCountsSchema = z.object({
  created: z.int(),
  updated: z.int(),
  skipped: z.int(),
  failed: z.int(),
});
export type EntityCounts = z.infer<typeof entityCountsSchema>;

/** Counts keyed "<entity>.<direction>", e.g. "items.pull" or "invoices.push". */
export const runCountsSchema = z.record(z.string(), entityCountsSchema);
export type RunCounts = z.infer<typeof runCountsSchema>;

export const syncRunSchema = z.object({
  id: z.int(),
  trigger: syncTriggerSchema,
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  status: z.enum(['running', 'ok', 'errors', 'failed', 'interrupted']),
  counts: runCountsSchema,
  errorCount: z.int(),
  message: z.string().nullable(),
});
export type SyncRun = z.infer<typeof syncRunSchema>;

/** The record a log row is about, named as the clerk knows it, with what a screen opens it by. */
export const logRecordSchema = z.object({
  kind: z.enum(['item', 'customer', 'vendor', 'order', 'purchaseOrder', 'invoice', 'estimate']),
  id: z.string(),
  label: z.string(),
});
export type LogRecord = z.infer<typeof logRecordSchema>;

export const syncLogEntrySchema = z.object({
  id: z.int(),
  runId: z.int().nullable(),
  at: z.string(),
  level: z.enum(['info', 'warning', 'error']),
  entity: z.string().nullable(),
  localId: z.string().nullable(),
  qboCode: z.string().nullable(),
  message: z.string(),
  /** Null when the record is gone or the row names none (a run-wide error). */
  record: logRecordSchema.nullable(),
});
export type SyncLogEntry = z.infer<typeof syncLogEntrySchema>;

/** API calls sent to the connected company, counted where the client sends them (sync/apiCalls). */
export const apiCallsSchema = z.object({
  readsToday: z.int(),
  readsThisMonth: z.int(),
  writesToday: z.int(),
  writesThisMonth: z.int(),
  monthlyReadAllowance: z.int(),
  projectedReadsThisMonth: z.int(),
  /** Set when this month's reads reached the allowance or their pace would pass it. */
  warning: z.string().nullable(),
});
export type ApiCalls = z.infer<typeof apiCallsSchema>;

export const syncStatusSchema = z.object({
  state: z.enum(['idle', 'running', 'paused']),
  /** Why sync is paused (not connected, reconnect needed, paused by the user), in words. */
  pausedReason: z.string().nullable(),
  /** The user paused automatic syncing (tray or Sync screen). */
  userPaused: z.boolean(),
  currentRunId: z.int().nullable(),
  /** `counts`: what the running sync has done so far, per entity and direction. */
  progress: z.object({ phase: z.string(), done: z.int(), total: z.int(), counts: runCountsSchema.optional() }).nullable(),
  lastRun: syncRunSchema.nullable(),
  nextRunAt: z.string().nullable(),
  pendingChanges: z.int(),
  failedChanges: z.int(),
  lastSynced: z.record(z.string(), z.string().nullable()),
  /** QuickBooks read and write calls today and this month (Intuit meters reads). */
  apiCalls: apiCallsSchema,
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

export const previewLineSchema = z.object({
  entity: z.string(),
  action: z.enum(['create', 'update', 'skip']),
  localId: z.string(),
  label: z.string(),
  reason: z.string().nullable(),
});
export type PreviewLine = z.infer<typeof previewLineSchema>;

export const driftRowSchema = z.object({
  itemId: z.string(),
  name: z.string(),
  local: z.string(),
  quickBooks: z.string(),
  /** ShelfSync's changes still on their way to QuickBooks (they will change its on-hand by this much). */
  queued: z.string(),
  /** What a drift fix would bring: local − queued − QuickBooks. */
  difference: z.string(),
});
export type DriftRow = z.infer<typeof driftRowSchema>;

const pageSchema = z
  .object({
    limit: z.int().min(1).max(500).default(50),
    offset: z.int().min(0).default(0),
  })
  .strict();

export const syncRequests = {
  'sync.now': request('Run a sync now (or join the one already running); answers when it is done.', empty, syncRunSchema),
  'sync.resendAll': request(
    'Re-send every record in the ShelfSync → QuickBooks directions as updates of what is linked (never duplicates), after a full read.',
    empty,
    syncRunSchema,
  ),
  'sync.preview': request(
    'What the next sync (or Resend All Data) would create, update or skip in QuickBooks, without writing anything.',
    z.object({ mode: z.enum(['next', 'resendAll']).default('next') }).strict(),
    z.object({ lines: z.array(previewLineSchema) }),
  ),
  'sync.status': request('Live sync state, last run, pending changes and last synced time per entity.', empty, syncStatusSchema),
  'sync.history': request('Past sync runs, newest first.', pageSchema, z.object({ rows: z.array(syncRunSchema), total: z.int() })),
  'sync.errors': request(
    'Sync errors (and warnings), newest first; optionally of one run.',
    pageSchema.extend({ runId: z.int().min(1).optional(), level: z.enum(['error', 'warning', 'all']).default('all') }).strict(),
    z.object({ rows: z.array(syncLogEntrySchema), total: z.int() }),
  ),
  'sync.exportErrors': request(
    'The error list as CSV text (for Download Errors); never contains tokens or secrets.',
    z.object({ runId: z.int().min(1).optional() }).strict(),
    z.object({ fileName: z.string(), csv: z.string() }),
  ),
  'sync.pushCounts': request(
    'Full count push: sync, then set QuickBooks on-hand to ShelfSync’s (summed over sites), creating missing items; quantities received on purchase orders whose bills are not in QuickBooks yet are held back and reported.',
    empty,
    syncRunSchema,
  ),
  'sync.drift': request(
    'Items whose on-hand in QuickBooks differs from ShelfSync’s (all sites together), once the changes still queued for QuickBooks have arrived.',
    empty,
    z.object({ rows: z.array(driftRowSchema), checkedAt: z.string() }),
  ),
  'sync.fixDrift': request(
    'Queue adjustments that bring QuickBooks to ShelfSync’s on-hand, for the given items (or every drifting item); they go out on the next sync, each worked out when sent, after the changes queued before it.',
    z.object({ itemIds: z.array(z.string().min(1).max(64)).max(10_000).optional() }).strict(),
    z.object({ queued: z.int() }),
  ),
  'locations.list': request(
    'QuickBooks locations (Departments) and classes (as "class:<id>"), to map sites to for Multiple Sites.',
    empty,
    z.object({ locations: z.array(z.object({ id: z.string(), name: z.string(), active: z.boolean() })) }),
  ),
  'sync.pause': request('Pause or resume automatic syncing.', z.object({ paused: z.boolean() }).strict(), syncStatusSchema),
};

export const syncEvents = {
  'sync.status': event('The sync state changed (run started or finished, paused, resumed).', syncStatusSchema),
  'sync.progress': event(
    'Progress of the running sync.',
    z.object({ runId: z.int(), phase: z.string(), done: z.int(), total: z.int(), counts: runCountsSchema }),
  ),
};
