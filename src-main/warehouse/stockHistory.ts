/**
 * stock.history: an item's on hand over time, replayed from its movements' balance_after. At one site
 * a point's on hand is that movement's balance; over all sites it is the sum of each site's latest
 * balance. The range is read once through stock_movements_by_item (item, id). Up to
 * `historyMovementPoints` movements give one point each; more give one point per UTC day (its closing
 * balance), so the answer stays small for an item with many thousands of movements.
 */
import { AppError, historyMovementPoints, type HandlerMap, type MovementKind, type ParsedInput, type StockHistory, type StockHistoryPoint } from '../../src-shared/ipc';
import { formatQuantity } from '../../src-shared/quantity';
import type { Db, ServiceContext } from '../db';
import { requireSite } from './sites';
import { all, Filters, one } from './sql';

interface Row {
  id: number;
  at: string;
  site_id: string;
  qty: number;
  balance_after: number;
  kind: MovementKind;
  document_type: string | null;
  document_id: string | null;
}

interface Step {
  at: string;
  onHand: number;
  change: number;
  movements: number;
  kind: MovementKind | null;
  document: string | null;
}

const dayAfter = (day: string) => new Date(Date.parse(`${day}T00:00:00.000Z`) + 86_400_000).toISOString();

/** Each site's balance just before `before` (all of them zero when the range starts at the first movement). */
function openingBalances(db: Db, itemId: string, siteId: string | undefined, before: string | null): Map<string, number> {
  if (before === null) return new Map();
  const rows = all<{ site_id: string; balance_after: number }>(
    db,
    `SELECT site_id, balance_after FROM stock_movements WHERE id IN (
       SELECT MAX(id) FROM stock_movements WHERE item_id = ? AND at < ? ${siteId ? 'AND site_id = ?' : ''} GROUP BY site_id)`,
    itemId,
    before,
    ...(siteId ? [siteId] : []),
  );
  return new Map(rows.map((r) => [r.site_id, r.balance_after]));
}

/**
 * One step per movement; across sites, the movements of one document in a row (a transfer's out and
 * in) are one step, so the sum never shows a dip that did not happen.
 */
function replay(rows: readonly Row[], balances: Map<string, number>, acrossSites: boolean): Step[] {
  let total = [...balances.values()].reduce((n, b) => n + b, 0);
  const steps: Step[] = [];
  for (const r of rows) {
    total += r.balance_after - (balances.get(r.site_id) ?? 0);
    balances.set(r.site_id, r.balance_after);
    const document = r.document_type ? `${r.document_type} ${r.document_id ?? ''}` : null;
    const last = steps.at(-1);
    if (acrossSites && last && document !== null && last.document === document) {
      Object.assign(last, { onHand: total, change: last.change + r.qty, movements: last.movements + 1, kind: last.kind === r.kind ? r.kind : null });
    } else {
      steps.push({ at: r.at, onHand: total, change: r.qty, movements: 1, kind: r.kind, document });
    }
  }
  return steps;
}

/** The day's closing balance, its net change and how many movements it had. */
function byDay(steps: readonly Step[]): Step[] {
  const days: Step[] = [];
  for (const s of steps) {
    const day = s.at.slice(0, 10);
    const last = days.at(-1);
    if (last && last.at === day) {
      Object.assign(last, { onHand: s.onHand, change: last.change + s.change, movements: last.movements + s.movements, kind: last.kind === s.kind ? s.kind : null });
    } else {
      days.push({ ...s, at: day });
    }
  }
  return days;
}

const toPoint = (s: Step): StockHistoryPoint => ({
  at: s.at,
  onHand: formatQuantity(s.onHand),
  change: formatQuantity(s.change),
  movements: s.movements,
  kind: s.kind,
});

export function stockHistory(db: Db, query: ParsedInput<'stock.history'>): StockHistory {
  const item = one<{ name: string; unit: string | null; type: string }>(db, 'SELECT name, unit, type FROM items WHERE id = ?', query.itemId);
  if (!item) throw new AppError('not_found', `There is no item with id "${query.itemId}".`, 'itemId');
  if (item.type !== 'inventory') throw new AppError('refused', `"${item.name}" is not an inventory item, so it has no stock to chart.`, 'itemId');
  const site = query.siteId === undefined ? null : requireSite(db, query.siteId);
  const start = query.from ? `${query.from}T00:00:00.000Z` : null;
  const end = query.to ? dayAfter(query.to) : null;
  const balances = openingBalances(db, query.itemId, site?.id, start);
  const opening = [...balances.values()].reduce((n, b) => n + b, 0);
  const { clause, params } = new Filters()
    .when(query.itemId, 'item_id = ?')
    .when(site?.id, 'site_id = ?')
    .when(start ?? undefined, 'at >= ?')
    .when(end ?? undefined, 'at < ?');
  const rows = all<Row>(db, `SELECT id, at, site_id, qty, balance_after, kind, document_type, document_id FROM stock_movements ${clause} ORDER BY id`, ...params);
  const steps = replay(rows, balances, site === null);
  const daily = rows.length > historyMovementPoints;
  return {
    itemId: query.itemId,
    itemName: item.name,
    unit: item.unit,
    siteId: site?.id ?? null,
    siteName: site?.name ?? null,
    from: query.from ?? null,
    to: query.to ?? null,
    opening: formatQuantity(opening),
    closing: formatQuantity(steps.at(-1)?.onHand ?? opening),
    step: daily ? 'day' : 'movement',
    movements: rows.length,
    points: (daily ? byDay(steps) : steps).map(toPoint),
  };
}

export function stockHistoryHandlers(): HandlerMap<'stock.history', ServiceContext> {
  return { 'stock.history': (input, ctx) => stockHistory(ctx.db, input) };
}
