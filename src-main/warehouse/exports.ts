/**
 * exports.csv: a list read with the filter and sort it is shown with, every matching row (paged
 * through the list's own query inside one read transaction), as formula-safe CSV (src-shared/csv.ts).
 */
import type { z } from 'zod';
import { AppError, describeIssues, requests, type ExportList, type HandlerMap, type Item, type ParsedInput, type RequestName } from '../../src-shared/ipc';
import { csvText } from '../../src-shared/csv';
import { formatQuantity } from '../../src-shared/quantity';
import type { Db, ServiceContext } from '../db';
import { estimateColumns, invoiceColumns, itemColumns, lowStockColumns, movementColumns, orderColumns, partyColumns, purchaseOrderColumns, valuationColumns, type Column } from './exportColumns';
import { listEstimates } from './estimates';
import { listInvoices } from './invoices';
import { listItems } from './itemList';
import { listLowStock } from './lowStock';
import { listOrders } from './orders';
import { listParties } from './parties';
import { listPurchaseOrders } from './purchaseOrderList';
import { listSites } from './sites';
import { all } from './sql';
import { listMovements } from './stock';
import { listValuationLines } from './valuation';

export const maxExportRows = 100_000;
const pageSize = 500;

type Page<R> = { rows: R[]; total: number };
type Query = Record<string, unknown> & { limit: number; offset: number };
interface ListDef {
  request: RequestName;
  read: (db: Db, query: Query) => Page<unknown>;
  columns: (db: Db, query: Query, rows: unknown[]) => Column<never>[];
}

const siteNames = (db: Db) => {
  const names = new Map(listSites(db).map((s) => [s.id, s.name]));
  return (id: string) => names.get(id) ?? id;
};

/** On hand of each item at each site, for the items export's per-site columns. */
function levelsOf(db: Db, items: readonly Item[]): (item: Item, siteId: string) => string {
  const levels = new Map<string, number>();
  for (let i = 0; i < items.length; i += pageSize) {
    const ids = JSON.stringify(items.slice(i, i + pageSize).map((x) => x.id));
    for (const l of all<{ item_id: string; site_id: string; on_hand: number }>(db, 'SELECT item_id, site_id, on_hand FROM stock_levels WHERE item_id IN (SELECT value FROM json_each(?))', ids)) {
      levels.set(`${l.item_id}|${l.site_id}`, l.on_hand);
    }
  }
  return (item, siteId) => (item.type === 'inventory' ? formatQuantity(levels.get(`${item.id}|${siteId}`) ?? 0) : '');
}

function itemExportColumns(db: Db, query: Query, rows: unknown[]): Column<never>[] {
  const sites = listSites(db).filter((s) => s.active);
  const atSite = typeof query.siteId === 'string' ? listSites(db).find((s) => s.id === query.siteId) : undefined;
  return itemColumns(sites, levelsOf(db, rows as Item[]), atSite);
}

const fixed = (columns: Column<never>[]) => () => columns;
const lists: Record<ExportList, ListDef> = {
  items: { request: 'items.list', read: (db, q) => listItems(db, q as ParsedInput<'items.list'>), columns: itemExportColumns },
  movements: { request: 'stock.movements', read: (db, q) => listMovements(db, q as ParsedInput<'stock.movements'>), columns: fixed(movementColumns) },
  orders: { request: 'orders.list', read: (db, q) => listOrders(db, q as ParsedInput<'orders.list'>), columns: (db) => orderColumns(siteNames(db)) },
  purchaseOrders: {
    request: 'purchaseOrders.list',
    read: (db, q) => listPurchaseOrders(db, q as ParsedInput<'purchaseOrders.list'>),
    columns: (db) => purchaseOrderColumns(siteNames(db)),
  },
  customers: { request: 'customers.list', read: (db, q) => listParties(db, 'customer', q as ParsedInput<'customers.list'>), columns: fixed(partyColumns) },
  vendors: { request: 'vendors.list', read: (db, q) => listParties(db, 'vendor', q as ParsedInput<'customers.list'>), columns: fixed(partyColumns) },
  invoices: { request: 'invoices.list', read: (db, q) => listInvoices(db, q as ParsedInput<'invoices.list'>), columns: fixed(invoiceColumns) },
  estimates: { request: 'estimates.list', read: (db, q) => listEstimates(db, q as ParsedInput<'estimates.list'>), columns: fixed(estimateColumns) },
  lowStock: { request: 'lowStock.list', read: (db, q) => listLowStock(db, q as ParsedInput<'lowStock.list'>), columns: fixed(lowStockColumns) },
  valuation: { request: 'valuation.lines', read: (db, q) => listValuationLines(db, q as ParsedInput<'valuation.lines'>), columns: fixed(valuationColumns) },
};

/** The list's own query from the export's filter and sort; a refusal names the field as the export has it. */
function listQuery(def: ListDef, input: ParsedInput<'exports.csv'>): Query {
  for (const key of ['limit', 'offset']) {
    if (key in input.filter) throw new AppError('invalid_input', `filter.${key}: an export holds every matching row; leave ${key} out.`, `filter.${key}`);
  }
  const asked = { ...input.filter, ...(input.sort ? { sort: input.sort } : {}), ...(input.direction ? { direction: input.direction } : {}) };
  const parsed = (requests[def.request].input as z.ZodType).safeParse(asked);
  if (parsed.success) return parsed.data as Query;
  const issue = describeIssues(parsed.error);
  const field = issue.field === undefined || issue.field === 'sort' || issue.field === 'direction' ? issue.field : `filter.${issue.field}`;
  const message = issue.field ? issue.message.slice(issue.field.length + 2) : issue.message;
  throw new AppError('invalid_input', field ? `${field}: ${message}` : message, field);
}

function readAll(db: Db, def: ListDef, query: Query, list: string): unknown[] {
  const rows: unknown[] = [];
  for (let offset = 0; ; offset += pageSize) {
    const page = def.read(db, { ...query, limit: pageSize, offset });
    if (page.total > maxExportRows) {
      throw new AppError('refused', `The ${list} list has ${page.total.toLocaleString('en-US')} rows with this filter; an export holds at most ${maxExportRows.toLocaleString('en-US')}. Narrow the filter first.`, 'filter');
    }
    rows.push(...page.rows);
    if (page.rows.length < pageSize) return rows;
  }
}

export function exportCsv(ctx: ServiceContext, input: ParsedInput<'exports.csv'>) {
  const def = lists[input.list];
  const query = listQuery(def, input);
  // One read transaction: every page sees the same data, even while the sync writes.
  return ctx.db.transaction(() => {
    const rows = readAll(ctx.db, def, query, input.list);
    const columns = def.columns(ctx.db, query, rows) as Column<unknown>[];
    const csv = csvText(columns.map((c) => c.header), rows.map((r) => columns.map((c) => c.cell(r))));
    const fileName = `shelfsync-${input.list}-${ctx.clock.now().toISOString().slice(0, 10)}.csv`;
    return { fileName, csv, rows: rows.length };
  })();
}

export function exportHandlers(): HandlerMap<'exports.csv', ServiceContext> {
  return { 'exports.csv': (input, ctx) => exportCsv(ctx, input) };
}
