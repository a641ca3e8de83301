/** Field schemas the warehouse areas share: ids, quantities, money, paging, addresses, document numbers. */
import { z } from 'zod';
import { parseQuantity } from '../quantity';
import { ruleWords } from './fieldWords';

export const idSchema = z.string().trim().min(1).max(64);

/** Any quantity, signed; text so that "0.1" stays exactly 0.1. */
export const quantitySchema = z
  .string({ error: ruleWords('quantity') })
  .refine((text) => parseQuantity(text) !== null, { error: ruleWords('quantity') });

export const positiveQuantitySchema = quantitySchema.refine((text) => (parseQuantity(text) ?? 0) > 0, {
  error: ruleWords('positive'),
});

export const countedQuantitySchema = quantitySchema.refine((text) => (parseQuantity(text) ?? -1) >= 0, {
  error: ruleWords('notNegative'),
});

export const quantityChangeSchema = quantitySchema.refine((text) => parseQuantity(text) !== 0, {
  error: 'Enter a change other than zero: positive adds stock, negative removes it.',
});

/** Money travels as whole cents; 1 000 000 000.00 is far above any line a warehouse writes. */
export const centsSchema = z
  .int({ error: ruleWords('cents') })
  .min(0, { error: ruleWords('notNegativeMoney') })
  .max(100_000_000_000, { error: ruleWords('tooMuchMoney') });

export const limitSchema = z.int().min(1).max(500).default(100);

export const offsetSchema = z.int().min(0).default(0);

export const sortDirectionSchema = z.enum(['asc', 'desc']).default('asc');

export const searchSchema = z.string().trim().max(100, { error: 'Search text is at most 100 characters.' }).optional();

export function pageOf<T extends z.ZodType>(row: T) {
  return z.object({ rows: z.array(row), total: z.int() });
}

/** Who did it, for the audit trail; the host has no sign-in, so the clerk may name themselves. */
export const actorSchema = z.string().trim().min(1).max(100).optional();

export const noteSchema = z.string().trim().max(4000).nullable().optional();

export function optionalText(max: number, what: string) {
  return z
    .string({ error: `${what} must be text.` })
    .trim()
    .max(max, { error: `${what} is at most ${max} characters.` })
    .nullable()
    .optional();
}

/** QuickBooks' address shape, cut to the three street lines a warehouse label prints. */
export const addressSchema = z
  .object({
    line1: optionalText(500, 'An address line'),
    line2: optionalText(500, 'An address line'),
    line3: optionalText(500, 'An address line'),
    city: optionalText(255, 'City'),
    state: optionalText(255, 'State'),
    postalCode: optionalText(30, 'Postal code'),
    country: optionalText(255, 'Country'),
  })
  .strict();
export type AddressInput = z.input<typeof addressSchema>;

export const addressOutputSchema = z.object({
  line1: z.string().nullable(),
  line2: z.string().nullable(),
  line3: z.string().nullable(),
  city: z.string().nullable(),
  state: z.string().nullable(),
  postalCode: z.string().nullable(),
  country: z.string().nullable(),
});
export type Address = z.infer<typeof addressOutputSchema>;

/** QuickBooks' DocNumber is at most 21 characters; omitted, the next free number is chosen. */
export const docNumberSchema = z
  .string({ error: 'The document number must be text.' })
  .trim()
  .min(1, { error: 'Enter a document number, or leave it out to number it automatically.' })
  .max(21, { error: 'A document number is at most 21 characters (QuickBooks’ limit).' })
  .optional();

export const dateSchema = z.iso.date({ error: 'Enter the date as YYYY-MM-DD, e.g. 2026-03-31.' });
