/** What must hold after every scenario, once the faults stopped and sync went quiet. */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { PracticeCompanyServer } from '../../src-main/sandbox';
import type { Result } from '../../src-shared/ipc';
import type { SimHost } from './simHost';
import type { Model } from './model';
import { admin } from './context';

export type { Model } from './model';

type Json = Record<string, unknown>;
type Books = Record<string, Json[]>;
type Db = InstanceType<typeof Database>;
const transactionTypes = ['Invoice', 'SalesReceipt', 'Estimate', 'PurchaseOrder', 'Bill', 'InventoryAdjustment'];
const salesTypes = { invoice: 'Invoice', salesReceipt: 'SalesReceipt' } as const;

async function value<T>(host: SimHost, name: string, input: unknown = {}): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const result = (await host.call(name, input)) as Result<T>;
    if (result.ok) return result.value;
    // QuickBooks may still be throttling the last runs' burst: a clerk would try again too.
    if (result.error.code !== 'qbo' || attempt === 5) throw new Error(`${name} refused while checking: ${result.error.message}`);
    await new Promise((r) => setTimeout(r, 400));
  }
}

const same = (a: number, b: number) => Math.abs(a - b) < 1e-9;
const str = (v: unknown) => (typeof v === 'string' ? v : '');
const phoneOf = (o: Json) => (o.PrimaryPhone as { FreeFormNumber?: string } | undefined)?.FreeFormNumber || null;

/** The keys a ShelfSync document is known by in QuickBooks: its marker and its document number. */
function documentKeys(object: Json): string[] {
  const keys: string[] = [];
  const note = str(object.PrivateNote);
  if (note.startsWith('ShelfSync ')) keys.push(`marker ${note.split(' (')[0]}`);
  const number = str(object.DocNumber);
  if (/^[SP]\d+-\d+/.test(number)) keys.push(`number ${number}`);
  return keys;
}

/**
 * Exactly once: no marker and no ShelfSync document number twice within a type, nor one order's posting
 * as both an Invoice and a SalesReceipt; and each posted order is in QuickBooks as the type "post orders
 * as" said when it was posted.
 */
function documentsOnce(books: Books, model: Model): string[] {
  const v: string[] = [];
  for (const type of transactionTypes) {
    const seen = new Map<string, number>();
    for (const object of books[type] ?? []) for (const key of documentKeys(object)) seen.set(key, (seen.get(key) ?? 0) + 1);
    for (const [key, n] of seen) if (n > 1) v.push(`${type} ${key} is in QuickBooks ${n} times`);
  }
  const inInvoices = new Set((books.Invoice ?? []).flatMap(documentKeys));
  for (const key of new Set((books.SalesReceipt ?? []).flatMap(documentKeys))) {
    if (inInvoices.has(key)) v.push(`${key} is in QuickBooks both as an Invoice and as a SalesReceipt`);
  }
  const numbers = (type: string) => new Set((books[type] ?? []).map((o) => str(o.DocNumber)));
  const byType = { invoice: numbers('Invoice'), salesReceipt: numbers('SalesReceipt') };
  for (const { number, as } of model.postedOrders) {
    const other = as === 'invoice' ? 'salesReceipt' : 'invoice';
    if (byType[as].has(number)) continue;
    if (byType[other].has(number)) v.push(`order ${number} was posted while Settings said ${salesTypes[as]}, but it is in QuickBooks as a ${salesTypes[other]}`);
    else v.push(`posted order ${number} never reached QuickBooks`);
  }
  return v;
}

/** Nothing lost on the way: every purchase order, receipt, new customer and new item arrived, once. */
function nothingLost(books: Books, model: Model): string[] {
  const v: string[] = [];
  const pos = new Set((books.PurchaseOrder ?? []).map((o) => str(o.DocNumber)));
  for (const number of model.purchaseOrders) if (!pos.has(number)) v.push(`purchase order ${number} never reached QuickBooks`);
  const bills = (books.Bill ?? []).filter((b) => str(b.PrivateNote).startsWith('ShelfSync receipt ')).length;
  if (bills !== model.receipts) v.push(`${model.receipts} receipts made locally, ${bills} bills from ShelfSync in QuickBooks`);
  for (const name of model.createdCustomers) {
    const n = (books.Customer ?? []).filter((x) => x.DisplayName === name).length;
    if (n !== 1) v.push(`customer "${name}" is in QuickBooks ${n} times`);
  }
  for (const name of model.createdItems) {
    const n = (books.Item ?? []).filter((x) => x.Name === name).length;
    if (n !== 1) v.push(`item "${name}" is in QuickBooks ${n} times`);
  }
  return v;
}

function links(db: Db, entity: string): Map<string, string> {
  const rows = db.prepare('SELECT local_id, qbo_id FROM qbo_links WHERE entity = ?').all(entity) as { local_id: string; qbo_id: string }[];
  return new Map(rows.map((l) => [l.local_id, l.qbo_id]));
}

/**
 * Stock converged, judged by QuickBooks' own books: each item's QtyOnHand there is the model's on-hand
 * (all sites; only what the host acknowledged), apart from a known offset (model.ts). The app's own
 * drift report must then name exactly the items whose books differ.
 */
async function stockInBooks(host: SimHost, db: Db, books: Books, model: Model, names: Map<string, string>): Promise<string[]> {
  const v: string[] = [];
  const itemLinks = links(db, 'item');
  const remote = new Map((books.Item ?? []).map((o) => [String(o.Id), o]));
  const differ = new Set<string>();
  for (const [itemId, local] of model.onHand) {
    const name = names.get(itemId) ?? itemId;
    const object = remote.get(itemLinks.get(itemId) ?? '');
    if (!object) {
      v.push(`"${name}" is not linked to an item in QuickBooks`);
      continue;
    }
    const theirs = Number(object.QtyOnHand ?? 0);
    const expected = local + (model.qboOffset.get(itemId) ?? 0);
    if (!same(theirs, expected)) v.push(`"${name}": QuickBooks' books say ${theirs} on hand, expected ${expected} (ShelfSync's ${local}${expected === local ? '' : ` and ${expected - local} QuickBooks already had apart`})`);
    if (!same(theirs, local)) differ.add(itemId);
  }
  const drift = await value<{ rows: { itemId: string; name: string }[] }>(host, 'sync.drift');
  const reported = new Set(drift.rows.map((r) => r.itemId));
  for (const itemId of differ) if (!reported.has(itemId)) v.push(`the drift report leaves out "${names.get(itemId) ?? itemId}", whose on-hand differs in QuickBooks`);
  for (const row of drift.rows) if (model.onHand.has(row.itemId) && !differ.has(row.itemId)) v.push(`the drift report lists "${row.name}", whose on-hand agrees with QuickBooks`);
  return v;
}

interface LocalParty {
  id: string;
  displayName: string;
  phone: string | null;
}

/**
 * Customers and vendors agree once quiet: every linked one has QuickBooks' name and phone; every one a
 * QuickBooks user added or changed during the scenario is here and linked (customers go both ways,
 * vendors come from QuickBooks).
 */
function partiesAgree(entity: 'Customer' | 'Vendor', db: Db, books: Books, model: Model, locals: LocalParty[]): string[] {
  const v: string[] = [];
  const word = entity.toLowerCase();
  const byLocal = links(db, word);
  const byQbo = new Map([...byLocal].map(([local, qbo]) => [qbo, local]));
  const localById = new Map(locals.map((l) => [l.id, l]));
  const remote = new Map((books[entity] ?? []).map((x) => [String(x.Id), x]));
  for (const local of locals) {
    const object = remote.get(byLocal.get(local.id) ?? '');
    if (!object) continue;
    const phone = phoneOf(object);
    // QuickBooks keeps a cleared phone as an empty string; ShelfSync as null.
    if (str(object.DisplayName) !== local.displayName || phone !== (local.phone || null)) {
      v.push(`${word} "${local.displayName}"/${local.phone ?? '-'} differs from QuickBooks "${str(object.DisplayName)}"/${phone ?? '-'}`);
    }
  }
  const arrived = (qboId: string, what: string) => {
    const local = localById.get(byQbo.get(qboId) ?? '');
    if (!local) v.push(`${what} never arrived in ShelfSync`);
  };
  for (const id of model.qboEdited[entity]) arrived(id, `the QuickBooks edit of ${word} ${id}`);
  for (const name of model.qboCreated[entity]) {
    const object = (books[entity] ?? []).find((x) => x.DisplayName === name);
    if (object) arrived(String(object.Id), `${word} "${name}", added in QuickBooks,`);
    else if (!locals.some((l) => l.displayName === name)) v.push(`${word} "${name}", added in QuickBooks, is neither there nor here`);
  }
  return v;
}

/** The ledger adds up: every level is the sum of its movements. */
function ledgerAddsUp(db: Db): string[] {
  const broken = db
    .prepare(
      `SELECT l.item_id, l.site_id, l.on_hand, COALESCE(SUM(m.qty), 0) AS moved FROM stock_levels l
       LEFT JOIN stock_movements m ON m.item_id = l.item_id AND m.site_id = l.site_id
       GROUP BY l.item_id, l.site_id HAVING l.on_hand <> moved`,
    )
    .all() as { item_id: string; on_hand: number; moved: number }[];
  return broken.map((b) => `stock level of ${b.item_id} is ${b.on_hand}, its movements add up to ${b.moved}`);
}

export async function checkInvariants(input: { sb: PracticeCompanyServer; host: SimHost; model: Model }): Promise<string[]> {
  const { sb, host, model } = input;
  const books = (await admin(sb, 'GET', '/dump')).entities as Books;
  const v = [...documentsOnce(books, model), ...nothingLost(books, model)];

  // Nothing local lost: every acknowledged stock change is in the on-hand.
  const names = new Map<string, string>();
  for (const [itemId, expected] of model.onHand) {
    const item = await value<{ name: string; onHand: string }>(host, 'items.get', { id: itemId });
    names.set(itemId, item.name);
    if (!same(Number(item.onHand), expected)) v.push(`"${item.name}" has ${item.onHand} on hand locally, expected ${expected}`);
  }
  // Item names follow QuickBooks when items come from there.
  if (model.itemsMode === 'qboToLocal') {
    const localNames = new Set((await value<{ rows: { name: string }[] }>(host, 'items.list', { limit: 500 })).rows.map((r) => r.name));
    for (const item of books.Item ?? []) {
      if (item.Active === false || !['Inventory', 'NonInventory', 'Service'].includes(String(item.Type))) continue;
      if (!localNames.has(String(item.Name))) v.push(`QuickBooks item "${String(item.Name)}" is not in ShelfSync`);
    }
  }
  const customers = (await value<{ rows: LocalParty[] }>(host, 'customers.list', { limit: 500 })).rows;
  const vendors = (await value<{ rows: LocalParty[] }>(host, 'vendors.list', { limit: 500 })).rows;
  const db = new Database(path.join(host.dataDir, 'shelfsync.db'), { readonly: true });
  try {
    v.push(...(await stockInBooks(host, db, books, model, names)));
    v.push(...partiesAgree('Customer', db, books, model, customers));
    v.push(...partiesAgree('Vendor', db, books, model, vendors));
    v.push(...ledgerAddsUp(db));
  } finally {
    db.close();
  }
  return v;
}

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(full) : [full];
  });
}

/**
 * No access token, refresh token or client secret in any file the host wrote (the token store's own
 * file, standing in for the OS keychain, excepted), in its log, or in the exported errors.
 */
export function scanForSecrets(input: { secrets: string[]; dataDir: string; logText: string; errorsCsv: string; extraFiles?: string[] }): string[] {
  const places: [string, string][] = [
    ...[...filesUnder(input.dataDir), ...(input.extraFiles ?? [])].map((f): [string, string] => [f, fs.readFileSync(f).toString('latin1')]),
    ['the host log', input.logText],
    ['the exported errors', input.errorsCsv],
  ];
  const found: string[] = [];
  for (const [where, text] of places) {
    for (const secret of input.secrets) if (secret.length >= 8 && text.includes(secret)) found.push(`a secret (${secret.slice(0, 4)}…) is in ${where}`);
  }
  return found;
}
