/**
 * The steps a scenario draws from: warehouse work through the contract, QuickBooks users editing the
 * company (through the practice company's admin API), faults, and SIGKILLs of a child-process host.
 * Each step updates the model only with what was acknowledged.
 */
import type { SyncRun, SyncStatus } from '../../src-shared/ipc';
import { admin, call, dumpEntities, must, tag, type Ctx, type Json } from './context';

const itemIds = (c: Ctx) => [...c.model.onHand.keys()];
const addOnHand = (c: Ctx, itemId: string, diff: number) => c.model.onHand.set(itemId, (c.model.onHand.get(itemId) ?? 0) + diff);

async function adjust(c: Ctx, itemId: string, diff: number): Promise<boolean> {
  const r = await call(c, 'stock.adjust', { itemId, qtyDiff: String(diff), reason: `sim ${tag(c)}` });
  if (r.ok) addOnHand(c, itemId, diff);
  c.trace.push(`adjust ${diff} ${r.ok ? 'ok' : r.error.message}`);
  return r.ok;
}

/** Top-level, active customers or vendors in QuickBooks (sub-customers are service locations here). */
async function qboParties(c: Ctx, entity: 'Customer' | 'Vendor'): Promise<Json[]> {
  return ((await dumpEntities(c.sb))[entity] ?? []).filter((x) => x.Active !== false && x.Job !== true && x.ParentRef === undefined);
}

/** A QuickBooks user changes a customer's or vendor's phone, or renames it. */
async function qboPartyEdit(c: Ctx, entity: 'Customer' | 'Vendor'): Promise<void> {
  const parties = await qboParties(c, entity);
  if (parties.length === 0) return;
  const target = c.rng.pick(parties);
  const id = String(target.Id);
  const rename = c.rng.chance(0.3);
  await admin(c.sb, 'PATCH', `/entities/${entity}/${id}`, rename ? { DisplayName: `QB renamed ${tag(c)}` } : { PrimaryPhone: { FreeFormNumber: `777-${tag(c)}` } });
  c.model.qboEdited[entity].add(id);
  c.trace.push(`QuickBooks user ${rename ? 'renames' : 'edits the phone of'} ${entity.toLowerCase()} ${id}`);
}

async function qboPartyCreate(c: Ctx, entity: 'Customer' | 'Vendor'): Promise<void> {
  const name = `QB ${entity.toLowerCase()} ${tag(c)}`;
  await admin(c.sb, 'POST', `/entities/${entity}`, { DisplayName: name, PrimaryPhone: { FreeFormNumber: `888-${tag(c)}` } });
  c.model.qboCreated[entity].push(name);
  c.trace.push(`QuickBooks user adds ${entity.toLowerCase()} "${name}"`);
}

async function interruptedRuns(c: Ctx): Promise<number> {
  const history = await must<{ rows: SyncRun[] }>(c, 'sync.history', { limit: 200 });
  return history.rows.filter((r) => r.status === 'interrupted').length;
}

/** Requests the practice company has seen, and how many of them were writes (creates, updates, batches). */
async function requestCounts(c: Ctx): Promise<{ total: number; writes: number }> {
  const log = await admin(c.sb, 'GET', '/requests');
  const byEndpoint = log.byEndpoint as Record<string, number>;
  const writes = Object.entries(byEndpoint)
    .filter(([key]) => /^POST [a-z]+$/.test(key) && !['POST token', 'POST revoke', 'POST query'].includes(key))
    .reduce((n, [, count]) => n + count, 0);
  return { total: Number(log.total), writes };
}

/**
 * Starts a sync and SIGKILLs the host after `until` QuickBooks requests of it, or as soon as its first
 * write reached QuickBooks. It counts as a kill in flight when changes were waiting, the process died of
 * SIGKILL, and the restarted host found the run cut short (marked interrupted), so the sync really was
 * between its start and its end.
 */
export async function killDuringSync(c: Ctx, until: number | 'firstWrite'): Promise<void> {
  const pending = (await must<SyncStatus>(c, 'sync.status')).pendingChanges;
  const interruptedBefore = await interruptedRuns(c);
  const before = await requestCounts(c);
  let finished = false;
  void c.host.syncInBackground().then(() => (finished = true));
  const reached = (now: { total: number; writes: number }) => (until === 'firstWrite' ? now.writes > before.writes : now.total >= before.total + until);
  for (let i = 0; i < 500 && !finished && !reached(await requestCounts(c)); i++) await new Promise((r) => setTimeout(r, 5));
  const signal = await c.host.killAndRestart();
  const after = await requestCounts(c);
  const cut = (await interruptedRuns(c)) > interruptedBefore;
  if (signal !== 'SIGKILL') c.violations.push(`the host was to be SIGKILLed but ended by ${signal ?? 'exiting by itself'}`);
  if (signal === 'SIGKILL' && cut && pending > 0) c.model.killsInFlight++;
  c.trace.push(
    `SIGKILL after ${after.total - before.total} requests (${after.writes - before.writes} writes) of a sync with ${pending} change(s) waiting${cut ? ', run cut short' : ' (the run had finished)'}; host restarted`,
  );
}

/**
 * Fix drift while changes are queued: an adjustment waits in the outbox (on a child host, a SIGKILL may
 * first cut short the sync sending it, so it may be in QuickBooks with no answer recorded), then the
 * clerk fixes every drifting item. The items the report named end with QuickBooks equal to ShelfSync,
 * the queued change counted once.
 */
async function fixDriftWhileQueued(c: Ctx): Promise<void> {
  await adjust(c, c.rng.pick(itemIds(c)), c.rng.int(-2, 4) || 1);
  if (c.host.killable && c.rng.chance(0.5)) await killDuringSync(c, 'firstWrite');
  const queued = (await must<SyncStatus>(c, 'sync.status')).pendingChanges;
  const drift = await call<{ rows: { itemId: string }[] }>(c, 'sync.drift');
  if (!drift.ok) return void c.trace.push(`drift report refused: ${drift.error.message.slice(0, 60)}`);
  const fixed = await call<{ queued: number }>(c, 'sync.fixDrift', {});
  // No sync runs between the two, so the fix covers exactly the reported items.
  if (fixed.ok) for (const row of drift.value.rows) c.model.qboOffset.set(row.itemId, 0);
  c.trace.push(`fix drift with ${queued} change(s) queued: ${drift.value.rows.length} drifting, ${fixed.ok ? `${fixed.value.queued} fix(es) queued` : fixed.error.message.slice(0, 60)}`);
}

export const steps: Record<string, (c: Ctx) => Promise<void>> = {
  async adjust(c) {
    await adjust(c, c.rng.pick(itemIds(c)), c.rng.int(-3, 6) || 1);
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
      addOnHand(c, itemId, -1);
      if (picked.value.status === 'posted') c.model.postedOrders.push({ number, as: c.model.postAs });
    }
    c.trace.push(`order ${number} ${picked.ok ? `${picked.value.status} as ${c.model.postAs}` : picked.error.message}`);
  },
  async postAs(c) {
    const next = c.model.postAs === 'invoice' ? 'salesReceipt' : 'invoice';
    const r = await call(c, 'settings.update', { postOrdersAs: next });
    if (r.ok) c.model.postAs = next;
    c.trace.push(`post orders as → ${next} ${r.ok ? 'ok' : r.error.message}`);
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
      addOnHand(c, itemId, 2);
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
  qboCustomerEdit: (c) => qboPartyEdit(c, 'Customer'),
  qboCustomerCreate: (c) => qboPartyCreate(c, 'Customer'),
  qboVendorEdit: (c) => qboPartyEdit(c, 'Vendor'),
  qboVendorCreate: (c) => qboPartyCreate(c, 'Vendor'),
  async qboItemEdit(c) {
    if (c.model.itemsMode !== 'qboToLocal') return;
    const items = ((await dumpEntities(c.sb)).Item ?? []).filter((x) => x.Active !== false && x.Type === 'Inventory');
    if (items.length === 0) return;
    const target = c.rng.pick(items);
    await admin(c.sb, 'PATCH', `/entities/Item/${String(target.Id)}`, { Name: `${String(target.Name).slice(0, 80)} r${tag(c)}` });
    c.trace.push(`QuickBooks user renames item ${String(target.Id)}`);
  },
  async fault(c) {
    const kind = c.rng.pick(['429', '500', '503', 'drop', 'slow', 'commitThenDrop'] as const);
    const match = c.rng.pick([{}, { method: 'POST' }, { entity: 'Item' }, { pathIncludes: '/batch' }, { pathIncludes: '/cdc' }, { pathIncludes: '/query' }, { entity: 'Invoice' }, { entity: 'SalesReceipt' }, { entity: 'InventoryAdjustment' }, { pathIncludes: '/oauth2/v1/tokens' }]);
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
  fixDrift: fixDriftWhileQueued,
  async sync(c) {
    const r = await call<SyncRun>(c, 'sync.now');
    c.trace.push(`sync ${r.ok ? `${r.value.status}${r.value.message ? `: ${r.value.message.slice(0, 80)}` : ''}` : `refused: ${r.error.message.slice(0, 80)}`}`);
  },
  async kill(c) {
    if (c.host.killable) await killDuringSync(c, c.rng.int(1, 12));
  },
};

/**
 * Host clock jumps, backwards and forwards (also far ahead of QuickBooks): the pull keeps its cursors
 * in QuickBooks' own time, so none of them may make it skip an edit.
 */
const clockJumps = [-10 * 60_000, -2 * 86_400_000, 2 * 60_000, 90 * 60_000, 31 * 86_400_000];

const weights: [string, number][] = [
  ['adjust', 18], ['count', 5], ['order', 10], ['postAs', 3], ['receive', 8], ['customerEdit', 6],
  ['customerCreate', 4], ['itemCreate', 5], ['qboCustomerEdit', 5], ['qboItemEdit', 4], ['qboCustomerCreate', 2],
  ['qboVendorEdit', 3], ['qboVendorCreate', 2], ['fault', 14], ['expire', 3], ['revoke', 2], ['reconnect', 3],
  ['clockJump', 3], ['sync', 16], ['kill', 10], ['fixDrift', 4],
];

export function chooseStep(c: Ctx): string {
  const usable = weights.filter(([name]) => name !== 'kill' || c.host.killable);
  let roll = c.rng.next() * usable.reduce((n, [, w]) => n + w, 0);
  for (const [name, weight] of usable) {
    roll -= weight;
    if (roll < 0) return name;
  }
  return 'sync';
}
