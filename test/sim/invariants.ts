/** What must hold after every scenario, once the faults stopped and sync went quiet. */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Sandbox } from '../../src-main/sandbox';
import type { Result } from '../../src-shared/ipc';
import type { SimHost } from './simHost';

/** What the scenario knows it did locally (only what the host acknowledged). */
export interface Model {
  itemsMode: 'qboToLocal' | 'localToQbo';
  /** Expected local on-hand (all sites) per inventory item. */
  onHand: Map<string, number>;
  customers: string[];
  vendors: string[];
  postedOrders: string[];
  purchaseOrders: string[];
  receipts: number;
  createdCustomers: string[];
  createdItems: string[];
  revoked: boolean;
  /** Items QuickBooks had below zero at import: ShelfSync started them at 0, so they drift by design. */
  startedAtZero: Set<string>;
}

type Json = Record<string, unknown>;
const transactionTypes = ['Invoice', 'SalesReceipt', 'Estimate', 'PurchaseOrder', 'Bill', 'InventoryAdjustment'];

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

export async function checkInvariants(input: { sb: Sandbox; host: SimHost; model: Model }): Promise<string[]> {
  const { sb, host, model } = input;
  const v: string[] = [];
  const dump = ((await (await fetch(`${sb.adminUrl}/dump`)).json()) as { entities: Record<string, Json[]> }).entities;

  // Exactly once: no marker and no ShelfSync document number twice in QuickBooks.
  for (const type of transactionTypes) {
    const seen = new Map<string, number>();
    for (const object of dump[type] ?? []) {
      const note = typeof object.PrivateNote === 'string' ? object.PrivateNote : '';
      if (note.startsWith('ShelfSync ')) {
        const key = `marker ${note.split(' (')[0]}`;
        seen.set(key, (seen.get(key) ?? 0) + 1);
      }
      const number = typeof object.DocNumber === 'string' ? object.DocNumber : '';
      if (/^[SP]\d+-\d+/.test(number)) seen.set(`number ${number}`, (seen.get(`number ${number}`) ?? 0) + 1);
    }
    for (const [key, n] of seen) if (n > 1) v.push(`${type} ${key} is in QuickBooks ${n} times`);
  }

  // Nothing lost on the way: every posted order, purchase order, receipt, new customer and item arrived.
  const docNumbers = (types: string[]) => new Set(types.flatMap((t) => (dump[t] ?? []).map((o) => (typeof o.DocNumber === 'string' ? o.DocNumber : ''))));
  const sales = docNumbers(['Invoice', 'SalesReceipt']);
  for (const number of model.postedOrders) if (!sales.has(number)) v.push(`posted order ${number} never reached QuickBooks`);
  const pos = docNumbers(['PurchaseOrder']);
  for (const number of model.purchaseOrders) if (!pos.has(number)) v.push(`purchase order ${number} never reached QuickBooks`);
  const bills = (dump.Bill ?? []).filter((b) => typeof b.PrivateNote === 'string' && b.PrivateNote.startsWith('ShelfSync receipt ')).length;
  if (bills !== model.receipts) v.push(`${model.receipts} receipts made locally, ${bills} bills from ShelfSync in QuickBooks`);
  for (const name of model.createdCustomers) {
    const n = (dump.Customer ?? []).filter((x) => x.DisplayName === name).length;
    if (n !== 1) v.push(`customer "${name}" is in QuickBooks ${n} times`);
  }
  for (const name of model.createdItems) {
    const n = (dump.Item ?? []).filter((x) => x.Name === name).length;
    if (n !== 1) v.push(`item "${name}" is in QuickBooks ${n} times`);
  }

  // Nothing local lost: every acknowledged stock change is in the on-hand.
  for (const [itemId, expected] of model.onHand) {
    const item = await value<{ name: string; onHand: string }>(host, 'items.get', { id: itemId });
    if (!same(Number(item.onHand), expected)) v.push(`"${item.name}" has ${item.onHand} on hand locally, expected ${expected}`);
  }

  // Both sides agree: quantities (stock goes ShelfSync → QuickBooks), item names (QuickBooks → ShelfSync
  // when items come from QuickBooks), customers (two-way, so equal once quiet).
  const drift = await value<{ rows: { itemId: string; name: string; local: string; quickBooks: string }[] }>(host, 'sync.drift');
  for (const row of drift.rows.filter((r) => !model.startedAtZero.has(r.itemId))) v.push(`"${row.name}": ${row.local} on hand in ShelfSync, ${row.quickBooks} in QuickBooks`);
  const localItems = await value<{ rows: { name: string }[] }>(host, 'items.list', { limit: 500 });
  const localNames = new Set(localItems.rows.map((r) => r.name));
  if (model.itemsMode === 'qboToLocal') {
    for (const item of dump.Item ?? []) {
      if (item.Active === false || !['Inventory', 'NonInventory', 'Service'].includes(String(item.Type))) continue;
      if (!localNames.has(String(item.Name))) v.push(`QuickBooks item "${String(item.Name)}" is not in ShelfSync`);
    }
  }
  const customers = await value<{ rows: { id: string; displayName: string; phone: string | null }[] }>(host, 'customers.list', { limit: 500 });
  const db = new Database(path.join(host.dataDir, 'shelfsync.db'), { readonly: true });
  try {
    const links = new Map(
      (db.prepare("SELECT local_id, qbo_id FROM qbo_links WHERE entity = 'customer'").all() as { local_id: string; qbo_id: string }[]).map((l) => [l.local_id, l.qbo_id]),
    );
    const byId = new Map((dump.Customer ?? []).map((x) => [String(x.Id), x]));
    for (const local of customers.rows) {
      const remote = byId.get(links.get(local.id) ?? '');
      if (!remote) continue;
      const phone = (remote.PrimaryPhone as { FreeFormNumber?: string } | undefined)?.FreeFormNumber ?? null;
      // QuickBooks keeps a cleared phone as an empty string; ShelfSync as null.
      if (String(remote.DisplayName) !== local.displayName || (phone || null) !== (local.phone || null)) {
        v.push(`customer "${local.displayName}"/${local.phone ?? '-'} differs from QuickBooks "${String(remote.DisplayName)}"/${phone ?? '-'}`);
      }
    }
    // The ledger adds up: every level is the sum of its movements.
    const broken = db
      .prepare(
        `SELECT l.item_id, l.site_id, l.on_hand, COALESCE(SUM(m.qty), 0) AS moved FROM stock_levels l
         LEFT JOIN stock_movements m ON m.item_id = l.item_id AND m.site_id = l.site_id
         GROUP BY l.item_id, l.site_id HAVING l.on_hand <> moved`,
      )
      .all() as { item_id: string; on_hand: number; moved: number }[];
    for (const b of broken) v.push(`stock level of ${b.item_id} is ${b.on_hand}, its movements add up to ${b.moved}`);
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
