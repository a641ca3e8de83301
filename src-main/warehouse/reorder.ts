/**
 * Reorder levels and preferred vendors: what an item's position is at each site, the levels that
 * decide when it is low, and the vendor it is reordered from (QuickBooks' PrefVendorRef, or chosen here).
 */
import { AppError, type HandlerMap, type ReorderInfo, type RequestInput } from '../../src-shared/ipc';
import { formatQuantity, toUnits } from '../../src-shared/quantity';
import type { Db, ServiceContext } from '../db';
import { recordAudit } from './audit';
import { actorOf, nowIso, type Effects, type WriteOptions } from './effects';
import { requireItem } from './items';
import { parseRequest } from './parse';
import { getParty } from './parties';
import { requireSite } from './sites';
import { all, one, run } from './sql';
import { committedSql, lowAtSql, onOrderSql, pointSql, upToSql, type SitePositionRow } from './stockPosition';

interface PositionRow extends SitePositionRow {
  own: number;
  low: number;
}

function positions(db: Db, itemId: string) {
  return all<PositionRow>(
    db,
    `SELECT s.id AS site_id, s.name AS site_name,
            COALESCE((SELECT l.on_hand FROM stock_levels l WHERE l.item_id = i.id AND l.site_id = s.id), 0) AS on_hand,
            ${committedSql('i.id', 's.id')} AS committed, ${onOrderSql('i.id', 's.id')} AS on_order,
            ${pointSql('s.id')} AS point, ${upToSql('s.id')} AS up_to,
            EXISTS (SELECT 1 FROM reorder_levels r WHERE r.item_id = i.id AND r.site_id = s.id) AS own,
            ${lowAtSql('s.id')} AS low
       FROM items i JOIN sites s
      WHERE i.id = ? AND (s.active = 1 OR EXISTS (SELECT 1 FROM stock_levels l WHERE l.item_id = i.id AND l.site_id = s.id AND l.on_hand <> 0))
      ORDER BY s.is_default DESC, s.name_key`,
    itemId,
  );
}

export function getReorderInfo(db: Db, itemId: string): ReorderInfo {
  const item = requireItem(db, itemId);
  const vendor = item.preferred_vendor_id
    ? one<{ display_name: string }>(db, 'SELECT display_name FROM vendors WHERE id = ?', item.preferred_vendor_id)
    : undefined;
  return {
    itemId: item.id,
    itemName: item.name,
    preferredVendor:
      item.preferred_vendor_id && vendor
        ? { id: item.preferred_vendor_id, name: vendor.display_name, fromQuickBooks: item.preferred_vendor_source === 'qbo' }
        : null,
    sites: positions(db, item.id).map((p) => ({
      siteId: p.site_id,
      siteName: p.site_name,
      onHand: formatQuantity(p.on_hand),
      committed: formatQuantity(p.committed),
      available: formatQuantity(p.on_hand - p.committed),
      onOrder: formatQuantity(p.on_order),
      reorderPoint: formatQuantity(p.point),
      reorderUpTo: formatQuantity(p.up_to),
      ownLevels: p.own === 1,
      low: p.low === 1,
    })),
  };
}

export function setReorderLevels(db: Db, effects: Effects, input: RequestInput<'reorderLevels.set'>, options?: WriteOptions): ReorderInfo {
  const data = parseRequest('reorderLevels.set', input);
  return db.transaction(() => {
    const item = requireItem(db, data.itemId);
    const site = requireSite(db, data.siteId);
    const by = data.by ?? actorOf(options);
    if (data.reorderPoint === null) {
      run(db, 'DELETE FROM reorder_levels WHERE item_id = ? AND site_id = ?', item.id, site.id);
      recordAudit(db, effects, { by, recordType: 'item', recordId: item.id, action: 'reorder.cleared', detail: `${site.name}: the item's reorder point applies` });
      return getReorderInfo(db, item.id);
    }
    const point = toUnits(data.reorderPoint);
    const upTo = data.reorderUpTo === undefined ? point : toUnits(data.reorderUpTo);
    if (upTo < point) {
      throw new AppError(
        'invalid_input',
        `reorderUpTo: reorder up to at least the reorder point (${data.reorderPoint}); ${data.reorderUpTo ?? ''} is below it.`,
        'reorderUpTo',
      );
    }
    run(
      db,
      `INSERT INTO reorder_levels (item_id, site_id, reorder_point, reorder_up_to, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (item_id, site_id) DO UPDATE SET reorder_point = excluded.reorder_point, reorder_up_to = excluded.reorder_up_to, updated_at = excluded.updated_at`,
      item.id,
      site.id,
      point,
      upTo,
      nowIso(effects),
    );
    const detail = `${site.name}: reorder at ${formatQuantity(point)} up to ${formatQuantity(upTo)}`;
    recordAudit(db, effects, { by, recordType: 'item', recordId: item.id, action: 'reorder.levels', detail });
    return getReorderInfo(db, item.id);
  })();
}

/**
 * Sets the item's preferred vendor. From QuickBooks (origin 'qbo'), null clears only a vendor that
 * QuickBooks had named: one chosen here stays until QuickBooks names another.
 */
export function setPreferredVendor(db: Db, effects: Effects, itemId: string, vendorId: string | null, options?: WriteOptions): void {
  const item = requireItem(db, itemId);
  const source = options?.origin === 'qbo' ? 'qbo' : 'local';
  if (vendorId === null && source === 'qbo' && item.preferred_vendor_source !== 'qbo') return;
  if (vendorId !== null) getParty(db, 'vendor', vendorId, 'vendorId');
  if (item.preferred_vendor_id === vendorId && (vendorId === null || item.preferred_vendor_source === source)) return;
  run(
    db,
    'UPDATE items SET preferred_vendor_id = ?, preferred_vendor_source = ? WHERE id = ?',
    vendorId,
    vendorId === null ? null : source,
    item.id,
  );
  recordAudit(db, effects, {
    by: actorOf(options),
    recordType: 'item',
    recordId: item.id,
    action: 'reorder.vendor',
    detail: vendorId === null ? 'No preferred vendor' : `Preferred vendor ${vendorId}`,
  });
}

export function reorderHandlers(): HandlerMap<'reorderLevels.get' | 'reorderLevels.set' | 'reorderLevels.setVendor', ServiceContext> {
  return {
    'reorderLevels.get': (input, ctx) => getReorderInfo(ctx.db, input.itemId),
    'reorderLevels.set': (input, ctx) => setReorderLevels(ctx.db, ctx, input),
    'reorderLevels.setVendor': (input, ctx) =>
      ctx.db.transaction(() => {
        setPreferredVendor(ctx.db, ctx, input.itemId, input.vendorId, { by: input.by });
        return getReorderInfo(ctx.db, input.itemId);
      })(),
  };
}
