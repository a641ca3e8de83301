/** Every kind of record the sync engine moves, and which way. Order matters: names before documents. */
import type { Syncers } from '../syncer';
import { itemPull, itemPush } from './items';
import { customerPull, customerPush, serviceLocationPush, vendorPull, vendorPush } from './parties';
import { stockPush } from './stock';

export const defaultSyncers: Syncers = {
  pulls: [itemPull, customerPull, vendorPull],
  pushes: [itemPush, customerPush, vendorPush, serviceLocationPush, stockPush],
};
