/** Stock counts: a session per site, counted quantities entered or scanned, posted as differences. */
import { z } from 'zod';
import { request } from './define';
import { actorSchema, countedQuantitySchema, idSchema, limitSchema, noteSchema, offsetSchema, pageOf } from './fields';
import { binCodeSchema } from './bins';
import { barcodeSchema } from './items';

export const countLineSchema = z.object({
  itemId: z.string(),
  itemName: z.string(),
  /** On hand when the session started; at posting, the on-hand the count was compared with. */
  expected: z.string(),
  counted: z.string().nullable(),
  /** What was counted in each bin of the site (code order); counted is their sum, plus anything counted with no bin. */
  bins: z.array(z.object({ binCode: z.string(), counted: z.string() })),
  /** Bins the item is kept in at the site where it was not counted, once it was counted in another bin. */
  uncountedBins: z.array(z.string()),
});

export type CountLine = z.infer<typeof countLineSchema>;

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
    /**
     * The bin being counted (its label scanned first): the quantity is what is in that bin, and the item's
     * count is the sum over its bins. Omitted with add false: the quantity is the item's whole count here.
     */
    binCode: binCodeSchema.optional(),
  })
  .strict()
  .refine((e) => (e.itemId === undefined) !== (e.barcode === undefined), {
    error: 'Choose the counted item or scan its barcode (one of the two, not both).',
    path: ['itemId'],
  });

/** One bin in a count: what was counted there, and the items kept there that were not scanned there. */
export const countBinSchema = z.object({
  countId: z.string(),
  binId: z.string(),
  binCode: z.string(),
  finishedAt: z.string().nullable(),
  counted: z.array(z.object({ itemId: z.string(), itemName: z.string(), counted: z.string() })),
  /** Kept in this bin (the item's bins) and part of the count, but not counted in this bin yet. */
  notScanned: z.array(z.object({ itemId: z.string(), itemName: z.string(), expected: z.string() })),
});
export type CountBin = z.infer<typeof countBinSchema>;

export const countFinishBinSchema = z
  .object({
    countId: idSchema,
    binCode: binCodeSchema,
    /** Items not scanned in the bin that the clerk confirms are not there: counted as 0 in it. The rest stay uncounted there. */
    zeroItemIds: z
      .array(idSchema)
      .max(5000, { error: 'Confirm at most 5000 items as none at once.' })
      .default([]),
    by: actorSchema,
  })
  .strict();

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
  'counts.bin': request(
    'One bin of an open count (its label scanned): what was counted in it so far, and the items kept there not scanned there yet.',
    z.object({ countId: idSchema, binCode: binCodeSchema }).strict(),
    countBinSchema,
  ),
  'counts.finishBin': request(
    'Finish counting a bin: the items kept there but not scanned there that are named in zeroItemIds are counted as 0 in it; the others stay uncounted there.',
    countFinishBinSchema,
    countBinSchema,
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
