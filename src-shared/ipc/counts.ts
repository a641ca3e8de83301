/** Stock counts: a session per site, counted quantities entered or scanned, posted as differences. */
import { z } from 'zod';
import { request } from './define';
import { actorSchema, countedQuantitySchema, idSchema, limitSchema, noteSchema, offsetSchema, pageOf } from './fields';
import { barcodeSchema } from './items';

export const countLineSchema = z.object({
  itemId: z.string(),
  itemName: z.string(),
  /** On hand when the session started; at posting, the on-hand the count was compared with. */
  expected: z.string(),
  counted: z.string().nullable(),
});

export const countSessionSchema = z.object({
  id: z.string(),
  siteId: z.string(),
  siteName: z.string(),
  status: z.enum(['open', 'posted']),
  scope: z.enum(['all', 'chosen']),
  note: z.string().nullable(),
  startedAt: z.string(),
  startedBy: z.string(),
  postedAt: z.string().nullable(),
  postedBy: z.string().nullable(),
  lineCount: z.int(),
  countedCount: z.int(),
  /** One page of lines (counts.get pages through them; a whole-site count can hold thousands). */
  lines: z.array(countLineSchema),
});
export type CountSession = z.infer<typeof countSessionSchema>;

/** A count session without its lines, for lists. */
export const countSummarySchema = countSessionSchema.omit({ lines: true });
export type CountSummary = z.infer<typeof countSummarySchema>;

export const countListSchema = z
  .object({
    status: z.enum(['open', 'posted']).optional(),
    siteId: idSchema.optional(),
    limit: limitSchema,
    offset: offsetSchema,
  })
  .strict();

export const countDifferenceSchema = z.object({
  itemId: z.string(),
  itemName: z.string(),
  expected: z.string(),
  counted: z.string(),
  difference: z.string(),
  movementId: z.int(),
});
export type CountDifference = z.infer<typeof countDifferenceSchema>;

export const countStartSchema = z
  .object({
    /** Omitted: the default site. */
    siteId: idSchema.optional(),
    /** Omitted: every active inventory item. */
    itemIds: z
      .array(idSchema)
      .min(1, { error: 'Choose at least one item, or choose none to count every item.' })
      .max(5000, { error: 'Count at most 5000 chosen items at once, or choose none to count every item.' })
      .optional(),
    note: noteSchema,
    by: actorSchema,
  })
  .strict();

export const countEnterSchema = z
  .object({
    countId: idSchema,
    itemId: idSchema.optional(),
    barcode: barcodeSchema.optional(),
    counted: countedQuantitySchema,
    /** true adds to what was counted so far (one scan = one more); false replaces it. */
    add: z.boolean().default(false),
  })
  .strict()
  .refine((e) => (e.itemId === undefined) !== (e.barcode === undefined), {
    error: 'Choose the counted item or scan its barcode (one of the two, not both).',
    path: ['itemId'],
  });

export const countRequests = {
  'counts.start': request(
    'Start counting a site: every active inventory item, or the chosen ones.',
    countStartSchema,
    countSessionSchema,
  ),
  'counts.enter': request(
    'Enter (or scan) the counted quantity of one item in an open count.',
    countEnterSchema,
    countLineSchema,
  ),
  'counts.post': request(
    'Post a count: writes a count movement for each difference and closes the session.',
    z.object({ countId: idSchema, by: actorSchema }).strict(),
    z.object({ count: countSessionSchema, differences: z.array(countDifferenceSchema) }),
  ),
  'counts.list': request(
    'Count sessions, newest first: the open ones to pick up again after a restart, or the posted ones.',
    countListSchema,
    pageOf(countSummarySchema),
  ),
  'counts.get': request(
    'One count session with a page of its lines, in item name order.',
    z.object({ id: idSchema, limit: limitSchema, offset: offsetSchema }).strict(),
    countSessionSchema,
  ),
};
