/**
 * The record a sync log row is about, as the clerk knows it: an item by name and SKU, a customer or
 * vendor by name, an order, purchase order, invoice or estimate by its number (and customer or vendor),
 * with the kind and id a screen opens it by. Log rows keep the engine's keys; this reads names now.
 */
import type { Db } from '../db';
import type { LogRecord } from '../../src-shared/ipc';

interface Lookup {
  kind: LogRecord['kind'];
  /** Answers { id, label } for the log row's local id. */
  sql: string;
}

const item: Lookup = {
  kind: 'item',
  sql: "SELECT id, name || CASE WHEN sku IS NULL OR sku = '' THEN '' ELSE ' (SKU ' || sku || ')' END AS label FROM items WHERE id = ?",
};
const customer: Lookup = { kind: 'customer', sql: 'SELECT id, display_name AS label FROM customers WHERE id = ?' };
const vendor: Lookup = { kind: 'vendor', sql: 'SELECT id, display_name AS label FROM vendors WHERE id = ?' };
const order: Lookup = {
  kind: 'order',
  sql: "SELECT o.id, 'Order ' || o.number || ' for ' || c.display_name AS label FROM picking_orders o JOIN customers c ON c.id = o.customer_id WHERE o.id = ?",
};
const purchaseOrder: Lookup = {
  kind: 'purchaseOrder',
  sql: "SELECT p.id, 'PO ' || p.number || ' from ' || v.display_name AS label FROM purchase_orders p JOIN vendors v ON v.id = p.vendor_id WHERE p.id = ?",
};
const purchaseOrderLine: Lookup = {
  kind: 'purchaseOrder',
  sql: `SELECT p.id, 'PO ' || p.number || ', line ' || l.line_no || ': ' || i.name AS label
    FROM purchase_order_lines l JOIN purchase_orders p ON p.id = l.purchase_order_id JOIN items i ON i.id = l.item_id WHERE l.id = ?`,
};
const invoice: Lookup = {
  kind: 'invoice',
  sql: "SELECT d.id, 'Invoice ' || d.number || ' for ' || c.display_name AS label FROM invoices d JOIN customers c ON c.id = d.customer_id WHERE d.id = ?",
};
const estimate: Lookup = {
  kind: 'estimate',
  sql: "SELECT d.id, 'Estimate ' || d.number || ' for ' || c.display_name AS label FROM estimates d JOIN customers c ON c.id = d.customer_id WHERE d.id = ?",
};
const serviceLocation: Lookup = {
  kind: 'customer',
  sql: "SELECT c.id, s.name || ' (' || c.display_name || ')' AS label FROM service_locations s JOIN customers c ON c.id = s.customer_id WHERE s.id = ?",
};

/** By the log row's entity key (the engine's own, with its QuickBooks-type variants). */
const lookups: Record<string, Lookup> = {
  items: item, item, Item: item, stock: item, InventoryAdjustment: item, countPush: item,
  customers: customer, customer, Customer: customer,
  vendors: vendor, vendor, Vendor: vendor,
  salesOrders: order, salesOrder: order, orders: order, order, orderPosting: order,
  purchaseOrders: purchaseOrder, purchaseOrder, PurchaseOrder: purchaseOrder, Bill: purchaseOrder, purchaseOrderLine,
  invoices: invoice, invoice, Invoice: invoice,
  estimates: estimate, estimate, Estimate: estimate,
  serviceLocation, serviceLocations: serviceLocation,
};

export function logRecord(db: Db, entity: string | null, localId: string | null): LogRecord | null {
  if (!entity || !localId) return null;
  const base = entity.split(/[.:]/)[0] ?? entity;
  const lookup = lookups[base];
  if (!lookup) return null;
  const row = db.prepare(lookup.sql).get(localId) as { id: string; label: string } | undefined;
  return row ? { kind: lookup.kind, id: row.id, label: row.label } : null;
}
