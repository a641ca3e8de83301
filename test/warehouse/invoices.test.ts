import { describe, expect, it } from 'vitest';
import { startWarehouse } from './harness';
import { stockedWarehouse } from './fixtures';

describe('changing an invoice before it is sent', () => {
  it('rewrites lines, dates and note of an invoice not yet ready, refuses once it is ready, and allows it again once taken back', async () => {
    const w = startWarehouse();
    const { bolt, nut, customer } = await stockedWarehouse(w);
    const invoice = await w.call('invoices.create', { number: 'INV-50', customerId: customer.id, lines: [{ itemId: bolt.id, qty: '2', unitPriceCents: 150 }] });
    const changed = await w.call('invoices.update', {
      id: invoice.id,
      dueDate: '2026-12-31',
      note: 'Leave at the back door',
      lines: [
        { itemId: bolt.id, qty: '3', unitPriceCents: 150 },
        { itemId: nut.id, qty: '10', unitPriceCents: 20 },
      ],
    });
    expect(changed).toMatchObject({ number: 'INV-50', dueDate: '2026-12-31', note: 'Leave at the back door', totalCents: 650, balanceCents: 650 });
    expect(changed.lines.map((l) => [l.description, l.qty, l.amountCents])).toEqual([
      ['Hex bolt M8', '3', 450],
      ['Nut M8', '10', 200],
    ]);

    await w.call('invoices.markReady', { id: invoice.id });
    expect(await w.refuse('invoices.update', { id: invoice.id, note: 'too late' })).toMatchObject({ code: 'refused', field: 'id' });
    expect((await w.call('invoices.get', { id: invoice.id })).note).toBe('Leave at the back door');
    await w.call('invoices.unmarkReady', { id: invoice.id });
    expect(await w.call('invoices.update', { id: invoice.id, note: null })).toMatchObject({ note: null, totalCents: 650 });

    const other = await w.call('invoices.create', { customerId: customer.id, lines: [{ itemId: nut.id, qty: '1' }] });
    expect(await w.refuse('invoices.update', { id: other.id, number: 'INV-50' })).toMatchObject({ code: 'conflict', field: 'number' });
    const trail = await w.call('audit.list', { recordType: 'invoice', recordId: invoice.id });
    expect(trail.rows.map((r) => r.action)).toContain('updated');
  });

  it('changes a draft estimate, and refuses once it is posted to QuickBooks', async () => {
    const w = startWarehouse();
    const { nut, customer } = await stockedWarehouse(w);
    const estimate = await w.call('estimates.create', { number: 'EST-7', customerId: customer.id, lines: [{ itemId: nut.id, qty: '5', unitPriceCents: 20 }] });
    const changed = await w.call('estimates.update', { id: estimate.id, number: 'EST-8', expirationDate: '2027-01-31', lines: [{ itemId: nut.id, qty: '50', unitPriceCents: 18 }] });
    expect(changed).toMatchObject({ number: 'EST-8', expirationDate: '2027-01-31', totalCents: 900, status: 'draft' });
    await w.call('estimates.post', { id: estimate.id });
    expect(await w.refuse('estimates.update', { id: estimate.id, note: 'later' })).toMatchObject({ code: 'refused', field: 'id' });
  });
});

