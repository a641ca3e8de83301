/** The audit trail: one row per movement and per document status change, with who, when and why. */
import type { AuditEntry, HandlerMap, ParsedInput } from '../../src-shared/ipc';
import type { Db, ServiceContext } from '../db';
import { nowIso, type Effects } from './effects';
import { all, Filters, one, run } from './sql';

export interface AuditRecord {
  by: string;
  recordType: AuditEntry['recordType'];
  recordId: string;
  action: string;
  detail?: string | null | undefined;
  reason?: string | null | undefined;
}

export function recordAudit(db: Db, effects: Effects, entry: AuditRecord): void {
  run(
    db,
    `INSERT INTO audit_log (at, by, record_type, record_id, action, detail, reason) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    nowIso(effects),
    entry.by,
    entry.recordType,
    entry.recordId,
    entry.action,
    entry.detail ?? null,
    entry.reason ?? null,
  );
}

/**
 * The same action by the same person on many records at once (a chunk of new items): one row each, one
 * statement. json_each walks the list in order, so the rows' ids follow the records' order.
 */
export function recordAuditEach(db: Db, effects: Effects, entry: Omit<AuditRecord, 'recordId'>, recordIds: readonly string[]): void {
  if (recordIds.length === 0) return;
  run(
    db,
    `INSERT INTO audit_log (at, by, record_type, record_id, action, detail, reason)
     SELECT ?, ?, ?, value, ?, ?, ? FROM json_each(?)`,
    nowIso(effects),
    entry.by,
    entry.recordType,
    entry.action,
    entry.detail ?? null,
    entry.reason ?? null,
    JSON.stringify(recordIds),
  );
}

interface AuditRow {
  id: number;
  at: string;
  by: string;
  record_type: string;
  record_id: string;
  action: string;
  detail: string | null;
  reason: string | null;
}

export function listAudit(db: Db, query: ParsedInput<'audit.list'>): { rows: AuditEntry[]; total: number } {
  const { clause, params } = new Filters()
    .when(query.recordType, 'record_type = ?')
    .when(query.recordId, 'record_id = ?')
    .when(query.by, 'by = ?');
  const total = one<{ n: number }>(db, `SELECT COUNT(*) AS n FROM audit_log ${clause}`, ...params)?.n ?? 0;
  const rows = all<AuditRow>(
    db,
    `SELECT * FROM audit_log ${clause} ORDER BY id DESC LIMIT ? OFFSET ?`,
    ...params,
    query.limit,
    query.offset,
  );
  return {
    total,
    rows: rows.map((r) => ({
      id: r.id,
      at: r.at,
      by: r.by,
      recordType: r.record_type,
      recordId: r.record_id,
      action: r.action,
      detail: r.detail,
      reason: r.reason,
    })),
  };
}

export function auditHandlers(): HandlerMap<'audit.list', ServiceContext> {
  return { 'audit.list': (input, ctx) => listAudit(ctx.db, input) };
}
