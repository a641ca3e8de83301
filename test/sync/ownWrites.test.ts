/**
 * Intuit meters reads and asks apps not to read back what they just wrote. After a push, the next
 * change pull (whose window overlaps the push by five minutes) sees ShelfSync's own writes come back:
 * it must neither read any of them again (no GET by id, no query) nor apply them as if QuickBooks had
 * changed something (no audit row, no updated record, no conflict, nothing queued back).
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncRun, SyncStatus } from '../../src-shared/ipc';
import { admin, syncHarness, type SyncHarness } from './harness';
import { salesPieces } from './documentsSupport';

let h: SyncHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** What the practice company was asked since its log was last emptied, by endpoint (API calls only). */
async function asked(h: SyncHarness): Promise<Record<string, number>> {
  const byEndpoint = (await admin(h.sb, 'GET', '/requests')).byEndpoint as Record<string, number>;
  return Object.fromEntries(Object.entries(byEndpoint).filter(([k]) => /^(GET|POST) [a-z]+$/.test(k) && !/ (token|revoke|userinfo|authorize)$/.test(k)));
}

/** The local state a re-applied echo would touch, read straight from the database file. */
function localTrail(dataDir: string) {
  const db = new Database(path.join(dataDir, 'shelfsync.db'), { readonly: true });
  try {
    const one = (sql: string) => db.prepare(sql).pluck().get() as number | string | null;
    return {
      audit: one('SELECT COUNT(*) FROM audit_log'),
      // Every record's last change, in one string (QuickBooks' SyncToken on a link may move on: that is bookkeeping).
      updated: one(`SELECT group_concat(id || '@' || updated_at, ',') FROM (
        SELECT id, updated_at FROM items UNION ALL SELECT id, updated_at FROM customers UNION ALL SELECT id, updated_at FROM invoices ORDER BY 1)`),
      movements: one('SELECT COUNT(*) FROM stock_movements'),
      conflicts: one('SELECT COUNT(*) FROM sync_conflicts'),
      outbox: one("SELECT COUNT(*) FROM outbox WHERE state != 'done'"),
    };
  } finally {
    db.close();
  }
}

describe('the pull after a push does not read back what ShelfSync wrote', () => {
  it('sees customers, invoices, stock changes and an order posting come back in the one change request, and reads and applies none of them again', async () => {
    h = await syncHarness();
    const p = await salesPieces(h);
    await h.settings({ directions: { customers: 'twoWay' } });
    await h.sync();
    const customers = await h.call<{ rows: { id: string; displayName: string }[] }>('customers.list', { limit: 50 });
    const customer = customers.rows.find((c) => c.displayName === p.customer.name);
    const items = await h.call<{ rows: { id: string; name: string }[] }>('items.list', { search: p.parts[0].name, limit: 5 });
    const part = items.rows.find((i) => i.name === p.parts[0].name);
    if (!customer || !part) throw new Error('the customer or part was not imported');

    // Writes of every kind: a new customer and a changed one, an invoice, two stock changes, a picked order.
    await h.call('customers.create', { displayName: 'Written Here Ltd' });
    await h.call('customers.update', { id: customer.id, phone: '555-0101' });
    const invoice = await h.call<{ id: string }>('invoices.create', { customerId: customer.id, lines: [{ itemId: part.id, qty: '1', unitPriceCents: 900 }] });
    await h.call('invoices.markReady', { id: invoice.id });
    await h.call('stock.adjust', { itemId: part.id, qtyDiff: '5', reason: 'found a box' });
    await h.call('stock.adjust', { itemId: part.id, qtyDiff: '-1', reason: 'broken' });
    const order = await h.call<{ id: string }>('orders.create', { number: 'ECHO-1', customerId: customer.id, lines: [{ itemId: part.id, qty: '1' }] });
    await h.call('orders.pick', { orderId: order.id, itemId: part.id, qty: '1' });
    const push = await h.sync();
    expect(push.status).toBe('ok');
    expect(push.counts['customers.push']).toMatchObject({ created: 1, updated: 1 });
    expect(push.counts['invoices.push']).toMatchObject({ created: 1 });
    expect((await h.call<SyncStatus>('sync.status')).pendingChanges).toBe(0);

    await admin(h.sb, 'DELETE', '/requests');
    const before = localTrail(h.dataDir);
    const echo: SyncRun = await h.sync();
    expect(echo.status).toBe('ok');
    // One change request brought the echoes back…
    expect(await asked(h)).toEqual({ 'GET cdc': 1 });
    const pulled = Object.entries(echo.counts).filter(([k]) => k.endsWith('.pull'));
    expect(pulled.map(([, c]) => c.skipped).reduce((n, s) => n + s, 0)).toBeGreaterThanOrEqual(3);
    // …and none of them was applied as a change from QuickBooks.
    for (const [kind, c] of pulled) expect({ kind, created: c.created, updated: c.updated, failed: c.failed }).toEqual({ kind, created: 0, updated: 0, failed: 0 });
    expect(localTrail(h.dataDir)).toEqual(before);
  });
});
