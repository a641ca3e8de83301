/**
 * One fault-simulation scenario, decided by its seed: a practice company, a host (in process, or a
 * child process that gets SIGKILLed), a random mix of warehouse work through the contract, QuickBooks
 * users editing the company, and faults. Then the faults stop, sync runs to quiescence, and the
 * invariants (invariants.ts) are checked. Timing inside a kill is real time; everything else is seeded.
 */
import fs from 'node:fs';
import type { ConnectionStatus, Result, SyncRun, SyncStatus } from '../../src-shared/ipc';
import { createPrng as createRng, startSandbox, type Prng as Rng, type Sandbox } from '../../src-main/sandbox';
import { childProcessHost, inProcessHost, simDir, simLimits, type SimHost } from './simHost';
import { checkInvariants, scanForSecrets, type Model } from './invariants';

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

type Json = Record<string, unknown>;

async function admin(sb: Sandbox, method: string, path: string, body?: unknown): Promise<Json> {
  const res = await fetch(`${sb.adminUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return (await res.json()) as Json;
}

export async function dumpEntities(sb: Sandbox): Promise<Record<string, Json[]>> {
  return (await admin(sb, 'GET', '/dump')).entities as Record<string, Json[]>;
}

interface Ctx {
  seed: number;
  rng: Rng;
  sb: Sandbox;
  host: SimHost;
  model: Model;
  trace: string[];
  violations: string[];
  step: number;
}

/** Calls a request; an `internal` error is a violation (the host must never fail inside). */
async function call<T>(c: Ctx, name: string, input: unknown = {}): Promise<Result<T>> {
  const result = (await c.host.call(name, input)) as Result<T>;
  if (!result.ok && result.error.code === 'internal') c.violations.push(`${name} answered an internal error: ${result.error.message}`);
  return result;
}

async function must<T>(c: Ctx, name: string, input: unknown = {}): Promise<T> {
  const result = await call<T>(c, name, input);
  if (!result.ok) throw new Error(`${name} refused during setup: ${result.error.message}`);
  return result.value;
}

const tag = (c: Ctx) => `${c.seed}-${c.step}`;

async function setUp(c: Ctx): Promise<void> {
  const connected = await c.host.reconnect();
  if (connected.state !== 'connected') throw new Error(`could not connect: ${connected.message}`);
  const first = await must<SyncRun>(c, 'sync.now');
  if (first.status !== 'ok') {
    const errors = await must<{ rows: { message: string }[] }>(c, 'sync.errors', { runId: first.id, limit: 5 });
    throw new Error(`the first sync was ${first.status}: ${first.message ?? errors.rows.map((r) => r.message).join(' | ')}`);
  }
  const accounts = (await dumpEntities(c.sb)).Account ?? [];
  const account = (type: string) => {
    const a = accounts.find((x) => x.AccountType === type);
    return a ? { id: String(a.Id), name: String(a.Name) } : null;
  };
  c.model.itemsMode = c.rng.chance(0.3) ? 'localToQbo' : 'qboToLocal';
  const useAdjustments = c.rng.chance(0.4);
  const set = { income: account('Income'), expense: account('Cost of Goods Sold'), asset: account('Other Current Asset') };
  await must(c, 'settings.update', {
    autoSync: false,
    directions: { items: c.model.itemsMode, customers: 'twoWay' },
    defaultAccounts: { inventory: set, nonInventory: set, service: set, equipment: set },
    stockAdjustmentAccount: useAdjustments ? (account('Other Expense') ?? account('Cost of Goods Sold')) : null,
  });
  c.trace.push(`setup items=${c.model.itemsMode} adjustments=${useAdjustments ? 'InventoryAdjustment' : 'quantity update'} host=${c.host.killable ? 'child' : 'in-process'}`);
  const items = await must<{ rows: { id: string; name: string; onHand: string }[] }>(c, 'items.list', { type: 'inventory', active: true, limit: 500 });
  for (const item of items.rows) c.model.onHand.set(item.id, Number(item.onHand));
  // QuickBooks may hold a negative on-hand; ShelfSync starts such an item at 0 (and says so): known drift.
  const negative = new Set(((await dumpEntities(c.sb)).Item ?? []).filter((i) => Number(i.QtyOnHand ?? 0) < 0).map((i) => String(i.Name)));
  for (const item of items.rows) if (negative.has(item.name)) c.model.startedAtZero.add(item.id);
  c.model.customers = (await must<{ rows: { id: string; active: boolean }[] }>(c, 'customers.list', { limit: 50 })).rows.filter((r) => r.active).map((r) => r.id);
  c.model.vendors = (await must<{ rows: { id: string; active: boolean }[] }>(c, 'vendors.list', { limit: 50 })).rows.filter((r) => r.active).map((r) => r.id);
}

const itemIds = (c: Ctx) => [...c.model.onHand.keys()];

const actions: Record<string, (c: Ctx) => Promise<void>> = {
  async adjust(c) {
    const itemId = c.rng.pick(itemIds(c));
    const diff = c.rng.int(-3, 6) || 1;
    const r = await call(c, 'stock.adjust', { itemId, qtyDiff: String(diff), reason: `sim ${tag(c)}` });
    if (r.ok) c.model.onHand.set(itemId, (c.model.onHand.get(itemId) ?? 0) + diff);
    c.trace.push(`adjust ${diff} ${r.ok ? 'ok' : r.error.message}`);
  },
  async count(c) {
    const itemId = c.rng.pick(itemIds(c));
    const counted = Math.max(0, Math.round((c.model.onHand.get(itemId) ?? 0) + c.rng.int(-2, 2)));
    const session = await call<{ id: string }>(c, 'counts.start', { itemIds: [itemId] });
    if (!session.ok) return void c.trace.push(`count refused: ${session.error.message}`);
    await must(c, 'counts.enter', { countId: session.value.id, itemId, counted: String(counted) });
    const posted = await call(c, 'counts.post', { countId: session.value.id });
    if (posted.ok) c.model.onHand.set(itemId, counted);
    c.trace.push(`count → ${counted} ${posted.ok ? 'ok' : posted.error.message}`);
  },
  async order(c) {
    const itemId = itemIds(c).find((id) => (c.model.onHand.get(id) ?? 0) >= 1 && c.rng.chance(0.5));
    if (!itemId || c.model.customers.length === 0) return;
    const number = `S${tag(c)}`;
    const order = await call<{ id: string }>(c, 'orders.create', { number, customerId: c.rng.pick(c.model.customers), lines: [{ itemId, qty: '1' }] });
    if (!order.ok) return void c.trace.push(`order refused: ${order.error.message}`);
    const picked = await call<{ status: string }>(c, 'orders.pick', { orderId: order.value.id, itemId, qty: '1' });
    if (picked.ok) {
      c.model.onHand.set(itemId, (c.model.onHand.get(itemId) ?? 0) - 1);
      if (picked.value.status === 'posted') c.model.postedOrders.push(number);
    }
    c.trace.push(`order ${number} ${picked.ok ? picked.value.status : picked.error.message}`);
  },
  async receive(c) {
    if (c.model.vendors.length === 0) return;
    const itemId = c.rng.pick(itemIds(c));
    const number = `P${tag(c)}`;
    const po = await call<{ id: string }>(c, 'purchaseOrders.create', { number, vendorId: c.rng.pick(c.model.vendors), lines: [{ itemId, qty: '2', unitCostCents: 150 }] });
    if (!po.ok) return void c.trace.push(`po refused: ${po.error.message}`);
    await must(c, 'purchaseOrders.post', { id: po.value.id });
    c.model.purchaseOrders.push(number);
    const received = await call(c, 'purchaseOrders.receive', { purchaseOrderId: po.value.id });
    if (received.ok) {
      c.model.onHand.set(itemId, (c.model.onHand.get(itemId) ?? 0) + 2);
      c.model.receipts++;
    }
    c.trace.push(`receive ${number} ${received.ok ? 'ok' : received.error.message}`);
  },
  async customerEdit(c) {
    if (c.model.customers.length === 0) return;
    const r = await call(c, 'customers.update', { id: c.rng.pick(c.model.customers), phone: `555-${tag(c)}` });
    c.trace.push(`customer edit ${r.ok ? 'ok' : r.error.message}`);
  },
  async customerCreate(c) {
    const name = `Sim customer ${tag(c)}`;
    const r = await call(c, 'customers.create', { displayName: name });
    if (r.ok) c.model.createdCustomers.push(name);
    c.trace.push(`customer create ${r.ok ? 'ok' : r.error.message}`);
  },
  async itemCreate(c) {
    if (c.model.itemsMode !== 'localToQbo') return;
    const name = `Sim item ${tag(c)}`;
    const r = await call<{ id: string }>(c, 'items.create', { name, type: 'inventory' });
    if (r.ok) {
      c.model.createdItems.push(name);
      c.model.onHand.set(r.value.id, 0);
    }
    c.trace.push(`item create ${r.ok ? 'ok' : r.error.message}`);
  },
  async qboCustomerEdit(c) {
    const customers = ((await dumpEntities(c.sb)).Customer ?? []).filter((x) => x.Active !== false);
    if (customers.length === 0) return;
    const target = c.rng.pick(customers);
    await admin(c.sb, 'PATCH', `/entities/Customer/${String(target.Id)}`, { PrimaryPhone: { FreeFormNumber: `777-${tag(c)}` } });
    c.trace.push(`QuickBooks user edits customer ${String(target.Id)}`);
  },
  async qboItemEdit(c) {
    if (c.model.itemsMode !== 'qboToLocal') return;
    const items = ((await dumpEntities(c.sb)).Item ?? []).filter((x) => x.Active !== false && x.Type === 'Inventory');
    if (items.length === 0) return;
    const target = c.rng.pick(items);
    await admin(c.sb, 'PATCH', `/entities/Item/${String(target.Id)}`, { Name: `${String(target.Name).slice(0, 80)} r${tag(c)}` });
    c.trace.push(`QuickBooks user renames item ${String(target.Id)}`);
  },
  async qboCustomerCreate(c) {
    await admin(c.sb, 'POST', '/entities/Customer', { DisplayName: `QB customer ${tag(c)}` });
    c.trace.push('QuickBooks user adds a customer');
  },
  async fault(c) {
    const kind = c.rng.pick(['429', '500', '503', 'drop', 'slow', 'commitThenDrop'] as const);
    const match = c.rng.pick([{}, { method: 'POST' }, { entity: 'Item' }, { pathIncludes: '/batch' }, { pathIncludes: '/cdc' }, { pathIncludes: '/query' }, { entity: 'Invoice' }, { pathIncludes: '/oauth2/v1/tokens' }]);
    const count = c.rng.int(1, 3);
    await admin(c.sb, 'POST', '/faults', { kind, match, count, delayMs: c.rng.int(20, 120) });
    c.trace.push(`fault ${kind} x${count} on ${JSON.stringify(match)}`);
  },
  expire(c) {
    c.sb.advanceClock(3700);
    c.trace.push('access token expires (QuickBooks clock +3700 s)');
    return Promise.resolve();
  },
  async revoke(c) {
    await admin(c.sb, 'POST', '/tokens/revoke', {});
    c.model.revoked = true;
    c.trace.push('QuickBooks sign-in revoked');
  },
  async reconnect(c) {
    if (!c.model.revoked) return;
    const status = await c.host.reconnect();
    c.model.revoked = status.state !== 'connected';
    c.trace.push(`reconnect → ${status.state}`);
  },
  clockJump(c) {
    const ms = c.rng.pick(clockJumps);
    c.host.jumpClock(ms);
    c.trace.push(`host clock jumps ${ms / 60_000} min`);
    return Promise.resolve();
  },
  async sync(c) {
    const r = await call<SyncRun>(c, 'sync.now');
    c.trace.push(`sync ${r.ok ? `${r.value.status}${r.value.message ? `: ${r.value.message.slice(0, 80)}` : ''}` : `refused: ${r.error.message.slice(0, 80)}`}`);
  },
  async kill(c) {
    if (!c.host.killable) return;
    const total = async () => Number((await admin(c.sb, 'GET', '/requests')).total);
    const before = await total();
    const wanted = c.rng.int(1, 12);
    let finished = false;
    void c.host.syncInBackground().then(() => (finished = true));
    for (let i = 0; i < 300 && !finished && (await total()) < before + wanted; i++) await new Promise((r) => setTimeout(r, 10));
    await c.host.killAndRestart();
    c.trace.push(`SIGKILL after ${(await total()) - before} requests of a sync${finished ? ' (it had finished)' : ''}; host restarted`);
  },
};

/**
 * Host clock jumps, backwards and forwards (also far ahead of QuickBooks): the pull keeps its cursors
 * in QuickBooks' own time, so none of them may make it skip an edit.
 */
const clockJumps = [-10 * 60_000, -2 * 86_400_000, 2 * 60_000, 90 * 60_000, 31 * 86_400_000];

const weights: [string, number][] = [
  ['adjust', 18], ['count', 5], ['order', 10], ['receive', 8], ['customerEdit', 6], ['customerCreate', 4], ['itemCreate', 5],
  ['qboCustomerEdit', 5], ['qboItemEdit', 4], ['qboCustomerCreate', 2], ['fault', 14], ['expire', 3], ['revoke', 2],
  ['reconnect', 3], ['clockJump', 3], ['sync', 16], ['kill', 10],
];

function chooseAction(c: Ctx): string {
  const usable = weights.filter(([name]) => name !== 'kill' || c.host.killable);
  let roll = c.rng.next() * usable.reduce((n, [, w]) => n + w, 0);
  for (const [name, weight] of usable) {
    roll -= weight;
    if (roll < 0) return name;
  }
  return 'sync';
}

/** The faults stop; sync runs until nothing is left to send (or it plainly will not settle). */
async function quiesce(c: Ctx): Promise<void> {
  await fetch(`${c.sb.adminUrl}/faults`, { method: 'DELETE' });
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
  const sb = await startSandbox({ seed: options.seed, size: 'tiny', ...(options.kill ? {} : { limits: simLimits }) });
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
      model: { itemsMode: 'qboToLocal', onHand: new Map(), customers: [], vendors: [], postedOrders: [], purchaseOrders: [], receipts: 0, createdCustomers: [], createdItems: [], revoked: false, startedAtZero: new Set() },
    };
    await setUp(c);
    const steps = rng.int(6, 14);
    for (c.step = 1; c.step <= steps; c.step++) {
      const action = chooseAction(c);
      await (actions[action] as (c: Ctx) => Promise<void>)(c);
    }
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
