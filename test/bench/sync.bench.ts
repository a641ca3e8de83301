/**
 * The sync engine at scale, against the practice company over real HTTP: the first import of the
 * `large` company (API calls against the minimum, and against a naive one-request-per-record client),
 * pushing 1,000 new items, an idle sync tick, local ingest against raw better-sqlite3, and the RSS of an
 * idle host holding 50,000 items (a child process, so nothing else is counted).
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startPracticeCompany, type PracticeCompanyServer } from '../../src-main/sandbox';
import { openDatabase } from '../../src-main/db';
import { createItem } from '../../src-main/warehouse';
import type { Result, SyncRun } from '../../src-shared/ipc';
import { inProcessHost, simDir, type SimHost } from '../sim/simHost';
import { spawnChildHost, stubRendererDir } from '../support/childHostProcess';
import { dumpEntities, requestCounts } from '../support/practiceAdmin';
import { NAIVE_LISTS, naiveImport } from './naiveClient';
import { companySize, scaled } from './scale';

interface Row { area: string; measure: string; value: string; goal: string }
type Json = Record<string, unknown>;

const apiCalls = (log: Record<string, number>) =>
  Object.entries(log)
    .filter(([k]) => /^(GET|POST) (query|cdc|batch|item|customer|vendor|estimate|invoice|companyinfo|preferences)$/.test(k))
    .reduce((n, [, v]) => n + v, 0);
const throttled = (log: Record<string, number>) => Object.entries(log).filter(([k]) => k.endsWith(' 429')).reduce((n, [, v]) => n + v, 0);
const diff = (after: Record<string, number>, before: Record<string, number>) =>
  Object.fromEntries(Object.entries(after).map(([k, v]) => [k, v - (before[k] ?? 0)]));

async function value<T>(host: SimHost, name: string, input: unknown = {}): Promise<T> {
  const r = (await host.call(name, input)) as Result<T>;
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.value;
}

async function importAndPush(rows: Row[]): Promise<void> {
  const sb = await startPracticeCompany({ size: companySize('large'), seed: 1 });
  const root = simDir('shelfsync-bench-sync-');
  const host = inProcessHost(sb, root, { pacing: 'intuit' });
  try {
    await host.reconnect();
    const dump = await dumpEntities(sb);
    const before = await requestCounts(sb);
    const started = performance.now();
    const run = await value<SyncRun>(host, 'sync.now');
    const importMs = performance.now() - started;
    const used = diff(await requestCounts(sb), before);
    const { minimum, records } = leastCalls(dump);
    const calls = apiCalls(used);
    rows.push(
      {
        area: 'sync: first import (large)',
        measure: `API calls (${records} records, ${run.status}); minimum: pages of 1000, active and inactive together, and the page that ends each list`,
        value: `${calls} = ${(calls / minimum).toFixed(2)} × minimum (${minimum})`,
        goal: '<= 1.05 × minimum',
      },
      { area: 'sync: first import (large)', measure: 'wall time', value: `${(importMs / 1000).toFixed(1)} s`, goal: '<= 60 s' },
    );

    const accounts = dump.Account ?? [];
    const account = (t: string) => {
      const a = accounts.find((x) => x.AccountType === t) ?? {};
      return { id: String(a.Id), name: String(a.Name) };
    };
    const set = { income: account('Income'), expense: account('Cost of Goods Sold'), asset: account('Other Current Asset') };
    await value(host, 'settings.update', { directions: { items: 'localToQbo' }, defaultAccounts: { inventory: set } });
    for (let i = 0; i < scaled(1000, 5); i++) await value(host, 'items.create', { name: `Bench push ${String(i).padStart(4, '0')}`, type: 'inventory' });
    const beforePush = await requestCounts(sb);
    const pushStart = performance.now();
    const pushRun = await value<SyncRun>(host, 'sync.now');
    const pushMs = performance.now() - pushStart;
    const pushed = diff(await requestCounts(sb), beforePush);
    const created = pushRun.counts['items.push']?.created ?? 0;
    // The throttle allows 40 batch requests a minute (30 operations each): 1,000 items fit in one window,
    // so the pace is bounded by answers, and the share is of the batch budget one minute gives.
    const batches = pushed['POST batch'] ?? 0;
    rows.push(
      { area: 'sync: push 1,000 items', measure: 'batch calls / 429s seen', value: `${batches} / ${throttled(pushed)} (${created} created)`, goal: '34 / 0' },
      {
        area: 'sync: push 1,000 items',
        measure: 'pace; share of the batch budget (40/min) used',
        value: `${Math.round(created / (pushMs / 1000))} items/s (${(pushMs / 1000).toFixed(1)} s); ${batches} of 40 = ${Math.round((100 * batches) / 40)}%`,
        goal: 'no 429; <= 100%',
      },
    );

    await pushInvoices(rows, host, sb);

    // Ten minutes on, past the five minutes of overlap each change pull re-reads: what an idle tick costs
    // once the pushes above have been seen back once.
    await fetch(`${sb.adminUrl}/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ advanceSeconds: 600 }) });
    await value(host, 'sync.now');
    await value(host, 'sync.now');
    const beforeIdle = await requestCounts(sb);
    const cpu = process.cpuUsage();
    const idleStart = performance.now();
    await value(host, 'sync.now');
    const idleMs = performance.now() - idleStart;
    const cpuUsed = process.cpuUsage(cpu);
    const idle = diff(await requestCounts(sb), beforeIdle);
    rows.push({
      area: 'sync: idle tick',
      measure: 'requests / CPU ms (host and in-process practice company) / wall ms',
      value: `${apiCalls(idle)} / ${((cpuUsed.user + cpuUsed.system) / 1000).toFixed(0)} / ${idleMs.toFixed(0)}`,
      goal: '1 / <= 50 / <= 500',
    });
    const status = await value<{ apiCalls: { readsToday: number } }>(host, 'sync.status');
    const idleReads = Object.entries(idle).filter(([k]) => /^(GET \S+|POST query)$/.test(k)).reduce((n, [, v]) => n + v, 0);
    const perMonth = idleReads * ((30 * 24 * 60) / 15);
    rows.push({
      area: 'sync: read budget',
      measure: 'read calls a month, idle, at the default interval (15 min); host counted today',
      value: `${idleReads} per interval = ${perMonth.toLocaleString('en-US')} a month (${(perMonth / 5000).toFixed(1)}% of 500,000); ${status.apiCalls.readsToday} counted`,
      goal: '<= 1 per interval',
    });
  } finally {
    await host.close();
    await sb.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
}

/**
 * The least a client can do for a first import: a page of 1000 per list (items, customers and vendors
 * active and inactive together; estimates; invoices), plus the page that ends each list, because a
 * full page cannot say it was the last.
 */
function leastCalls(dump: Record<string, Json[]>): { minimum: number; records: number } {
  const lists = NAIVE_LISTS.map(({ entity }) => (dump[entity] ?? []).length);
  return { minimum: lists.reduce((n, l) => n + Math.floor(l / 1000) + 1, 0), records: lists.reduce((n, l) => n + l, 0) };
}

async function pushInvoices(rows: Row[], host: SimHost, sb: PracticeCompanyServer): Promise<void> {
  const customer = (await value<{ rows: { id: string }[] }>(host, 'customers.list', { limit: 1 })).rows[0];
  const item = (await value<{ rows: { id: string }[] }>(host, 'items.list', { limit: 1, type: 'inventory' })).rows[0];
  if (!customer || !item) throw new Error('the large company has no customer or item to invoice');
  for (let i = 0; i < scaled(1000, 5); i++) {
    const invoice = await value<{ id: string }>(host, 'invoices.create', { customerId: customer.id, lines: [{ itemId: item.id, qty: '1', unitPriceCents: 100 + i }] });
    await value(host, 'invoices.markReady', { id: invoice.id });
  }
  const before = await requestCounts(sb);
  const started = performance.now();
  const run = await value<SyncRun>(host, 'sync.now');
  const ms = performance.now() - started;
  const pushed = diff(await requestCounts(sb), before);
  const batches = pushed['POST batch'] ?? 0;
  rows.push({
    area: 'sync: push 1,000 invoices',
    measure: 'batch calls / 429s seen; pace',
    value: `${batches} / ${throttled(pushed)} (${run.counts['invoices.push']?.created ?? 0} created); ${(ms / 1000).toFixed(1)} s`,
    goal: '<= 34 / 0',
  });
}

/** ShelfSync's first import of the `demo` company beside the naive client's, both under Intuit's pacing. */
export async function againstNaive(rows: Row[], size: 'tiny' | 'demo' = 'demo'): Promise<void> {
  const sb = await startPracticeCompany({ size, seed: 2 });
  const root = simDir('shelfsync-bench-naive-');
  const host = inProcessHost(sb, root, { pacing: 'intuit' });
  try {
    await host.reconnect();
    const before = await requestCounts(sb);
    const started = performance.now();
    await value<SyncRun>(host, 'sync.now');
    const ours = { ms: performance.now() - started, calls: apiCalls(diff(await requestCounts(sb), before)) };
    const beforeNaive = await requestCounts(sb);
    const naiveStart = performance.now();
    const records = await naiveImport(sb);
    const naive = { ms: performance.now() - naiveStart, calls: apiCalls(diff(await requestCounts(sb), beforeNaive)) };
    rows.push(
      {
        area: `sync: first import (${size})`,
        measure: `naive client run here (ids, then one GET per record; ${records} records) vs ShelfSync: calls`,
        value: `${naive.calls} vs ${ours.calls} (${(naive.calls / ours.calls).toFixed(0)}× more)`,
        goal: '>= 25× more',
      },
      {
        area: `sync: first import (${size})`,
        measure: 'naive client vs ShelfSync: wall time under Intuit pacing',
        value: `${(naive.ms / 1000).toFixed(1)} s vs ${(ours.ms / 1000).toFixed(1)} s (${(naive.ms / ours.ms).toFixed(0)}× longer)`,
        goal: '>= 10× longer',
      },
    );
  } finally {
    await host.close();
    await sb.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
}

function ingest(rows: Row[], dir: string): string {
  const dataDir = path.join(dir, 'data');
  fs.mkdirSync(dataDir, { recursive: true });
  const { db } = openDatabase(path.join(dataDir, 'shelfsync.db'));
  let n = 0;
  const effects = { clock: { now: () => new Date() }, ids: { uuid: () => `i${++n}` } };
  const count = scaled(50_000, 1000);
  const started = performance.now();
  for (let chunk = 0; chunk < count; chunk += 1000) {
    db.transaction(() => {
      for (let i = chunk; i < chunk + 1000; i++) createItem(db, effects, { name: `Ingest ${i}`, sku: `SKU-${i}`, type: 'inventory', costCents: i % 1000 });
    })();
  }
  const serviceMs = performance.now() - started;
  db.close();

  // Raw: the same rows straight into the same table (a fresh ShelfSync database, so the same indexes),
  // without the services' validation, name check, audit row, outbox row and read-back.
  const raw = openDatabase(path.join(dir, 'raw.db')).db;
  const insert = raw.prepare(
    `INSERT INTO items (id, name, name_key, sku, sku_key, type, cost_cents, price_cents, reorder_point, active, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 'inventory', ?, 0, 0, 1, ?, ?)`,
  );
  const rawStart = performance.now();
  for (let chunk = 0; chunk < count; chunk += 1000) {
    raw.transaction(() => {
      for (let i = chunk; i < chunk + 1000; i++) {
        const at = new Date().toISOString();
        insert.run(`r${i}`, `Ingest ${i}`, `ingest ${i}`, `SKU-${i}`, `sku-${i}`, i % 1000, at, at);
      }
    })();
  }
  const rawMs = performance.now() - rawStart;
  raw.close();
  const perSecond = count / (serviceMs / 1000);
  rows.push({
    area: 'local ingest (50,000 items)',
    measure: 'rows/s through the services vs raw inserts into the same table',
    value: `${Math.round(perSecond)}/s = ${Math.round((100 * rawMs) / serviceMs)}% of raw (${Math.round(count / (rawMs / 1000))}/s)`,
    goal: '>= 50% of raw',
  });
  return dataDir;
}

async function idleRss(rows: Row[], dir: string, dataDir: string): Promise<void> {
  const sb = await startPracticeCompany({ size: 'tiny' });
  const child = await spawnChildHost({
    dataDir,
    tokenDir: path.join(dir, 'keychain'),
    logFile: path.join(dir, 'host.log'),
    rendererDir: stubRendererDir(path.join(dir, 'renderer')),
    sandbox: { baseUrl: sb.baseUrl, clientId: sb.clientId, clientSecret: sb.clientSecret },
  });
  try {
    await child.call('items.list', { limit: 100 });
    await new Promise((r) => setTimeout(r, 1500));
    const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
    rows.push({ area: 'host idle', measure: 'RSS with 50,000 items (child process, after one list page)', value: `${Math.round(kb / 1024)} MiB`, goal: '<= 150 MB' });
  } finally {
    await child.stop();
    await sb.close();
  }
}

export async function run(): Promise<Row[]> {
  const rows: Row[] = [];
  await importAndPush(rows);
  await againstNaive(rows, companySize('demo'));
  const dir = simDir('shelfsync-bench-ingest-');
  try {
    const dataDir = ingest(rows, dir);
    await idleRss(rows, dir, dataDir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
