/**
 * The local side of the stock valuation: on hand × cost for every inventory item at every site where
 * it has stock, and the totals per site and overall, in cents.
 */
import type { HandlerMap, ParsedInput, ValuationLine } from '../../src-shared/ipc';
import { formatQuantity, quantityScale } from '../../src-shared/quantity';
import type { Db, ServiceContext } from '../db';
import { all, Filters, likeContains, one } from './sql';

export interface StockValueLine {
  itemId: string;
  itemName: string;
  sku: string | null;
  siteId: string;
  siteName: string;
  onHandUnits: number;
  costCents: number;
  valueCents: number;
}

export interface StockValueSite {
  siteId: string;
  siteName: string;
  items: number;
  valueCents: number;
}

export interface StockValuation {
  /** Largest value first, then by item name. */
  lines: StockValueLine[];
  sites: StockValueSite[];
  totalCents: number;
}

/** Quantity units × cents, rounded half away from zero to the cent, exactly (BigInt: no float drift). */
export function valueOfUnits(units: number, costCents: number): number {
  const product = BigInt(units) * BigInt(costCents);
  const magnitude = product < 0n ? -product : product;
  const scale = BigInt(quantityScale);
  const rounded = (magnitude + scale / 2n) / scale;
  return Number(product < 0n ? -rounded : rounded);
}

interface Row {
  item_id: string;
  item_name: string;
  sku: string | null;
  site_id: string;
  site_name: string;
  on_hand: number;
  cost_cents: number;
}

const linesSql = `SELECT i.id AS item_id, i.name AS item_name, i.sku, s.id AS site_id, s.name AS site_name, l.on_hand, i.cost_cents
  FROM stock_levels l JOIN items i ON i.id = l.item_id JOIN sites s ON s.id = l.site_id
  WHERE i.type = 'inventory' AND l.on_hand <> 0
  ORDER BY i.name_key, s.name_key`;

/** Active sites, and inactive ones that still hold stock, default site first. */
const sitesSql = `SELECT s.id, s.name FROM sites s
  WHERE s.active = 1 OR EXISTS (SELECT 1 FROM stock_levels l JOIN items i ON i.id = l.item_id WHERE l.site_id = s.id AND i.type = 'inventory' AND l.on_hand <> 0)
  ORDER BY s.is_default DESC, s.name_key`;

export function stockValuation(db: Db): StockValuation {
  const lines: StockValueLine[] = all<Row>(db, linesSql).map((r) => ({
    itemId: r.item_id,
    itemName: r.item_name,
    sku: r.sku,
    siteId: r.site_id,
    siteName: r.site_name,
    onHandUnits: r.on_hand,
    costCents: r.cost_cents,
    valueCents: valueOfUnits(r.on_hand, r.cost_cents),
  }));
  const sites = all<{ id: string; name: string }>(db, sitesSql).map((s) => {
    const here = lines.filter((l) => l.siteId === s.id);
    return { siteId: s.id, siteName: s.name, items: here.length, valueCents: here.reduce((n, l) => n + l.valueCents, 0) };
  });
  lines.sort((a, b) => b.valueCents - a.valueCents);
  return { lines, sites, totalCents: lines.reduce((n, l) => n + l.valueCents, 0) };
}

/**
 * ORDER BY per sort of `valuation.lines`; item and site names settle ties. Value orders by on hand ×
 * cost in exact integers (the same order as the value rounded to the cent). A sort reads every line
 * with stock (one row per item and site, not per movement), which stays a single pass over stock_levels.
 */
const lineOrder: Record<ParsedInput<'valuation.lines'>['sort'], string> = {
  item: 'i.name_key',
  sku: 'i.sku_key',
  site: 's.name_key',
  onHand: 'l.on_hand',
  cost: 'i.cost_cents',
  value: 'l.on_hand * i.cost_cents',
};

const toLine = (r: Row): ValuationLine => ({
  itemId: r.item_id,
  itemName: r.item_name,
  sku: r.sku,
  siteId: r.site_id,
  siteName: r.site_name,
  onHand: formatQuantity(r.on_hand),
  costCents: r.cost_cents,
  valueCents: valueOfUnits(r.on_hand, r.cost_cents),
});

/** valuation.lines: one sorted page of the lines the valuation sums, as the Valuation screen and its export show them. */
export function listValuationLines(db: Db, query: ParsedInput<'valuation.lines'>): { rows: ValuationLine[]; total: number } {
  const pattern = query.search ? likeContains(query.search) : undefined;
  const filters = new Filters()
    .when(query.siteId, 'l.site_id = ?')
    .when(pattern, `(i.name_key LIKE ? ESCAPE '\\' OR i.sku_key LIKE ? ESCAPE '\\')`, pattern, pattern);
  const where = `WHERE i.type = 'inventory' AND l.on_hand <> 0 ${filters.clause.replace(/^WHERE/, 'AND')}`;
  const from = 'FROM stock_levels l JOIN items i ON i.id = l.item_id JOIN sites s ON s.id = l.site_id';
  const total = one<{ n: number }>(db, `SELECT COUNT(*) AS n ${from} ${where}`, ...filters.params)?.n ?? 0;
  const direction = query.direction === 'asc' ? 'ASC' : 'DESC';
  const rows = all<Row>(
    db,
    `SELECT i.id AS item_id, i.name AS item_name, i.sku, s.id AS site_id, s.name AS site_name, l.on_hand, i.cost_cents
      ${from} ${where} ORDER BY ${lineOrder[query.sort]} ${direction}, i.name_key ${direction}, s.name_key ${direction} LIMIT ? OFFSET ?`,
    ...filters.params,
    query.limit,
    query.offset,
  );
  return { total, rows: rows.map(toLine) };
}

export function valuationLineHandlers(): HandlerMap<'valuation.lines', ServiceContext> {
  return { 'valuation.lines': (input, ctx) => listValuationLines(ctx.db, input) };
}
