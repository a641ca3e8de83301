/**
 * Posting picked orders (seed 001): each `order.post` row becomes a QuickBooks Invoice linked to the
 * order's estimate, or a SalesReceipt when Settings said so when it was posted, with exactly the row's picked quantities at
 * the estimate's prices. The first posting of an order takes its number; back-order postings `1001-2`…
 * An order out of sync with QuickBooks is refused until it agrees again.
 */
import { z } from 'zod';
import { AppError, type PickingOrder } from '../../../src-shared/ipc';
import { toUnits } from '../../../src-shared/quantity';
import { getItem, getPickingOrder, recordOrderPosting, requireSite, setOrderSyncState } from '../../warehouse';
import { postingDocNumber, salesLinesToQbo, type SalesLine } from '../mappers/documents';
import { classRefPrefix, estimateItemLines, processedInQuickBooks, refOf } from '../mappers/salesOrder';
import { linkByLocal } from '../links';
import type { OutboxRow } from '../outboxQueue';
import { isQboError, type QboObject } from '../port';
import type { PushSpec, SyncEnv } from '../syncer';
import { effectsOf, linkObject, marker, qboString } from './common';
import { findByMarker, itemQboId, partyQboId, preparing } from './documentRefs';

const payloadSchema = z.object({
  /** Chosen when the order was posted (rows queued before this was recorded follow the setting). */
  postAs: z.enum(['invoice', 'salesReceipt']).optional(),
  lines: z.array(z.object({ lineId: z.string(), itemId: z.string(), qty: z.string() })).min(1),
});

const linkEntity = { Invoice: 'orderInvoice', SalesReceipt: 'orderSalesReceipt' } as const;
type PostedAs = keyof typeof linkEntity;
const postedAs = (env: SyncEnv, row: OutboxRow): PostedAs =>
  (payloadSchema.parse(row.payload).postAs ?? env.settings.postOrdersAs) === 'salesReceipt' ? 'SalesReceipt' : 'Invoice';

/** Which posting of its order a row is (1, 2, …): stable across retries, since rows are never removed. */
function postingIndex(env: SyncEnv, row: OutboxRow): number {
  const earlier = env.ctx.db
    .prepare("SELECT COUNT(*) FROM outbox WHERE kind = 'order.post' AND local_id = ? AND id < ?")
    .pluck()
    .get(row.localId, row.id) as number;
  return earlier + 1;
}

const postingMarkerPrefix = (orderId: string) => marker('order', `${orderId}:`);
const postingMarker = (orderId: string, index: number) => `${postingMarkerPrefix(orderId)}${index}`;

/**
 * Whether a transaction linked to an order's estimate is one of our postings: known by its link; or
 * not known yet while a posting's answer was lost (its outcome is settled by the push, which reads).
 */
export function ownPostingVerdict(env: SyncEnv, orderId: string, txnId: string): 'ours' | 'foreign' | 'undecided' {
  const db = env.ctx.db;
  const prefix = `${orderId}:`;
  const ours = db
    .prepare("SELECT 1 FROM qbo_links WHERE entity IN ('orderInvoice', 'orderSalesReceipt') AND qbo_id = ? AND substr(local_id, 1, ?) = ?")
    .get(txnId, prefix.length, prefix);
  if (ours) return 'ours';
  const unsettled = db
    .prepare("SELECT 1 FROM outbox WHERE kind = 'order.post' AND local_id = ? AND state = 'pending' AND attempts > 0")
    .get(orderId);
  return unsettled ? 'undecided' : 'foreign';
}

/** Reads the estimate's linked invoices we cannot place, so a lost answer of ours is not taken for someone else's. */
async function estimateProcessed(env: SyncEnv, order: PickingOrder, estimate: QboObject): Promise<string | null> {
  const verdicts = new Map<string, 'ours' | 'foreign'>();
  const links = Array.isArray(estimate.LinkedTxn) ? (estimate.LinkedTxn as { TxnId?: unknown; TxnType?: unknown }[]) : [];
  for (const link of links) {
    if (typeof link.TxnId !== 'string' || (link.TxnType !== 'Invoice' && link.TxnType !== 'SalesReceipt')) continue;
    if (ownPostingVerdict(env, order.id, link.TxnId) === 'ours') {
      verdicts.set(link.TxnId, 'ours');
      continue;
    }
    const txn = await env.qbo.read(link.TxnType, link.TxnId).catch((error: unknown) => {
      if (isQboError(error) && error.kind === 'notFound') return null;
      throw error;
    });
    const mine = txn !== null && typeof txn.PrivateNote === 'string' && txn.PrivateNote.startsWith(postingMarkerPrefix(order.id));
    verdicts.set(link.TxnId, mine ? 'ours' : 'foreign');
  }
  return processedInQuickBooks(estimate, (id) => verdicts.get(id) ?? 'foreign');
}

function refused(order: PickingOrder, why: string): AppError {
  return new AppError('refused', `Order ${order.number} was not posted to QuickBooks: ${why}`);
}

async function prepareOrderPost(env: SyncEnv, row: OutboxRow) {
  const db = env.ctx.db;
  const payload = payloadSchema.parse(row.payload);
  const order = getPickingOrder(db, row.localId);
  const label = `Order ${order.number}`;
  return preparing(label, async () => {
    if (order.outOfSync) {
      throw refused(order, `it is out of sync with QuickBooks (${order.outOfSyncReason ?? 'changed there'}). Resolve it in QuickBooks, then Sync Now.`);
    }
    const index = postingIndex(env, row);
    const docNumber = postingDocNumber(order.number, index);
    if (!docNumber) throw refused(order, `posting ${index} would be numbered past QuickBooks' 21 characters.`);
    const entity = postedAs(env, row);
    const prices = new Map<string, number>();
    let customerRef: string;
    let linked: Record<string, unknown>[] = [];
    if (order.source === 'qbo' && order.qboTxnId) {
      // The estimate as it is now: its prices, its customer, and whether it was processed meanwhile.
      const estimate = await env.qbo.read('Estimate', order.qboTxnId);
      const processed = await estimateProcessed(env, order, estimate);
      if (processed) throw refused(order, `it is out of sync with QuickBooks (${processed}) Resolve it in QuickBooks, then Sync Now.`);
      for (const line of estimateItemLines(estimate)) prices.set(line.lineId, line.unitPriceCents);
      customerRef = refOf(estimate.CustomerRef)?.id ?? (await partyQboId(env, 'customer', order.customerId));
      if (entity === 'Invoice') linked = [{ TxnId: estimate.Id, TxnType: 'Estimate' }];
    } else {
      const location = order.serviceLocationId ? linkByLocal(db, 'serviceLocation', order.serviceLocationId) : null;
      customerRef = location?.qboId ?? (await partyQboId(env, 'customer', order.customerId));
    }
    const lines: SalesLine[] = payload.lines.map((sent) => {
      const line = order.lines.find((l) => l.id === sent.lineId);
      const item = getItem(db, sent.itemId);
      const price = (line?.qboLineRef ? prices.get(line.qboLineRef) : undefined) ?? item.priceCents;
      return { qboItemId: itemQboId(env, sent.itemId), description: null, units: toUnits(sent.qty), unitPriceCents: price };
    });
    const site = requireSite(db, order.siteId);
    // Multiple Sites: the picked site goes back as the transaction's location, or as each line's class.
    const siteRef = env.settings.multipleSites ? site.qboLocationRef : null;
    const classId = siteRef?.startsWith(classRefPrefix) ? siteRef.slice(classRefPrefix.length) : null;
    const qboLines = salesLinesToQbo(lines).map((line) =>
      classId && line.DetailType === 'SalesItemLineDetail'
        ? { ...line, SalesItemLineDetail: { ...(line.SalesItemLineDetail as Record<string, unknown>), ClassRef: { value: classId } } }
        : line,
    );
    const body: Record<string, unknown> = {
      DocNumber: docNumber,
      TxnDate: row.createdAt.slice(0, 10),
      CustomerRef: { value: customerRef },
      PrivateNote: postingMarker(order.id, index),
      Line: qboLines,
      ...(linked.length > 0 ? { LinkedTxn: linked } : {}),
      ...(siteRef && !classId ? { DepartmentRef: { value: siteRef } } : {}),
    };
    return { action: 'create' as const, entity, body, label: index > 1 ? `${label} (${docNumber})` : label };
  });
}

export const orderPostPush: PushSpec = {
  kind: 'order.post',
  entity: 'salesOrders',
  // Sales orders are a round trip: imported from QuickBooks, posted back once picked.
  directions: ['qboToLocal'],
  wave: 2,
  prepare: prepareOrderPost,
  findExisting(env, row, prepared) {
    return findByMarker(
      env,
      prepared.entity,
      `DocNumber = ${qboString(String(prepared.body.DocNumber))}`,
      postingMarker(row.localId, postingIndex(env, row)),
    );
  },
  applied(env, row, object) {
    const as = postedAs(env, row);
    const index = postingIndex(env, row);
    linkObject(env, linkEntity[as], `${row.localId}:${index}`, object);
    // The number QuickBooks holds, as it answered: what the order shows it became.
    const qboNumber = typeof object.DocNumber === 'string' ? object.DocNumber : null;
    recordOrderPosting(env.ctx.db, effectsOf(env.ctx), row.localId, index, { type: as === 'Invoice' ? 'invoice' : 'salesReceipt', qboTxnId: object.Id, qboNumber });
    setOrderSyncState(env.ctx.db, effectsOf(env.ctx), row.localId, { syncError: null });
  },
};

