/**
 * How stock reaches QuickBooks. By default as dated InventoryAdjustments booked to the stock adjustment
 * account, which the first sync picks when nobody has chosen one ("Inventory Shrinkage", else the first
 * cost of goods sold account by name). Where the company refuses InventoryAdjustment (a plan without
 * it), as quantity updates of the item, remembered in Settings and said in the sync log.
 */
import { readSettings, writeSettings } from '../db';
import type { AccountRef, Settings } from '../../src-shared/ipc';
import type { QboErrorLike, QboObject } from './port';
import type { SyncEnv } from './syncer';

/** The account stock changes are booked to as InventoryAdjustments, or null: they go as quantity updates. */
export function adjustmentAccount(settings: Settings): AccountRef {
  return settings.stockAdjustmentsRefused ? null : settings.stockAdjustmentAccount;
}

/** "Inventory Shrinkage" if the company has it, else the first cost of goods sold account by name. */
export function pickAdjustmentAccount(accounts: readonly QboObject[]): AccountRef {
  const usable = accounts
    .filter((a) => a.Active !== false && typeof a.Name === 'string' && a.Name !== '')
    .sort((a, b) => String(a.Name).localeCompare(String(b.Name)));
  const shrinkage = usable.find((a) => String(a.Name).trim().toLowerCase() === 'inventory shrinkage');
  const chosen = shrinkage ?? usable.find((a) => a.AccountType === 'Cost of Goods Sold');
  return chosen ? { id: chosen.Id, name: String(chosen.Name).slice(0, 100) } : null;
}

/** Writes a few stock settings during a run: into the stored document, the run's copy, and the screens. */
function saveStockSettings(env: SyncEnv, patch: Partial<Pick<Settings, 'stockAdjustmentAccount' | 'stockAdjustmentAccountChosenBy' | 'stockAdjustmentsRefused'>>): void {
  const { db, clock } = env.ctx;
  const next: Settings = { ...readSettings(db), ...patch };
  writeSettings(db, next, clock.now());
  env.settings = { ...env.settings, ...patch };
  env.ctx.emit('settings.changed', next);
}

/**
 * At the first sync with stock going to QuickBooks and no account chosen by anyone: picks one (one query
 * of the company's cost of goods sold accounts) and says so. Later runs ask nothing.
 */
export async function chooseAdjustmentAccount(env: SyncEnv): Promise<void> {
  const { settings } = env;
  if (settings.stockAdjustmentAccount || settings.stockAdjustmentAccountChosenBy !== 'nobody') return;
  if (settings.directions.stock !== 'localToQbo') return;
  const picked = pickAdjustmentAccount(await env.qbo.queryAll('Account', "AccountType = 'Cost of Goods Sold'"));
  saveStockSettings(env, { stockAdjustmentAccount: picked, stockAdjustmentAccountChosenBy: 'shelfsync' });
  env.log({
    level: picked ? 'info' : 'warning',
    entity: 'stock',
    message: picked
      ? `Stock changes go to QuickBooks as inventory adjustments booked to "${picked.name}", chosen automatically; you can pick another account in Settings.`
      : 'QuickBooks has no "Inventory Shrinkage" or cost of goods sold account, so stock changes go as quantity updates of the item until you choose a stock adjustment account in Settings.',
  });
}

/**
 * Whether QuickBooks refused an InventoryAdjustment because the company cannot have them: 5020, the
 * feature is not in its product (a plan below Plus), or 6190, which Intuit uses both for a feature the
 * subscription lacks and for a subscription that ended. The quantity update tried next tells those two
 * apart: an ended subscription refuses it too, and then nothing is remembered.
 */
export function isAdjustmentRefusal(error: QboErrorLike): boolean {
  return error.code === '5020' || error.code === '6190';
}

/** The company refused InventoryAdjustment and a quantity update went through: remember it, and say so. */
export function rememberAdjustmentsRefused(env: SyncEnv, error: QboErrorLike): void {
  if (env.settings.stockAdjustmentsRefused) return;
  const message = `QuickBooks refused inventory adjustments for this company (code ${error.code ?? 'none'}: ${error.message})`.slice(0, 500);
  saveStockSettings(env, { stockAdjustmentsRefused: { at: env.ctx.clock.now().toISOString(), message } });
  env.log({
    level: 'warning',
    entity: 'stock',
    qboCode: error.code,
    message: `${message}. Stock changes now go as quantity updates of the item instead; Settings shows this. Choose the stock adjustment account again in Settings to try adjustments once more.`,
  });
}
