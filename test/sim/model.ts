/** What a scenario knows it did (only what the host or the practice company acknowledged), to judge the end state by. */

export type PostAs = 'invoice' | 'salesReceipt';

export interface Model {
  itemsMode: 'qboToLocal' | 'localToQbo';
  /** Expected local on-hand (all sites) per inventory item. */
  onHand: Map<string, number>;
  /**
   * Per item, QuickBooks' on-hand minus ShelfSync's once sync is quiet: 0, except for an item QuickBooks
   * had below zero at import (ShelfSync starts it at 0 and says so) until a drift fix brings QuickBooks to ours
   * (the "fix drift while changes are queued" step clears it for each item the drift report named).
   */
  qboOffset: Map<string, number>;
  customers: string[];
  vendors: string[];
  /** What "post orders as" said when each order was posted: that is the type its document must have. */
  postAs: PostAs;
  postedOrders: { number: string; as: PostAs }[];
  purchaseOrders: string[];
  receipts: number;
  createdCustomers: string[];
  createdItems: string[];
  /** Display names of customers and vendors a QuickBooks user added during the scenario. */
  qboCreated: { Customer: string[]; Vendor: string[] };
  /** QuickBooks Ids of customers and vendors a QuickBooks user changed during the scenario. */
  qboEdited: { Customer: Set<string>; Vendor: Set<string> };
  revoked: boolean;
  /** SIGKILLs that cut a running sync short while changes were waiting to be sent (kill scenarios). */
  killsInFlight: number;
}

export function emptyModel(): Model {
  return {
    itemsMode: 'qboToLocal',
    onHand: new Map(),
    qboOffset: new Map(),
    customers: [],
    vendors: [],
    postAs: 'invoice',
    postedOrders: [],
    purchaseOrders: [],
    receipts: 0,
    createdCustomers: [],
    createdItems: [],
    qboCreated: { Customer: [], Vendor: [] },
    qboEdited: { Customer: new Set(), Vendor: new Set() },
    revoked: false,
    killsInFlight: 0,
  };
}
