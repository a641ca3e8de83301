/**
 * Bins: the shelf places inside a site (codes like A-03-2), the bins an item is kept in at each site
 * (one of them primary), and a picking order's lines in bin order. ShelfSync's own: nothing goes to QuickBooks.
 */
import { z } from 'zod';
import { request } from './define';
import { actorSchema, idSchema } from './fields';

/** Letters, digits and the separators a shelf label uses; compared without regard to case. */
export const binCodeSchema = z
  .string({ error: 'A bin code must be text, like A-03-2.' })
  .trim()
  .min(1, { error: 'A bin code cannot be empty; write it like A-03-2.' })
  .max(32, { error: 'A bin code is at most 32 characters.' })
  .regex(/^[A-Za-z0-9][A-Za-z0-9 ._/-]*$/, {
    error: 'A bin code uses letters, digits, spaces and . _ / - only, starting with a letter or digit (like A-03-2).',
  });

export const binSchema = z.object({
  id: z.string(),
  siteId: z.string(),
  code: z.string(),
  /** Items that have this bin at the site. */
  items: z.int(),
});
export type Bin = z.infer<typeof binSchema>;

export const itemBinSchema = z.object({
  siteId: z.string(),
  siteName: z.string(),
  binId: z.string(),
  code: z.string(),
  primary: z.boolean(),
});
export type ItemBin = z.infer<typeof itemBinSchema>;

export const itemBinsSchema = z.object({ itemId: z.string(), bins: z.array(itemBinSchema) });

export const pickLineSchema = z.object({
  lineId: z.string(),
  itemId: z.string(),
  itemName: z.string(),
  remaining: z.string(),
  /** The item's primary bin at the order's site; null when it has none (such lines come last). */
  bin: z.string().nullable(),
});
export type PickLine = z.infer<typeof pickLineSchema>;

export const binAssignSchema = z
  .object({
    itemId: idSchema,
    siteId: idSchema,
    code: binCodeSchema,
    /** Omitted: primary when the item has no primary bin at the site yet. */
    primary: z.boolean({ error: 'Primary is yes or no (true or false).' }).optional(),
    by: actorSchema,
  })
  .strict();

export const binRequests = {
  'bins.list': request('The bins of a site, in code order, with how many items each holds.', z.object({ siteId: idSchema }).strict(), z.array(binSchema)),
  'bins.create': request(
    'Add a bin to a site. Its code is unique at the site, whatever the case.',
    z.object({ siteId: idSchema, code: binCodeSchema, by: actorSchema }).strict(),
    binSchema,
  ),
  'bins.assign': request(
    'Keep an item in a bin at a site (the bin is made when the site has none by that code); primary makes it where receiving puts the item away.',
    binAssignSchema,
    itemBinsSchema,
  ),
  'bins.forItem': request('The bins an item is kept in, per site, primary first.', z.object({ itemId: idSchema }).strict(), itemBinsSchema),
  'bins.pickList': request(
    'A picking order’s lines still to pick, sorted by the primary bin code at its site (lines without a bin last), for one walk.',
    z.object({ orderId: idSchema }).strict(),
    z.object({ orderId: z.string(), siteId: z.string(), lines: z.array(pickLineSchema) }),
  ),
};
