/**
 * Purchase orders: draft → posted (open) → partially received → received → closed. Posting and every
 * later edit of a posted order queue `purchaseOrder.upsert`; receipts on a posted order queue
 * `purchaseOrder.receive` with what arrived.
 */
import { AppError, type HandlerMap, type ParsedInput, type PurchaseOrder, type RequestInput } from '../../src-shared/ipc';
import { formatQuantity, lineAmountCents, toUnits } from '../../src-shared/quantity';
import { enqueueOutbox, type Db, type ServiceContext } from '../db';
import { recordAudit } from './audit';
import { actorOf, nowIso, type Effects, type WriteOptions } from './effects';
import { requireItem } from './items';
import { documentNumber } from './numbering';
import { getParty } from './parties';
import { findPurchaseOrderRow, purchaseOrderLines, readPurchaseOrder, settlePurchaseOrder, type PurchaseOrderRow } from './purchaseOrdersRepo';
import { listPurchaseOrders } from './purchaseOrderList';
import { parseRequest } from './parse';
import { receiveAgainst } from './purchaseOrderReceipts';
import { requireActiveSite } from './sites';
import { run } from './sql';

type LineInput = ParsedInput<'purchaseOrders.create'>['lines'][number];

function writeLine(db: Db, effects: Effects, poId: string, lineNo: number, line: LineInput, index: number): void {
  const item = requireItem(db, line.itemId, `lines.${index}.itemId`);
  const qty = toUnits(line.qty);
  const cost = line.unitCostCents ?? item.cost_cents;
  const amount = lineAmountCents(qty, cost);
  if (line.id === undefined) {
    run(
      db,
      `INSERT INTO purchase_order_lines (id, purchase_order_id, line_no, item_id, ordered, unit_cost_cents, amount_cents)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
      effects.ids.uuid(),
      poId,
      lineNo,
      item.id,
      qty,
      cost,
      amount,
    );
  } else {
    run(
      db,
      'UPDATE purchase_order_lines SET line_no = ?, item_id = ?, ordered = ?, unit_cost_cents = ?, amount_cents = ? WHERE id = ?',
      lineNo,
      item.id,
      qty,
      cost,
      amount,
      line.id,
    );
  }
}

export function createPurchaseOrder(
  db: Db,
  effects: Effects,
  input: RequestInput<'purchaseOrders.create'>,
  options?: WriteOptions,
): PurchaseOrder {
  const data = parseRequest('purchaseOrders.create', input);
  return db.transaction(() => {
    const number = documentNumber(db, 'purchase_orders', data.number);
    getParty(db, 'vendor', data.vendorId, 'vendorId');
    const site = requireActiveSite(db, data.siteId, 'siteId', 'purchase');
    const id = effects.ids.uuid();
    const now = nowIso(effects);
    run(
      db,
      `INSERT INTO purchase_orders (id, number, vendor_id, site_id, expected_date, note, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      id,
      number,
      data.vendorId,
      site.id,
      data.expectedDate ?? null,
      data.note ?? null,
      now,
      now,
    );
    data.lines.forEach((line, index) => {
      if (line.id !== undefined) throw new AppError('invalid_input', 'A new purchase order has no existing lines; leave id out.', `lines.${index}.id`);
      writeLine(db, effects, id, index + 1, line, index);
    });
    recordAudit(db, effects, { by: actorOf(options), recordType: 'purchaseOrder', recordId: id, action: 'status.draft', detail: `PO ${number} created` });
    return readPurchaseOrder(db, id);
  })();
}

function replaceLines(db: Db, effects: Effects, po: PurchaseOrderRow, lines: readonly LineInput[]): void {
  const existing = new Map(purchaseOrderLines(db, po.id).map((l) => [l.id, l]));
  lines.forEach((line, index) => {
    if (line.id === undefined) return;
    const current = existing.get(line.id);
    if (!current) throw new AppError('not_found', `PO ${po.number} has no line "${line.id}".`, `lines.${index}.id`);
    if (current.received > 0 && current.item_id !== line.itemId) {
      throw new AppError('refused', `Stock was received on the line for "${current.item_name}"; its item cannot change.`, `lines.${index}.itemId`);
    }
    if (toUnits(line.qty) < current.received) {
      throw new AppError(
        'refused',
        `${formatQuantity(current.received)} of "${current.item_name}" were already received; order at least that many.`,
        `lines.${index}.qty`,
      );
    }
  });
  const kept = new Set(lines.map((l) => l.id).filter((id) => id !== undefined));
  for (const line of existing.values()) {
    if (kept.has(line.id)) continue;
    if (line.received > 0) {
      throw new AppError('refused', `Stock was received on the line for "${line.item_name}"; it cannot be removed.`, 'lines');
    }
    run(db, 'DELETE FROM purchase_order_lines WHERE id = ?', line.id);
  }
  lines.forEach((line, index) => writeLine(db, effects, po.id, index + 1, line, index));
}

export function updatePurchaseOrder(
  db: Db,
  effects: Effects,
  input: RequestInput<'purchaseOrders.update'>,
  options?: WriteOptions,
): PurchaseOrder {
  const data = parseRequest('purchaseOrders.update', input);
  return db.transaction(() => {
    const po = findPurchaseOrderRow(db, data.id);
    if (po.status === 'closed') throw new AppError('refused', `PO ${po.number} is closed and cannot be changed.`, 'id');
    if (po.source === 'qbo') throw new AppError('refused', `PO ${po.number} was raised in QuickBooks; change it there and the change follows here.`, 'id');
    if (data.vendorId !== undefined) getParty(db, 'vendor', data.vendorId, 'vendorId');
    if (data.siteId !== undefined && data.siteId !== po.site_id) {
      requireActiveSite(db, data.siteId, 'siteId', 'purchase');
      if (po.status === 'partiallyReceived' || po.status === 'received') {
        throw new AppError('refused', `Stock was already received into PO ${po.number}'s site; the site cannot change.`, 'siteId');
      }
    }
    if (data.lines !== undefined) replaceLines(db, effects, po, data.lines);
    const posted = po.posted_at !== null;
    run(
      db,
      `UPDATE purchase_orders SET vendor_id = COALESCE(?, vendor_id), site_id = COALESCE(?, site_id),
         expected_date = CASE WHEN ? THEN ? ELSE expected_date END, note = CASE WHEN ? THEN ? ELSE note END,
         needs_resync = CASE WHEN ? THEN 1 ELSE needs_resync END, updated_at = ? WHERE id = ?`,
      data.vendorId ?? null,
      data.siteId ?? null,
      data.expectedDate !== undefined ? 1 : 0,
      data.expectedDate ?? null,
      data.note !== undefined ? 1 : 0,
      data.note ?? null,
      posted ? 1 : 0,
      nowIso(effects),
      po.id,
    );
    const by = actorOf(options);
    recordAudit(db, effects, { by, recordType: 'purchaseOrder', recordId: po.id, action: 'updated' });
    if (posted) enqueueOutbox(db, effects, { kind: 'purchaseOrder.upsert', localId: po.id });
    settlePurchaseOrder(db, effects, po.id, by);
    return readPurchaseOrder(db, po.id);
  })();
}

export function postPurchaseOrder(db: Db, effects: Effects, input: RequestInput<'purchaseOrders.post'>, options?: WriteOptions): PurchaseOrder {
  const data = parseRequest('purchaseOrders.post', input);
  return db.transaction(() => {
    const po = findPurchaseOrderRow(db, data.id);
    if (po.posted_at !== null) throw new AppError('refused', `PO ${po.number} was already posted; edit it to send a change.`, 'id');
    if (po.status === 'closed') throw new AppError('refused', `PO ${po.number} is closed.`, 'id');
    run(db, 'UPDATE purchase_orders SET posted_at = ?, updated_at = ? WHERE id = ?', nowIso(effects), nowIso(effects), po.id);
    enqueueOutbox(db, effects, { kind: 'purchaseOrder.upsert', localId: po.id });
    const by = data.by ?? actorOf(options);
    recordAudit(db, effects, { by, recordType: 'purchaseOrder', recordId: po.id, action: 'posted', detail: `PO ${po.number} posted` });
    settlePurchaseOrder(db, effects, po.id, by);
    return readPurchaseOrder(db, po.id);
  })();
}

/** QuickBooks accepted the purchase order as it is now: the "needs resync" flag goes. */
export function clearPurchaseOrderResync(db: Db, effects: Effects, poId: string): void {
  const po = findPurchaseOrderRow(db, poId);
  if (po.needs_resync === 0) return;
  run(db, 'UPDATE purchase_orders SET needs_resync = 0, updated_at = ? WHERE id = ?', nowIso(effects), po.id);
}

export function closePurchaseOrder(db: Db, effects: Effects, input: RequestInput<'purchaseOrders.close'>, options?: WriteOptions): PurchaseOrder {
  const data = parseRequest('purchaseOrders.close', input);
  return db.transaction(() => {
    const po = findPurchaseOrderRow(db, data.id);
    if (po.status === 'closed') throw new AppError('refused', `PO ${po.number} is already closed.`, 'id');
    // Closing also settles a QuickBooks PO flagged out of sync: nothing more is received or sent for it.
    run(db, `UPDATE purchase_orders SET status = 'closed', out_of_sync = 0, updated_at = ? WHERE id = ?`, nowIso(effects), po.id);
    const by = data.by ?? actorOf(options);
    recordAudit(db, effects, { by, recordType: 'purchaseOrder', recordId: po.id, action: 'status.closed', detail: `PO ${po.number}: ${po.status} → closed` });
    // A QuickBooks PO is QuickBooks' to close: closing it here sends nothing.
    if (po.posted_at !== null && po.source === 'local') enqueueOutbox(db, effects, { kind: 'purchaseOrder.upsert', localId: po.id });
    return readPurchaseOrder(db, po.id);
  })();
}

export function receivePurchaseOrder(db: Db, effects: Effects, input: RequestInput<'purchaseOrders.receive'>, options?: WriteOptions) {
  const data = parseRequest('purchaseOrders.receive', input);
  const { receiptId, putAway } = receiveAgainst(db, effects, data, data.by ?? actorOf(options));
  return { receiptId, putAway, purchaseOrder: readPurchaseOrder(db, data.purchaseOrderId, 'purchaseOrderId') };
}

export function purchaseOrderHandlers(): HandlerMap<
  `purchaseOrders.${'list' | 'get' | 'create' | 'update' | 'post' | 'receive' | 'close'}`,
  ServiceContext
> {
  return {
    'purchaseOrders.list': (input, ctx) => listPurchaseOrders(ctx.db, input),
    'purchaseOrders.get': (input, ctx) => readPurchaseOrder(ctx.db, input.id),
    'purchaseOrders.create': (input, ctx) => createPurchaseOrder(ctx.db, ctx, input),
    'purchaseOrders.update': (input, ctx) => updatePurchaseOrder(ctx.db, ctx, input),
    'purchaseOrders.post': (input, ctx) => postPurchaseOrder(ctx.db, ctx, input),
    'purchaseOrders.receive': (input, ctx) => receivePurchaseOrder(ctx.db, ctx, input),
    'purchaseOrders.close': (input, ctx) => closePurchaseOrder(ctx.db, ctx, input),
  };
}
