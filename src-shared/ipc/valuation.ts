/**
 * Stock valuation: on hand × cost per item and site, totals per site and overall, beside the balance
 * of QuickBooks' inventory asset account(s) read in the same request, with the difference and the
 * items that explain most of it.
 */
import { z } from 'zod';
import { request } from './define';
import { idSchema, limitSchema, offsetSchema, pageOf, searchSchema } from './fields';

export const valuationLineSchema = z.object({
  itemId: z.string(),
  itemName: z.string(),
  sku: z.string().nullable(),
  siteId: z.string(),
  siteName: z.string(),
  onHand: z.string(),
  costCents: z.int(),
  /** On hand × cost, rounded to the cent. */
  valueCents: z.int(),
});
export type ValuationLine = z.infer<typeof valuationLineSchema>;

export const valuationSiteSchema = z.object({
  siteId: z.string(),
  siteName: z.string(),
  /** Inventory items with stock (positive or negative) at this site. */
  items: z.int(),
  valueCents: z.int(),
});

export const valuationExplainKinds = ['quantity', 'cost', 'notInQuickBooks'] as const;

export const valuationExplainSchema = z.object({
  itemId: z.string(),
  itemName: z.string(),
  /**
   * quantity: on hand here differs from QuickBooks' QtyOnHand (valued at the cost here);
   * cost: QuickBooks' PurchaseCost differs from the cost here (valued at QuickBooks' quantity);
   * notInQuickBooks: the item is not linked to a QuickBooks item, so its whole value is here only.
   */
  kind: z.enum(valuationExplainKinds),
  localOnHand: z.string(),
  quickBooksOnHand: z.string().nullable(),
  localCostCents: z.int(),
  quickBooksCostCents: z.int().nullable(),
  /** What this explains of ShelfSync's total less QuickBooks' balance. */
  amountCents: z.int(),
});
export type ValuationExplain = z.infer<typeof valuationExplainSchema>;

export const valuationQuickBooksSchema = z.discriminatedUnion('read', [
  z.object({
    read: z.literal(true),
    /** Accounts of type Other Current Asset and detail type Inventory, with their CurrentBalance. */
    accounts: z.array(z.object({ id: z.string(), name: z.string(), balanceCents: z.int() })),
    balanceCents: z.int(),
    /** ShelfSync's total less QuickBooks' balance. */
    differenceCents: z.int(),
    /** The ten items that explain most of the difference, largest first by absolute amount. */
    explaining: z.array(valuationExplainSchema),
  }),
  z.object({ read: z.literal(false), reason: z.string() }),
]);
export type ValuationQuickBooks = z.infer<typeof valuationQuickBooksSchema>;

export const valuationSchema = z.object({
  sites: z.array(valuationSiteSchema),
  totalCents: z.int(),
  /** The most valuable lines (item × site), largest first; `lineCount` says how many there are in all. */
  lines: z.array(valuationLineSchema),
  lineCount: z.int(),
  quickBooks: valuationQuickBooksSchema,
  checkedAt: z.string(),
});
export type Valuation = z.infer<typeof valuationSchema>;

export const valuationSorts = ['item', 'sku', 'site', 'onHand', 'cost', 'value'] as const;

export const valuationLineListSchema = z
  .object({
    siteId: idSchema.optional(),
    search: searchSchema,
    /** Omitted: the most valuable first. */
    sort: z.enum(valuationSorts).default('value'),
    direction: z.enum(['asc', 'desc']).default('desc'),
    limit: limitSchema,
    offset: offsetSchema,
  })
  .strict();

export const valuationRequests = {
  'valuation.get': request(
    'The stock valuation (on hand × cost per item and site, totals per site and overall) beside the balance of QuickBooks’ inventory asset accounts read now, with the difference and the ten items that explain most of it; only the local side when QuickBooks cannot be read.',
    z
      .object({
        lines: z.int().min(0).max(500).default(50),
      })
      .strict(),
    valuationSchema,
  ),
  'valuation.lines': request(
    'A page of the stock valuation’s lines (on hand × cost per inventory item and site with stock), sorted by any column; filter by site or search over item name and SKU. Read here only, no QuickBooks call.',
    valuationLineListSchema,
    pageOf(valuationLineSchema),
  ),
};
