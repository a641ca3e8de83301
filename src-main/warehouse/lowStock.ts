/**
 * The Low stock list (items whose available quantity is at or below their reorder point at a site,
 * with what to order) and the draft purchase orders made from it, one per vendor and site.
 */
import { AppError, type HandlerMap, type LowStockLine, type LowStockQuery, type PurchaseOrder, type RequestInput } from '../../src-shared/ipc';
import { formatQuantity, toUnits } from '../../src-shared/quantity';
import type { Db, ServiceContext } from '../db';
import { actorOf, type Effects, type WriteOptions } from './effects';
import { requireItem } from './items';
import { parseRequest } from './parse';
import { getParty } from './parties';
import { createPurchaseOrder } from './purchaseOrders';
import { setPreferredVendor } from './reorder';
import { requireSite } from './sites';
import { all, Filters, likeContains, one } from './sql';
import { committedSql, onOrderSql, pointSql, upToSql, type SitePositionRow } from './stockPosition';

interface LowRow extends SitePositionRow {
  item_id: string;
  item_name: string;
  sku: string | null;
  unit: string | null;
  cost_cents: number;
  vendor_id: string | null;
  vendor_name: string | null;
  vendor_source: string | null;
}

/** Every active inventory item × active site it is watched at, with its position (the list's rows). */
const positionSql = `SELECT i.id AS item_id, i.name AS item_name, i.name_key, i.sku, i.sku_key, i.unit, i.cost_cents,
       s.id AS site_id, s.name AS site_name, s.name_key AS site_key,
       COALESCE(l.on_hand, 0) AS on_hand, ${committedSql('i.id', 's.id')} AS committed, ${onOrderSql('i.id', 's.id')} AS on_order,
       ${pointSql('s.id')} AS point, ${upToSql('s.id')} AS up_to,
       i.preferred_vendor_id AS vendor_id, v.display_name AS vendor_name, v.name_key AS vendor_key, i.preferred_vendor_source AS vendor_source
  FROM items i JOIN sites s ON s.active = 1
  LEFT JOIN stock_levels l ON l.item_id = i.id AND l.site_id = s.id
  LEFT JOIN vendors v ON v.id = i.preferred_vendor_id
 WHERE i.type = 'inventory' AND i.active = 1
   AND ((i.reorder_point > 0 AND s.is_default = 1) OR EXISTS (SELECT 1 FROM reorder_levels r WHERE r.item_id = i.id AND r.site_id = s.id))`;

const suggestedSql = 'MAX(0, MAX(up_to, point) - (on_hand - committed) - on_order)';

/** ORDER BY per sort; item and site names settle ties, vendorless lines come last under "vendor". */
const sortColumns: Record<LowStockQuery['sort'], string[]> = {
  vendor: ['vendor_key IS NULL', 'vendor_key', 'name_key', 'site_key'],
  item: ['name_key', 'site_key'],
  sku: ['sku_key', 'name_key', 'site_key'],
  site: ['site_key', 'name_key'],
  onHand: ['on_hand', 'name_key', 'site_key'],
  committed: ['committed', 'name_key', 'site_key'],
  available: ['on_hand - committed', 'name_key', 'site_key'],
  onOrder: ['on_order', 'name_key', 'site_key'],
  reorderPoint: ['point', 'name_key', 'site_key'],
  suggested: [suggestedSql, 'name_key', 'site_key'],
};

function toLine(r: LowRow): LowStockLine {
  const available = r.on_hand - r.committed;
  return {
    itemId: r.item_id,
    itemName: r.item_name,
    sku: r.sku,
    unit: r.unit,
    siteId: r.site_id,
    siteName: r.site_name,
    onHand: formatQuantity(r.on_hand),
    committed: formatQuantity(r.committed),
    available: formatQuantity(available),
    onOrder: formatQuantity(r.on_order),
    reorderPoint: formatQuantity(r.point),
    reorderUpTo: formatQuantity(r.up_to),
    suggested: formatQuantity(Math.max(0, Math.max(r.up_to, r.point) - available - r.on_order)),
    unitCostCents: r.cost_cents,
    vendorId: r.vendor_id,
    vendorName: r.vendor_name,
    vendorFromQuickBooks: r.vendor_source === 'qbo',
  };
}

export function listLowStock(db: Db, query: LowStockQuery): { rows: LowStockLine[]; total: number } {
  const pattern = query.search ? likeContains(query.search) : undefined;
  const filters = new Filters()
    .whenTrue(true, 'up_to > 0 AND on_hand - committed <= point')
    .when(query.siteId, 'site_id = ?')
    .when(query.vendorId, 'vendor_id = ?')
    .when(pattern, `(name_key LIKE ? ESCAPE '\\' OR sku_key LIKE ? ESCAPE '\\')`, pattern, pattern);
  const from = `(${positionSql}) ${filters.clause}`;
  const total = one<{ n: number }>(db, `SELECT COUNT(*) AS n FROM ${from}`, ...filters.params)?.n ?? 0;
  const direction = query.direction === 'desc' ? 'DESC' : 'ASC';
  const orderBy = sortColumns[query.sort].map((c) => `${c} ${direction}`).join(', ');
  const rows = all<LowRow>(db, `SELECT * FROM ${from} ORDER BY ${orderBy} LIMIT ? OFFSET ?`, ...filters.params, query.limit, query.offset);
  return { total, rows: rows.map(toLine) };
}

type CreateInput = RequestInput<'lowStock.createPurchaseOrders'>;

/** vendor id + site id → the lines for that purchase order, in the order they were chosen. */
function groupLines(db: Db, effects: Effects, data: ReturnType<typeof parseRequest<'lowStock.createPurchaseOrders'>>, options?: WriteOptions) {
  const groups = new Map<string, { vendorId: string; siteId: string; lines: { itemId: string; qty: string }[] }>();
  const seen = new Set<string>();
  data.lines.forEach((line, index) => {
    const item = requireItem(db, line.itemId, `lines.${index}.itemId`);
    const site = requireSite(db, line.siteId);
    if (seen.has(`${item.id}|${site.id}`)) {
      throw new AppError('invalid_input', `lines.${index}: "${item.name}" for ${site.name} is listed twice; give it once with the whole quantity.`, `lines.${index}`);
    }
    seen.add(`${item.id}|${site.id}`);
    const vendorId = line.vendorId ?? item.preferred_vendor_id;
    if (!vendorId) {
      throw new AppError('invalid_input', `lines.${index}.vendorId: choose a vendor for "${item.name}"; it has no preferred vendor.`, `lines.${index}.vendorId`);
    }
    getParty(db, 'vendor', vendorId, `lines.${index}.vendorId`);
    // A vendor chosen here for an item that had none is remembered for the next time.
    if (!item.preferred_vendor_id) setPreferredVendor(db, effects, item.id, vendorId, options);
    const key = `${vendorId}|${site.id}`;
    const group = groups.get(key) ?? { vendorId, siteId: site.id, lines: [] };
    group.lines.push({ itemId: item.id, qty: formatQuantity(toUnits(line.qty)) });
    groups.set(key, group);
  });
  return [...groups.values()];
}

export function createLowStockPurchaseOrders(db: Db, effects: Effects, input: CreateInput, options?: WriteOptions): { purchaseOrders: PurchaseOrder[] } {
  const data = parseRequest('lowStock.createPurchaseOrders', input);
  const by = { ...options, by: data.by ?? actorOf(options) };
  return db.transaction(() => {
    const groups = groupLines(db, effects, data, by);
    const purchaseOrders = groups.map((g) =>
      createPurchaseOrder(
        db,
        effects,
        { vendorId: g.vendorId, siteId: g.siteId, expectedDate: data.expectedDate ?? null, note: 'Made from the Low stock list.', lines: g.lines },
        by,
      ),
    );
    return { purchaseOrders };
  })();
}

export function lowStockHandlers(): HandlerMap<'lowStock.list' | 'lowStock.createPurchaseOrders', ServiceContext> {
  return {
    'lowStock.list': (input, ctx) => listLowStock(ctx.db, input),
    'lowStock.createPurchaseOrders': (input, ctx) => createLowStockPurchaseOrders(ctx.db, ctx, input),
  };
}
