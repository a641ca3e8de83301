/** Every kind of record the sync engine moves, and which way. */
import type { Syncers } from '../syncer';
import { itemPull, itemPush } from './items';
import { stockPush } from './stock';

export const defaultSyncers: Syncers = {
  pulls: [itemPull],
  pushes: [itemPush, stockPush],
};
