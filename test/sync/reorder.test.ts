import { afterEach, describe, expect, it } from 'vitest';
import type { LowStockLine, PurchaseOrder, ReorderInfo } from '../../src-shared/ipc';
import { syncHarness, type SyncHarness } from './harness';
import { asQboUser, itemLine, qboAll, salesPieces, type QboDoc, type QboRecord } from './documentsSupport';

let h: SyncHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

type QboVendor = QboRecord & { DisplayName: string; Active?: boolean };
type QboItem = QboRecord & { Name: string; QtyOnHand?: number; PrefVendorRef?: { value: string } };

describe('reorder suggestions with QuickBooks', () => {
  it('takes the preferred vendor from QuickBooks and suggests what open orders and open POs leave, then orders it from that vendor', async () => {
    h = await syncHarness();
    const p = await salesPieces(h);
    const vendor = ((await qboAll<QboVendor>(h, 'Vendor')).find((v) => v.Active !== false)) as QboVendor;
    const part = (await qboAll<QboItem>(h, 'Item')).find((i) => i.Id === p.parts[0].value) as QboItem;
    await asQboUser.edit(h, 'Item', part.Id, { PrefVendorRef: { value: vendor.Id, name: vendor.DisplayName } });
    await h.sync();
    const items = await h.call<{ rows: { id: string; name: string; onHand: string }[] }>('items.list', { search: part.Name, limit: 5 });
    const local = items.rows.find((i) => i.name === part.Name) as { id: string; onHand: string };
    const onHand = Number(local.onHand);
    // The practice company's own open estimates already promise some of it.
    const before = Number((await h.call<ReorderInfo>('reorderLevels.get', { itemId: local.id })).sites[0]?.committed);

    // A new QuickBooks estimate becomes an open picking order: its quantity is committed too.
    await asQboUser.create<QboDoc>(h, 'Estimate', { DocNumber: 'SO-8801', CustomerRef: p.customer, TxnStatus: 'Pending', Line: [itemLine(p.parts[0], 4, 12.5)] });
    await h.sync();
    const info = await h.call<ReorderInfo>('reorderLevels.get', { itemId: local.id });
    expect(info.preferredVendor).toMatchObject({ name: vendor.DisplayName, fromQuickBooks: true });
    const committed = before + 4;
    expect(info.sites[0]?.committed).toBe(String(committed));

    // An open PO already on its way to QuickBooks counts as on order.
    const open = await h.call<PurchaseOrder>('purchaseOrders.create', { vendorId: info.preferredVendor?.id, lines: [{ itemId: local.id, qty: '6' }] });
    await h.call('purchaseOrders.post', { id: open.id });
    await h.sync();
    const point = onHand; // available (on hand less committed) is below it
    await h.call('reorderLevels.set', { itemId: local.id, siteId: 'main', reorderPoint: String(point), reorderUpTo: String(point + 20) });
    const low = await h.call<{ rows: LowStockLine[] }>('lowStock.list', { siteId: 'main' });
    const line = low.rows.find((r) => r.itemId === local.id) as LowStockLine;
    expect(line).toMatchObject({ committed: String(committed), available: String(onHand - committed), onOrder: '6', vendorName: vendor.DisplayName, vendorFromQuickBooks: true });
    // Up to point + 20 from what is available, less the 6 on order.
    const suggested = point + 20 - (onHand - committed) - 6;
    expect(line.suggested).toBe(String(suggested));

    const made = await h.call<{ purchaseOrders: PurchaseOrder[] }>('lowStock.createPurchaseOrders', { lines: [{ itemId: local.id, siteId: 'main', qty: line.suggested }] });
    const [po] = made.purchaseOrders;
    expect(po).toMatchObject({ vendorName: vendor.DisplayName, status: 'draft' });
    await h.call('purchaseOrders.post', { id: po?.id });
    await h.sync();
    const inQbo = (await qboAll<QboDoc & { VendorRef: { value: string } }>(h, 'PurchaseOrder')).filter((q) => q.DocNumber === po?.number);
    expect(inQbo).toHaveLength(1);
    expect(inQbo[0]?.VendorRef.value).toBe(vendor.Id);
    expect((inQbo[0]?.Line[0]?.ItemBasedExpenseLineDetail as { Qty: number }).Qty).toBe(suggested);
    const afterwards = await h.call<{ rows: LowStockLine[] }>('lowStock.list', { siteId: 'main' });
    expect(afterwards.rows.find((r) => r.itemId === local.id)?.suggested).toBe('0');

    // QuickBooks names another preferred vendor: it follows here.
    const other = (await qboAll<QboVendor>(h, 'Vendor')).find((v) => v.Active !== false && v.Id !== vendor.Id) as QboVendor;
    await asQboUser.edit(h, 'Item', part.Id, { PrefVendorRef: { value: other.Id, name: other.DisplayName } });
    await h.sync();
    expect((await h.call<ReorderInfo>('reorderLevels.get', { itemId: local.id })).preferredVendor).toMatchObject({ name: other.DisplayName, fromQuickBooks: true });
  });
});
