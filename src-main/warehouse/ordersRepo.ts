/** SQL for picking orders and their lines; rows to contract shapes. */
import { addressOutputSchema, type Address, type OrderQboDocument, type PickingOrder } from '../../src-shared/ipc';
import { formatQuantity, subtractQuantities } from '../../src-shared/quantity';
import type { Db } from '../db';
import { notFound } from './parse';
import { all, bool, one } from './sql';

export interface OrderRow {
  id: string;
  number: string;
  customer_id: string;
  customer_name: string;
  site_id: string;
  service_location_id: string | null;
  ship_to: string;
  status: PickingOrder['status'];
  back_order: number;
  note: string | null;
  source: 'local' | 'qbo';
  qbo_txn_id: string | null;
  out_of_sync: number;
  out_of_sync_reason: string | null;
  sync_error: string | null;
  created_at: string;
  updated_at: string;
}

export interface OrderLineRow {
  id: string;
  order_id: string;
  line_no: number;
  item_id: string;
  item_name: string;
  ordered: number;
  picked: number;
  invoiced: number;
  cancelled: number;
  qbo_line_ref: string | null;
}

export const orderSelect = `SELECT o.*, c.display_name AS customer_name FROM picking_orders o JOIN customers c ON c.id = o.customer_id`;

export function remainingOf(line: OrderLineRow): number {
  return subtractQuantities(subtractQuantities(line.ordered, line.picked), line.cancelled);
}

export function findOrderRow(db: Db, id: string, field = 'orderId'): OrderRow {
  const row = one<OrderRow>(db, `${orderSelect} WHERE o.id = ?`, id);
  if (!row) throw notFound('picking order', id, field);
  return row;
}

export function orderLines(db: Db, orderId: string): OrderLineRow[] {
  return all<OrderLineRow>(
    db,
    `SELECT l.*, i.name AS item_name FROM picking_order_lines l JOIN items i ON i.id = l.item_id
      WHERE l.order_id = ? ORDER BY l.line_no`,
    orderId,
  );
}

const emptyAddress: Address = addressOutputSchema.parse({
  line1: null,
  line2: null,
  line3: null,
  city: null,
  state: null,
  postalCode: null,
  country: null,
});

function readShipTo(text: string): Address {
  const parsed = addressOutputSchema.partial().safeParse(JSON.parse(text));
  return parsed.success ? { ...emptyAddress, ...parsed.data } : emptyAddress;
}

export function toOrderSummary(row: OrderRow) {
  return {
    id: row.id,
    number: row.number,
    customerId: row.customer_id,
    customerName: row.customer_name,
    siteId: row.site_id,
    status: row.status,
    backOrder: bool(row.back_order),
    source: row.source,
    qboTxnId: row.qbo_txn_id,
    outOfSync: bool(row.out_of_sync),
    outOfSyncReason: row.out_of_sync_reason,
    syncError: row.sync_error,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The QuickBooks documents the order's postings became, the first posting first. */
function qboDocuments(db: Db, orderId: string): OrderQboDocument[] {
  return all<{ doc_type: OrderQboDocument['type']; qbo_number: string | null; qbo_txn_id: string }>(
    db,
    'SELECT doc_type, qbo_number, qbo_txn_id FROM order_postings WHERE order_id = ? ORDER BY posting',
    orderId,
  ).map((r) => ({ type: r.doc_type, qboNumber: r.qbo_number, qboTxnId: r.qbo_txn_id }));
}

export function readOrder(db: Db, id: string, field = 'id'): PickingOrder {
  const row = findOrderRow(db, id, field);
  const backOrder = bool(row.back_order);
  return {
    ...toOrderSummary(row),
    serviceLocationId: row.service_location_id,
    shipTo: readShipTo(row.ship_to),
    note: row.note,
    qboDocuments: qboDocuments(db, id),
    lines: orderLines(db, id).map((l) => {
      const remaining = remainingOf(l);
      return {
        id: l.id,
        itemId: l.item_id,
        itemName: l.item_name,
        ordered: formatQuantity(l.ordered),
        picked: formatQuantity(l.picked),
        invoiced: formatQuantity(l.invoiced),
        cancelled: formatQuantity(l.cancelled),
        remaining: formatQuantity(remaining),
        backOrdered: formatQuantity(backOrder ? remaining : 0),
        qboLineRef: l.qbo_line_ref,
      };
    }),
  };
}
