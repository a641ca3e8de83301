/** Items: create (one or a chunk, `itemCreate.ts`), change, deactivate, find by scan. Every local change queues `item.upsert`. */
import { AppError, type HandlerMap, type ItemDetail, type ParsedInput, type RequestInput } from '../../src-shared/ipc';
import { toUnits } from '../../src-shared/quantity';
import { enqueueOutbox, type Db, type ServiceContext } from '../db';
import { recordAudit } from './audit';
import { actorOf, fromQbo, nowIso, type Effects, type WriteOptions } from './effects';
import { importItems, writeNewItems } from './itemCreate';
import { listItems } from './itemList';
import { itemChanged } from './itemStock';
import { findItemRow, itemIdByBarcode, readItemDetail, writeAccountRef, type ItemRow } from './itemsRepo';
import { notFound, parseRequest } from './parse';
import { one, run } from './sql';

export function requireItem(db: Db, id: string, field = 'itemId'): ItemRow {
  const row = findItemRow(db, id);
  if (!row) throw notFound('item', id, field);
  return row;
}

export function getItem(db: Db, id: string): ItemDetail {
  return readItemDetail(db, requireItem(db, id, 'id'));
}

export function findItemByBarcode(db: Db, barcode: string, field = 'barcode'): ItemRow {
  const id = itemIdByBarcode(db, barcode.trim());
  if (id === undefined) throw new AppError('not_found', `No item has the barcode "${barcode}".`, field);
  return requireItem(db, id, field);
}

function assertNameFree(db: Db, name: string, exceptId: string | null): void {
  const clash = one<{ id: string; name: string }>(db, 'SELECT id, name FROM items WHERE name_key = ?', name.toLowerCase());
  if (clash && clash.id !== exceptId) {
    throw new AppError('conflict', `An item named "${clash.name}" already exists (item ${clash.id}).`, 'name');
  }
}

function replaceBarcodes(db: Db, itemId: string, barcodes: readonly string[]): void {
  for (const code of barcodes) {
    const owner = itemIdByBarcode(db, code);
    if (owner !== undefined && owner !== itemId) {
      const name = findItemRow(db, owner)?.name ?? owner;
      throw new AppError('conflict', `The barcode "${code}" already belongs to the item "${name}".`, 'barcodes');
    }
  }
  run(db, 'DELETE FROM item_barcodes WHERE item_id = ?', itemId);
  for (const code of barcodes) run(db, 'INSERT INTO item_barcodes (barcode, item_id) VALUES (?, ?)', code, itemId);
}

function recordItemChange(db: Db, effects: Effects, itemId: string, action: string, options?: WriteOptions): void {
  recordAudit(db, effects, { by: actorOf(options), recordType: 'item', recordId: itemId, action });
  if (!fromQbo(options)) enqueueOutbox(db, effects, { kind: 'item.upsert', localId: itemId });
}

/** One item, through the same checks and writes as an import of one row; the answer is the item as stored. */
export function createItem(db: Db, effects: Effects, input: RequestInput<'items.create'>, options?: WriteOptions): ItemDetail {
  const data = parseRequest('items.create', input);
  return db.transaction(() => {
    const written = writeNewItems(db, effects, [data], options);
    if ('clashes' in written) throw new AppError('conflict', written.clashes[0]?.message ?? 'That item clashes with another.', written.clashes[0]?.field);
    return getItem(db, written.ids[0] ?? '');
  })();
}

type ItemUpdate = ParsedInput<'items.update'>;

/** Column ← field for the plain fields of an update; undefined means "not named, keep it". */
function updatedColumns(data: ItemUpdate): [string, unknown][] {
  const columns: [string, unknown][] = [
    ['name', data.name],
    ['name_key', data.name?.toLowerCase()],
    ['sku', data.sku],
    ['sku_key', data.sku === undefined ? undefined : (data.sku?.toLowerCase() ?? null)],
    ['description', data.description],
    ['type', data.type],
    ['unit', data.unit],
    ['cost_cents', data.costCents],
    ['price_cents', data.priceCents],
    ['reorder_point', data.reorderPoint === undefined ? undefined : toUnits(data.reorderPoint)],
    ['active', data.active === undefined ? undefined : data.active ? 1 : 0],
    ['income_account_ref', data.incomeAccountRef === undefined ? undefined : writeAccountRef(data.incomeAccountRef)],
    ['expense_account_ref', data.expenseAccountRef === undefined ? undefined : writeAccountRef(data.expenseAccountRef)],
    ['asset_account_ref', data.assetAccountRef === undefined ? undefined : writeAccountRef(data.assetAccountRef)],
  ];
  return columns.filter(([, value]) => value !== undefined);
}

export function updateItem(db: Db, effects: Effects, input: RequestInput<'items.update'>, options?: WriteOptions): ItemDetail {
  const data = parseRequest('items.update', input);
  return db.transaction(() => {
    const current = requireItem(db, data.id, 'id');
    if (data.name !== undefined) assertNameFree(db, data.name, current.id);
    if (data.type !== undefined && data.type !== current.type && current.type === 'inventory') {
      const moved = one(db, 'SELECT 1 FROM stock_movements WHERE item_id = ? LIMIT 1', current.id);
      // QuickBooks cannot turn quantity tracking off once on; neither do we once the ledger has history.
      if (moved) {
        throw new AppError(
          'refused',
          `"${current.name}" has stock history, so it stays an inventory item. Deactivate it and add a new item instead.`,
          'type',
        );
      }
    }
    if (data.type !== undefined && !fromQbo(options)) assertTypeChangeAllowed(db, current, data.type);
    const columns = updatedColumns(data);
    const sets = [...columns.map(([column]) => `${column} = ?`), 'updated_at = ?'].join(', ');
    run(db, `UPDATE items SET ${sets} WHERE id = ?`, ...columns.map(([, v]) => v), nowIso(effects), current.id);
    itemChanged(db, current.id);
    if (data.barcodes !== undefined) replaceBarcodes(db, current.id, data.barcodes);
    recordItemChange(db, effects, current.id, 'updated', options);
    return getItem(db, current.id);
  })();
}

const typeWords: Record<ItemRow['type'], string> = { inventory: 'inventory', equipment: 'equipment', nonInventory: 'non-inventory', service: 'service' };
/** Inventory and equipment are both QuickBooks Inventory items (counted); the other two are not. */
const quickBooksType = (type: ItemRow['type']) => (type === 'inventory' || type === 'equipment' ? 'Inventory' : type);

/**
 * An item already in QuickBooks keeps its QuickBooks type: QuickBooks cannot turn quantity tracking off,
 * and ShelfSync never changes the type of an item the books already have. Inventory ↔ equipment is
 * fine (both are QuickBooks Inventory items).
 */
function assertTypeChangeAllowed(db: Db, current: ItemRow, type: ItemRow['type']): void {
  if (quickBooksType(type) === quickBooksType(current.type)) return;
  if (!one(db, "SELECT 1 FROM qbo_links WHERE entity = 'item' AND local_id = ?", current.id)) return;
  const why =
    quickBooksType(current.type) === 'Inventory'
      ? `QuickBooks counts its stock and cannot turn quantity tracking off`
      : `QuickBooks keeps the type an item was made with`;
  throw new AppError(
    'refused',
    `"${current.name}" is already in QuickBooks as a ${typeWords[current.type]} item and ${why}, so it stays a ${typeWords[current.type]} item. Deactivate it and add a new ${typeWords[type]} item instead.`,
    'type',
  );
}

export function deactivateItem(db: Db, effects: Effects, id: string, options?: WriteOptions): ItemDetail {
  return updateItem(db, effects, { id, active: false }, options);
}

export function itemHandlers(): HandlerMap<
  'items.list' | 'items.get' | 'items.create' | 'items.import' | 'items.update' | 'items.deactivate' | 'items.findByBarcode',
  ServiceContext
> {
  return {
    'items.list': (input, ctx) => listItems(ctx.db, input),
    'items.get': (input, ctx) => getItem(ctx.db, input.id),
    'items.create': (input, ctx) => createItem(ctx.db, ctx, input),
    'items.import': (input, ctx) => importItems(ctx.db, ctx, input),
    'items.update': (input, ctx) => updateItem(ctx.db, ctx, input),
    'items.deactivate': (input, ctx) => deactivateItem(ctx.db, ctx, input.id),
    'items.findByBarcode': (input, ctx) => readItemDetail(ctx.db, findItemByBarcode(ctx.db, input.barcode)),
  };
}
