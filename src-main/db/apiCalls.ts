/**
 * The count of API calls sent to QuickBooks, by local day, company and kind (read or write), and what
 * it means for Intuit's monthly allowance of metered read calls.
 */
import type { Db } from './database';
import { statement } from './statements';

export type ApiCallKind = 'read' | 'write';

export interface ApiCallSummary {
  readsToday: number;
  readsThisMonth: number;
  writesToday: number;
  writesThisMonth: number;
  monthlyReadAllowance: number;
  /** This month's reads so far, carried on at the same pace to the month's last day. */
  projectedReadsThisMonth: number;
  /** Set when the month's reads reached the allowance or their pace would pass it, in words. */
  warning: string | null;
}

/** A local calendar day as YYYY-MM-DD: the clerk's "today", not UTC's. */
export function localDay(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

export function recordApiCall(db: Db, realmId: string, kind: ApiCallKind, at: Date): void {
  statement(
    db,
    `INSERT INTO api_calls (day, realm_id, kind, calls) VALUES (?, ?, ?, 1)
     ON CONFLICT (day, realm_id, kind) DO UPDATE SET calls = calls + 1`,
  ).run(localDay(at), realmId, kind);
}

interface CountRow {
  kind: ApiCallKind;
  today: number;
  month: number;
}

export function summarizeApiCalls(db: Db, realmId: string | null, at: Date, monthlyReadAllowance: number): ApiCallSummary {
  const today = localDay(at);
  const rows = realmId
    ? (statement(
        db,
        `SELECT kind, SUM(CASE WHEN day = ? THEN calls ELSE 0 END) AS today, SUM(calls) AS month
           FROM api_calls WHERE realm_id = ? AND day >= ? AND day <= ? GROUP BY kind`,
      ).all(today, realmId, `${today.slice(0, 8)}01`, today) as CountRow[])
    : [];
  const count = (kind: ApiCallKind, field: 'today' | 'month') => rows.find((r) => r.kind === kind)?.[field] ?? 0;
  const readsThisMonth = count('read', 'month');
  const projected = projectMonth(readsThisMonth, at);
  return {
    readsToday: count('read', 'today'),
    readsThisMonth,
    writesToday: count('write', 'today'),
    writesThisMonth: count('write', 'month'),
    monthlyReadAllowance,
    projectedReadsThisMonth: projected,
    warning: allowanceWarning(readsThisMonth, projected, monthlyReadAllowance),
  };
}

/**
 * The month's reads at the pace so far. The first day counts as a whole day, so one busy morning (a
 * first import) does not project as if every hour of the month were like it.
 */
function projectMonth(readsSoFar: number, at: Date): number {
  const start = new Date(at.getFullYear(), at.getMonth(), 1).getTime();
  const end = new Date(at.getFullYear(), at.getMonth() + 1, 1).getTime();
  const dayMs = 86_400_000;
  const elapsed = Math.max(at.getTime() - start, dayMs);
  return Math.round((readsSoFar * (end - start)) / elapsed);
}

function allowanceWarning(reads: number, projected: number, allowance: number): string | null {
  const n = (v: number) => v.toLocaleString('en-US');
  if (reads >= allowance) {
    return `ShelfSync has used this month's allowance of ${n(allowance)} QuickBooks read calls (${n(reads)} so far). QuickBooks may refuse reads until next month; writes still go through.`;
  }
  if (projected > allowance) {
    return `At this pace ShelfSync will make about ${n(projected)} QuickBooks read calls this month, more than the allowance of ${n(allowance)}. A longer sync interval in Settings uses fewer.`;
  }
  return null;
}
