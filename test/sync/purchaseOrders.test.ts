import { afterEach, describe, expect, it } from 'vitest';
import { syncHarness, type SyncHarness } from './harness';
import { injectFault } from '../connection/support';
import { clearFaults, qboAll, salesPieces, type QboDoc, type QboRecord } from './documentsSupport';

let h: SyncHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

interface PoLine { id: string; itemId: string; ordered: string; received: string }
interface Po { id: string; number: string; status: string; posted: boolean; needsResync: boolean; lines: PoLine[] }
type QboPo = QboDoc & { VendorRef: { value: string }; POStatus: string };
type QboItem = QboRecord & { Name: string; QtyOnHand?: number };

/** A vendor and two parts, both in ShelfSync (pulled) and in QuickBooks. */
async function pieces(h: SyncHarness) {
  const p = await salesPieces(h);
  await h.sync();
  const vendors = await h.call<{ rows: { id: string; displayName: string }[] }>('vendors.list', { limit: 1 });
  const vendor = vendors.rows[0];
  const items = await h.call<{ rows: { id: string; name: string }[] }>('items.list', { limit: 500 });
  const local = (name: string) => items.rows.find((i) => i.name === name)?.id as string;
  return { vendor, parts: [p.parts[0], p.parts[1]].map((q) => ({ qboId: q.value, id: local(q.name ?? '') })) };
}

const posNumbered = async (h: SyncHarness, number: string) => (await qboAll<QboPo>(h, 'PurchaseOrder')).filter((p) => p.DocNumber === number);
const qtyInQbo = async (h: SyncHarness, id: string) => (await qboAll<QboItem>(h, 'Item')).find((i) => i.Id === id)?.QtyOnHand ?? 0;

describe('purchase orders ShelfSync → QuickBooks', () => {
  it('posts a purchase order, sends an edit as an update and clears "needs resync", and bills a receipt against its lines once', async () => {
    h = await syncHarness();
    const { vendor, parts } = await pieces(h);
    const [a, b] = parts as [{ qboId: string; id: string }, { qboId: string; id: string }];
    const po = await h.call<Po>('purchaseOrders.create', {
      number: 'PO-9001',
      vendorId: vendor?.id,
      lines: [
        { itemId: a.id, qty: '10', unitCostCents: 250 },
        { itemId: b.id, qty: '4', unitCostCents: 1000 },
      ],
    });
    await h.call('purchaseOrders.post', { id: po.id });
    const run = await h.sync();
    expect(run.counts['purchaseOrders.push']?.created).toBe(1);
    const [created, ...dupes] = await posNumbered(h, 'PO-9001');
    expect(dupes).toHaveLength(0);
    expect(created?.VendorRef.value).toBeDefined();
    expect(created?.PrivateNote).toBe(`ShelfSync purchaseOrder ${po.id}`);

    const edited = await h.call<Po>('purchaseOrders.update', {
      id: po.id,
      lines: [
        { id: po.lines[0]?.id, itemId: a.id, qty: '12', unitCostCents: 250 },
        { id: po.lines[1]?.id, itemId: b.id, qty: '4', unitCostCents: 1000 },
      ],
    });
    expect(edited.needsResync).toBe(true);
    const update = await h.sync();
    expect(update.counts['purchaseOrders.push']?.updated).toBe(1);
    const [updated] = await posNumbered(h, 'PO-9001');
    const qtys = (updated?.Line ?? []).map((l) => (l.ItemBasedExpenseLineDetail as { Qty: number }).Qty);
    expect(qtys).toEqual([12, 4]);
    expect((await h.call<Po>('purchaseOrders.get', { id: po.id })).needsResync).toBe(false);

    const before = await qtyInQbo(h, a.qboId);
    await h.call('purchaseOrders.receive', { purchaseOrderId: po.id, lines: [{ lineId: po.lines[0]?.id, qty: '5' }] });
    await h.sync();
    await h.sync();
    const bills = (await qboAll<QboDoc>(h, 'Bill')).filter((bill) => bill.PrivateNote?.startsWith('ShelfSync receipt'));
    expect(bills).toHaveLength(1);
    const link = (bills[0]?.Line[0]?.LinkedTxn as { TxnId: string; TxnType: string; TxnLineId: string }[])[0];
    expect(link).toEqual({ TxnId: updated?.Id, TxnType: 'PurchaseOrder', TxnLineId: updated?.Line[0]?.Id });
    expect(await qtyInQbo(h, a.qboId)).toBe(before + 5);

    // Receiving the rest closes the order in QuickBooks too.
    await h.call('purchaseOrders.receive', { purchaseOrderId: po.id });
    await h.sync();
    expect((await posNumbered(h, 'PO-9001'))[0]?.POStatus).toBe('Closed');
  });

  it('creates the purchase order and its bill once although QuickBooks answers 500 and drops replies', async () => {
    h = await syncHarness();
    const { vendor, parts } = await pieces(h);
    const [a] = parts as [{ qboId: string; id: string }];
    const po = await h.call<Po>('purchaseOrders.create', { number: 'PO-9002', vendorId: vendor?.id, lines: [{ itemId: a.id, qty: '3', unitCostCents: 100 }] });
    await h.call('purchaseOrders.post', { id: po.id });
    await injectFault(h.sb, '500', { method: 'POST', pathIncludes: '/batch' }, 1);
    await injectFault(h.sb, 'commitThenDrop', { method: 'POST', pathIncludes: '/batch' }, 1);
    await h.sync();
    await clearFaults(h);
    expect(await posNumbered(h, 'PO-9002')).toHaveLength(1);

    const before = await qtyInQbo(h, a.qboId);
    await h.call('purchaseOrders.receive', { purchaseOrderId: po.id });
    await injectFault(h.sb, 'commitThenDrop', { method: 'POST', pathIncludes: '/batch' }, 1);
    await h.sync();
    await h.sync();
    const bills = (await qboAll<QboDoc>(h, 'Bill')).filter((bill) => bill.PrivateNote?.startsWith('ShelfSync receipt'));
    expect(bills).toHaveLength(1);
    expect(await qtyInQbo(h, a.qboId)).toBe(before + 3);
  });
});
