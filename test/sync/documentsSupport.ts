/** Helpers for the document sync tests: acting as a QuickBooks user, and reading both sides. */
import type { SyncRun } from '../../src-shared/ipc';
import { admin, clearFaults as clearPracticeFaults, injectFault } from '../support/practiceAdmin';
import type { SyncHarness } from './harness';

export type QboRecord = Record<string, unknown> & { Id: string; SyncToken: string };
type Ref = { value: string; name?: string };
export type QboLine = Record<string, unknown> & { Id?: string; DetailType: string };
export type QboDoc = QboRecord & { DocNumber?: string; Line: QboLine[]; LinkedTxn?: { TxnId: string; TxnType: string }[]; PrivateNote?: string };

export async function qboAll<T extends QboRecord = QboRecord>(h: SyncHarness, entity: string): Promise<T[]> {
  return ((await h.dump())[entity] ?? []) as T[];
}

/** The entity the practice company's admin API answers with, e.g. `{ "Invoice": {…} }` → the invoice. */
async function adminCall(h: SyncHarness, method: string, path: string, body?: unknown): Promise<QboRecord> {
  return Object.values(await admin(h.sb, method, `/entities/${path}`, body))[0] as QboRecord;
}

/** As a QuickBooks user: create, edit, delete. */
export const asQboUser = {
  create: <T extends QboRecord = QboDoc>(h: SyncHarness, entity: string, body: unknown) => adminCall(h, 'POST', entity, body) as Promise<T>,
  edit: <T extends QboRecord = QboDoc>(h: SyncHarness, entity: string, id: string, patch: unknown) =>
    adminCall(h, 'PATCH', `${entity}/${id}`, patch) as Promise<T>,
  remove: (h: SyncHarness, entity: string, id: string) => adminCall(h, 'DELETE', `${entity}/${id}`),
};

export async function clearFaults(h: SyncHarness): Promise<void> {
  await clearPracticeFaults(h.sb);
}

/**
 * One sync whose first matching request QuickBooks carries out but whose answer is lost, after which
 * QuickBooks cannot be reached (so the run gives up); the faults are cleared afterwards.
 */
export async function syncWithAnswerLost(h: SyncHarness, match: Record<string, string>): Promise<SyncRun> {
  await injectFault(h.sb, 'commitThenDrop', match, 1);
  await injectFault(h.sb, 'drop', match, 4);
  const run = await h.sync();
  await clearFaults(h);
  return run;
}

/** The practice company's pieces a sales order needs: an active customer, inventory parts, a service item. */
type Part = Ref & { price: number };
const part = (p: QboRecord & { Name: string; UnitPrice?: number }): Part => ({ value: p.Id, name: p.Name, price: p.UnitPrice ?? 10 });

export async function salesPieces(h: SyncHarness): Promise<{ customer: Ref; parts: [Part, Part, Part]; service: Ref; discountAccount: Ref }> {
  const d = await h.dump();
  const customers = (d.Customer ?? []) as (QboRecord & { DisplayName: string; Active?: boolean; Job?: boolean })[];
  const items = (d.Item ?? []) as (QboRecord & { Name: string; Type: string; Active?: boolean; UnitPrice?: number })[];
  const accounts = (d.Account ?? []) as (QboRecord & { Name: string; AccountType: string })[];
  const customer = customers.find((c) => c.Active !== false && c.Job !== true);
  const [a, b, c] = items.filter((i) => i.Type === 'Inventory' && i.Active !== false);
  const service = items.find((i) => i.Type === 'Service' && i.Active !== false);
  const discount = accounts.find((a) => a.AccountType === 'Income') ?? accounts[0];
  if (!customer || !a || !b || !c || !service || !discount) throw new Error('the practice company lacks the pieces for a sales order');
  return {
    customer: { value: customer.Id, name: customer.DisplayName },
    parts: [part(a), part(b), part(c)],
    service: { value: service.Id, name: service.Name },
    discountAccount: { value: discount.Id, name: discount.Name },
  };
}

/** A sales line as QuickBooks takes it: the ItemRef carries only `value` and `name` (a Part's price stays here). */
export const itemLine = (item: Ref, qty: number, price: number) => ({
  DetailType: 'SalesItemLineDetail',
  Amount: Math.round(qty * price * 100) / 100,
  SalesItemLineDetail: { ItemRef: { value: item.value, name: item.name }, Qty: qty, UnitPrice: price },
});

export interface OrderLine { id: string; itemId: string; itemName: string; ordered: string; picked: string; invoiced: string; remaining: string; backOrdered: string; qboLineRef: string | null }
export interface Order {
  id: string;
  number: string;
  customerId: string;
  siteId: string;
  status: string;
  backOrder: boolean;
  source: string;
  qboTxnId: string | null;
  outOfSync: boolean;
  outOfSyncReason: string | null;
  lines: OrderLine[];
}

export async function orderNumbered(h: SyncHarness, number: string): Promise<Order | undefined> {
  const page = await h.call<{ rows: { id: string; number: string }[] }>('orders.list', { search: number, limit: 50 });
  const summary = page.rows.find((r) => r.number === number);
  return summary ? h.call<Order>('orders.get', { id: summary.id }) : undefined;
}

export async function logMessages(h: SyncHarness, runId?: number): Promise<string[]> {
  const page = await h.call<{ rows: { message: string }[] }>('sync.errors', { limit: 200, ...(runId === undefined ? {} : { runId }) });
  return page.rows.map((r) => r.message);
}

/** Item lines of a QuickBooks sales document as [ItemRef, Qty, UnitPrice]. */
export function itemLines(doc: QboDoc): [string, number, number][] {
  return doc.Line.filter((l) => l.DetailType === 'SalesItemLineDetail').map((l) => {
    const d = l.SalesItemLineDetail as { ItemRef: Ref; Qty: number; UnitPrice: number };
    return [d.ItemRef.value, d.Qty, d.UnitPrice];
  });
}
