/**
 * The warehouse: items, stock ledger, counts, customers/vendors, picking and purchase orders, invoices,
 * estimates, audit trail, backup. `warehouseHandlers()` answers the contract; the named service
 * functions are what the sync engine calls (pass `{ origin: 'qbo' }` for changes that came from QuickBooks).
 */
import type {
  auditRequests,
  backupRequests,
  countRequests,
  documentRequests,
  HandlerMap,
  itemRequests,
  orderRequests,
  partyRequests,
  purchaseOrderRequests,
  reorderRequests,
  exportRequests,
  stockRequests,
  binRequests,
  printRequests,
} from '../../src-shared/ipc';
import type { ServiceContext } from '../db';
import type { WarehouseHooks } from './effects';
import { auditHandlers } from './audit';
import { backupHandlers } from './backup';
import { countHandlers } from './counts';
import { estimateHandlers } from './estimates';
import { invoiceHandlers } from './invoices';
import { itemHandlers } from './items';
import { orderHandlers } from './orders';
import { partyHandlers } from './parties';
import { purchaseOrderHandlers } from './purchaseOrders';
import { siteHandlers } from './sites';
import { stockHandlers } from './stock';
import { reorderHandlers } from './reorder';
import { lowStockHandlers } from './lowStock';
import { exportHandlers } from './exports';
import { binHandlers } from './bins';
import { printHandlers } from './printing';
import { valuationLineHandlers } from './valuation';
import { stockHistoryHandlers } from './stockHistory';

export type { Effects, WriteOptions, WarehouseHooks } from './effects';
export { inactiveSiteMessage, listSites, requireSite, createSite } from './sites';
export { createItem, updateItem, deactivateItem, getItem, findItemByBarcode } from './items';
export { importItems } from './itemCreate';
export { listItems } from './itemList';
export { adjustStock, transferStock, importItemStock, listMovements } from './stock';
export { startCount, enterCount, postCount, getCount } from './counts';
export {
  createCustomer,
  updateCustomer,
  createVendor,
  updateVendor,
  createServiceLocation,
  updateServiceLocation,
  getCustomer,
  getParty,
  listParties,
} from './parties';
export {
  createPickingOrder,
  applyQboOrderChange,
  markOrderOutOfSync,
  clearOrderOutOfSync,
  setOrderSyncState,
  pickOrder,
  closeOrder,
  postOrders,
  listOrders,
  type OrderWriteOptions,
} from './orders';
export { readOrder as getPickingOrder } from './ordersRepo';
export { recordOrderPosting } from './orderPosting';
export {
  createPurchaseOrder,
  updatePurchaseOrder,
  postPurchaseOrder,
  receivePurchaseOrder,
  closePurchaseOrder,
  clearPurchaseOrderResync,
} from './purchaseOrders';
export { readPurchaseOrder as getPurchaseOrder } from './purchaseOrdersRepo';
export { applyQboPurchaseOrder, type QboPurchaseOrder } from './qboPurchaseOrders';
export {
  createInvoice,
  createInvoiceFromOrder,
  markInvoiceReady,
  setInvoiceQboNumber,
  setInvoiceBalance,
  getInvoice,
} from './invoices';
export { createEstimate, postEstimate, createInvoiceFromEstimate, setEstimateQboTxnId, getEstimate } from './estimates';
export { recordAudit, listAudit } from './audit';
export { getReorderInfo, setReorderLevels, setPreferredVendor } from './reorder';
export { listLowStock, createLowStockPurchaseOrders } from './lowStock';
export { createBackup, restoreBackup } from './backup';
export { stockValuation, valueOfUnits, type StockValuation, type StockValueLine } from './valuation';
export { listBins, createBin, assignBin, itemBins, pickList } from './bins';
export { printPickList, printCountSheet, printItemLabels, printBinLabels } from './printing';

/** Every request of the warehouse's contract areas. */
type WarehouseRequest = keyof (typeof itemRequests &
  typeof stockRequests &
  typeof countRequests &
  typeof partyRequests &
  typeof orderRequests &
  typeof purchaseOrderRequests &
  typeof documentRequests &
  typeof auditRequests &
  typeof backupRequests &
  typeof reorderRequests &
  typeof exportRequests &
  typeof binRequests &
  typeof printRequests) | 'valuation.lines';

/** `hooks` hears what the warehouse did that others act on (the host wires it to the sync engine). */
export function warehouseHandlers(hooks: WarehouseHooks): HandlerMap<WarehouseRequest, ServiceContext> {
  return {
    ...siteHandlers(),
    ...itemHandlers(),
    ...stockHandlers(),
    ...stockHistoryHandlers(),
    ...countHandlers(),
    ...partyHandlers(),
    ...orderHandlers(hooks),
    ...purchaseOrderHandlers(),
    ...invoiceHandlers(),
    ...estimateHandlers(),
    ...auditHandlers(),
    ...backupHandlers(),
    ...reorderHandlers(),
    ...lowStockHandlers(),
    ...exportHandlers(),
    ...binHandlers(),
    ...printHandlers(),
    ...valuationLineHandlers(),
  };
}
