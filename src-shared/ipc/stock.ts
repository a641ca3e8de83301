/** The stock ledger: adjustments, transfers between sites, and the movement history. */
import { z } from 'zod';
import { event, request } from './define';
import {
  actorSchema,
  dateSchema,
  idSchema,
  limitSchema,
  noteSchema,
  offsetSchema,
  pageOf,
  positiveQuantitySchema,
  quantityChangeSchema,
} from './fields';

export const movementKinds = ['receipt', 'pick', 'adjustment', 'count', 'transfer', 'import'] as const;
export const movementKindSchema = z.enum(movementKinds);
export type MovementKind = z.infer<typeof movementKindSchema>;

export const movementSchema = z.object({
  id: z.int(),
  at: z.string(),
  kind: movementKindSchema,
  itemId: z.string(),
  itemName: z.string(),
  siteId: z.string(),
  siteName: z.string(),
  /** Signed: positive adds stock at the site, negative removes it. */
  qty: z.string(),
  balanceAfter: z.string(),
  documentType: z.string().nullable(),
  documentId: z.string().nullable(),
  reason: z.string().nullable(),
  note: z.string().nullable(),
  by: z.string(),
  /** The bin the stock went to or came from (a receipt put away, a count of one bin), where there is one. */
  binCode: z.string().nullable(),
});
export type Movement = z.infer<typeof movementSchema>;

const reasonSchema = z
  .string({ error: 'Give a reason for the adjustment (e.g. "damaged", "found").' })
  .trim()
  .min(1, { error: 'Give a reason for the adjustment (e.g. "damaged", "found").' })
  .max(200, { error: 'A reason is at most 200 characters.' });

export const stockAdjustSchema = z
  .object({
    itemId: idSchema,
    /** Omitted: the default site. */
    siteId: idSchema.optional(),
    qtyDiff: quantityChangeSchema,
    reason: reasonSchema,
    note: noteSchema,
    by: actorSchema,
  })
  .strict();

export const stockTransferSchema = z
  .object({
    itemId: idSchema,
    fromSiteId: idSchema,
    toSiteId: idSchema,
    qty: positiveQuantitySchema,
    note: noteSchema,
    by: actorSchema,
  })
  .strict()
  .refine((t) => t.fromSiteId !== t.toSiteId, { error: 'Choose two different sites.', path: ['toSiteId'] });

export const movementSorts = ['at', 'item', 'site', 'kind', 'qty', 'balanceAfter', 'why', 'bin', 'by'] as const;

export const movementListSchema = z
  .object({
    itemId: idSchema.optional(),
    siteId: idSchema.optional(),
    kind: movementKindSchema.optional(),
    documentType: z.string().trim().max(40).optional(),
    documentId: idSchema.optional(),
    /** Omitted: newest first. `balanceAfter` is the on hand at the site after the movement; `why` the reason, note or document. */
    sort: z.enum(movementSorts).default('at'),
    direction: z.enum(['asc', 'desc']).default('desc'),
    limit: limitSchema,
    offset: offsetSchema,
  })
  .strict();

export const stockHistorySchema = z
  .object({
    itemId: idSchema,
    /** Omitted: every site, summed. */
    siteId: idSchema.optional(),
    /** The first day shown (UTC). Omitted: from the item's first movement. */
    from: dateSchema.optional(),
    /** The last day shown (UTC), whole. Omitted: up to now. */
    to: dateSchema.optional(),
  })
  .strict()
  .refine((h) => h.from === undefined || h.to === undefined || h.from <= h.to, {
    error: 'The end date must be on or after the start date.',
    path: ['to'],
  });

/** Up to this many movements in the range, one point per movement; beyond it, one point per day. */
export const historyMovementPoints = 1000;

export const stockHistoryPointSchema = z.object({
  /** The movement's time, or the day (YYYY-MM-DD, UTC) for a point per day. */
  at: z.string(),
  /** On hand after the point: at the site, or summed over the sites. */
  onHand: z.string(),
  /** The change the point made (a transfer between two sites changes the sum by zero). */
  change: z.string(),
  /** How many movements the point stands for. */
  movements: z.int(),
  /** The kind, when every movement of the point is of one kind. */
  kind: movementKindSchema.nullable(),
});
export type StockHistoryPoint = z.infer<typeof stockHistoryPointSchema>;

export const stockHistoryResultSchema = z.object({
  itemId: z.string(),
  itemName: z.string(),
  unit: z.string().nullable(),
  siteId: z.string().nullable(),
  siteName: z.string().nullable(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  /** On hand when the range starts (before its first point). */
  opening: z.string(),
  /** On hand when the range ends. */
  closing: z.string(),
  /** movement: one point per movement (a transfer across sites is one point); day: the day's closing balance. */
  step: z.enum(['movement', 'day']),
  movements: z.int(),
  points: z.array(stockHistoryPointSchema),
});
export type StockHistory = z.infer<typeof stockHistoryResultSchema>;

const levelChangeSchema = z.object({ itemId: z.string(), siteId: z.string(), onHand: z.string() });
export type LevelChange = z.infer<typeof levelChangeSchema>;

export const stockRequests = {
  'stock.adjust': request(
    'Add or remove stock of an inventory item at a site, with a reason; queued for QuickBooks as an inventory adjustment.',
    stockAdjustSchema,
    z.object({ movement: movementSchema, onHand: z.string() }),
  ),
  'stock.transfer': request(
    'Move stock of an inventory item from one site to another (two movements; the company total is unchanged).',
    stockTransferSchema,
    z.object({ movements: z.array(movementSchema), levels: z.array(levelChangeSchema) }),
  ),
  'stock.movements': request(
    'A page of stock movements, newest first; filter by item, site, kind or source document.',
    movementListSchema,
    pageOf(movementSchema),
  ),
  'stock.history': request(
    'An item’s on hand over time from its movements, at one site or summed over all sites, for a chart drawn as steps: one point per movement, or one per day when the range holds more than 1000 movements.',
    stockHistorySchema,
    stockHistoryResultSchema,
  ),
};

export const stockEvents = {
  'stock.changed': event(
    'On-hand quantities changed; carries the new level of each item at each site touched.',
    z.object({ levels: z.array(levelChangeSchema) }),
  ),
};
