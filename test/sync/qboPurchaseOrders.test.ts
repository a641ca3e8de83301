import { afterEach, describe, expect, it } from 'vitest';
import type { PurchaseOrder } from '../../src-shared/ipc';
import { syncHarness, type SyncHarness } from './harness';
import { asQboUser, qboAll, salesPieces, type QboDoc, type QboRecord } from './documentsSupport';

let h: SyncHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

type QboVendor = QboRecord & { DisplayName: string; Active?: boolean };
type QboItem = QboRecord & { Name: string; QtyOnHand?: number };
type QboPo = QboDoc & { POStatus: string };

const poLine = (item: { value: string; name?: string }, qty: number, cost: number) => ({
  DetailType: 'ItemBasedExpenseLineDetail',
  Amount: Math.round(qty * cost * 100) / 100,
  ItemBasedExpenseLineDetail: { ItemRef: { value: item.value, name: item.name }, Qty: qty, UnitPrice: cost },
});

async function qboPo(h: SyncHarness, number: string) {
  const p = await salesPieces(h);
  const vendor = (await qboAll<QboVendor>(h, 'Vendor')).find((v) => v.Active !== false) as QboVendor;
  const po = await asQboUser.create<QboPo>(h, 'PurchaseOrder', {
    DocNumber: number,
    VendorRef: { value: vendor.Id, name: vendor.DisplayName },
    POStatus: 'Open',
    Line: [poLine(p.parts[0], 10, 2.5), poLine(p.parts[1], 4, 10)],
  });
  return { p, vendor, po };
}

async function localPo(h: SyncHarness, number: string): Promise<PurchaseOrder> {
  const list = await h.call<{ rows: { id: string; number: string }[] }>('purchaseOrders.list', { search: number });
  const row = list.rows.find((r) => r.number === number);
  if (!row) throw new Error(`PO ${number} did not come in`);
  return h.call<PurchaseOrder>('purchaseOrders.get', { id: row.id });
}

describe('purchase orders QuickBooks → ShelfSync', () => {
  it('brings an open QuickBooks PO in, receives part of it here and bills that once against its lines', async () => {
    h = await syncHarness();
    await h.settings({ directions: { purchaseOrders: 'twoWay' } });
    const { p, vendor, po } = await qboPo(h, 'QB-PO-501');
    const run = await h.sync();
    expect(run.counts['purchaseOrders.pull']?.created).toBeGreaterThanOrEqual(1);
    const local = await localPo(h, 'QB-PO-501');
    expect(local).toMatchObject({ source: 'qbo', status: 'open', posted: true, vendorName: vendor.DisplayName, outOfSync: false });
    expect(local.lines.map((l) => [l.itemName, l.ordered, l.unitCostCents])).toEqual([
      [p.parts[0].name, '10', 250],
      [p.parts[1].name, '4', 1000],
    ]);

    const before = (await qboAll<QboItem>(h, 'Item')).find((i) => i.Id === p.parts[0].value)?.QtyOnHand ?? 0;
    const received = await h.call<{ purchaseOrder: PurchaseOrder }>('purchaseOrders.receive', { purchaseOrderId: local.id, lines: [{ itemId: local.lines[0]?.itemId, qty: '6' }] });
    expect(received.purchaseOrder.status).toBe('partiallyReceived');
    await h.sync();
    await h.sync();
    const bills = (await qboAll<QboDoc>(h, 'Bill')).filter((b) => b.PrivateNote?.startsWith('ShelfSync receipt'));
    expect(bills).toHaveLength(1);
    const line = bills[0]?.Line[0] as unknown as { LinkedTxn: { TxnId: string; TxnType: string; TxnLineId: string }[]; ItemBasedExpenseLineDetail: { Qty: number } };
    expect(line.ItemBasedExpenseLineDetail.Qty).toBe(6);
    expect(line.LinkedTxn[0]).toEqual({ TxnId: po.Id, TxnType: 'PurchaseOrder', TxnLineId: po.Line[0]?.Id });
    expect((await qboAll<QboItem>(h, 'Item')).find((i) => i.Id === p.parts[0].value)?.QtyOnHand).toBe(before + 6);
    // The bill's own touch on the QuickBooks PO is not a change by a person: the PO stays as it was here.
    const after = await localPo(h, 'QB-PO-501');
    expect(after).toMatchObject({ status: 'partiallyReceived', outOfSync: false });
    // Nothing of the QuickBooks PO itself was sent back.
    expect((await qboAll<QboPo>(h, 'PurchaseOrder')).filter((q) => q.DocNumber === 'QB-PO-501')).toHaveLength(1);
  });

  it('flags a QuickBooks PO changed there after receiving started, and refuses to receive more until it is closed here', async () => {
    h = await syncHarness();
    await h.settings({ directions: { purchaseOrders: 'twoWay' } });
    const { p, po } = await qboPo(h, 'QB-PO-502');
    await h.sync();
    const local = await localPo(h, 'QB-PO-502');
    await h.call('purchaseOrders.receive', { purchaseOrderId: local.id, lines: [{ lineId: local.lines[1]?.id, qty: '1' }] });
    await h.sync();
    const current = (await qboAll<QboPo>(h, 'PurchaseOrder')).find((q) => q.Id === po.Id) as QboPo;
    await asQboUser.edit(h, 'PurchaseOrder', po.Id, { Line: [current.Line[0], poLine(p.parts[1], 9, 10)] });
    await h.sync();
    const flagged = await localPo(h, 'QB-PO-502');
    expect(flagged).toMatchObject({ outOfSync: true, status: 'partiallyReceived' });
    expect(flagged.outOfSyncReason).toContain('Changed in QuickBooks after receiving started');
    const refused = await h.host.invoke('purchaseOrders.receive', { purchaseOrderId: local.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'refused' } });
    const closed = await h.call<PurchaseOrder>('purchaseOrders.close', { id: local.id });
    expect(closed).toMatchObject({ status: 'closed', outOfSync: false });
    // Closing it here sends nothing for a QuickBooks PO.
    await h.sync();
    expect((await qboAll<QboPo>(h, 'PurchaseOrder')).find((q) => q.Id === po.Id)?.POStatus).toBe('Open');
  });

  it('follows a QuickBooks PO while nothing is received, and leaves them out when Settings sends POs one way only', async () => {
    h = await syncHarness();
    // Settings → Sync directions → Purchase orders: both ways.
    await h.settings({ directions: { purchaseOrders: 'twoWay' } });
    const { p, po } = await qboPo(h, 'QB-PO-503');
    await h.sync();
    const current = (await qboAll<QboPo>(h, 'PurchaseOrder')).find((q) => q.Id === po.Id) as QboPo;
    await asQboUser.edit(h, 'PurchaseOrder', po.Id, { Line: [current.Line[0], poLine(p.parts[1], 7, 10)] });
    await h.sync();
    const followed = await localPo(h, 'QB-PO-503');
    expect(followed.lines.map((l) => l.ordered)).toEqual(['10', '7']);
    expect(followed.outOfSync).toBe(false);
    await asQboUser.edit(h, 'PurchaseOrder', po.Id, { POStatus: 'Closed' });
    await h.sync();
    expect((await localPo(h, 'QB-PO-503')).status).toBe('closed');

    await h.settings({ directions: { purchaseOrders: 'localToQbo' } });
    await qboPo(h, 'QB-PO-504');
    await h.sync();
    const none = await h.call<{ rows: { number: string }[] }>('purchaseOrders.list', { search: 'QB-PO-504' });
    expect(none.rows).toHaveLength(0);
  });
});
