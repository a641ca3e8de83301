/** The sync settings: interval, posting rules, directions per entity, default accounts. */
import { z } from 'zod';
import { event, request } from './define';

export const directionSchema = z.enum(['qboToLocal', 'localToQbo', 'twoWay', 'off']);
export type Direction = z.infer<typeof directionSchema>;

/** Which directions each entity may take (seed 002: items and invoices are one-way only). */
export const directionsSchema = z.object({
  customers: z.enum(['qboToLocal', 'localToQbo', 'twoWay', 'off']),
  vendors: z.enum(['qboToLocal', 'localToQbo', 'off']),
  items: z.enum(['qboToLocal', 'localToQbo', 'off']),
  salesOrders: z.enum(['qboToLocal', 'off']).describe('QuickBooks estimates → picking orders (QuickBooks Online has no sales orders; the key keeps its name).'),
  invoices: z.enum(['localToQbo', 'off']),
  estimates: z.enum(['localToQbo', 'off']).describe('ShelfSync estimates → QuickBooks estimates.'),
  purchaseOrders: z
    .enum(['localToQbo', 'twoWay', 'off'])
    .describe('localToQbo: ShelfSync POs go to QuickBooks; twoWay: also, open QuickBooks POs of inventory items come in to be received here.'),
  stock: z.enum(['localToQbo', 'off']),
});
export type Directions = z.infer<typeof directionsSchema>;
export type SyncedEntity = keyof Directions;

export const accountRefSchema = z
  .object({ id: z.string().min(1).max(20), name: z.string().min(1).max(100) })
  .strict()
  .nullable();
export type AccountRef = z.infer<typeof accountRefSchema>;

export const itemTypeSchema = z.enum(['inventory', 'nonInventory', 'service', 'equipment']);
export type ItemType = z.infer<typeof itemTypeSchema>;

const accountSetSchema = z
  .object({ income: accountRefSchema, expense: accountRefSchema, asset: accountRefSchema })
  .strict();

export const defaultAccountsSchema = z
  .object({
    inventory: accountSetSchema,
    nonInventory: accountSetSchema,
    service: accountSetSchema,
    equipment: accountSetSchema,
  })
  .strict();

export const settingsSchema = z.object({
  autoSync: z.boolean(),
  syncIntervalMinutes: z
    .int({ error: 'Enter the sync interval as whole minutes, from 1 to 1440.' })
    .min(1, { error: 'The sync interval must be at least 1 minute.' })
    .max(1440, { error: 'The sync interval can be at most 1440 minutes (one day).' }),
  manualPosting: z.boolean(),
  partialInvoices: z.boolean(),
  multipleSites: z.boolean(),
  allowNegativeStock: z.boolean(),
  postOrdersAs: z.enum(['invoice', 'salesReceipt']),
  directions: directionsSchema,
  defaultAccounts: defaultAccountsSchema,
  /** Where QuickBooks books stock adjustments (InventoryAdjustment's AdjustAccountRef); none: quantity updates. */
  stockAdjustmentAccount: accountRefSchema,
  /** Intuit meters read calls per month (its free tier: 500,000); ShelfSync warns before its pace passes this. */
  monthlyReadAllowance: z
    .int({ error: 'Enter the monthly read allowance as a whole number of calls.' })
    .min(1000, { error: 'The monthly read allowance must be at least 1,000 calls.' })
    .max(100_000_000, { error: 'The monthly read allowance can be at most 100,000,000 calls.' }),
  /**
   * Who chose the stock adjustment account: nobody yet (the next sync picks "Inventory Shrinkage", else the
   * first cost of goods sold account), ShelfSync (that pick), or a person in Settings (none included).
   */
  stockAdjustmentAccountChosenBy: z.enum(['nobody', 'shelfsync', 'person']),
  /**
   * Set when the company refused InventoryAdjustment (its plan lacks it): stock changes then go as quantity
   * updates of the item. Choosing the account again in Settings clears it, so adjustments are tried again.
   */
  stockAdjustmentsRefused: z.object({ at: z.string(), message: z.string().max(500) }).strict().nullable(),
});
export type Settings = z.infer<typeof settingsSchema>;

export const defaultSettings: Settings = {
  autoSync: true,
  syncIntervalMinutes: 15,
  manualPosting: false,
  partialInvoices: false,
  multipleSites: false,
  allowNegativeStock: false,
  monthlyReadAllowance: 500_000,
  postOrdersAs: 'invoice',
  directions: {
    customers: 'qboToLocal',
    vendors: 'qboToLocal',
    items: 'qboToLocal',
    salesOrders: 'qboToLocal',
    invoices: 'localToQbo',
    estimates: 'localToQbo',
    purchaseOrders: 'localToQbo',
    stock: 'localToQbo',
  },
  defaultAccounts: {
    inventory: { income: null, expense: null, asset: null },
    nonInventory: { income: null, expense: null, asset: null },
    service: { income: null, expense: null, asset: null },
    equipment: { income: null, expense: null, asset: null },
  },
  stockAdjustmentAccount: null,
  stockAdjustmentAccountChosenBy: 'nobody',
  stockAdjustmentsRefused: null,
};

/**
 * An update names only what changes; nested groups may be partial too. Who chose the stock adjustment
 * account and whether adjustments were refused are ShelfSync's to record: setting the account is the choice.
 */
export const settingsPatchSchema = settingsSchema
  .omit({ stockAdjustmentAccountChosenBy: true, stockAdjustmentsRefused: true })
  .extend({
    directions: directionsSchema.partial().strict(),
    defaultAccounts: z
      .object({
        inventory: accountSetSchema.partial(),
        nonInventory: accountSetSchema.partial(),
        service: accountSetSchema.partial(),
        equipment: accountSetSchema.partial(),
      })
      .partial()
      .strict(),
  })
  .partial()
  .strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

export const settingsRequests = {
  'settings.get': request('The current sync settings.', z.object({}).strict(), settingsSchema),
  'settings.update': request(
    'Change some sync settings; answers the settings as stored. Nothing is written when any field is invalid.',
    settingsPatchSchema,
    settingsSchema,
  ),
};

export const settingsEvents = {
  'settings.changed': event('The settings were changed (by any transport).', settingsSchema),
};
