import { afterEach, describe, expect, it } from 'vitest';
import { syncHarness, type SyncHarness } from './harness';
import { asQboUser, itemLine, logMessages, orderNumbered, qboAll, salesPieces, type QboDoc, type QboRecord } from './documentsSupport';

let h: SyncHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

interface Item { id: string; name: string }
const localItem = async (h: SyncHarness, name: string) =>
  (await h.call<{ rows: Item[] }>('items.list', { search: name, limit: 50 })).rows.find((i) => i.name === name) as Item;

describe('sales orders QuickBooks → picking orders', () => {
  it('turns an open QuickBooks sales order into a picking order with the same number and only its inventory parts', async () => {
    h = await syncHarness();
    const p = await salesPieces(h);
    await asQboUser.create(h, 'Estimate', {
      DocNumber: 'SO-7001',
      CustomerRef: p.customer,
      TxnStatus: 'Pending',
      Line: [
        itemLine(p.parts[0], 3, 12.5),
        itemLine(p.service, 1, 80),
        { DetailType: 'DescriptionOnly', Description: 'Use the loading dock.' },
        itemLine(p.parts[1], 2, 7.25),
        { DetailType: 'DiscountLineDetail', DiscountLineDetail: { PercentBased: true, DiscountPercent: 10, DiscountAccountRef: p.discountAccount } },
      ],
    });
    await asQboUser.create(h, 'Estimate', { DocNumber: 'SO-7002', CustomerRef: p.customer, TxnStatus: 'Closed', Line: [itemLine(p.parts[0], 1, 5)] });
    await asQboUser.create(h, 'Estimate', { DocNumber: 'SO-7003', CustomerRef: p.customer, TxnStatus: 'Rejected', Line: [itemLine(p.parts[0], 1, 5)] });

    const run = await h.sync();
    const order = await orderNumbered(h, 'SO-7001');
    expect(order).toMatchObject({ source: 'qbo', status: 'open', outOfSync: false });
    expect(order?.lines.map((l) => [l.itemName, l.ordered])).toEqual([
      [p.parts[0]?.name, '3'],
      [p.parts[1]?.name, '2'],
    ]);
    expect(await orderNumbered(h, 'SO-7002')).toBeUndefined();
    expect(await orderNumbered(h, 'SO-7003')).toBeUndefined();
    expect(run.counts['salesOrders.pull']?.created).toBeGreaterThanOrEqual(1);

    // A second run changes nothing.
    await h.sync();
    const again = await h.call<{ total: number }>('orders.list', { search: 'SO-7001' });
    expect(again.total).toBe(1);
  });

  it('refuses a sales order whose number is already used in ShelfSync, says so in the history, and writes nothing', async () => {
    h = await syncHarness();
    const p = await salesPieces(h);
    await h.sync();
    const customers = await h.call<{ rows: { id: string }[]; total: number }>('customers.list', { limit: 1 });
    const part = await localItem(h, p.parts[0]?.name ?? '');
    await h.call('orders.create', { number: 'SO-7100', customerId: customers.rows[0]?.id, lines: [{ itemId: part.id, qty: '1' }] });
    // A customer ShelfSync has not seen: it would be made for the order, so it must not be left behind.
    const stranger = await asQboUser.create<QboRecord>(h, 'Customer', { DisplayName: 'Walk-in Stranger' });
    await h.settings({ directions: { customers: 'off' } });
    await asQboUser.create(h, 'Estimate', {
      DocNumber: 'SO-7100',
      CustomerRef: { value: stranger.Id, name: 'Walk-in Stranger' },
      TxnStatus: 'Accepted',
      Line: [itemLine(p.parts[1], 4, 3)],
    });

    const run = await h.sync();
    expect(run.status).toBe('errors');
    expect(run.counts['salesOrders.pull']?.failed).toBe(1);
    const messages = await logMessages(h, run.id);
    expect(messages.some((m) => m.includes('SO-7100') && /already exists/.test(m))).toBe(true);
    const order = await orderNumbered(h, 'SO-7100');
    expect(order?.source).toBe('local');
    expect(order?.lines).toHaveLength(1);
    const after = await h.call<{ total: number }>('customers.list', { search: 'Walk-in Stranger' });
    expect(after.total).toBe(0);
  });

  it('makes a minimal customer for a sales order whose customer is not in ShelfSync yet', async () => {
    h = await syncHarness();
    const p = await salesPieces(h);
    await h.sync();
    await h.settings({ directions: { customers: 'off' } });
    const newcomer = await asQboUser.create<QboRecord>(h, 'Customer', { DisplayName: 'Newcomer Hardware' });
    await asQboUser.create(h, 'Estimate', {
      DocNumber: 'SO-7150',
      CustomerRef: { value: newcomer.Id, name: 'Newcomer Hardware' },
      TxnStatus: 'Pending',
      Line: [itemLine(p.parts[0], 1, 3)],
    });
    await h.sync();
    const order = await orderNumbered(h, 'SO-7150');
    const customer = await h.call<{ displayName: string }>('customers.get', { id: order?.customerId });
    expect(customer.displayName).toBe('Newcomer Hardware');
  });
});

describe('Multiple Sites', () => {
  it('imports an order at the site of its QuickBooks location, and leaves out one without a location, saying why', async () => {
    h = await syncHarness();
    const p = await salesPieces(h);
    const [department] = await qboAll<QboRecord & { Name: string }>(h, 'Department');
    const site = await h.call<{ id: string }>('sites.create', { name: 'East annex', qboLocationRef: department?.Id });
    await h.settings({ multipleSites: true });
    await asQboUser.create(h, 'Estimate', {
      DocNumber: 'SO-7201',
      CustomerRef: p.customer,
      DepartmentRef: { value: department?.Id },
      Line: [itemLine(p.parts[0], 2, 4)],
    });
    await asQboUser.create(h, 'Estimate', { DocNumber: 'SO-7202', CustomerRef: p.customer, Line: [itemLine(p.parts[0], 2, 4)] });

    const run = await h.sync();
    expect((await orderNumbered(h, 'SO-7201'))?.siteId).toBe(site.id);
    expect(await orderNumbered(h, 'SO-7202')).toBeUndefined();
    const messages = await logMessages(h, run.id);
    expect(messages.some((m) => m.includes('SO-7202') && /no location/.test(m) && /one site/.test(m))).toBe(true);
  });
});

describe('Multiple Sites by line', () => {
  it('refuses an order whose lines are on two sites and says why; one whose lines share a site comes in there', async () => {
    h = await syncHarness();
    const p = await salesPieces(h);
    const yard = await asQboUser.create<QboRecord>(h, 'Class', { Name: 'Yard' });
    const dock = await asQboUser.create<QboRecord>(h, 'Class', { Name: 'Dock' });
    const yardSite = await h.call<{ id: string }>('sites.create', { name: 'Yard', qboLocationRef: `class:${yard.Id}` });
    await h.call('sites.create', { name: 'Dock', qboLocationRef: `class:${dock.Id}` });
    await h.settings({ multipleSites: true });
    const on = (line: ReturnType<typeof itemLine>, cls: QboRecord) => ({
      ...line,
      SalesItemLineDetail: { ...line.SalesItemLineDetail, ClassRef: { value: cls.Id } },
    });
    await asQboUser.create(h, 'Estimate', {
      DocNumber: 'SO-7211',
      CustomerRef: p.customer,
      Line: [on(itemLine(p.parts[0], 1, 4), yard), on(itemLine(p.parts[1], 1, 4), dock)],
    });
    await asQboUser.create(h, 'Estimate', {
      DocNumber: 'SO-7212',
      CustomerRef: p.customer,
      Line: [on(itemLine(p.parts[0], 1, 4), yard), on(itemLine(p.parts[1], 2, 4), yard)],
    });
    const run = await h.sync();
    expect(await orderNumbered(h, 'SO-7211')).toBeUndefined();
    expect((await orderNumbered(h, 'SO-7212'))?.siteId).toBe(yardSite.id);
    const messages = await logMessages(h, run.id);
    expect(messages.some((m) => m.includes('SO-7211') && m.includes('lines are on 2 sites (Yard, Dock)'))).toBe(true);
  });
});

describe('an imported order changed in QuickBooks', () => {
  async function imported(h: SyncHarness, number: string, qty: number) {
    const p = await salesPieces(h);
    const estimate = await asQboUser.create(h, 'Estimate', { DocNumber: number, CustomerRef: p.customer, Line: [itemLine(p.parts[0], qty, 6)] });
    await h.sync();
    const order = await orderNumbered(h, number);
    if (!order) throw new Error(`${number} was not imported`);
    return { p, estimate, order };
  }
  const withQty = (estimate: QboDoc, qty: number) =>
    estimate.Line.filter((l) => l.DetailType === 'SalesItemLineDetail').map((l) => {
      const d = l.SalesItemLineDetail as { UnitPrice: number };
      return { ...l, Amount: qty * d.UnitPrice, SalesItemLineDetail: { ...d, Qty: qty } };
    });

  it('follows the change while nothing is picked, and flags the order out of sync once picking started; it is not posted', async () => {
    h = await syncHarness();
    const { estimate, order } = await imported(h, 'SO-7301', 4);
    await asQboUser.edit(h, 'Estimate', estimate.Id, { Line: withQty(estimate, 5) });
    await h.sync();
    const followed = await orderNumbered(h, 'SO-7301');
    expect(followed?.lines[0]?.ordered).toBe('5');

    await h.call('orders.pick', { orderId: order.id, lineId: followed?.lines[0]?.id, qty: '2' });
    await asQboUser.edit(h, 'Estimate', estimate.Id, { Line: withQty(estimate, 6) });
    await h.sync();
    const flagged = await orderNumbered(h, 'SO-7301');
    expect(flagged).toMatchObject({ outOfSync: true });
    expect(flagged?.lines[0]?.ordered).toBe('5');

    await h.call('orders.close', { orderId: order.id });
    const run = await h.sync();
    expect(run.counts['salesOrders.push']?.failed).toBe(1);
    expect((await logMessages(h, run.id)).some((m) => /SO-7301 was not posted.*out of sync/.test(m))).toBe(true);
    expect((await qboAll<QboDoc>(h, 'Invoice')).filter((i) => i.DocNumber === 'SO-7301')).toHaveLength(0);
  });

  it('flags an order invoiced in QuickBooks meanwhile, and posts it once that invoice is deleted there', async () => {
    h = await syncHarness();
    await h.settings({ manualPosting: true });
    const { p, estimate, order } = await imported(h, 'SO-7401', 2);
    await h.call('orders.pick', { orderId: order.id, lineId: order.lines[0]?.id, qty: '2' });
    const theirs = await asQboUser.create(h, 'Invoice', {
      CustomerRef: p.customer,
      Line: [itemLine(p.parts[0], 2, 6)],
      LinkedTxn: [{ TxnId: estimate.Id, TxnType: 'Estimate' }],
    });
    await h.sync();
    const flagged = await orderNumbered(h, 'SO-7401');
    expect(flagged?.outOfSync).toBe(true);
    expect(flagged?.outOfSyncReason).toMatch(/processed in QuickBooks/);

    await h.call('orders.post', { orderId: order.id });
    const refused = await h.sync();
    expect(refused.counts['salesOrders.push']?.failed).toBe(1);
    expect((await qboAll<QboDoc>(h, 'Invoice')).filter((i) => i.DocNumber === 'SO-7401')).toHaveLength(0);

    await asQboUser.remove(h, 'Invoice', theirs.Id);
    const resolved = await h.sync();
    expect((await orderNumbered(h, 'SO-7401'))?.outOfSync).toBe(false);
    expect(resolved.counts['salesOrders.push']?.created).toBe(1);
    expect((await qboAll<QboDoc>(h, 'Invoice')).filter((i) => i.DocNumber === 'SO-7401')).toHaveLength(1);
  });

  it('an order invoiced in QuickBooks meanwhile can be settled there: nothing more is sent, and later changes leave it closed', async () => {
    h = await syncHarness();
    const { p, estimate, order } = await imported(h, 'SO-7402', 3);
    await h.call('orders.pick', { orderId: order.id, lineId: order.lines[0]?.id, qty: '2' });
    await asQboUser.create(h, 'Invoice', {
      CustomerRef: p.customer,
      Line: [itemLine(p.parts[0], 3, 6)],
      LinkedTxn: [{ TxnId: estimate.Id, TxnType: 'Estimate' }],
    });
    await h.sync();
    expect((await orderNumbered(h, 'SO-7402'))?.outOfSync).toBe(true);
    // Picking the rest posts it (Manual Posting is off): QuickBooks' invoice makes that posting fail.
    await h.call('orders.pick', { orderId: order.id, lineId: order.lines[0]?.id, qty: '1' });
    expect((await h.sync()).counts['salesOrders.push']?.failed).toBe(1);

    const settled = await h.call<{ status: string; outOfSync: boolean; lines: { picked: string; cancelled: string }[] }>('orders.settleInQuickBooks', {
      orderId: order.id,
      reason: 'Invoiced by the office in QuickBooks',
    });
    expect(settled).toMatchObject({ status: 'closed', outOfSync: false, lines: [{ picked: '3', cancelled: '0' }] });
    const after = await h.sync();
    expect(after.status).toBe('ok');
    expect(after.counts['salesOrders.push']?.failed ?? 0).toBe(0);
    expect(await h.call<{ failedChanges: number; pendingChanges: number }>('sync.status')).toMatchObject({ failedChanges: 0 });
    expect((await qboAll<QboDoc>(h, 'Invoice')).filter((i) => i.DocNumber === 'SO-7402')).toHaveLength(0);

    await asQboUser.edit(h, 'Estimate', estimate.Id, { PrivateNote: 'edited after the fact' });
    await h.sync();
    expect(await orderNumbered(h, 'SO-7402')).toMatchObject({ status: 'closed', outOfSync: false });
    const again = await h.host.invoke('orders.settleInQuickBooks', { orderId: order.id });
    expect(again).toMatchObject({ ok: false, error: { code: 'refused', field: 'orderId' } });
  });
});

