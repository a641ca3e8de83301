/**
 * Purchase orders ShelfSync → QuickBooks (seeds 000/004). `purchaseOrder.upsert` creates the
 * PurchaseOrder, then updates it (an edit after posting sets "needs resync"; a sent update clears it).
 * `purchaseOrder.receive` creates a Bill whose lines link to the order's lines, so QuickBooks takes the
 * stock in once, through the bill. The order's line Ids are kept as links `purchaseOrderLine`.
 */
import { z } from 'zod';
import { AppError, type PurchaseOrder } from '../../../src-shared/ipc';
import { toUnits } from '../../../src-shared/quantity';
import { clearPurchaseOrderResync, getPurchaseOrder } from '../../warehouse';
import { purchaseLineIds, purchaseOrderToQbo, receiptToBill } from '../mappers/purchaseOrder';
import { linkByLocal, saveLink } from '../links';
import type { OutboxRow } from '../outboxQueue';
import type { PushSpec, SyncEnv } from '../syncer';
import { effectsOf, linkObject, marker, qboString } from './common';
import { findByMarker, itemQboId, partyQboId, preparing, WaitFor } from './documentRefs';

/** A line link's QuickBooks side: the order's Id and the line's Id (line Ids repeat across orders). */
const lineKey = (poQboId: string, lineId: string) => `${poQboId}:${lineId}`;

function qboLineId(env: SyncEnv, poQboId: string, localLineId: string): string | null {
  const link = linkByLocal(env.ctx.db, 'purchaseOrderLine', localLineId);
  if (!link || !link.qboId.startsWith(`${poQboId}:`)) return null;
  return link.qboId.slice(poQboId.length + 1);
}

const poMarker = (po: PurchaseOrder) => marker('purchaseOrder', po.id);

function upsertPending(env: SyncEnv, poId: string): boolean {
  return (
    env.ctx.db
      .prepare("SELECT 1 FROM outbox WHERE kind = 'purchaseOrder.upsert' AND local_id = ? AND state IN ('pending', 'failed')")
      .get(poId) !== undefined
  );
}

export const purchaseOrderPush: PushSpec = {
  kind: 'purchaseOrder.upsert',
  entity: 'purchaseOrders',
  directions: ['localToQbo', 'twoWay'],
  wave: 2,
  prepare(env, row) {
    const po = getPurchaseOrder(env.ctx.db, row.localId);
    const label = `PO ${po.number}`;
    return preparing(label, async () => {
      if (!po.posted) return { action: 'skip', reason: 'The purchase order is a draft; it goes to QuickBooks when posted.', label };
      if (po.source === 'qbo') return { action: 'skip', reason: 'The purchase order was raised in QuickBooks; it is changed there.', label };
      const link = linkByLocal(env.ctx.db, 'purchaseOrder', po.id);
      const body = purchaseOrderToQbo(
        {
          number: po.number,
          vendorQboId: await partyQboId(env, 'vendor', po.vendorId),
          txnDate: po.createdAt.slice(0, 10),
          expectedDate: po.expectedDate,
          note: po.note,
          closed: po.status === 'closed',
          marker: poMarker(po),
          lines: po.lines.map((l) => ({
            qboItemId: itemQboId(env, l.itemId),
            units: toUnits(l.ordered),
            unitCostCents: l.unitCostCents,
            qboLineId: link ? qboLineId(env, link.qboId, l.id) : null,
          })),
        },
        link ? { id: link.qboId, syncToken: link.syncToken } : undefined,
      );
      return { action: link ? 'update' : 'create', entity: 'PurchaseOrder', body, label };
    });
  },
  findExisting(env, row, prepared) {
    return findByMarker(env, 'PurchaseOrder', `DocNumber = ${qboString(String(prepared.body.DocNumber))}`, marker('purchaseOrder', row.localId));
  },
  applied(env, row, object) {
    const db = env.ctx.db;
    const po = getPurchaseOrder(db, row.localId);
    linkObject(env, 'purchaseOrder', po.id, object);
    // QuickBooks answers the lines in the order they were sent: the local lines, by line number.
    const ids = purchaseLineIds(object);
    po.lines.forEach((line, i) => {
      const id = ids[i];
      if (!id) return;
      saveLink(
        db,
        { entity: 'purchaseOrderLine', localId: line.id, qboId: lineKey(object.Id, id), syncToken: object.SyncToken, qboUpdatedAt: null, localUpdatedAt: null },
        env.ctx.clock.now(),
      );
    });
    clearPurchaseOrderResync(db, effectsOf(env.ctx), po.id);
  },
  resendIds(env) {
    return env.ctx.db.prepare("SELECT id FROM purchase_orders WHERE posted_at IS NOT NULL AND source = 'local' ORDER BY number").pluck().all() as string[];
  },
};

const receivePayload = z.object({
  receiptId: z.string(),
  lines: z.array(z.object({ lineId: z.string(), itemId: z.string(), qty: z.string() })).min(1),
});

function receiptDate(env: SyncEnv, receiptId: string, row: OutboxRow): string {
  const at = env.ctx.db.prepare('SELECT at FROM purchase_order_receipts WHERE id = ?').pluck().get(receiptId) as string | undefined;
  return (at ?? row.createdAt).slice(0, 10);
}

export const purchaseReceiptPush: PushSpec = {
  kind: 'purchaseOrder.receive',
  entity: 'purchaseOrders',
  directions: ['localToQbo', 'twoWay'],
  // After wave 2, so an order posted (or edited) in the same run is in QuickBooks with its lines first.
  wave: 3,
  prepare(env, row) {
    const payload = receivePayload.parse(row.payload);
    const po = getPurchaseOrder(env.ctx.db, row.localId);
    const label = `PO ${po.number} receipt`;
    return preparing(label, async () => {
      const poLink = linkByLocal(env.ctx.db, 'purchaseOrder', po.id);
      const missing = (what: string) =>
        upsertPending(env, po.id)
          ? new WaitFor(`${what} is not in QuickBooks yet; the receipt follows it.`)
          : new AppError('refused', `${what} is not in QuickBooks, so this receipt cannot be billed against it. Edit the PO to send it again.`);
      if (!poLink) throw missing(`PO ${po.number}`);
      const lines = payload.lines.map((sent) => {
        const line = po.lines.find((l) => l.id === sent.lineId);
        const poLineId = qboLineId(env, poLink.qboId, sent.lineId);
        if (!line || !poLineId) throw missing(`The line for "${line?.itemName ?? sent.itemId}" on PO ${po.number}`);
        return { qboItemId: itemQboId(env, sent.itemId), units: toUnits(sent.qty), unitCostCents: line.unitCostCents, poLineId };
      });
      const body = receiptToBill({
        vendorQboId: await partyQboId(env, 'vendor', po.vendorId),
        poQboId: poLink.qboId,
        txnDate: receiptDate(env, payload.receiptId, row),
        marker: marker('receipt', payload.receiptId),
        lines,
      });
      return { action: 'create', entity: 'Bill', body, label };
    });
  },
  findExisting(env, row, prepared) {
    const payload = receivePayload.parse(row.payload);
    const vendor = (prepared.body.VendorRef as { value: string }).value;
    return findByMarker(
      env,
      'Bill',
      `VendorRef = ${qboString(vendor)} AND TxnDate = ${qboString(String(prepared.body.TxnDate))}`,
      marker('receipt', payload.receiptId),
    );
  },
  applied(env, row, object) {
    linkObject(env, 'purchaseOrderReceipt', receivePayload.parse(row.payload).receiptId, object);
  },
};
