/**
 * One fault-simulation scenario, decided by its seed: a practice company, a host (in process, or a
 * child process that gets SIGKILLed), a random mix of warehouse work through the contract, QuickBooks
 * users editing the company, and faults. Then the faults stop, sync runs to quiescence, and the
 * invariants (invariants.ts) are checked. Timing inside a kill is real time; everything else is seeded.
 */
import fs from 'node:fs';
import type { ConnectionStatus, SyncRun, SyncStatus } from '../../src-shared/ipc';
import { createPrng as createRng, startPracticeCompany } from '../../src-main/sandbox';
import { childProcessHost, inProcessHost, simDir, simLimits, type SimHost } from './simHost';
import { checkInvariants, scanForSecrets } from './invariants';
import { emptyModel } from './model';
import { admin, call, dumpEntities, must, type Ctx } from './context';
import { chooseStep, killDuringSync, steps } from './steps';

export interface ScenarioOptions {
  seed: number;
  /** Run the host as a child process and SIGKILL it at random points. */
  kill?: boolean;
}

export interface ScenarioResult {
  seed: number;
  kill: boolean;
  violations: string[];
  trace: string[];
  ms: number;
}

async function setUp(c: Ctx): Promise<void> {
  const connected = await c.host.reconnect();
  if (connected.state !== 'connected') throw new Error(`could not connect: ${connected.message}`);
  const first = await must<SyncRun>(c, 'sync.now');
  if (first.status !== 'ok') {
    const errors = await must<{ rows: { message: string }[] }>(c, 'sync.errors', { runId: first.id, limit: 5 });
    throw new Error(`the first sync was ${first.status}: ${first.message ?? errors.rows.map((r) => r.message).join(' | ')}`);
  }
  const books = await dumpEntities(c.sb);
  const accounts = books.Account ?? [];
  const account = (type: string) => {
    const a = accounts.find((x) => x.AccountType === type);
    return a ? { id: String(a.Id), name: String(a.Name) } : null;
  };
  c.model.itemsMode = c.rng.chance(0.3) ? 'localToQbo' : 'qboToLocal';
  c.model.postAs = c.rng.chance(0.3) ? 'salesReceipt' : 'invoice';
  // Stock as InventoryAdjustments to the account the first sync chose, to one a person chose, or (no
  // account chosen by a person) as quantity updates.
  const roll = c.rng.next();
  const stock = roll < 0.3 ? 'chosen account' : roll < 0.6 ? 'automatic account' : 'quantity update';
  const set = { income: account('Income'), expense: account('Cost of Goods Sold'), asset: account('Other Current Asset') };
  await must(c, 'settings.update', {
    autoSync: false,
    postOrdersAs: c.model.postAs,
    directions: { items: c.model.itemsMode, customers: 'twoWay' },
    defaultAccounts: { inventory: set, nonInventory: set, service: set, equipment: set },
    ...(stock === 'automatic account' ? {} : { stockAdjustmentAccount: stock === 'chosen account' ? (account('Other Expense') ?? account('Cost of Goods Sold')) : null }),
  });
  c.trace.push(`setup items=${c.model.itemsMode} stock=${stock} orders as ${c.model.postAs} host=${c.host.killable ? 'child' : 'in-process'}`);
  const items = await must<{ rows: { id: string; name: string; onHand: string }[] }>(c, 'items.list', { type: 'inventory', active: true, limit: 500 });
  const qtyByName = new Map((books.Item ?? []).filter((i) => i.Type === 'Inventory').map((i) => [String(i.Name), Number(i.QtyOnHand ?? 0)]));
  for (const item of items.rows) {
    const local = Number(item.onHand);
    c.model.onHand.set(item.id, local);
    // QuickBooks may hold a negative on-hand; ShelfSync starts such an item at 0 (and says so), so the
    // books stay that far apart until a drift fix. Any other difference at import is an import bug.
    const theirs = qtyByName.get(item.name);
    if (theirs === undefined) continue;
    c.model.qboOffset.set(item.id, theirs < 0 ? theirs : 0);
    if (local !== Math.max(0, theirs)) c.violations.push(`"${item.name}" came in with ${local} on hand; QuickBooks has ${theirs}`);
  }
  c.model.customers = (await must<{ rows: { id: string; active: boolean }[] }>(c, 'customers.list', { limit: 50 })).rows.filter((r) => r.active).map((r) => r.id);
  c.model.vendors = (await must<{ rows: { id: string; active: boolean }[] }>(c, 'vendors.list', { limit: 50 })).rows.filter((r) => r.active).map((r) => r.id);
}

/**
 * A kill scenario must have cut a running sync short while changes waited at least once; when the
 * dice did not bring that about, queue a change and kill the sync it starts as its first write reaches
 * QuickBooks (or, on a later try, after its first request).
 */
async function makeSureAKillHappened(c: Ctx): Promise<void> {
  for (let attempt = 1; c.model.killsInFlight === 0 && attempt <= 3; attempt++) {
    if (c.model.revoked) await (steps.reconnect as (c: Ctx) => Promise<void>)(c);
    await (steps.adjust as (c: Ctx) => Promise<void>)(c);
    await killDuringSync(c, attempt === 1 ? 'firstWrite' : 1);
  }
  if (c.model.killsInFlight === 0) c.violations.push('no SIGKILL cut a running sync short while changes were waiting: the scenario proved nothing about kills');
}

/** The faults stop; sync runs until nothing is left to send (or it plainly will not settle). */
async function quiesce(c: Ctx): Promise<void> {
  await admin(c.sb, 'DELETE', '/faults');
  const status = await must<ConnectionStatus>(c, 'connection.status');
  if (status.state !== 'connected') {
    const again = await c.host.reconnect();
    c.trace.push(`final reconnect → ${again.state}`);
    if (again.state !== 'connected') c.violations.push(`could not reconnect after the faults stopped: ${again.message}`);
  }
  let last: SyncRun | null = null;
  for (let i = 0; i < 6; i++) {
    const run = await call<SyncRun>(c, 'sync.now');
    if (!run.ok) {
      // The revocation is only noticed when QuickBooks refuses the token: sign in again, as a user would.
      const again = await c.host.reconnect();
      c.trace.push(`sync refused (${run.error.message.slice(0, 60)}…); reconnect → ${again.state}`);
      continue;
    }
    last = run.value;
    const sync = await must<SyncStatus>(c, 'sync.status');
    if (last.status === 'ok' && sync.pendingChanges === 0 && sync.failedChanges === 0) {
      c.trace.push(`quiet after ${i + 1} final run(s)`);
      return;
    }
  }
  const errors = await must<{ rows: { message: string }[] }>(c, 'sync.errors', { limit: 5 });
  c.violations.push(`sync did not settle once the faults stopped: last run ${last?.status} (${last?.message ?? ''}); errors: ${errors.rows.map((r) => r.message).join(' | ')}`);
}

export async function runScenario(options: ScenarioOptions): Promise<ScenarioResult> {
  const started = Date.now();
  const kill = options.kill ?? false;
  const rng = createRng(options.seed);
  const sb = await startPracticeCompany({ seed: options.seed, size: 'tiny', ...(options.kill ? {} : { limits: simLimits }) });
  const root = simDir('shelfsync-sim-');
  const trace: string[] = [];
  const violations: string[] = [];
  let host: SimHost | null = null;
  try {
    host = kill ? await childProcessHost(sb, root) : inProcessHost(sb, root);
    const c: Ctx = {
      seed: options.seed,
      rng,
      sb,
      host,
      trace,
      violations,
      step: 0,
      model: emptyModel(),
    };
    await setUp(c);
    const count = rng.int(6, 14);
    for (c.step = 1; c.step <= count; c.step++) await (steps[chooseStep(c)] as (c: Ctx) => Promise<void>)(c);
    if (host.killable) await makeSureAKillHappened(c);
    await quiesce(c);
    violations.push(...(await checkInvariants({ sb, host, model: c.model })));
    const csv = await must<{ csv: string }>(c, 'sync.exportErrors');
    const open = host;
    host = null;
    await open.close();
    const secrets = [...open.tokensSeen(), sb.clientSecret];
    if (secrets.length < 3) violations.push('no tokens were seen, so the secret scan would prove nothing');
    violations.push(...scanForSecrets({ secrets, dataDir: open.dataDir, logText: open.logText(), errorsCsv: csv.csv }));
  } catch (error) {
    violations.push(`the scenario stopped: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  } finally {
    await host?.close().catch(() => undefined);
    await sb.close();
    // SIM_KEEP=1 keeps the data folder (SQLite file, host log) of a scenario for a closer look.
    if (process.env.SIM_KEEP === '1') trace.push(`kept ${root}`);
    else fs.rmSync(root, { recursive: true, force: true });
  }
  return { seed: options.seed, kill, violations, trace, ms: Date.now() - started };
}
