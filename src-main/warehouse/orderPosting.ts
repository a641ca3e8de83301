/**
 * When a picking order is done and what it sends for invoicing. An order whose picking is finished
 * (everything picked, or closed with something picked) becomes `picked`; posting queues `order.post`
 * with the quantities not yet invoiced. Manual Posting off posts at once; Partial Invoices on lets a
 * partly picked order post and stay open as a back order.
 */
import { AppError, type OrderQboDocument, type OrderStatus, type Settings } from '../../src-shared/ipc';
import { formatQuantity, subtractQuantities } from '../../src-shared/quantity';
import { enqueueOutbox, type Db } from '../db';
import { recordAudit } from './audit';
import { nowIso, type Effects } from './effects';
import { orderLines, remainingOf, type OrderLineRow, type OrderRow } from './ordersRepo';
import { run } from './sql';

/** Records the QuickBooks document one posting of an order became (again on a retry: the same answer). */
export function recordOrderPosting(db: Db, effects: Effects, orderId: string, posting: number, doc: OrderQboDocument): void {
  run(
    db,
    `INSERT INTO order_postings (order_id, posting, doc_type, qbo_txn_id, qbo_number, posted_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (order_id, posting) DO UPDATE SET doc_type = excluded.doc_type, qbo_txn_id = excluded.qbo_txn_id, qbo_number = excluded.qbo_number`,
    orderId,
    posting,
    doc.type,
    doc.qboTxnId,
    doc.qboNumber,
    nowIso(effects),
  );
}

const unposted = (l: OrderLineRow) => subtractQuantities(l.picked, l.invoiced);

/** The status the lines call for, for an order that is still being worked on. */
export function statusFromLines(lines: readonly OrderLineRow[]): OrderStatus {
  const finished = lines.every((l) => remainingOf(l) === 0);
  const toInvoice = lines.some((l) => unposted(l) > 0);
  if (finished) {
    if (toInvoice) return 'picked';
    return lines.some((l) => l.invoiced > 0) ? 'posted' : 'closed';
  }
  return toInvoice ? 'picking' : 'open';
}

export function setOrderStatus(db: Db, effects: Effects, order: OrderRow, status: OrderStatus, by: string, reason?: string | null) {
  if (status === order.status) return;
  run(db, 'UPDATE picking_orders SET status = ?, updated_at = ? WHERE id = ?', status, nowIso(effects), order.id);
  recordAudit(db, effects, {
    by,
    recordType: 'order',
    recordId: order.id,
    action: `status.${status}`,
    detail: `Order ${order.number}: ${order.status} → ${status}`,
    reason: reason ?? null,
  });
  order.status = status;
}

/**
 * Moves the order to the status its lines call for after a pick or a close; reaching `picked` with
 * Manual Posting off posts it straight away.
 */
export function settleOrder(db: Db, effects: Effects, order: OrderRow, settings: Settings, by: string, reason?: string | null) {
  const next = statusFromLines(orderLines(db, order.id));
  setOrderStatus(db, effects, order, next, by, reason);
  if (next === 'picked' && !settings.manualPosting) postOrderNow(db, effects, order, settings, by);
}

export interface PostedOrder {
  orderId: string;
  number: string;
  status: OrderStatus;
  lines: number;
}

/** Posts one order under the Partial Invoices rule, or refuses saying why. */
export function postOrderNow(db: Db, effects: Effects, order: OrderRow, settings: Settings, by: string): PostedOrder {
  const lines = orderLines(db, order.id);
  if (order.status === 'posted' || order.status === 'closed') {
    throw new AppError('refused', `Order ${order.number} is already ${order.status}.`, 'orderId');
  }
  const toInvoice = lines.filter((l) => unposted(l) > 0);
  if (toInvoice.length === 0) {
    throw new AppError('refused', `Nothing has been picked on order ${order.number} since it was last posted.`, 'orderId');
  }
  const partial = order.status !== 'picked';
  if (partial && !settings.partialInvoices) {
    const left = lines.filter((l) => remainingOf(l) > 0).length;
    throw new AppError(
      'refused',
      `Order ${order.number} is not fully picked (${left} line${left === 1 ? '' : 's'} still to pick). ` +
        'Finish picking or close the order first; the setting "Partial Invoices" is off.',
      'orderId',
    );
  }
  enqueueOutbox(db, effects, {
    kind: 'order.post',
    localId: order.id,
    // The document type is fixed when the order is posted: a later change of the setting must not turn
    // a posting whose answer was lost into a second document of the other type.
    payload: { postAs: settings.postOrdersAs, lines: toInvoice.map((l) => ({ lineId: l.id, itemId: l.item_id, qty: formatQuantity(unposted(l)) })) },
  });
  run(db, 'UPDATE picking_order_lines SET invoiced = picked WHERE order_id = ?', order.id);
  if (partial) {
    // What is left stays open as a back order.
    run(db, 'UPDATE picking_orders SET back_order = 1, updated_at = ? WHERE id = ?', nowIso(effects), order.id);
    setOrderStatus(db, effects, order, 'open', by, 'Partial invoice; the rest is back-ordered');
  } else {
    setOrderStatus(db, effects, order, 'posted', by);
  }
  return { orderId: order.id, number: order.number, status: order.status, lines: toInvoice.length };
}
