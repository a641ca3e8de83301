/** Sites (warehouse locations) and items: the catalogue the stock ledger counts. */
import { z } from 'zod';
import { request } from './define';
import {
  centsSchema,
  countedQuantitySchema,
  idSchema,
  limitSchema,
  offsetSchema,
  optionalText,
  pageOf,
  searchSchema,
  sortDirectionSchema,
} from './fields';
import { accountRefSchema, itemTypeSchema } from './settings';

export const siteSchema = z.object({
  id: z.string(),
  name: z.string(),
  isDefault: z.boolean(),
  active: z.boolean(),
  qboLocationRef: z.string().nullable(),
});
export type Site = z.infer<typeof siteSchema>;

const siteNameSchema = z
  .string({ error: 'Enter the site name.' })
  .trim()
  .min(1, { error: 'Enter the site name.' })
  .max(100, { error: 'A site name is at most 100 characters.' });

export const itemNameSchema = z
  .string({ error: 'Enter the item name.' })
  .trim()
  .min(1, { error: 'Enter the item name.' })
  .max(100, { error: 'An item name is at most 100 characters (QuickBooks’ limit).' })
  .refine((name) => !name.includes(':'), {
    error: 'An item name cannot contain a colon: QuickBooks uses it to separate sub-items.',
  });

export const barcodeSchema = z
  .string({ error: 'A barcode must be text.' })
  .trim()
  .min(1, { error: 'A barcode cannot be empty.' })
  .max(64, { error: 'A barcode is at most 64 characters.' })
  // eslint-disable-next-line no-control-regex -- the point is to refuse control characters
  .regex(/^[^\u0000-\u001f\u007f]+$/, { error: 'A barcode cannot contain control characters (tabs, line breaks).' });

const barcodesSchema = z
  .array(barcodeSchema)
  .max(20, { error: 'An item can have at most 20 barcodes.' })
  .refine((codes) => new Set(codes).size === codes.length, { error: 'The same barcode is listed twice.' });

const itemFields = {
  name: itemNameSchema,
  sku: optionalText(100, 'SKU'),
  barcodes: barcodesSchema.optional(),
  description: optionalText(4000, 'The description'),
  type: itemTypeSchema.optional(),
  unit: optionalText(20, 'The unit'),
  costCents: centsSchema.optional(),
  priceCents: centsSchema.optional(),
  reorderPoint: countedQuantitySchema.optional(),
  active: z.boolean().optional(),
  incomeAccountRef: accountRefSchema.optional(),
  expenseAccountRef: accountRefSchema.optional(),
  assetAccountRef: accountRefSchema.optional(),
};

export const itemCreateSchema = z.object(itemFields).strict();
export const itemUpdateSchema = z
  .object({ id: idSchema, ...itemFields, name: itemNameSchema.optional() })
  .strict();

export const stockLevelSchema = z.object({ siteId: z.string(), siteName: z.string(), onHand: z.string() });

export const itemSchema = z.object({
  id: z.string(),
  name: z.string(),
  sku: z.string().nullable(),
  barcodes: z.array(z.string()),
  description: z.string().nullable(),
  type: itemTypeSchema,
  unit: z.string().nullable(),
  costCents: z.int(),
  priceCents: z.int(),
  reorderPoint: z.string(),
  active: z.boolean(),
  incomeAccountRef: accountRefSchema,
  expenseAccountRef: accountRefSchema,
  assetAccountRef: accountRefSchema,
  /** At the listed site when the list names one, else across all sites. */
  onHand: z.string(),
  /** Available (on hand less committed) is at or below the reorder point: at the listed site, else at any site. */
  lowStock: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Item = z.infer<typeof itemSchema>;

export const itemDetailSchema = itemSchema.extend({ levels: z.array(stockLevelSchema) });
export type ItemDetail = z.infer<typeof itemDetailSchema>;

export const itemListSchema = z
  .object({
    search: searchSchema,
    siteId: idSchema.optional(),
    type: itemTypeSchema.optional(),
    active: z.boolean().optional(),
    belowReorderPoint: z.boolean().optional(),
    /** `barcode` sorts by each item's first barcode (as the list shows it); items without one come last either way. */
    sort: z.enum(['name', 'sku', 'type', 'updatedAt', 'onHand', 'barcode']).default('name'),
    direction: sortDirectionSchema,
    limit: limitSchema,
    offset: offsetSchema,
  })
  .strict();
export type ItemListQuery = z.output<typeof itemListSchema>;

const byId = z.object({ id: idSchema }).strict();

/** The most rows one import takes: one transaction, short enough that the host keeps answering. */
export const itemImportMaxRows = 1000;

export const itemImportSchema = z
  .object({
    // Each row is checked against items.create's own schema by the service, so a refusal names the row.
    rows: z
      .array(z.unknown().meta({ description: 'One item, with the fields items.create takes.' }))
      .min(1, { error: 'Add at least one row to import.' })
      .max(itemImportMaxRows, { error: `An import takes at most ${String(itemImportMaxRows)} rows; send a longer sheet in parts.` }),
    firstRow: z.int({ error: 'Enter the first row number as a whole number.' }).min(1, { error: 'Rows are numbered from 1.' }).optional(),
  })
  .strict();

export const itemImportResultSchema = z.object({
  created: z.int(),
  items: z.array(z.object({ row: z.int(), id: z.string(), name: z.string() })),
});
export type ItemImportResult = z.infer<typeof itemImportResultSchema>;

export const itemRequests = {
  'sites.list': request(
    'Every site (warehouse location), the default first; `active` keeps only active (or only inactive) ones.',
    z.object({ active: z.boolean().optional() }).strict(),
    z.array(siteSchema),
  ),
  'sites.create': request(
    'Add a site. Its name must be unique.',
    z.object({ name: siteNameSchema, qboLocationRef: optionalText(20, 'The QuickBooks location id') }).strict(),
    siteSchema,
  ),
  'sites.update': request(
    'Rename a site, map it to a QuickBooks location for Multiple Sites (null clears the mapping), or (de)activate it: the default site and a site holding stock stay active.',
    z
      .object({
        id: idSchema,
        name: siteNameSchema.optional(),
        qboLocationRef: z.string().trim().min(1).max(20, { error: 'A QuickBooks location id is at most 20 characters.' }).nullable().optional(),
        active: z.boolean().optional(),
      })
      .strict(),
    siteSchema,
  ),
  'items.list': request(
    'A page of items: search over name, SKU and barcode; filter by type, active, site and reorder point; sorted.',
    itemListSchema,
    pageOf(itemSchema),
  ),
  'items.get': request('One item with its on-hand quantity at each site.', byId, itemDetailSchema),
  'items.create': request(
    'Add an item. Names are unique, at most 100 characters and without colons (QuickBooks’ rules).',
    itemCreateSchema,
    itemDetailSchema,
  ),
  'items.import': request(
    'Add many items at once (a spreadsheet’s rows, at most 1000 per call; `firstRow` is the sheet’s number of the first row). Every row follows items.create’s rules and no name or barcode may repeat; if any row is wrong nothing is added and the refusal lists each wrong row and field.',
    itemImportSchema,
    itemImportResultSchema,
  ),
  'items.update': request(
    'Change an item; name only what changes. Barcodes, when given, replace the item’s list.',
    itemUpdateSchema,
    itemDetailSchema,
  ),
  'items.deactivate': request('Make an item inactive (it keeps its history and stock).', byId, itemDetailSchema),
  'items.findByBarcode': request(
    'The item a scanned barcode belongs to.',
    z.object({ barcode: barcodeSchema }).strict(),
    itemDetailSchema,
  ),
};
