/**
 * Purchase orders QuickBooks → ShelfSync (direction twoWay): open QuickBooks POs of inventory items come
 * in to be received here. Their lines are linked as `purchaseOrderLine` exactly as for ShelfSync's own
 * POs, so a receipt goes back through purchaseReceiptPush as a Bill linked to the PO's lines. POs that
 * ShelfSync sent are recognised by their link (or marker) and left alone.
 */
import { formatQuantity, parseQuantity } from '../../../src-shared/quantity';
import { applyQboPurchaseOrder, type QboPurchaseOrder } from '../../warehouse';
import { centsOf } from '../mappers/documents';
import { linkByQbo, saveLink } from '../links';
import type { QboObject } from '../port';
import { bump } from '../runs';
import { isDeleted, type PullSpec, type SyncEnv } from '../syncer';
import { effectsOf, inactiveSiteReason, linkObject } from './common';

type Line = Record<string, unknown> & { Id?: string; DetailType?: string; ItemBasedExpenseLineDetail?: { ItemRef?: { value?: string }; Qty?: number; UnitPrice?: number } };

const refValue = (ref: unknown) => (ref as { value?: unknown } | undefined)?.value;

function localInventoryItem(env: SyncEnv, qboItemId: unknown): string | null {
  if (typeof qboItemId !== 'string') return null;
  const link = linkByQbo(env.ctx.db, 'item', qboItemId);
  if (!link) return null;
  const type = env.ctx.db.prepare('SELECT type FROM items WHERE id = ?').pluck().get(link.localId);
  return type === 'inventory' ? link.localId : null;
}

function linesOf(env: SyncEnv, object: QboObject): QboPurchaseOrder['lines'] {
  const lines = Array.isArray(object.Line) ? (object.Line as Line[]) : [];
  return lines.flatMap((line) => {
    const detail = line.ItemBasedExpenseLineDetail;
    if (line.DetailType !== 'ItemBasedExpenseLineDetail' || !detail || typeof line.Id !== 'string' || line.ManuallyClosed === true) return [];
    const itemId = localInventoryItem(env, refValue(detail.ItemRef));
    const units = typeof detail.Qty === 'number' ? parseQuantity(detail.Qty.toFixed(4)) : null;
    if (!itemId || units === null || units <= 0) return [];
    return [{ itemId, qty: formatQuantity(units), unitCostCents: Math.max(0, centsOf(detail.UnitPrice) ?? 0), qboLineId: line.Id }];
  });
}

/** The site mapped to the PO's location (active or not); none: the PO goes to the default site. */
function siteOf(env: SyncEnv, object: QboObject): { id: string; name: string; active: number } | undefined {
  const location = refValue(object.DepartmentRef);
  if (typeof location !== 'string') return undefined;
  return env.ctx.db.prepare('SELECT id, name, active FROM sites WHERE qbo_location_ref = ? ORDER BY active DESC, name_key').get(location) as
    | { id: string; name: string; active: number }
    | undefined;
}

/** Ours when ShelfSync sent it (linked to a ShelfSync PO, or carrying our marker). */
function sentByShelfSync(env: SyncEnv, object: QboObject): boolean {
  const link = linkByQbo(env.ctx.db, 'purchaseOrder', object.Id);
  if (link) return env.ctx.db.prepare("SELECT 1 FROM purchase_orders WHERE id = ? AND source = 'local'").get(link.localId) !== undefined;
  return typeof object.PrivateNote === 'string' && object.PrivateNote.startsWith('ShelfSync purchaseOrder ');
}

function toInput(env: SyncEnv, object: QboObject, vendorId: string): QboPurchaseOrder {
  const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
  return {
    qboTxnId: object.Id,
    number: text(object.DocNumber)?.slice(0, 21) ?? null,
    vendorId,
    siteId: siteOf(env, object)?.id,
    expectedDate: text(object.DueDate),
    note: text(object.Memo)?.slice(0, 4000) ?? null,
    closed: isDeleted(object) || object.POStatus === 'Closed',
    lines: isDeleted(object) ? [] : linesOf(env, object),
  };
}

const poName = (object: QboObject) => (typeof object.DocNumber === 'string' ? object.DocNumber : object.Id);

function applyPurchaseOrder(env: SyncEnv, object: QboObject): void {
  if (sentByShelfSync(env, object)) return;
  const known = env.ctx.db.prepare('SELECT id FROM purchase_orders WHERE qbo_txn_id = ?').pluck().get(object.Id) as string | undefined;
  const vendor = isDeleted(object) ? null : linkByQbo(env.ctx.db, 'vendor', String(refValue(object.VendorRef)));
  const vendorId = vendor?.localId ?? (known ? (env.ctx.db.prepare('SELECT vendor_id FROM purchase_orders WHERE id = ?').pluck().get(known) as string) : null);
  if (!vendorId) {
    if (object.POStatus !== 'Closed') {
      env.log({ level: 'warning', entity: 'purchaseOrders', localId: null, message: `QuickBooks PO ${poName(object)} names a vendor ShelfSync does not have; it comes in once the vendor does.` });
    }
    bump(env.counts, 'purchaseOrders.pull', 'skipped');
    return;
  }
  const site = siteOf(env, object);
  if (!known && site?.active === 0 && !isDeleted(object) && object.POStatus !== 'Closed') {
    // Not lost silently and not put at another site: the bookkeeper sees why it stays out.
    env.log({ level: 'error', entity: 'purchaseOrders', localId: null, message: `QuickBooks PO ${poName(object)} was not brought in: ${inactiveSiteReason(site.name, 'purchase order')}` });
    bump(env.counts, 'purchaseOrders.pull', 'failed');
    return;
  }
  const outcome = applyQboPurchaseOrder(env.ctx.db, effectsOf(env.ctx), toInput(env, object, vendorId));
  if (!outcome) return bump(env.counts, 'purchaseOrders.pull', 'skipped');
  if (outcome.action === 'flagged') {
    env.log({ level: 'warning', entity: 'purchaseOrders', localId: outcome.poId, message: `QuickBooks PO ${poName(object)} changed there after receiving started here; it is flagged out of sync.` });
  }
  if (!isDeleted(object)) linkObject(env, 'purchaseOrder', outcome.poId, object);
  // Rewritten lines replace the links of the lines they replace.
  if (outcome.lines) env.ctx.db.prepare("DELETE FROM qbo_links WHERE entity = 'purchaseOrderLine' AND substr(qbo_id, 1, ?) = ?").run(object.Id.length + 1, `${object.Id}:`);
  for (const line of outcome.lines ?? []) {
    saveLink(env.ctx.db, { entity: 'purchaseOrderLine', localId: line.localLineId, qboId: `${object.Id}:${line.qboLineId}`, syncToken: object.SyncToken, qboUpdatedAt: null, localUpdatedAt: null }, env.ctx.clock.now());
  }
  bump(env.counts, 'purchaseOrders.pull', outcome.action === 'created' ? 'created' : outcome.action === 'skipped' ? 'skipped' : 'updated');
}

export const purchaseOrderPull: PullSpec = {
  entity: 'purchaseOrders',
  qboEntity: 'PurchaseOrder',
  directions: ['twoWay'],
  fullReads: [undefined],
  apply(env, objects) {
    for (const object of objects) applyPurchaseOrder(env, object);
  },
};
