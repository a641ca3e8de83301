/** SQL for items and their barcodes, and the mapping from rows to the contract's shapes. */
import { accountRefSchema, type AccountRef, type Item, type ItemDetail, type ItemType } from '../../src-shared/ipc';
import { addQuantities, formatQuantity } from '../../src-shared/quantity';
import type { Db } from '../db';
import { all, bool, one } from './sql';
import { lowItemIds } from './stockPosition';

export interface ItemRow {
  id: string;
  name: string;
  sku: string | null;
  description: string | null;
  type: ItemType;
  unit: string | null;
  cost_cents: number;
  price_cents: number;
  reorder_point: number;
  active: number;
  income_account_ref: string | null;
  expense_account_ref: string | null;
  asset_account_ref: string | null;
  preferred_vendor_id: string | null;
  preferred_vendor_source: 'qbo' | 'local' | null;
  created_at: string;
  updated_at: string;
  /** Filled by the list query (at a site or across sites). */
  on_hand?: number | null;
  /** Filled by the list query: the item's barcodes joined with a newline. */
  barcodes?: string | null;
}

function readAccountRef(text: string | null): AccountRef {
  if (text === null) return null;
  const parsed = accountRefSchema.safeParse(JSON.parse(text));
  return parsed.success ? parsed.data : null;
}

export function writeAccountRef(ref: AccountRef | undefined): string | null {
  return ref ? JSON.stringify(ref) : null;
}

export function toItem(row: ItemRow, barcodes: string[], lowStock = false): Item {
  return {
    id: row.id,
    name: row.name,
    sku: row.sku,
    barcodes,
    description: row.description,
    type: row.type,
    unit: row.unit,
    costCents: row.cost_cents,
    priceCents: row.price_cents,
    reorderPoint: formatQuantity(row.reorder_point),
    active: bool(row.active),
    incomeAccountRef: readAccountRef(row.income_account_ref),
    expenseAccountRef: readAccountRef(row.expense_account_ref),
    assetAccountRef: readAccountRef(row.asset_account_ref),
    onHand: formatQuantity(row.on_hand ?? 0),
    lowStock,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function findItemRow(db: Db, id: string): ItemRow | undefined {
  return one<ItemRow>(db, 'SELECT * FROM items WHERE id = ?', id);
}

export function itemIdByBarcode(db: Db, barcode: string): string | undefined {
  return one<{ item_id: string }>(db, 'SELECT item_id FROM item_barcodes WHERE barcode = ?', barcode)?.item_id;
}

export function barcodesOf(db: Db, itemId: string): string[] {
  return all<{ barcode: string }>(db, 'SELECT barcode FROM item_barcodes WHERE item_id = ? ORDER BY barcode', itemId).map(
    (r) => r.barcode,
  );
}

/** The item with its level at every active site (0 where it has never been stocked). */
export function readItemDetail(db: Db, row: ItemRow): ItemDetail {
  const levels =
    row.type === 'inventory'
      ? all<{ site_id: string; site_name: string; on_hand: number }>(
          db,
          `SELECT s.id AS site_id, s.name AS site_name, COALESCE(l.on_hand, 0) AS on_hand
             FROM sites s LEFT JOIN stock_levels l ON l.site_id = s.id AND l.item_id = ?
            WHERE s.active = 1 OR l.on_hand <> 0
            ORDER BY s.is_default DESC, s.name_key`,
          row.id,
        )
      : [];
  const total = addQuantities(...levels.map((l) => l.on_hand));
  return {
    ...toItem({ ...row, on_hand: total }, barcodesOf(db, row.id), lowItemIds(db, [row.id]).has(row.id)),
    levels: levels.map((l) => ({ siteId: l.site_id, siteName: l.site_name, onHand: formatQuantity(l.on_hand) })),
  };
}
