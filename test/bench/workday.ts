/**
 * The read calls of a day of typical warehouse work, as Intuit meters them. A day here is 8 working hours
 * of the fault simulation's warehouse mix (test/sim/steps.ts, with its weights and without faults, kills or
 * clock jumps): adjustments, counts, picked orders, receipts, customers added and changed here, and
 * QuickBooks users editing customers, vendors and items there. Time is compressed: the host's and the
 * practice company's clocks move on 15 minutes together, a sync runs at each interval as the scheduler's
 * would, and the host's own scheduler runs as in the app (a picked order that posts itself starts a run).
 * Reads are counted by the practice company (its request log) and by the host (`sync.status` → apiCalls).
 */
import { createPrng } from '../../src-main/sandbox';
import type { PracticeCompanyServer } from '../../src-main/sandbox';
import type { Result, SyncRun, SyncStatus } from '../../src-shared/ipc';
import type { Ctx } from '../sim/context';
import { emptyModel } from '../sim/model';
import { steps } from '../sim/steps';
import { inProcessHost, simDir, type SimHost } from '../sim/simHost';
import { admin, dumpEntities, requestCounts } from '../support/practiceAdmin';
import { startPracticeProcess } from '../support/practiceProcess';
import { companySize, scaled } from './scale';
import fs from 'node:fs';

interface Row { area: string; measure: string; value: string; goal: string }

/** Metered reads in a request-log diff: GETs of the accounting API and queries (writes are free). */
export function readsOf(log: Record<string, number>): number {
  return Object.entries(log)
    .filter(([k]) => /^GET (cdc|item|customer|vendor|estimate|invoice|companyinfo|preferences|purchaseorder|bill|salesreceipt|account|query)$|^POST query$/.test(k))
    .reduce((n, [, v]) => n + v, 0);
}

/** The simulation's warehouse mix (its weights), without faults, kills, clock jumps, revocations or its own syncs. */
const mix: [string, number][] = [
  ['adjust', 18], ['count', 5], ['order', 10], ['receive', 8], ['customerEdit', 6], ['customerCreate', 4],
  ['qboCustomerEdit', 5], ['qboItemEdit', 4], ['qboCustomerCreate', 2], ['qboVendorEdit', 3], ['qboVendorCreate', 2],
];

function pick(c: Ctx): string {
  let roll = c.rng.next() * mix.reduce((n, [, w]) => n + w, 0);
  for (const [name, weight] of mix) {
    roll -= weight;
    if (roll < 0) return name;
  }
  return 'adjust';
}

async function must<T>(host: SimHost, name: string, input: unknown = {}): Promise<T> {
  const r = (await host.call(name, input)) as Result<T>;
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.value;
}

/** Until the scheduler's run (started by a picked order) is over. */
async function settled(host: SimHost): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if ((await must<SyncStatus>(host, 'sync.status')).state !== 'running') return;
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function setUp(c: Ctx): Promise<void> {
  await c.host.reconnect();
  await must<SyncRun>(c.host, 'sync.now');
  const accounts = (await dumpEntities(c.sb)).Account ?? [];
  const account = (type: string) => {
    const a = accounts.find((x) => x.AccountType === type) ?? {};
    return { id: String(a.Id), name: String(a.Name) };
  };
  const set = { income: account('Income'), expense: account('Cost of Goods Sold'), asset: account('Other Current Asset') };
  // Settings as a warehouse keeps them: items from QuickBooks, customers both ways, orders post themselves.
  await must(c.host, 'settings.update', { directions: { items: 'qboToLocal', customers: 'twoWay' }, defaultAccounts: { inventory: set, nonInventory: set, service: set, equipment: set } });
  const items = await must<{ rows: { id: string; onHand: string }[] }>(c.host, 'items.list', { type: 'inventory', active: true, limit: 500 });
  for (const item of items.rows) c.model.onHand.set(item.id, Number(item.onHand));
  c.model.customers = (await must<{ rows: { id: string; active: boolean }[] }>(c.host, 'customers.list', { limit: 50 })).rows.filter((r) => r.active).map((r) => r.id);
  c.model.vendors = (await must<{ rows: { id: string; active: boolean }[] }>(c.host, 'vendors.list', { limit: 50 })).rows.filter((r) => r.active).map((r) => r.id);
}

export async function workday(rows: Row[]): Promise<void> {
  const sb = await startPracticeProcess({ size: companySize('demo'), seed: 3 });
  const root = simDir('shelfsync-bench-workday-');
  const host = inProcessHost(sb, root, { pacing: 'intuit', autoSync: true });
  const intervals = scaled(8 * 4, 2);
  const perInterval = scaled(6, 2);
  // The steps only reach the practice company through its admin API (no clock or token helpers).
  const c: Ctx = { seed: 3, rng: createPrng(3), sb: sb as unknown as PracticeCompanyServer, host, trace: [], violations: [], step: 0, model: emptyModel() };
  try {
    await setUp(c);
    await settled(host);
    const before = await requestCounts(sb);
    const hostBefore = (await must<SyncStatus>(host, 'sync.status')).apiCalls.readsThisMonth;
    const runsBefore = (await must<{ rows: SyncRun[] }>(host, 'sync.history', { limit: 1 })).rows[0]?.id ?? 0;
    const done = new Map<string, number>();
    for (let i = 0; i < intervals; i++) {
      for (let k = 0; k < perInterval; k++) {
        c.step++;
        const name = pick(c);
        done.set(name, (done.get(name) ?? 0) + 1);
        await (steps[name] as (c: Ctx) => Promise<void>)(c);
        await settled(host);
      }
      await admin(sb, 'POST', '/clock', { advanceSeconds: 15 * 60 });
      host.jumpClock(15 * 60_000);
      await must<SyncRun>(host, 'sync.now');
    }
    const used = Object.fromEntries(Object.entries(await requestCounts(sb)).map(([k, v]) => [k, v - (before[k] ?? 0)]));
    const hostReads = (await must<SyncStatus>(host, 'sync.status')).apiCalls.readsThisMonth - hostBefore;
    const lastRun = (await must<{ rows: SyncRun[] }>(host, 'sync.history', { limit: 1 })).rows[0]?.id ?? 0;
    report(rows, { used, hostReads, runs: lastRun - runsBefore, intervals, steps: intervals * perInterval, done });
  } finally {
    await host.close();
    await sb.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
}

interface DayCounts {
  used: Record<string, number>;
  hostReads: number;
  runs: number;
  intervals: number;
  steps: number;
  done: Map<string, number>;
}

/** A working month: 21 working days of this, and every other interval of the month idle (one read each). */
function report(rows: Row[], day: DayCounts): void {
  const reads = readsOf(day.used);
  const scale = (8 * 4) / day.intervals; // a smoke run does part of a day
  const perDay = Math.round(reads * scale);
  const idleIntervals = 30 * 96 - 21 * 32;
  const perMonth = perDay * 21 + idleIntervals;
  const byKind = Object.entries(day.used)
    .filter(([k, v]) => v > 0 && readsOf({ [k]: v }) > 0)
    .map(([k, v]) => `${v} ${k}`)
    .join(', ');
  const mixed = [...day.done.entries()].map(([k, v]) => `${v} ${k}`).join(', ');
  rows.push({
    area: 'sync: read budget',
    measure: `read calls for a day of warehouse work: 8 h × 4 intervals, ${day.steps / day.intervals} steps of the sim's mix per interval (${mixed}); ${day.runs} sync runs`,
    value: `${perDay.toLocaleString('en-US')} a day (${byKind}; host counted ${day.hostReads}); × 21 working days + ${idleIntervals.toLocaleString('en-US')} idle intervals = ${perMonth.toLocaleString('en-US')} a month = ${((100 * perMonth) / 500_000).toFixed(1)}% of the free 500,000; ${perMonth <= 500_000 ? 'met' : `NOT MET: ${(perMonth - 500_000).toLocaleString('en-US')} over`}`,
    goal: 'printed per month; <= 500,000',
  });
}
