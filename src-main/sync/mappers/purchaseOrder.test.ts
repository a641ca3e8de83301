import { describe, expect, it } from 'vitest';
import { purchaseLineIds, purchaseOrderToQbo, receiptToBill, type PurchaseOrderForQbo } from './purchaseOrder';

const po: PurchaseOrderForQbo = {
  number: 'PO-1',
  vendorQboId: '40',
  txnDate: '2026-03-01',
  expectedDate: null,
  note: null,
  closed: false,
  marker: 'ShelfSync purchaseOrder p1',
  lines: [
    { qboItemId: '11', units: 100_000, unitCostCents: 250, qboLineId: null },
    { qboItemId: '12', units: 5_000, unitCostCents: 333, qboLineId: null },
  ],
};

describe('purchase orders → QuickBooks', () => {
  it('creates with item-based expense lines whose amounts agree with quantity × cost', () => {
    const body = purchaseOrderToQbo(po);
    expect(body).toMatchObject({ DocNumber: 'PO-1', VendorRef: { value: '40' }, POStatus: 'Open', PrivateNote: po.marker });
    expect(body.Line).toEqual([
      { DetailType: 'ItemBasedExpenseLineDetail', Amount: 25, ItemBasedExpenseLineDetail: { ItemRef: { value: '11' }, Qty: 10, UnitPrice: 2.5 } },
      { DetailType: 'ItemBasedExpenseLineDetail', Amount: 1.67, ItemBasedExpenseLineDetail: { ItemRef: { value: '12' }, Qty: 0.5, UnitPrice: 3.33 } },
    ]);
    expect(body).not.toHaveProperty('Id');
  });

  it('updates sparsely, sending line Ids back so QuickBooks keeps the lines bills point at', () => {
    const body = purchaseOrderToQbo({ ...po, closed: true, lines: [{ qboItemId: '11', units: 100_000, unitCostCents: 250, qboLineId: '1' }] }, { id: '77', syncToken: '3' });
    expect(body).toMatchObject({ Id: '77', SyncToken: '3', sparse: true, POStatus: 'Closed' });
    expect((body.Line as { Id?: string }[])[0]?.Id).toBe('1');
  });

  it('reads the line Ids of the item lines in order', () => {
    expect(purchaseLineIds({ Line: [{ Id: '1', DetailType: 'ItemBasedExpenseLineDetail' }, { Id: '2', DetailType: 'AccountBasedExpenseLineDetail' }, { Id: '3', DetailType: 'ItemBasedExpenseLineDetail' }] })).toEqual(['1', '3']);
  });

  it('bills a receipt with every line linked to the order line: TxnId, TxnType and TxnLineId', () => {
    const bill = receiptToBill({ vendorQboId: '40', poQboId: '77', txnDate: '2026-03-02', marker: 'ShelfSync receipt r1', lines: [{ qboItemId: '11', units: 40_000, unitCostCents: 250, poLineId: '1' }] });
    expect(bill.Line).toEqual([
      {
        DetailType: 'ItemBasedExpenseLineDetail',
        Amount: 10,
        ItemBasedExpenseLineDetail: { ItemRef: { value: '11' }, Qty: 4, UnitPrice: 2.5 },
        LinkedTxn: [{ TxnId: '77', TxnType: 'PurchaseOrder', TxnLineId: '1' }],
      },
    ]);
  });
});
