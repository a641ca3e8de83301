/** The stock ledger: adjustments, transfers between sites, and the movement history. */
import { z } from 'zod';
import { event, request } from './define';
import {
  actorSchema,
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

export const movementListSchema = z
  .object({
    itemId: idSchema.optional(),
    siteId: idSchema.optional(),
    kind: movementKindSchema.optional(),
    documentType: z.string().trim().max(40).optional(),
    documentId: idSchema.optional(),
    /** Omitted: newest first. */
    sort: z.enum(['at', 'item', 'site', 'kind', 'qty']).default('at'),
    direction: z.enum(['asc', 'desc']).default('desc'),
    limit: limitSchema,
    offset: offsetSchema,
  })
  .strict();

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
};

export const stockEvents = {
  'stock.changed': event(
    'On-hand quantities changed; carries the new level of each item at each site touched.',
    z.object({ levels: z.array(levelChangeSchema) }),
  ),
};
