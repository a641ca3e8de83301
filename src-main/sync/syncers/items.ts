/**
 * Items one way, in the chosen direction. QuickBooks → ShelfSync imports inventory, non-inventory and
 * service items (active and inactive), with the on-hand of new inventory parts into the default site.
 * ShelfSync → QuickBooks creates each item with its QuickBooks type (mappers/item.ts) and accounts.
 */
import { AppError, type ItemDetail } from '../../../src-shared/ipc';
import { formatQuantity } from '../../../src-shared/quantity';
import { inFlightStock, quickBooksTarget } from '../inFlight';
import { createItem, deactivateItem, getItem, importItemStock, updateItem } from '../../warehouse';
import { linkByLocal, linkByQbo } from '../links';
import { itemFromQbo, itemToQboCreate, qboTypeOf, itemToQboUpdate, type ItemFromQbo, type LocalItemForQbo } from '../mappers/item';
import type { QboObject } from '../port';
import { bump } from '../runs';
import { isDeleted, type PullSpec, type PushSpec, type SyncEnv } from '../syncer';
import { effectsOf, findOne, fromQuickBooks, linkObject, qboString, today } from './common';
import { applyPreferredVendor } from './preferredVendor';

const accountRef = (id: string | null, object: QboObject, field: string) => {
  if (!id) return null;
  const name = (object[field] as { name?: unknown } | undefined)?.name;
  return { id, name: (typeof name === 'string' && name !== '' ? name : id).slice(0, 100) };
};

function localItemIdByName(env: SyncEnv, name: string): string | null {
  const row = env.ctx.db.prepare('SELECT id FROM items WHERE name_key = ?').get(name.toLowerCase()) as { id: string } | undefined;
  return row?.id ?? null;
}

function applyItem(env: SyncEnv, object: QboObject): void {
  const db = env.ctx.db;
  const effects = effectsOf(env.ctx);
  const link = linkByQbo(db, 'item', object.Id);
  if (isDeleted(object)) {
    // QuickBooks only inactivates items; should one vanish, keep it and its stock, inactive.
    if (link) deactivateItem(db, effects, link.localId, fromQuickBooks);
    bump(env.counts, 'items.pull', link ? 'updated' : 'skipped');
    return;
  }
  const item = itemFromQbo(object);
  if (!item) {
    bump(env.counts, 'items.pull', 'skipped');
    return;
  }
  const fields = {
    name: item.name,
    sku: item.sku,
    description: item.description,
    costCents: item.costCents,
    priceCents: item.priceCents,
    active: item.active,
    incomeAccountRef: accountRef(item.incomeAccountRef, object, 'IncomeAccountRef'),
    expenseAccountRef: accountRef(item.expenseAccountRef, object, 'ExpenseAccountRef'),
    assetAccountRef: accountRef(item.assetAccountRef, object, 'AssetAccountRef'),
  };
  const localId = link?.localId ?? localItemIdByName(env, item.name);
  if (localId) {
    if (link && link.syncToken === object.SyncToken && !env.resendAll) {
      bump(env.counts, 'items.pull', 'skipped');
      return;
    }
    // A type QuickBooks changed (non-inventory made an inventory part there) follows; equipment stays
    // equipment, since QuickBooks has it as an Inventory item too.
    const current = getItem(db, localId);
    const type = qboTypeOf[current.type] === qboTypeOf[item.type] ? {} : { type: item.type };
    // A new version that changed nothing ShelfSync keeps (its quantity moved by our own adjustment, say)
    // only moves the link on: no update, no audit row.
    const changed = 'type' in type || !sameFields(current, fields);
    if (changed) updateItem(db, effects, { id: localId, ...fields, ...type }, fromQuickBooks);
    applyPreferredVendor(env, localId, object);
    linkObject(env, 'item', localId, object);
    bump(env.counts, 'items.pull', changed ? 'updated' : 'skipped');
    return;
  }
  const created = createItem(db, effects, { ...fields, type: item.type }, fromQuickBooks);
  importQuantity(env, created.id, item);
  applyPreferredVendor(env, created.id, object);
  linkObject(env, 'item', created.id, object);
  bump(env.counts, 'items.pull', 'created');
}

type ItemFields = Pick<ItemDetail, 'name' | 'sku' | 'description' | 'costCents' | 'priceCents' | 'active' | 'incomeAccountRef' | 'expenseAccountRef' | 'assetAccountRef'>;

const sameRef = (a: ItemDetail['incomeAccountRef'], b: ItemDetail['incomeAccountRef']) => a?.id === b?.id && a?.name === b?.name;

/** Whether QuickBooks' version of the fields ShelfSync takes from it equals the item as it is here. */
function sameFields(current: ItemDetail, incoming: ItemFields): boolean {
  return (
    current.name === incoming.name &&
    current.sku === incoming.sku &&
    current.description === incoming.description &&
    current.costCents === incoming.costCents &&
    current.priceCents === incoming.priceCents &&
    current.active === incoming.active &&
    sameRef(current.incomeAccountRef, incoming.incomeAccountRef) &&
    sameRef(current.expenseAccountRef, incoming.expenseAccountRef) &&
    sameRef(current.assetAccountRef, incoming.assetAccountRef)
  );
}

/** The on-hand comes across once, when the item is first imported; afterwards ShelfSync's ledger leads. */
function importQuantity(env: SyncEnv, itemId: string, item: ItemFromQbo): void {
  if (item.qtyOnHandUnits === null || item.qtyOnHandUnits === 0) return;
  // QuickBooks lets on-hand go below zero; the ledger would refuse it and the whole item would stay out.
  if (item.qtyOnHandUnits < 0 && !env.settings.allowNegativeStock) {
    env.log({
      level: 'warning',
      entity: 'items',
      localId: itemId,
      message: `"${item.name}" has ${formatQuantity(item.qtyOnHandUnits)} on hand in QuickBooks; negative stock is not allowed here, so it starts at 0 in ShelfSync. Count it, or fix it from the drift report.`,
    });
    return;
  }
  importItemStock(env.ctx.db, effectsOf(env.ctx), { itemId, onHand: formatQuantity(item.qtyOnHandUnits) }, fromQuickBooks);
}

export const itemPull: PullSpec = {
  entity: 'items',
  qboEntity: 'Item',
  directions: ['qboToLocal'],
  fullReads: ['Active IN (true, false)'],
  apply(env, objects) {
    for (const object of objects) applyItem(env, object);
  },
};

export function companyOnHand(env: SyncEnv, itemId: string): number {
  return env.ctx.db.prepare('SELECT COALESCE(SUM(on_hand), 0) FROM stock_levels WHERE item_id = ?').pluck().get(itemId) as number;
}

export function localItemForQbo(env: SyncEnv, itemId: string): LocalItemForQbo {
  const item = getItem(env.ctx.db, itemId);
  return {
    id: item.id,
    name: item.name,
    sku: item.sku,
    description: item.description,
    type: item.type,
    costCents: item.costCents,
    priceCents: item.priceCents,
    active: item.active,
    incomeAccountRef: item.incomeAccountRef?.id ?? null,
    expenseAccountRef: item.expenseAccountRef?.id ?? null,
    assetAccountRef: item.assetAccountRef?.id ?? null,
    onHandUnits: companyOnHand(env, itemId),
  };
}

export const itemPush: PushSpec = {
  kind: 'item.upsert',
  entity: 'items',
  directions: ['localToQbo'],
  wave: 1,
  prepare(env, row) {
    const item = localItemForQbo(env, row.localId);
    const link = linkByLocal(env.ctx.db, 'item', row.localId);
    if (link) return { action: 'update', entity: 'Item', body: itemToQboUpdate(item, link), label: item.name };
    // The stock changes still queued for this item (adjustments, bills, invoices) follow it: leave them
    // out of its starting quantity, or QuickBooks would count them twice.
    const { target } = quickBooksTarget(inFlightStock(env.ctx.db), row.localId, item.onHandUnits);
    const create = itemToQboCreate({ ...item, onHandUnits: target }, env.settings, today(env));
    if (!create.ok) throw new AppError('refused', `Item "${item.name}": ${create.reason}`);
    return { action: 'create', entity: 'Item', body: create.body, label: item.name };
  },
  findExisting(env, _row, prepared) {
    return findOne(env, 'Item', `Name = ${qboString(String(prepared.body.Name))}`);
  },
  applied(env, row, object) {
    linkObject(env, 'item', row.localId, object);
  },
  resendIds(env) {
    return env.ctx.db.prepare('SELECT id FROM items ORDER BY name_key').pluck().all() as string[];
  },
};
