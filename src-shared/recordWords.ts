/**
 * The words a clerk reads for the record kinds the sync log, its CSV and the Sync screen name. The keys
 * are the engine's own (settings, counts and log rows keep them, so requests stay stable); QuickBooks
 * Online has no sales orders, only estimates, so `salesOrders` reads as estimates.
 */
const words: Record<string, string> = {
  items: 'Items',
  item: 'Item',
  stock: 'Stock adjustments',
  countPush: 'Full count push',
  customers: 'Customers',
  customer: 'Customer',
  serviceLocation: 'Service location',
  serviceLocations: 'Service locations',
  vendors: 'Vendors',
  vendor: 'Vendor',
  salesOrders: 'QuickBooks estimates → picking orders',
  salesOrder: 'QuickBooks estimate',
  invoices: 'Invoices',
  invoice: 'Invoice',
  estimates: 'Estimates',
  estimate: 'Estimate',
  purchaseOrders: 'Purchase orders',
  purchaseOrder: 'Purchase order',
  purchaseOrderLine: 'Purchase order line',
  orders: 'Picking orders',
  order: 'Picking order',
};

/** "salesOrders" → "QuickBooks estimates → picking orders"; a count key's ".pull"/".push" and a cursor's ":…" are dropped. */
export function recordKindWords(key: string): string {
  const base = key.split(/[.:]/)[0] ?? key;
  return words[base] ?? base;
}
