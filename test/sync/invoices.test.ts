import { afterEach, describe, expect, it } from 'vitest';
import { syncHarness, type SyncHarness } from './harness';
import { injectFault } from '../connection/support';
import { asQboUser, clearFaults, itemLines, qboAll, salesPieces, syncWithAnswerLost, type QboDoc } from './documentsSupport';

let h: SyncHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

interface Invoice { id: string; number: string; qboNumber: string | null; qboTxnId: string | null; paid: boolean; balanceCents: number; totalCents: number }
interface Estimate { id: string; number: string; qboTxnId: string | null }
type QboInvoice = QboDoc & { Balance: number; TotalAmt: number; CustomerRef: { value: string } };

/** A customer and a part that ShelfSync and QuickBooks both know. */
async function pieces(h: SyncHarness) {
  const p = await salesPieces(h);
  await h.sync();
  const customers = await h.call<{ rows: { id: string; displayName: string }[] }>('customers.list', { search: p.customer.name, limit: 5 });
  const items = await h.call<{ rows: { id: string; name: string }[] }>('items.list', { search: p.parts[0].name, limit: 5 });
  const customer = customers.rows.find((c) => c.displayName === p.customer.name);
  const part = items.rows.find((i) => i.name === p.parts[0].name);
  if (!customer || !part) throw new Error('customer or part not imported');
  return { p, customerId: customer.id, partId: part.id };
}

const ours = async (h: SyncHarness, kind: 'invoice' | 'estimate', id: string) =>
  (await qboAll<QboInvoice>(h, kind === 'invoice' ? 'Invoice' : 'Estimate')).filter((d) => d.PrivateNote === `ShelfSync ${kind} ${id}`);

describe('invoices ShelfSync → QuickBooks', () => {
  it('sends an invoice only once it is ready for sync, shows QuickBooks’ number, and brings the paid status back', async () => {
    h = await syncHarness();
    const { p, customerId, partId } = await pieces(h);
    const invoice = await h.call<Invoice>('invoices.create', {
      customerId,
      lines: [
        { itemId: partId, qty: '2', unitPriceCents: 1500 },
        { description: 'Delivered to the back door', qty: '1', unitPriceCents: 0 },
      ],
    });
    await h.sync();
    expect(await ours(h, 'invoice', invoice.id)).toHaveLength(0);

    await h.call('invoices.markReady', { id: invoice.id });
    const run = await h.sync();
    expect(run.counts['invoices.push']?.created).toBe(1);
    const [sent] = await ours(h, 'invoice', invoice.id);
    expect(itemLines(sent as QboDoc)).toEqual([[p.parts[0].value, 2, 15]]);
    const mine = await h.call<Invoice>('invoices.get', { id: invoice.id });
    expect(mine.qboTxnId).toBe(sent?.Id);
    expect(mine.qboNumber).toBe(sent?.DocNumber);

    // Half paid, then paid in full, in QuickBooks.
    const pay = (amount: number) =>
      asQboUser.create(h as SyncHarness, 'Payment', {
        CustomerRef: sent?.CustomerRef,
        TotalAmt: amount,
        Line: [{ Amount: amount, LinkedTxn: [{ TxnId: sent?.Id, TxnType: 'Invoice' }] }],
      });
    await pay(10);
    await h.sync();
    expect(await h.call<Invoice>('invoices.get', { id: invoice.id })).toMatchObject({ balanceCents: 2000, paid: false });
    await pay(20);
    const paidRun = await h.sync();
    expect(paidRun.counts['invoices.pull']?.updated).toBe(1);
    expect(await h.call<Invoice>('invoices.get', { id: invoice.id })).toMatchObject({ balanceCents: 0, paid: true });
  });

  it('an invoice taken back before the sync is not sent; once it may be in QuickBooks it can no longer be taken back', async () => {
    h = await syncHarness();
    const { customerId, partId } = await pieces(h);
    const invoice = await h.call<Invoice>('invoices.create', { customerId, lines: [{ itemId: partId, qty: '1', unitPriceCents: 900 }] });
    await h.call('invoices.markReady', { id: invoice.id });
    expect(await h.call('invoices.unmarkReady', { id: invoice.id, by: 'Robin' })).toMatchObject({ readyForSync: false });
    await h.sync();
    expect(await ours(h, 'invoice', invoice.id)).toHaveLength(0);

    // Ready again; the first attempt's answer is lost: QuickBooks may have it, so it cannot be taken back.
    await h.call('invoices.markReady', { id: invoice.id });
    await syncWithAnswerLost(h, { method: 'POST' });
    const refused = await h.host.invoke('invoices.unmarkReady', { id: invoice.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'refused', field: 'id' } });
    await h.sync();
    expect(await ours(h, 'invoice', invoice.id)).toHaveLength(1);
    const inQbo = await h.host.invoke('invoices.unmarkReady', { id: invoice.id });
    expect(inQbo).toMatchObject({ ok: false, error: { code: 'refused', message: expect.stringContaining('already in QuickBooks') as string } });
  });

  it('takes QuickBooks’ number when the company does not type its own numbers', async () => {
    h = await syncHarness();
    const { customerId, partId } = await pieces(h);
    const [prefs] = await qboAll(h, 'Preferences');
    await asQboUser.edit(h, 'Preferences', prefs?.Id ?? '1', { SalesFormsPrefs: { ...(prefs?.SalesFormsPrefs as object), CustomTxnNumbers: false } });
    const invoice = await h.call<Invoice>('invoices.create', { customerId, lines: [{ itemId: partId, qty: '1' }] });
    await h.call('invoices.markReady', { id: invoice.id });
    await h.sync();
    const [sent] = await ours(h, 'invoice', invoice.id);
    // QuickBooks numbered it: one past the last invoice number it had.
    const others = (await qboAll<{ Id: string; SyncToken: string; DocNumber?: string }>(h, 'Invoice')).filter((i) => i.Id !== sent?.Id);
    const last = Math.max(0, ...others.map((i) => Number(i.DocNumber)).filter(Number.isSafeInteger));
    expect(sent?.DocNumber).toBe(String(last + 1));
    const mine = await h.call<Invoice>('invoices.get', { id: invoice.id });
    expect(mine.qboTxnId).toBe(sent?.Id);
    expect(mine.qboNumber).toBe(sent?.DocNumber);
    expect(mine.number).toBe(sent?.DocNumber);
  });

  it('creates the invoice once when the answer is lost, even when found again only by its marker', async () => {
    h = await syncHarness();
    const { customerId, partId } = await pieces(h);
    const invoice = await h.call<Invoice>('invoices.create', { customerId, lines: [{ itemId: partId, qty: '1', unitPriceCents: 900 }] });
    await h.call('invoices.markReady', { id: invoice.id });
    expect((await syncWithAnswerLost(h, { method: 'POST', pathIncludes: '/batch' })).status).toBe('failed');
    await h.sync();
    await h.sync();
    expect(await ours(h, 'invoice', invoice.id)).toHaveLength(1);
    expect((await h.call<Invoice>('invoices.get', { id: invoice.id })).qboTxnId).not.toBeNull();
  });
});

describe('estimates ShelfSync → QuickBooks', () => {
  it('posts an estimate, and an invoice written for it links to it in QuickBooks', async () => {
    h = await syncHarness();
    const { customerId, partId } = await pieces(h);
    const estimate = await h.call<Estimate>('estimates.create', { customerId, lines: [{ itemId: partId, qty: '3', unitPriceCents: 400 }] });
    await h.call('estimates.post', { id: estimate.id });
    await injectFault(h.sb, '500', { method: 'POST', pathIncludes: '/batch' }, 1);
    await h.sync();
    await clearFaults(h);
    const [sent, ...dupes] = await ours(h, 'estimate', estimate.id);
    expect(dupes).toHaveLength(0);
    expect(sent).toMatchObject({ TxnStatus: 'Pending' });
    expect((await h.call<Estimate>('estimates.get', { id: estimate.id })).qboTxnId).toBe(sent?.Id);
    // Our own estimate is not imported back as a picking order.
    const orders = await h.call<{ rows: { qboTxnId: string | null }[] }>('orders.list', { limit: 500 });
    expect(orders.rows.filter((o) => o.qboTxnId === sent?.Id)).toHaveLength(0);

    const invoice = await h.call<Invoice>('estimates.createInvoice', { id: estimate.id });
    await h.call('invoices.markReady', { id: invoice.id });
    await h.sync();
    const [billed] = await ours(h, 'invoice', invoice.id);
    expect(billed?.LinkedTxn).toContainEqual({ TxnId: sent?.Id, TxnType: 'Estimate' });
    expect((await qboAll<QboDoc & { TxnStatus: string }>(h, 'Estimate')).find((e) => e.Id === sent?.Id)?.TxnStatus).toBe('Closed');
  });

  it('an invoice written for an estimate posted in the same run waits for it, then links to it', async () => {
    h = await syncHarness();
    const { customerId, partId } = await pieces(h);
    const estimate = await h.call<Estimate>('estimates.create', { customerId, lines: [{ itemId: partId, qty: '1', unitPriceCents: 400 }] });
    await h.call('estimates.post', { id: estimate.id });
    const invoice = await h.call<Invoice>('estimates.createInvoice', { id: estimate.id });
    await h.call('invoices.markReady', { id: invoice.id });
    await h.sync();
    const [sent] = await ours(h, 'estimate', estimate.id);
    const [billed] = await ours(h, 'invoice', invoice.id);
    expect(billed?.LinkedTxn).toContainEqual({ TxnId: sent?.Id, TxnType: 'Estimate' });
  });
});
