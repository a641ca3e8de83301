/**
 * The list columns that had no sort (issue 19, "every list sorts by its columns"): each sorts through
 * the contract, its export follows the same order, the movements list shows its bin, and each new
 * sort reads an index rather than sorting the table.
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvRecords } from '../support/csv';
import { startWarehouse, type Warehouse } from './harness';
import { stockedWarehouse } from './fixtures';

const ids = (page: { rows: { id: string }[] }) => page.rows.map((r) => r.id);

async function movementsWithBins(w: Warehouse) {
  const s = await stockedWarehouse(w);
  await w.call('bins.assign', { itemId: s.bolt.id, siteId: 'main', code: 'B-02-1' });
  await w.call('bins.create', { siteId: 'main', code: 'A-01-1' });
  await w.call('stock.adjust', { itemId: s.bolt.id, qtyDiff: '3', reason: 'found', note: 'behind the rack' });
  const po = await w.call('purchaseOrders.create', { vendorId: s.vendor.id, lines: [{ itemId: s.bolt.id, qty: '10' }] });
  await w.call('purchaseOrders.receive', { purchaseOrderId: po.id, lines: [{ itemId: s.bolt.id, qty: '6' }] });
  await w.call('purchaseOrders.receive', { purchaseOrderId: po.id, binCode: 'a-01-1' });
  await w.call('stock.adjust', { itemId: s.bolt.id, qtyDiff: '-2', reason: 'damaged' });
  return s;
}

describe('movements show their bin and sort by every column', () => {
  it('shows and exports the bin a receipt was put away to, and sorts by balance after, why and bin', async () => {
    const w = startWarehouse();
    const { bolt } = await movementsWithBins(w);
    const newest = await w.call('stock.movements', { itemId: bolt.id });
    expect(newest.rows.map((m) => [m.kind, m.qty, m.balanceAfter, m.binCode])).toEqual([
      ['adjustment', '-2', '11', null],
      ['receipt', '4', '13', 'A-01-1'],
      ['receipt', '6', '9', 'B-02-1'],
      ['adjustment', '3', '3', null],
    ]);
    const byThen = await w.call('stock.movements', { itemId: bolt.id, sort: 'balanceAfter', direction: 'asc' });
    expect(byThen.rows.map((m) => m.balanceAfter)).toEqual(['3', '9', '11', '13']);
    const byBin = await w.call('stock.movements', { itemId: bolt.id, sort: 'bin', direction: 'asc' });
    expect(byBin.rows.map((m) => m.binCode)).toEqual(['A-01-1', 'B-02-1', null, null]);
    const byBinDown = await w.call('stock.movements', { itemId: bolt.id, sort: 'bin', direction: 'desc' });
    expect(byBinDown.rows.map((m) => m.binCode)).toEqual(['B-02-1', 'A-01-1', null, null]);
    // Why reads the reason, else the note, else the document: damaged, found, then the two receipts.
    const byWhy = await w.call('stock.movements', { itemId: bolt.id, sort: 'why', direction: 'asc' });
    expect(byWhy.rows.map((m) => m.reason ?? m.documentType)).toEqual(['damaged', 'found', 'purchaseOrderReceipt', 'purchaseOrderReceipt']);

    const csv = csvRecords((await w.call('exports.csv', { list: 'movements', filter: { itemId: bolt.id }, sort: 'balanceAfter', direction: 'desc' })).csv);
    expect(csv.map((r) => [r['On hand after'], r.Bin, r.Reason])).toEqual([
      ['13', 'A-01-1', ''],
      ['11', '', 'damaged'],
      ['9', 'B-02-1', ''],
      ['3', '', 'found'],
    ]);
  });
});

describe('documents, orders and purchase orders sort by the columns they show', () => {
  it('sorts invoices by QuickBooks number, balance and status, and estimates by expiry and status; exports follow', async () => {
    const w = startWarehouse();
    const { bolt, nut, customer } = await stockedWarehouse(w);
    const line = [{ itemId: bolt.id, qty: '1' }];
    const draft = await w.call('invoices.create', { customerId: customer.id, number: 'A-1', lines: line });
    const ready = await w.call('invoices.create', { customerId: customer.id, number: 'A-2', lines: [{ itemId: bolt.id, qty: '3' }] });
    const inBooks = await w.call('invoices.create', { customerId: customer.id, number: 'A-3', lines: [{ itemId: nut.id, qty: '1' }] });
    const paid = await w.call('invoices.create', { customerId: customer.id, number: 'A-4', lines: [{ itemId: nut.id, qty: '2' }] });
    await w.call('invoices.markReady', { id: ready.id });
    for (const i of [inBooks, paid]) await w.call('invoices.markReady', { id: i.id });
    // What the sync engine writes once QuickBooks has them (its own tests cover that against the practice company).
    w.write(`UPDATE invoices SET qbo_txn_id = '201', qbo_number = '1043', balance_cents = 4 WHERE id = '${inBooks.id}'`);
    w.write(`UPDATE invoices SET qbo_txn_id = '202', qbo_number = '1042', balance_cents = 0, paid = 1 WHERE id = '${paid.id}'`);

    expect(ids(await w.call('invoices.list', { sort: 'status' }))).toEqual([draft.id, ready.id, inBooks.id, paid.id]);
    expect(ids(await w.call('invoices.list', { sort: 'status', direction: 'desc' }))).toEqual([paid.id, inBooks.id, ready.id, draft.id]);
    expect(ids(await w.call('invoices.list', { sort: 'balance' }))).toEqual([paid.id, inBooks.id, draft.id, ready.id]);
    const byQbo = await w.call('invoices.list', { sort: 'qboNumber', direction: 'desc' });
    expect(byQbo.rows.map((i) => i.qboNumber)).toEqual(['1043', '1042', null, null]);
    const csv = csvRecords((await w.call('exports.csv', { list: 'invoices', sort: 'balance', direction: 'desc' })).csv);
    expect(csv.map((r) => [r.Number, r.Balance])).toEqual([['A-2', '0.90'], ['A-1', '0.30'], ['A-3', '0.04'], ['A-4', '0.00']]);

    const soon = await w.call('estimates.create', { customerId: customer.id, number: 'E-1', expirationDate: '2026-02-01', lines: line });
    const later = await w.call('estimates.create', { customerId: customer.id, number: 'E-2', expirationDate: '2026-05-01', lines: line });
    const never = await w.call('estimates.create', { customerId: customer.id, number: 'E-3', lines: line });
    await w.call('estimates.post', { id: soon.id });
    await w.call('estimates.post', { id: later.id });
    await w.call('estimates.createInvoice', { id: later.id, number: 'A-5' });
    expect(ids(await w.call('estimates.list', { sort: 'expirationDate' }))).toEqual([never.id, soon.id, later.id]);
    expect((await w.call('estimates.list', { sort: 'status' })).rows.map((e) => e.status)).toEqual(['draft', 'posted', 'invoiced']);
    const estimates = csvRecords((await w.call('exports.csv', { list: 'estimates', sort: 'expirationDate', direction: 'desc' })).csv);
    expect(estimates.map((r) => [r.Number, r.Expires, r.Status])).toEqual([['E-2', '2026-05-01', 'invoiced'], ['E-1', '2026-02-01', 'posted'], ['E-3', '', 'draft']]);
  });

  it('sorts picking orders by their flags and purchase orders by their sync state; exports follow', async () => {
    const w = startWarehouse();
    const { bolt, customer, vendor } = await stockedWarehouse(w);
    const order = () => w.call('orders.create', { customerId: customer.id, lines: [{ itemId: bolt.id, qty: '1' }] });
    const plain = await order();
    const back = await order();
    const off = await order();
    w.write(`UPDATE picking_orders SET back_order = 1 WHERE id = '${back.id}'`);
    w.write(`UPDATE picking_orders SET out_of_sync = 1, out_of_sync_reason = 'Changed in QuickBooks' WHERE id = '${off.id}'`);
    expect(ids(await w.call('orders.list', { sort: 'flags' }))).toEqual([plain.id, back.id, off.id]);
    const orders = csvRecords((await w.call('exports.csv', { list: 'orders', sort: 'flags', direction: 'desc' })).csv);
    expect(orders.map((r) => [r.Order, r['Back order'], r['Out of sync']])).toEqual([
      [off.number, 'no', 'Changed in QuickBooks'],
      [back.number, 'yes', 'no'],
      [plain.number, 'no', 'no'],
    ]);

    const po = () => w.call('purchaseOrders.create', { vendorId: vendor.id, lines: [{ itemId: bolt.id, qty: '1' }] });
    const draft = await po();
    const posted = await po();
    const resync = await po();
    await w.call('purchaseOrders.post', { id: posted.id });
    await w.call('purchaseOrders.post', { id: resync.id });
    w.write(`UPDATE purchase_orders SET needs_resync = 1 WHERE id = '${resync.id}'`);
    expect(ids(await w.call('purchaseOrders.list', { sort: 'sync' }))).toEqual([draft.id, posted.id, resync.id]);
    const pos = csvRecords((await w.call('exports.csv', { list: 'purchaseOrders', sort: 'sync', direction: 'desc' })).csv);
    expect(pos.map((r) => [r.PO, r.Posted, r['Needs resync']])).toEqual([
      [resync.number, 'yes', 'yes'],
      [posted.number, 'yes', 'no'],
      [draft.number, 'no', 'no'],
    ]);
  });

  it('reads each new sort from an index, not a sort of the whole table', () => {
    const w = startWarehouse();
    const db = new Database(path.join(w.dataDir, 'shelfsync.db'), { readonly: true });
    try {
      const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
      // The lists' own FROM and ORDER BY (the tie-breaking id goes the same way as the column).
      const sorted: [string, string, string][] = [
        ['invoices_by_status', 'invoices n JOIN customers c ON c.id = n.customer_id', '((n.qbo_txn_id IS NOT NULL) * 4 + n.ready_for_sync * 2 + n.paid)'],
        ['invoices_by_balance', 'invoices n JOIN customers c ON c.id = n.customer_id', 'n.balance_cents'],
        ['invoices_by_qbo_number', 'invoices n JOIN customers c ON c.id = n.customer_id', 'n.qbo_number'],
        ['estimates_by_expiration', 'estimates e JOIN customers c ON c.id = e.customer_id', 'e.expiration_date'],
        ['estimates_by_status_order', 'estimates e JOIN customers c ON c.id = e.customer_id', "(CASE e.status WHEN 'draft' THEN 0 WHEN 'posted' THEN 1 ELSE 2 END)"],
        ['picking_orders_by_flags', 'picking_orders o JOIN customers c ON c.id = o.customer_id', "(o.out_of_sync * 8 + (o.sync_error IS NOT NULL) * 4 + o.back_order * 2 + (o.source = 'qbo'))"],
        ['purchase_orders_by_sync', 'purchase_orders p JOIN vendors v ON v.id = p.vendor_id', "(p.out_of_sync * 8 + p.needs_resync * 4 + (p.source = 'qbo') * 2 + (p.posted_at IS NOT NULL))"],
      ];
      for (const [index, from, order] of sorted) {
        const alias = from.split(' ')[1] ?? '';
        for (const direction of ['ASC', 'DESC']) {
          const detail = plan(`SELECT ${alias}.* FROM ${from} ORDER BY ${order} ${direction}, ${alias}.id ${direction} LIMIT 50 OFFSET 100`);
          expect(detail, index).toContain(`USING INDEX ${index}`);
          expect(detail, index).not.toContain('TEMP B-TREE');
        }
      }
    } finally {
      db.close();
    }
  });
});
