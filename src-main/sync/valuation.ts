/**
 * `valuation.get`: the warehouse's stock valuation beside the balance of QuickBooks' inventory asset
 * accounts, read in the same request, with the difference and the items that explain most of it.
 *
 * ShelfSync's total less QuickBooks' value of an item splits exactly into two parts:
 *   (local qty − QuickBooks qty) × local cost      — drift in quantity
 *   (local cost − PurchaseCost) × QuickBooks qty   — cost changed in QuickBooks
 * and an item QuickBooks does not have (not linked) explains its whole local value.
 */
import type { Valuation, ValuationExplain, ValuationQuickBooks } from '../../src-shared/ipc';
import { formatQuantity } from '../../src-shared/quantity';
import type { Db } from '../db';
import { stockValuation, valueOfUnits, type StockValuation } from '../warehouse';
import { qtyOf } from './countPush';
import { isQboError, type QboObject, type QboPort } from './port';

const TOP = 10;

const cents = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? Math.round(value * 100) : 0);

interface LocalItem {
  itemId: string;
  itemName: string;
  units: number;
  costCents: number;
}

/** Every inventory item with its on hand summed over the sites (QuickBooks has one quantity per item). */
function localItems(valuation: StockValuation): Map<string, LocalItem> {
  const items = new Map<string, LocalItem>();
  for (const line of valuation.lines) {
    const known = items.get(line.itemId);
    if (known) known.units += line.onHandUnits;
    else items.set(line.itemId, { itemId: line.itemId, itemName: line.itemName, units: line.onHandUnits, costCents: line.costCents });
  }
  return items;
}

function explainItem(item: LocalItem, remote: QboObject | undefined): ValuationExplain[] {
  const base = { itemId: item.itemId, itemName: item.itemName, localOnHand: formatQuantity(item.units), localCostCents: item.costCents };
  if (!remote) {
    const amountCents = valueOfUnits(item.units, item.costCents);
    return [{ ...base, kind: 'notInQuickBooks', quickBooksOnHand: null, quickBooksCostCents: null, amountCents }];
  }
  const theirUnits = qtyOf(remote);
  const theirCost = cents(remote.PurchaseCost);
  const shared = { ...base, quickBooksOnHand: formatQuantity(theirUnits), quickBooksCostCents: theirCost };
  return [
    { ...shared, kind: 'quantity' as const, amountCents: valueOfUnits(item.units - theirUnits, item.costCents) },
    { ...shared, kind: 'cost' as const, amountCents: valueOfUnits(theirUnits, item.costCents - theirCost) },
  ].filter((row) => row.amountCents !== 0);
}

/**
 * ShelfSync's id → QuickBooks' Id of every linked inventory item; a linked item with no stock here is
 * added to `items` with 0 on hand, since QuickBooks' quantity of it is drift too.
 */
function itemLinks(db: Db, items: Map<string, LocalItem>): Map<string, string> {
  const rows = db
    .prepare("SELECT l.local_id, l.qbo_id, i.name, i.cost_cents FROM qbo_links l JOIN items i ON i.id = l.local_id WHERE l.entity = 'item' AND i.type = 'inventory'")
    .all() as { local_id: string; qbo_id: string; name: string; cost_cents: number }[];
  for (const r of rows) {
    if (!items.has(r.local_id)) items.set(r.local_id, { itemId: r.local_id, itemName: r.name, units: 0, costCents: r.cost_cents });
  }
  return new Map(rows.map((r) => [r.local_id, r.qbo_id]));
}

async function readQuickBooks(db: Db, qbo: QboPort, valuation: StockValuation): Promise<ValuationQuickBooks> {
  const [assets, remoteItems] = await Promise.all([
    qbo.queryAll('Account', "AccountType = 'Other Current Asset' AND Active IN (true, false)"),
    qbo.queryAll('Item', "Type = 'Inventory' AND Active IN (true, false)"),
  ]);
  const accounts = assets
    .filter((a) => a.AccountSubType === 'Inventory')
    .map((a) => ({ id: a.Id, name: typeof a.FullyQualifiedName === 'string' ? a.FullyQualifiedName : typeof a.Name === 'string' ? a.Name : a.Id, balanceCents: cents(a.CurrentBalance) }));
  const balanceCents = accounts.reduce((n, a) => n + a.balanceCents, 0);
  const byId = new Map(remoteItems.map((o) => [o.Id, o]));
  const items = localItems(valuation);
  const links = itemLinks(db, items);
  const rows = [...items.values()].flatMap((item) => {
    const qboId = links.get(item.itemId);
    return explainItem(item, qboId === undefined ? undefined : byId.get(qboId));
  });
  rows.sort((a, b) => Math.abs(b.amountCents) - Math.abs(a.amountCents) || a.itemName.localeCompare(b.itemName));
  return { read: true, accounts, balanceCents, differenceCents: valuation.totalCents - balanceCents, explaining: rows.slice(0, TOP) };
}

export const notRead = (why: string): ValuationQuickBooks => ({
  read: false,
  reason: `QuickBooks could not be read, so only ShelfSync's side is shown: ${why}`,
});

/** The valuation; `qbo` null (not connected, with `why`) gives the local side only. */
export async function valuationReport(db: Db, qbo: QboPort | null, why: string, lines: number, now: Date): Promise<Valuation> {
  const valuation = stockValuation(db);
  let quickBooks: ValuationQuickBooks;
  if (!qbo) quickBooks = notRead(why);
  else {
    try {
      quickBooks = await readQuickBooks(db, qbo, valuation);
    } catch (error) {
      if (!isQboError(error)) throw error;
      quickBooks = notRead(error.message);
    }
  }
  const shown = valuation.lines.slice(0, lines).map(({ onHandUnits, ...line }) => ({ ...line, onHand: formatQuantity(onHandUnits) }));
  return { sites: valuation.sites, totalCents: valuation.totalCents, lines: shown, lineCount: valuation.lines.length, quickBooks, checkedAt: now.toISOString() };
}
