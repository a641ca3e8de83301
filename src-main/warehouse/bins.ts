/**
 * Bins: shelf places inside a site, the bins an item is kept in there (one primary, where receiving puts
 * it away), and a picking order's lines in bin order. Bins are ShelfSync's own: nothing here is queued
 * for QuickBooks.
 */
import { AppError, type Bin, type HandlerMap, type PickLine, type RequestInput } from '../../src-shared/ipc';
import { formatQuantity } from '../../src-shared/quantity';
import type { Db, ServiceContext } from '../db';
import { recordAudit } from './audit';
import { actorOf, nowIso, type Effects, type WriteOptions } from './effects';
import { requireItem } from './items';
import { findOrderRow, orderLines, remainingOf } from './ordersRepo';
import { parseRequest } from './parse';
import { requireSite } from './sites';
import { all, bool, one, run } from './sql';

interface BinRow {
  id: string;
  site_id: string;
  code: string;
  items: number;
}

const binSelect = `SELECT b.id, b.site_id, b.code, (SELECT COUNT(*) FROM item_bins ib WHERE ib.bin_id = b.id) AS items FROM bins b`;
const toBin = (r: BinRow): Bin => ({ id: r.id, siteId: r.site_id, code: r.code, items: r.items });

export function findBin(db: Db, siteId: string, code: string): BinRow | undefined {
  return one<BinRow>(db, `${binSelect} WHERE b.site_id = ? AND b.code_key = ?`, siteId, code.trim().toLowerCase());
}

/** The bin with this code at the site, or a refusal naming the code and the site. */
export function requireBin(db: Db, siteId: string, code: string, field: string): BinRow {
  const bin = findBin(db, siteId, code);
  if (!bin) throw new AppError('not_found', `There is no bin "${code}" at ${requireSite(db, siteId).name}. Add it under the item's bins first.`, field);
  return bin;
}

/** The code of the item's primary bin at the site, or null. */
export function primaryBinCode(db: Db, itemId: string, siteId: string): string | null {
  return (
    one<{ code: string }>(
      db,
      'SELECT b.code FROM item_bins ib JOIN bins b ON b.id = ib.bin_id WHERE ib.item_id = ? AND ib.site_id = ? AND ib.is_primary = 1',
      itemId,
      siteId,
    )?.code ?? null
  );
}

export function listBins(db: Db, siteId: string): Bin[] {
  const site = requireSite(db, siteId);
  return all<BinRow>(db, `${binSelect} WHERE b.site_id = ? ORDER BY b.code_key`, site.id).map(toBin);
}

function insertBin(db: Db, effects: Effects, siteId: string, code: string, by: string): BinRow {
  const id = effects.ids.uuid();
  run(db, 'INSERT INTO bins (id, site_id, code, code_key, created_at) VALUES (?, ?, ?, ?, ?)', id, siteId, code, code.toLowerCase(), nowIso(effects));
  recordAudit(db, effects, { by, recordType: 'site', recordId: siteId, action: 'bin.created', detail: code });
  return { id, site_id: siteId, code, items: 0 };
}

export function createBin(db: Db, effects: Effects, input: RequestInput<'bins.create'>, options?: WriteOptions): Bin {
  const data = parseRequest('bins.create', input);
  return db.transaction(() => {
    const site = requireSite(db, data.siteId);
    const clash = findBin(db, site.id, data.code);
    if (clash) throw new AppError('conflict', `${site.name} already has bin "${clash.code}" (codes are compared without regard to case).`, 'code');
    return toBin(insertBin(db, effects, site.id, data.code, data.by ?? actorOf(options)));
  })();
}

export function itemBins(db: Db, itemId: string) {
  const item = requireItem(db, itemId);
  const rows = all<{ site_id: string; site_name: string; bin_id: string; code: string; is_primary: number }>(
    db,
    `SELECT ib.site_id, s.name AS site_name, b.id AS bin_id, b.code, ib.is_primary
       FROM item_bins ib JOIN bins b ON b.id = ib.bin_id JOIN sites s ON s.id = ib.site_id
      WHERE ib.item_id = ? ORDER BY s.is_default DESC, s.name_key, ib.is_primary DESC, b.code_key`,
    item.id,
  );
  return {
    itemId: item.id,
    bins: rows.map((r) => ({ siteId: r.site_id, siteName: r.site_name, binId: r.bin_id, code: r.code, primary: bool(r.is_primary) })),
  };
}

/** Keeps the item in the bin (made if the site has no bin by that code); primary moves the item's primary there. */
export function assignBin(db: Db, effects: Effects, input: RequestInput<'bins.assign'>, options?: WriteOptions) {
  const data = parseRequest('bins.assign', input);
  return db.transaction(() => {
    const item = requireItem(db, data.itemId);
    if (item.type !== 'inventory') throw new AppError('refused', `"${item.name}" is not an inventory item, so it is kept in no bin.`, 'itemId');
    const site = requireSite(db, data.siteId);
    const by = data.by ?? actorOf(options);
    const bin = findBin(db, site.id, data.code) ?? insertBin(db, effects, site.id, data.code, by);
    const primary = data.primary ?? primaryBinCode(db, item.id, site.id) === null;
    if (primary) run(db, 'UPDATE item_bins SET is_primary = 0 WHERE item_id = ? AND site_id = ?', item.id, site.id);
    run(
      db,
      `INSERT INTO item_bins (item_id, bin_id, site_id, is_primary) VALUES (?, ?, ?, ?)
       ON CONFLICT (item_id, bin_id) DO UPDATE SET is_primary = excluded.is_primary`,
      item.id,
      bin.id,
      site.id,
      primary ? 1 : 0,
    );
    recordAudit(db, effects, { by, recordType: 'item', recordId: item.id, action: 'bin.assigned', detail: `${site.name}: ${bin.code}${primary ? ' (primary)' : ''}` });
    return itemBins(db, item.id);
  })();
}

/** The walk through the warehouse: bin codes in natural order (A-2 before A-10, whatever the case), no bin last. */
export function compareBins(a: string | null, b: string | null): number {
  if (a === null || b === null) return (a === null ? 1 : 0) - (b === null ? 1 : 0);
  return a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' });
}

/** The order's lines still to pick, by primary bin code at its site; lines without a bin last, then in line order. */
export function pickList(db: Db, orderId: string): { orderId: string; siteId: string; lines: PickLine[] } {
  const order = findOrderRow(db, orderId);
  const lines = orderLines(db, order.id)
    .filter((l) => remainingOf(l) > 0)
    .map((l) => ({ line: l, bin: primaryBinCode(db, l.item_id, order.site_id) }));
  lines.sort((a, b) => compareBins(a.bin, b.bin) || a.line.line_no - b.line.line_no);
  return {
    orderId: order.id,
    siteId: order.site_id,
    lines: lines.map(({ line, bin }) => ({ lineId: line.id, itemId: line.item_id, itemName: line.item_name, remaining: formatQuantity(remainingOf(line)), bin })),
  };
}

export function binHandlers(): HandlerMap<`bins.${'list' | 'create' | 'assign' | 'forItem' | 'pickList'}`, ServiceContext> {
  return {
    'bins.list': (input, ctx) => listBins(ctx.db, input.siteId),
    'bins.create': (input, ctx) => createBin(ctx.db, ctx, input),
    'bins.assign': (input, ctx) => assignBin(ctx.db, ctx, input),
    'bins.forItem': (input, ctx) => itemBins(ctx.db, input.itemId),
    'bins.pickList': (input, ctx) => pickList(ctx.db, input.orderId),
  };
}
