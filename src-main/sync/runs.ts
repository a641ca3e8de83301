/** Sync runs and the sync log: what ran, what it counted, and every error a clerk may need to act on. */
import { recordKindWords } from '../../src-shared/recordWords';
import type { Db } from '../db';
import type { EntityCounts, RunCounts, SyncLogEntry, SyncRun, SyncTrigger } from '../../src-shared/ipc';
import { redactSecrets } from '../../src-shared/redact';
import { csvCell } from '../../src-shared/csv';
import { logRecord } from './logRecords';

interface RunRow {
  id: number;
  trigger: SyncTrigger;
  started_at: string;
  finished_at: string | null;
  status: SyncRun['status'];
  counts: string;
  message: string | null;
  error_count: number;
}

interface LogRow {
  id: number;
  run_id: number | null;
  at: string;
  level: SyncLogEntry['level'];
  entity: string | null;
  local_id: string | null;
  qbo_code: string | null;
  message: string;
}

const runColumns = `r.id, r.trigger, r.started_at, r.finished_at, r.status, r.counts, r.message,
  (SELECT COUNT(*) FROM sync_log l WHERE l.run_id = r.id AND l.level = 'error') AS error_count`;

function toRun(row: RunRow): SyncRun {
  return {
    id: row.id,
    trigger: row.trigger,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    status: row.status,
    counts: JSON.parse(row.counts) as RunCounts,
    errorCount: row.error_count,
    message: row.message,
  };
}

function toEntry(db: Db, row: LogRow): SyncLogEntry {
  return {
    id: row.id,
    runId: row.run_id,
    at: row.at,
    level: row.level,
    entity: row.entity,
    localId: row.local_id,
    qboCode: row.qbo_code,
    message: row.message,
    record: logRecord(db, row.entity, row.local_id),
  };
}

export function startRun(db: Db, trigger: SyncTrigger, now: Date): number {
  return Number(
    db.prepare('INSERT INTO sync_runs (trigger, started_at) VALUES (?, ?)').run(trigger, now.toISOString()).lastInsertRowid,
  );
}

export function finishRun(db: Db, id: number, status: SyncRun['status'], counts: RunCounts, message: string | null, now: Date): void {
  db.prepare('UPDATE sync_runs SET finished_at = ?, status = ?, counts = ?, message = ? WHERE id = ?').run(
    now.toISOString(),
    status,
    JSON.stringify(counts),
    message === null ? null : redactSecrets(message),
    id,
  );
}

/** A run still marked running at start-up was cut short (crash, kill, power): say so. */
export function markInterruptedRuns(db: Db, now: Date): void {
  db.prepare(
    "UPDATE sync_runs SET status = 'interrupted', finished_at = ?, message = 'ShelfSync stopped during this run; the next run picked up what was left.' WHERE status = 'running'",
  ).run(now.toISOString());
}

export interface LogInput {
  runId: number | null;
  level: SyncLogEntry['level'];
  entity?: string | null;
  localId?: string | null;
  qboCode?: string | null;
  message: string;
}

export function writeLog(db: Db, entry: LogInput, now: Date): void {
  db.prepare('INSERT INTO sync_log (run_id, at, level, entity, local_id, qbo_code, message) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    entry.runId,
    now.toISOString(),
    entry.level,
    entry.entity ?? null,
    entry.localId ?? null,
    entry.qboCode ?? null,
    redactSecrets(entry.message),
  );
}

export function getRun(db: Db, id: number): SyncRun | null {
  const row = db.prepare(`SELECT ${runColumns} FROM sync_runs r WHERE r.id = ?`).get(id) as RunRow | undefined;
  return row ? toRun(row) : null;
}

export function lastRun(db: Db): SyncRun | null {
  const row = db.prepare(`SELECT ${runColumns} FROM sync_runs r ORDER BY r.id DESC LIMIT 1`).get() as RunRow | undefined;
  return row ? toRun(row) : null;
}

export function listRuns(db: Db, limit: number, offset: number): { rows: SyncRun[]; total: number } {
  const rows = db.prepare(`SELECT ${runColumns} FROM sync_runs r ORDER BY r.id DESC LIMIT ? OFFSET ?`).all(limit, offset) as RunRow[];
  const total = db.prepare('SELECT COUNT(*) FROM sync_runs').pluck().get() as number;
  return { rows: rows.map(toRun), total };
}

export interface LogFilter {
  runId?: number | undefined;
  level: 'error' | 'warning' | 'all';
}

function logWhere(filter: LogFilter): { sql: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (filter.runId !== undefined) {
    clauses.push('run_id = ?');
    params.push(filter.runId);
  }
  clauses.push(filter.level === 'all' ? "level IN ('error', 'warning')" : 'level = ?');
  if (filter.level !== 'all') params.push(filter.level);
  return { sql: `WHERE ${clauses.join(' AND ')}`, params };
}

export function listLog(db: Db, filter: LogFilter, limit: number, offset: number): { rows: SyncLogEntry[]; total: number } {
  const { sql, params } = logWhere(filter);
  const rows = db.prepare(`SELECT * FROM sync_log ${sql} ORDER BY id DESC LIMIT ? OFFSET ?`).all(...params, limit, offset) as LogRow[];
  const total = db.prepare(`SELECT COUNT(*) FROM sync_log ${sql}`).pluck().get(...params) as number;
  return { rows: rows.map((row) => toEntry(db, row)), total };
}

/** CSV for "Download Errors": one row per error, quoted per RFC 4180. */
export function errorsCsv(db: Db, runId?: number): string {
  const { sql, params } = logWhere({ runId, level: 'all' });
  const rows = db.prepare(`SELECT * FROM sync_log ${sql} ORDER BY id`).all(...params) as LogRow[];
  const header = ['time', 'run', 'level', 'record type', 'record', 'QuickBooks code', 'message'];
  const lines = rows.map((r) => {
    const record = logRecord(db, r.entity, r.local_id)?.label ?? r.local_id;
    return [r.at, r.run_id, r.level, r.entity === null ? null : recordKindWords(r.entity), record, r.qbo_code, redactSecrets(r.message)].map(csvCell).join(',');
  });
  return [header.join(','), ...lines].join('\r\n') + '\r\n';
}

export function emptyCounts(): EntityCounts {
  return { created: 0, updated: 0, skipped: 0, failed: 0 };
}

export function bump(counts: RunCounts, key: string, field: keyof EntityCounts, by = 1): void {
  const entry = (counts[key] ??= emptyCounts());
  entry[field] += by;
}
