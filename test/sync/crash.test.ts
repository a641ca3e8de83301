/**
 * The host is killed (SIGKILL) in the middle of a push: while batches of new items are on the wire,
 * while stock adjustments are, and while a batch of bills is (QuickBooks commits it after the host is
 * gone, and more work is queued before the next sync). A new host on the same data folder (real SQLite
 * file, tokens in a file store that outlives the process) finishes the job: nothing lost, nothing twice.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { startPracticeCompany, type PracticeCompanyServer } from '../../src-main/sandbox';
import { practiceFileSecretStore } from '../../src-main/auth';
import type { SyncRun, SyncStatus } from '../../src-shared/ipc';
import { hostFor } from '../connection/hostHarness';
import { admin, injectFault, requestCounts } from '../connection/support';
import { call } from './harness';
import { tempDir } from '../support/tmp';
import { spawnChildHost, stubRendererDir, type ChildHost } from '../support/childHostProcess';
import type { ChildHostConfig } from '../support/childHost';

type QboItem = { Id: string; Name: string; Type: string; QtyOnHand?: number; Active?: boolean };
interface Item { id: string; name: string; type: string; active: boolean; onHand: string }

const NEW_ITEMS = 200;
const ADJUSTMENTS = 30;

let sb: PracticeCompanyServer | undefined;
const children: ChildHost[] = [];
afterAll(async () => {
  for (const child of children) await child.kill();
  await sb?.close();
});

const dumpItems = async (sb: PracticeCompanyServer) => ((await admin(sb, 'GET', '/dump')).entities as { Item: QboItem[] }).Item;

async function waitFor(what: string, check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 2000; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const inFlight = async (sb: PracticeCompanyServer, endpoint: string) =>
  ((await admin(sb, 'GET', '/requests')).inFlight as Record<string, number>)[endpoint] ?? 0;

function childConfig(sb: PracticeCompanyServer): ChildHostConfig {
  return {
    dataDir: tempDir(),
    tokenDir: tempDir('shelfsync-keychain-'),
    logFile: path.join(tempDir('shelfsync-logs-'), 'host.log'),
    rendererDir: stubRendererDir(path.join(tempDir('shelfsync-renderer-'), 'r')),
    sandbox: { baseUrl: sb.baseUrl, clientId: sb.clientId, clientSecret: sb.clientSecret },
  };
}

async function syncUntilQuiet(child: ChildHost): Promise<SyncRun[]> {
  const runs: SyncRun[] = [];
  for (let i = 0; i < 6; i++) {
    runs.push(await child.call<SyncRun>('sync.now'));
    const status = await child.call<SyncStatus>('sync.status');
    if (runs.at(-1)?.status === 'ok' && status.pendingChanges === 0 && status.failedChanges === 0) return runs;
  }
  throw new Error(`sync did not settle: ${JSON.stringify(runs.at(-1))}`);
}

describe('a host killed in the middle of a push', () => {
  it('loses nothing and posts nothing twice after two SIGKILLs, and shows both runs as interrupted', async () => {
    sb = await startPracticeCompany({ seed: 23, size: 'tiny' });
    const config = childConfig(sb);
    const { dataDir, tokenDir } = config;

    // Set up in-process: connect, import the company, queue 200 new items and 30 adjustments.
    const h = hostFor(sb, { dataDir, secrets: practiceFileSecretStore(tokenDir) });
    expect((await h.connect()).state).toBe('connected');
    await call(h.host, 'sync.now');
    const accounts = ((await admin(sb, 'GET', '/dump')).entities as { Account: { Id: string; Name: string; AccountType: string }[] }).Account;
    const pick = (t: string) => {
      const a = accounts.find((x) => x.AccountType === t) as { Id: string; Name: string };
      return { id: a.Id, name: a.Name };
    };
    await call(h.host, 'settings.update', {
      autoSync: false,
      directions: { items: 'localToQbo' },
      defaultAccounts: { inventory: { income: pick('Income'), expense: pick('Cost of Goods Sold'), asset: pick('Other Current Asset') } },
    });
    const imported = (await call<{ rows: Item[] }>(h.host, 'items.list', { type: 'inventory', active: true, limit: 500 })).rows;
    expect(imported.length).toBeGreaterThan(2);
    const before = new Map((await dumpItems(sb)).map((i) => [i.Name, i.QtyOnHand ?? 0]));
    const added = new Map<string, number>();
    for (let i = 0; i < ADJUSTMENTS; i++) {
      const item = imported[i % imported.length] as Item;
      const diff = (i % 3) + 1;
      await call(h.host, 'stock.adjust', { itemId: item.id, qtyDiff: String(diff), reason: `crash ${i}` });
      added.set(item.name, (added.get(item.name) ?? 0) + diff);
    }
    for (let i = 0; i < NEW_ITEMS; i++) await call(h.host, 'items.create', { name: `Crash ${String(i).padStart(3, '0')}`, type: 'inventory' });
    await h.host.close();

    // First kill: while the fourth batch of new items is on the wire (slow answers widen the window).
    await injectFault(sb, 'slow', { pathIncludes: '/batch' }, 100, 150);
    const first = await spawnChildHost(config);
    children.push(first);
    void first.socket.call('sync.now');
    await waitFor('three batches', async () => ((await requestCounts(sb as PracticeCompanyServer))['POST batch'] ?? 0) >= 3);
    await first.kill();
    await admin(sb, 'DELETE', '/faults');

    // Second kill: the tokens survived the first; now die while single stock adjustments are sent.
    // Stock goes as InventoryAdjustments (the first sync chose the account), one request each.
    await injectFault(sb, 'slow', { method: 'POST', pathIncludes: '/inventoryadjustment' }, 1000, 60);
    const second = await spawnChildHost(config);
    children.push(second);
    expect((await second.call<{ state: string }>('connection.status')).state).toBe('connected');
    const postsBefore = (await requestCounts(sb))['POST inventoryadjustment'] ?? 0;
    void second.socket.call('sync.now');
    await waitFor('ten adjustments', async () => ((await requestCounts(sb as PracticeCompanyServer))['POST inventoryadjustment'] ?? 0) >= postsBefore + 10);
    await second.kill();
    await admin(sb, 'DELETE', '/faults');

    // A third host finishes the job.
    const third = await spawnChildHost(config);
    children.push(third);
    await syncUntilQuiet(third);
    const history = await third.call<{ rows: SyncRun[] }>('sync.history', { limit: 50 });
    const drift = await third.call<{ rows: unknown[] }>('sync.drift');
    const local = (await third.call<{ rows: Item[] }>('items.list', { limit: 500 })).rows;
    await third.stop();

    expect(history.rows.filter((r) => r.status === 'interrupted')).toHaveLength(2);
    expect(history.rows.find((r) => r.status === 'interrupted')?.message).toMatch(/stopped during this run/);

    // Nothing lost, nothing twice: every new item exactly once, every adjustment exactly once.
    const remote = await dumpItems(sb);
    const crashNames = remote.filter((i) => i.Name.startsWith('Crash ')).map((i) => i.Name);
    expect(crashNames).toHaveLength(NEW_ITEMS);
    expect(new Set(crashNames).size).toBe(NEW_ITEMS);
    for (const [name, diff] of added) {
      expect(remote.find((i) => i.Name === name)?.QtyOnHand, name).toBe((before.get(name) ?? 0) + diff);
      expect(Number(local.find((i) => i.name === name)?.onHand), name).toBe((before.get(name) ?? 0) + diff);
    }
    expect(drift.rows).toEqual([]);

    // The ledger still adds up, and every local item is linked to its QuickBooks twin.
    const db = new Database(path.join(dataDir, 'shelfsync.db'), { readonly: true });
    try {
      const mismatched = db
        .prepare(
          `SELECT l.item_id, l.site_id, l.on_hand, COALESCE(SUM(m.qty), 0) AS moved FROM stock_levels l
           LEFT JOIN stock_movements m ON m.item_id = l.item_id AND m.site_id = l.site_id
           GROUP BY l.item_id, l.site_id HAVING l.on_hand <> moved`,
        )
        .all();
      expect(mismatched).toEqual([]);
      const unlinked = db
        .prepare("SELECT name FROM items WHERE name LIKE 'Crash %' AND id NOT IN (SELECT local_id FROM qbo_links WHERE entity = 'item')")
        .all();
      expect(unlinked).toEqual([]);
      expect(db.prepare("SELECT COUNT(*) FROM outbox WHERE state <> 'done'").pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  }, 120_000);

  it('does not post a batch of bills twice when QuickBooks committed it after the host died and more receipts were queued since', async () => {
    const company = await startPracticeCompany({ seed: 31, size: 'tiny' });
    try {
      const config = childConfig(company);
      const h = hostFor(company, { dataDir: config.dataDir, secrets: practiceFileSecretStore(config.tokenDir) });
      expect((await h.connect()).state).toBe('connected');
      await call(h.host, 'sync.now');
      await call(h.host, 'settings.update', { autoSync: false });
      const items = (await call<{ rows: Item[] }>(h.host, 'items.list', { type: 'inventory', active: true, limit: 10 })).rows;
      const vendor = (await call<{ rows: { id: string; active: boolean }[] }>(h.host, 'vendors.list', { limit: 10 })).rows.find((v) => v.active);
      expect(items.length).toBeGreaterThan(0);
      expect(vendor).toBeDefined();
      const pos: string[] = [];
      for (let i = 0; i < 4; i++) {
        const item = items[i % items.length] as Item;
        const po = await call<{ id: string }>(h.host, 'purchaseOrders.create', {
          number: `K${i}`,
          vendorId: vendor?.id,
          lines: [{ itemId: item.id, qty: '2', unitCostCents: 150 }],
        });
        await call(h.host, 'purchaseOrders.post', { id: po.id });
        pos.push(po.id);
      }
      expect((await call<SyncRun>(h.host, 'sync.now')).status).toBe('ok');
      for (const id of pos.slice(0, 3)) await call(h.host, 'purchaseOrders.receive', { purchaseOrderId: id });
      await h.host.close();

      // The host dies while the batch of three bills waits for its answer; QuickBooks then commits it.
      await injectFault(company, 'slow', { pathIncludes: '/batch' }, 1, 1500);
      const first = await spawnChildHost(config);
      children.push(first);
      void first.socket.call('sync.now');
      await waitFor('the batch on the wire', async () => (await inFlight(company, 'POST batch')) > 0);
      await first.kill();
      await waitFor('QuickBooks to finish the batch', async () => (await inFlight(company, 'POST batch')) === 0);
      const billsOf = async () => ((await admin(company, 'GET', '/dump')).entities as { Bill?: { PrivateNote?: string }[] }).Bill ?? [];
      expect(await billsOf()).toHaveLength(3);

      // A new host; the fourth order is received before the next sync, so a new batch would differ.
      const second = await spawnChildHost(config);
      children.push(second);
      await second.call('purchaseOrders.receive', { purchaseOrderId: pos[3] });
      await syncUntilQuiet(second);
      await second.stop();

      const bills = await billsOf();
      expect(bills).toHaveLength(4);
      expect(new Set(bills.map((b) => b.PrivateNote)).size).toBe(4);
    } finally {
      await company.close();
    }
  }, 120_000);
});
