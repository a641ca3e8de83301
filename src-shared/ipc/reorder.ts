/**
 * Reordering: per item and site a reorder point and a level to reorder up to; what is available
 * (on hand less what open picking orders still need) and on order (open POs not yet received); the
 * Low stock list grouped by preferred vendor, and draft purchase orders made from it.
 */
import { z } from 'zod';
import { request } from './define';
import { actorSchema, countedQuantitySchema, dateSchema, idSchema, limitSchema, offsetSchema, pageOf, positiveQuantitySchema, searchSchema, sortDirectionSchema } from './fields';
import { purchaseOrderSchema } from './purchaseOrders';

export const preferredVendorSchema = z
  .object({ id: z.string(), name: z.string(), fromQuickBooks: z.boolean() })
  .nullable();

export const stockPositionSchema = z.object({
  siteId: z.string(),
  siteName: z.string(),
  onHand: z.string(),
  /** Still to pick on open picking orders at this site. */
  committed: z.string(),
  /** On hand less committed. */
  available: z.string(),
  /** Ordered on purchase orders (draft, open or part received) into this site and not yet received. */
  onOrder: z.string(),
  reorderPoint: z.string(),
  reorderUpTo: z.string(),
  /** The site has its own levels; otherwise the item's reorder point stands for both at the default site (0 elsewhere). */
  ownLevels: z.boolean(),
  /** Available is at or below the reorder point. */
  low: z.boolean(),
});
export type StockPosition = z.infer<typeof stockPositionSchema>;

export const reorderInfoSchema = z.object({
  itemId: z.string(),
  itemName: z.string(),
  preferredVendor: preferredVendorSchema,
  sites: z.array(stockPositionSchema),
});
export type ReorderInfo = z.infer<typeof reorderInfoSchema>;

export const reorderLevelsSetSchema = z
  .object({
    itemId: idSchema,
    siteId: idSchema,
    /** Null: the site goes back to the item's reorder point. */
    reorderPoint: countedQuantitySchema.nullable(),
    /** Omitted: the same as the reorder point. */
    reorderUpTo: countedQuantitySchema.optional(),
    by: actorSchema,
  })
  .strict();

export const lowStockLineSchema = z.object({
  itemId: z.string(),
  itemName: z.string(),
  sku: z.string().nullable(),
  unit: z.string().nullable(),
  ...stockPositionSchema.pick({
    siteId: true, siteName: true, onHand: true, committed: true, available: true, onOrder: true, reorderPoint: true, reorderUpTo: true,
  }).shape,
  /** Up to the reorder-up-to level, less what is on order; 0 when open POs already cover it. */
  suggested: z.string(),
  unitCostCents: z.int(),
  vendorId: z.string().nullable(),
  vendorName: z.string().nullable(),
  vendorFromQuickBooks: z.boolean(),
});
export type LowStockLine = z.infer<typeof lowStockLineSchema>;

export const lowStockSorts = ['vendor', 'item', 'sku', 'site', 'onHand', 'committed', 'available', 'onOrder', 'reorderPoint', 'suggested'] as const;

export const lowStockListSchema = z
  .object({
    siteId: idSchema.optional(),
    vendorId: idSchema.optional(),
    search: searchSchema,
    sort: z.enum(lowStockSorts).default('vendor'),
    direction: sortDirectionSchema,
    limit: limitSchema,
    offset: offsetSchema,
  })
  .strict();
export type LowStockQuery = z.output<typeof lowStockListSchema>;

const createLineSchema = z
  .object({
    itemId: idSchema,
    siteId: idSchema,
    qty: positiveQuantitySchema,
    /** Omitted: the item's preferred vendor. A vendor named for an item without one becomes its preferred vendor. */
    vendorId: idSchema.optional(),
  })
  .strict();

export const lowStockCreateSchema = z
  .object({
    lines: z
      .array(createLineSchema)
      .min(1, { error: 'Choose at least one line to order.' })
      .max(500, { error: 'Order at most 500 lines at a time.' }),
    expectedDate: dateSchema.nullable().optional(),
    by: actorSchema,
  })
  .strict();

export const reorderRequests = {
  'reorderLevels.get': request(
    'An item’s stock position at each site (on hand, committed, available, on order) with its reorder levels and preferred vendor.',
    z.object({ itemId: idSchema }).strict(),
    reorderInfoSchema,
  ),
  'reorderLevels.set': request(
    'Set an item’s reorder point and reorder-up-to level at one site (null reorderPoint: back to the item’s reorder point at the default site, none elsewhere).',
    reorderLevelsSetSchema,
    reorderInfoSchema,
  ),
  'reorderLevels.setVendor': request(
    'Choose the vendor an item is reordered from (null clears it). One QuickBooks names as preferred is replaced at its next change there.',
    z.object({ itemId: idSchema, vendorId: idSchema.nullable(), by: actorSchema }).strict(),
    reorderInfoSchema,
  ),
  'lowStock.list': request(
    'Items at or below their reorder point at a site, with the suggested quantity to order, by preferred vendor.',
    lowStockListSchema,
    pageOf(lowStockLineSchema),
  ),
  'lowStock.createPurchaseOrders': request(
    'Make one draft purchase order per vendor and site from the chosen low-stock lines.',
    lowStockCreateSchema,
    z.object({ purchaseOrders: z.array(purchaseOrderSchema) }),
  ),
};
