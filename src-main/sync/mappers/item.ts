/**
 * Items: QuickBooks Inventory/NonInventory/Service ↔ ShelfSync's four item types. Local → QuickBooks
 * keeps the type (seed 002): service → Service, non-inventory → NonInventory, inventory and equipment →
 * Inventory, with accounts from the item or the defaults for its type. Only Inventory counts quantity.
 */
import type { AccountRef, ItemType, Settings } from '../../../src-shared/ipc';
import { formatQuantity, parseQuantity } from '../../../src-shared/quantity';
import type { QboObject } from '../port';

export interface ItemFromQbo {
  name: string;
  sku: string | null;
  description: string | null;
  type: ItemType;
  costCents: number;
  priceCents: number;
  active: boolean;
  incomeAccountRef: string | null;
  expenseAccountRef: string | null;
  assetAccountRef: string | null;
  /** Units of 1/10 000; null for items QuickBooks does not count. */
  qtyOnHandUnits: number | null;
}

const qboTypes: Record<string, ItemType | undefined> = { Inventory: 'inventory', NonInventory: 'nonInventory', Service: 'service' };
const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);
const ref = (value: unknown): string | null => text((value as { value?: unknown } | undefined)?.value);
const cents = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? Math.max(0, Math.round(value * 100)) : 0);

/** Null for what ShelfSync does not keep as an item (categories, bundles). */
export function itemFromQbo(object: QboObject): ItemFromQbo | null {
  const type = qboTypes[String(object.Type)];
  if (!type) return null;
  const qty = typeof object.QtyOnHand === 'number' && Number.isFinite(object.QtyOnHand) ? parseQuantity(object.QtyOnHand.toFixed(4)) : null;
  return {
    name: (text(object.Name) ?? `Item ${object.Id}`).slice(0, 100),
    sku: text(object.Sku),
    description: text(object.Description),
    type,
    costCents: cents(object.PurchaseCost),
    priceCents: cents(object.UnitPrice),
    active: object.Active !== false,
    incomeAccountRef: ref(object.IncomeAccountRef),
    expenseAccountRef: ref(object.ExpenseAccountRef),
    assetAccountRef: ref(object.AssetAccountRef),
    qtyOnHandUnits: type === 'inventory' && object.TrackQtyOnHand !== false ? qty : null,
  };
}

/** A ShelfSync item as it goes to QuickBooks: the same fields, with its company-wide on-hand (units). */
export type LocalItemForQbo = Omit<ItemFromQbo, 'qtyOnHandUnits'> & { id: string; onHandUnits: number };

export type ItemBody = { ok: true; body: Record<string, unknown> } | { ok: false; reason: string };

const typeWords: Record<ItemType, string> = {
  inventory: 'inventory',
  nonInventory: 'non-inventory',
  service: 'service',
  equipment: 'equipment',
};

/** The QuickBooks type each ShelfSync type is created as; equipment is counted, so it is Inventory. */
export const qboTypeOf: Record<ItemType, 'Inventory' | 'NonInventory' | 'Service'> = {
  inventory: 'Inventory',
  equipment: 'Inventory',
  nonInventory: 'NonInventory',
  service: 'Service',
};

/** The create body; refused with the setting to fix when an account is missing. */
export function itemToQboCreate(item: LocalItemForQbo, settings: Settings, today: string): ItemBody {
  const defaults = settings.defaultAccounts[item.type];
  const pick = (own: string | null, fallback: AccountRef) => own ?? fallback?.id ?? null;
  const counted = qboTypeOf[item.type] === 'Inventory';
  const income = pick(item.incomeAccountRef, defaults.income);
  const expense = pick(item.expenseAccountRef, defaults.expense);
  const asset = counted ? pick(item.assetAccountRef, defaults.asset ?? settings.defaultAccounts.inventory.asset) : null;
  // QuickBooks needs all three for a counted item; a service or non-inventory item needs its income
  // account to be sold, and carries the expense account when one is set (it is then also bought).
  const missing = [!income && 'income', counted && !expense && 'expense (cost of goods sold)', counted && !asset && 'inventory asset'].filter(Boolean);
  if (missing.length > 0) {
    return {
      ok: false,
      reason: `Choose the default ${missing.join(', ')} account for ${typeWords[item.type]} items in Settings → Default accounts, then Sync Now.`,
    };
  }
  if (!counted) {
    return {
      ok: true,
      body: {
        ...itemCommonFields(item),
        Type: qboTypeOf[item.type],
        TrackQtyOnHand: false,
        IncomeAccountRef: { value: income },
        ...(expense ? { ExpenseAccountRef: { value: expense } } : {}),
      },
    };
  }
  return {
    ok: true,
    body: {
      ...itemCommonFields(item),
      Type: 'Inventory',
      TrackQtyOnHand: true,
      QtyOnHand: Number(formatQuantity(Math.max(0, item.onHandUnits))),
      InvStartDate: today,
      IncomeAccountRef: { value: income },
      ExpenseAccountRef: { value: expense },
      AssetAccountRef: { value: asset },
    },
  };
}

/** A sparse update of the descriptive fields; quantities move only through adjustments. */
export function itemToQboUpdate(item: LocalItemForQbo, link: { qboId: string; syncToken: string }): Record<string, unknown> {
  return { Id: link.qboId, SyncToken: link.syncToken, sparse: true, ...itemCommonFields(item) };
}

function itemCommonFields(item: LocalItemForQbo): Record<string, unknown> {
  return {
    Name: item.name,
    ...(item.sku ? { Sku: item.sku } : {}),
    Description: item.description ?? '',
    UnitPrice: item.priceCents / 100,
    PurchaseCost: item.costCents / 100,
    Active: item.active,
  };
}
