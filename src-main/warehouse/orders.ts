/** Picking orders: create (here or from QuickBooks), pick by line/item/scan, close, post; the sync hooks. */
import { AppError, type HandlerMap, type ParsedInput, type PickingOrder, type RequestInput } from '../../src-shared/ipc';
import { addQuantities, formatQuantity, minQuantity, subtractQuantities, toUnits } from '../../src-shared/quantity';
import { readSettings, type Db, type ServiceContext } from '../db';
import { recordAudit } from './audit';
import { actorOf, fromQbo, nowIso, type Effects, type WarehouseHooks, type WriteOptions } from './effects';
import { findItemByBarcode, requireItem } from './items';
import { documentNumber } from './numbering';
import { postOrderNow, setOrderStatus, settleOrder, type PostedOrder } from './orderPosting';
import { findOrderRow, orderLines, orderSelect, readOrder, remainingOf, toOrderSummary, type OrderLineRow, type OrderRow } from './ordersRepo';
import { notFound, parseRequest } from './parse';
import { getCustomer } from './parties';
import { requireActiveSite } from './sites';
import { all, Filters, likeContains, one, run } from './sql';
import { withLedger } from './stock';

export interface OrderWriteOptions extends WriteOptions {
  /** The QuickBooks sales order this picking order was made from. */
  qboTxnId?: string;
}

type OrderCreate = ParsedInput<'orders.create'>;

function shipToFor(db: Db, data: OrderCreate): string {
  const customer = getCustomer(db, data.customerId, 'customerId');
  let shipTo: object = data.shipTo ?? customer.shippingAddress;
  if (data.serviceLocationId) {
    const location = customer.serviceLocations.find((l) => l.id === data.serviceLocationId);
    if (!location) throw new AppError('not_found', `${customer.displayName} has no service location "${data.serviceLocationId}".`, 'serviceLocationId');
    shipTo = data.shipTo ?? location.address;
  }
  return JSON.stringify(shipTo);
}

function insertLines(db: Db, effects: Effects, orderId: string, lines: OrderCreate['lines']): void {
  lines.forEach((line, index) => {
    const item = requireItem(db, line.itemId, `lines.${index}.itemId`);
    if (item.type !== 'inventory') {
      throw new AppError('refused', `"${item.name}" is not an inventory item; picking orders hold inventory items only.`, `lines.${index}.itemId`);
    }
    run(
      db,
      `INSERT INTO picking_order_lines (id, order_id, line_no, item_id, ordered, qbo_line_ref) VALUES (?, ?, ?, ?, ?, ?)`,
      effects.ids.uuid(),
      orderId,
      index + 1,
      item.id,
      toUnits(line.qty),
      line.qboLineRef ?? null,
    );
  });
}

export function createPickingOrder(db: Db, effects: Effects, input: RequestInput<'orders.create'>, options?: OrderWriteOptions): PickingOrder {
  const data = parseRequest('orders.create', input);
  return db.transaction(() => {
    const number = documentNumber(db, 'picking_orders', data.number);
    const site = requireActiveSite(db, data.siteId, 'siteId', 'order');
    const id = effects.ids.uuid();
    const now = nowIso(effects);
    run(
      db,
      `INSERT INTO picking_orders (id, number, customer_id, site_id, service_location_id, ship_to, note, source, qbo_txn_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      id,
      number,
      data.customerId,
      site.id,
      data.serviceLocationId ?? null,
      shipToFor(db, data),
      data.note ?? null,
      fromQbo(options) ? 'qbo' : 'local',
      options?.qboTxnId ?? null,
      now,
      now,
    );
    insertLines(db, effects, id, data.lines);
    recordAudit(db, effects, { by: actorOf(options), recordType: 'order', recordId: id, action: 'status.open', detail: `Order ${number} created` });
    return readOrder(db, id);
  })();
}

/** Nothing has happened to the order yet: no pick, no back order. */
function untouched(db: Db, order: OrderRow): boolean {
  return order.status === 'open' && order.back_order === 0 && orderLines(db, order.id).every((l) => l.picked === 0);
}

/** Writes an untouched order again (customer, site, address, note, lines); call inside a transaction. */
function rewriteOrder(db: Db, effects: Effects, orderId: string, data: ParsedInput<'orders.update'>, by: string): void {
  const site = requireActiveSite(db, data.siteId, 'siteId', 'order');
  run(
    db,
    `UPDATE picking_orders SET customer_id = ?, site_id = ?, service_location_id = ?, ship_to = ?, note = ?, updated_at = ? WHERE id = ?`,
    data.customerId,
    site.id,
    data.serviceLocationId ?? null,
    shipToFor(db, data),
    data.note ?? null,
    nowIso(effects),
    orderId,
  );
  run(db, 'DELETE FROM picking_order_lines WHERE order_id = ?', orderId);
  insertLines(db, effects, orderId, data.lines);
  recordAudit(db, effects, { by, recordType: 'order', recordId: orderId, action: 'updated' });
}

/**
 * A change to the QuickBooks sales order behind a picking order. Applied while nothing has been picked;
 * after that the order is only flagged out of sync (picking must not be undone behind the clerk's back).
 */
export function applyQboOrderChange(
  db: Db,
  effects: Effects,
  orderId: string,
  input: RequestInput<'orders.create'>,
): { applied: boolean; order: PickingOrder } {
  const data = parseRequest('orders.create', input);
  return db.transaction(() => {
    const order = findOrderRow(db, orderId);
    if (!untouched(db, order)) {
      markOrderOutOfSync(db, effects, orderId, 'The QuickBooks estimate changed after picking started.');
      return { applied: false, order: readOrder(db, orderId) };
    }
    rewriteOrder(db, effects, orderId, { ...data, id: orderId }, actorOf({ origin: 'qbo' }));
    return { applied: true, order: readOrder(db, orderId) };
  })();
}

/** A ShelfSync order changed before picking starts; an order from QuickBooks is changed there. */
export function updateOrder(db: Db, effects: Effects, input: RequestInput<'orders.update'>, options?: WriteOptions): PickingOrder {
  const data = parseRequest('orders.update', input);
  db.transaction(() => {
    const order = findOrderRow(db, data.id, 'id');
    if (order.source === 'qbo') throw new AppError('refused', `Order ${order.number} comes from QuickBooks; change it there and it follows.`, 'id');
    if (!untouched(db, order)) {
      throw new AppError('refused', `Picking has started on order ${order.number}; close it and write a new order instead.`, 'id');
    }
    rewriteOrder(db, effects, order.id, data, actorOf(options));
  })();
  return readOrder(db, data.id, 'id');
}

/** Flags an order whose QuickBooks side was processed or changed there (the seed's out-of-sync warning). */
export function markOrderOutOfSync(db: Db, effects: Effects, orderId: string, reason: string): void {
  const order = findOrderRow(db, orderId);
  run(db, 'UPDATE picking_orders SET out_of_sync = 1, out_of_sync_reason = ?, updated_at = ? WHERE id = ?', reason, nowIso(effects), order.id);
  recordAudit(db, effects, { by: actorOf({ origin: 'qbo' }), recordType: 'order', recordId: order.id, action: 'outOfSync', reason });
}

/**
 * Clears the out-of-sync flag once the QuickBooks sales order agrees with the picking order again (the
 * QuickBooks user undid the change there), so the order can be posted.
 */
export function clearOrderOutOfSync(db: Db, effects: Effects, orderId: string): void {
  const order = findOrderRow(db, orderId);
  if (order.out_of_sync === 0) return;
  run(db, 'UPDATE picking_orders SET out_of_sync = 0, out_of_sync_reason = NULL, updated_at = ? WHERE id = ?', nowIso(effects), order.id);
  recordAudit(db, effects, { by: actorOf({ origin: 'qbo' }), recordType: 'order', recordId: order.id, action: 'inSync' });
}

/** Records (or clears, with null) the last sync error of an order, and its QuickBooks id once known. */
export function setOrderSyncState(db: Db, effects: Effects, orderId: string, state: { syncError: string | null; qboTxnId?: string }): void {
  const order = findOrderRow(db, orderId);
  run(
    db,
    'UPDATE picking_orders SET sync_error = ?, qbo_txn_id = COALESCE(?, qbo_txn_id), updated_at = ? WHERE id = ?',
    state.syncError,
    state.qboTxnId ?? null,
    nowIso(effects),
    order.id,
  );
}

/** Which lines a pick applies to: the named line, or the item's open lines in order. */
function pickTargets(db: Db, order: OrderRow, data: ParsedInput<'orders.pick'>): { lines: OrderLineRow[]; field: string; what: string } {
  const lines = orderLines(db, order.id);
  if (data.lineId !== undefined) {
    const line = lines.find((l) => l.id === data.lineId);
    if (!line) throw notFound(`line on order ${order.number}`, data.lineId, 'lineId');
    return { lines: [line], field: 'lineId', what: line.item_name };
  }
  const item = data.barcode !== undefined ? findItemByBarcode(db, data.barcode) : requireItem(db, data.itemId ?? '', 'itemId');
  const field = data.barcode !== undefined ? 'barcode' : 'itemId';
  const matching = lines.filter((l) => l.item_id === item.id);
  if (matching.length === 0) throw new AppError('refused', `"${item.name}" is not on order ${order.number}.`, field);
  return { lines: matching, field, what: item.name };
}

export function pickOrder(db: Db, effects: Effects, input: RequestInput<'orders.pick'>, options?: WriteOptions): PickingOrder {
  const data = parseRequest('orders.pick', input);
  const by = data.by ?? actorOf(options);
  withLedger(db, effects, by, (ledger) => {
    const order = findOrderRow(db, data.orderId);
    if (order.status !== 'open' && order.status !== 'picking') {
      throw new AppError('refused', `Order ${order.number} is ${order.status}; there is nothing more to pick on it.`, 'orderId');
    }
    requireActiveSite(db, order.site_id, 'orderId', 'pick');
    const { lines, what } = pickTargets(db, order, data);
    const wanted = toUnits(data.qty);
    const open = addQuantities(...lines.map(remainingOf));
    if (wanted > open) {
      throw new AppError('refused', `Only ${formatQuantity(open)} of "${what}" remain to pick on order ${order.number}.`, 'qty');
    }
    let left = wanted;
    for (const line of lines) {
      const take = minQuantity(left, remainingOf(line));
      if (take <= 0) continue;
      ledger.move({ kind: 'pick', itemId: line.item_id, siteId: order.site_id, qty: -take, documentType: 'order', documentId: order.id, field: 'qty' });
      run(db, 'UPDATE picking_order_lines SET picked = picked + ? WHERE id = ?', take, line.id);
      left = subtractQuantities(left, take);
    }
    run(db, 'UPDATE picking_orders SET updated_at = ? WHERE id = ?', nowIso(effects), order.id);
    settleOrder(db, effects, order, readSettings(db), by);
  });
  return readOrder(db, data.orderId, 'orderId');
}

export function closeOrder(db: Db, effects: Effects, input: RequestInput<'orders.close'>, options?: WriteOptions): PickingOrder {
  const data = parseRequest('orders.close', input);
  const by = data.by ?? actorOf(options);
  db.transaction(() => {
    const order = findOrderRow(db, data.orderId);
    if (order.status !== 'open' && order.status !== 'picking') {
      const hint = order.status === 'picked' ? ' It is fully picked: post it instead.' : '';
      throw new AppError('refused', `Order ${order.number} is ${order.status} and cannot be closed.${hint}`, 'orderId');
    }
    run(db, 'UPDATE picking_order_lines SET cancelled = ordered - picked WHERE order_id = ?', order.id);
    settleOrder(db, effects, order, readSettings(db), by, data.reason ?? 'Closed with quantities left unpicked');
  })();
  return readOrder(db, data.orderId, 'orderId');
}

export function settleOrderInQuickBooks(db: Db, effects: Effects, input: RequestInput<'orders.settleInQuickBooks'>, options?: WriteOptions): PickingOrder {
  const data = parseRequest('orders.settleInQuickBooks', input);
  const by = data.by ?? actorOf(options);
  db.transaction(() => {
    const order = findOrderRow(db, data.orderId);
    if (order.out_of_sync === 0) {
      throw new AppError('refused', `Order ${order.number} agrees with QuickBooks; post or close it as usual.`, 'orderId');
    }
    // A posting sent once may be in QuickBooks with its answer lost: only the next sync can tell.
    const unsure = one<{ n: number }>(db, "SELECT COUNT(*) AS n FROM outbox WHERE kind = 'order.post' AND local_id = ? AND state = 'pending' AND attempts > 0", order.id);
    if ((unsure?.n ?? 0) > 0) {
      throw new AppError('refused', `A posting of order ${order.number} was already being sent to QuickBooks. Sync Now first, then look again.`, 'orderId');
    }
    const now = nowIso(effects);
    const why = data.reason ?? 'Dealt with in QuickBooks';
    run(
      db,
      "UPDATE outbox SET state = 'skipped', last_error = ?, updated_at = ? WHERE kind = 'order.post' AND local_id = ? AND state IN ('pending', 'failed')",
      `Not sent: the order was settled in QuickBooks (${why}).`,
      now,
      order.id,
    );
    run(db, 'UPDATE picking_order_lines SET cancelled = ordered - picked, invoiced = picked WHERE order_id = ?', order.id);
    run(db, 'UPDATE picking_orders SET out_of_sync = 0, out_of_sync_reason = NULL, sync_error = NULL, updated_at = ? WHERE id = ?', now, order.id);
    recordAudit(db, effects, { by, recordType: 'order', recordId: order.id, action: 'settledInQuickBooks', detail: `Order ${order.number}`, reason: why });
    setOrderStatus(db, effects, order, 'closed', by, why);
  })();
  return readOrder(db, data.orderId, 'orderId');
}

export function postOrders(db: Db, effects: Effects, input: RequestInput<'orders.post'>, options?: WriteOptions): { posted: PostedOrder[] } {
  const data = parseRequest('orders.post', input);
  const by = data.by ?? actorOf(options);
  return db.transaction(() => {
    const settings = readSettings(db);
    const orders =
      data.orderId !== undefined
        ? [findOrderRow(db, data.orderId)]
        : all<OrderRow>(db, `${orderSelect} WHERE o.status = 'picked' ORDER BY o.created_at, o.id`);
    return { posted: orders.map((order) => postOrderNow(db, effects, order, settings, by)) };
  })();
}

export function listOrders(db: Db, query: ParsedInput<'orders.list'>) {
  const pattern = query.search ? likeContains(query.search) : undefined;
  const { clause, params } = new Filters()
    .when(query.status, 'o.status = ?')
    .when(query.customerId, 'o.customer_id = ?')
    .when(query.siteId, 'o.site_id = ?')
    .when(query.source, 'o.source = ?')
    .when(query.outOfSync, 'o.out_of_sync = ?', query.outOfSync ? 1 : 0)
    .when(pattern, `(lower(o.number) LIKE ? ESCAPE '\\' OR c.name_key LIKE ? ESCAPE '\\')`, pattern, pattern);
  const from = `FROM picking_orders o JOIN customers c ON c.id = o.customer_id ${clause}`;
  const total = one<{ n: number }>(db, `SELECT COUNT(*) AS n ${from}`, ...params)?.n ?? 0;
  const order = {
    number: 'o.number',
    customer: 'c.name_key',
    status: 'o.status',
    // The badges' weight: out of sync, a sync error, back order, from QuickBooks (indexed, migration 0018).
    flags: "(o.out_of_sync * 8 + (o.sync_error IS NOT NULL) * 4 + o.back_order * 2 + (o.source = 'qbo'))",
    createdAt: 'o.created_at',
    updatedAt: 'o.updated_at',
  }[query.sort];
  const direction = query.direction === 'desc' ? 'DESC' : 'ASC';
  const rows = all<OrderRow>(
    db,
    `SELECT o.*, c.display_name AS customer_name ${from} ORDER BY ${order} ${direction}, o.id ${direction} LIMIT ? OFFSET ?`,
    ...params,
    query.limit,
    query.offset,
  );
  return { total, rows: rows.map(toOrderSummary) };
}

export function orderHandlers(
  hooks: WarehouseHooks,
): HandlerMap<`orders.${'list' | 'get' | 'create' | 'update' | 'pick' | 'close' | 'post' | 'settleInQuickBooks'}`, ServiceContext> {
  // Manual Posting off: an order picked or closed here is posted at once, and the hook lets it go to QuickBooks now.
  const settled = <T>(value: T): T => {
    hooks.orderSettled();
    return value;
  };
  return {
    'orders.list': (input, ctx) => listOrders(ctx.db, input),
    'orders.get': (input, ctx) => readOrder(ctx.db, input.id),
    'orders.create': (input, ctx) => createPickingOrder(ctx.db, ctx, input),
    'orders.update': (input, ctx) => updateOrder(ctx.db, ctx, input),
    'orders.pick': (input, ctx) => settled(pickOrder(ctx.db, ctx, input)),
    'orders.close': (input, ctx) => settled(closeOrder(ctx.db, ctx, input)),
    'orders.post': (input, ctx) => settled(postOrders(ctx.db, ctx, input)),
    'orders.settleInQuickBooks': (input, ctx) => settleOrderInQuickBooks(ctx.db, ctx, input),
  };
}
