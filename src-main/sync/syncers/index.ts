/** Every kind of record the sync engine moves, and which way. Order matters: names before documents. */
import type { Syncers } from '../syncer';
import { itemPull, itemPush } from './items';
import { customerPull, customerPush, serviceLocationPush, vendorPull, vendorPush } from './parties';
import { stockPush } from './stock';
import { salesOrderPull } from './orders';
import { orderPostPush } from './orderPosting';
import { purchaseOrderPush, purchaseReceiptPush } from './purchaseOrders';
import { purchaseOrderPull } from './purchaseOrdersIn';
import { invoiceBalancePull, invoicePush } from './invoices';
import { estimatePush } from './estimates';

export const defaultSyncers: Syncers = {
  // Documents after the names and items they point at; vendors before items (an item names its preferred vendor).
  pulls: [vendorPull, itemPull, customerPull, salesOrderPull, purchaseOrderPull, invoiceBalancePull],
  pushes: [itemPush, customerPush, vendorPush, serviceLocationPush, stockPush, orderPostPush, purchaseOrderPush, purchaseReceiptPush, estimatePush, invoicePush],
};
