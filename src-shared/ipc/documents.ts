/** Local sales documents: invoices (sent once ready for sync) and sales estimates. */
import { z } from 'zod';
import { request } from './define';
import {
  actorSchema,
  centsSchema,
  dateSchema,
  docNumberSchema,
  idSchema,
  limitSchema,
  noteSchema,
  offsetSchema,
  optionalText,
  pageOf,
  positiveQuantitySchema,
  searchSchema,
  sortDirectionSchema,
} from './fields';

export const documentLineSchema = z.object({
  id: z.string(),
  itemId: z.string().nullable(),
  description: z.string().nullable(),
  qty: z.string(),
  unitPriceCents: z.int(),
  amountCents: z.int(),
});

const lineInputSchema = z
  .object({
    itemId: idSchema.nullable().optional(),
    description: optionalText(4000, 'A line description'),
    qty: positiveQuantitySchema,
    /** Omitted: the item's price. */
    unitPriceCents: centsSchema.optional(),
  })
  .strict()
  .refine((l) => (l.itemId ?? null) !== null || (l.description ?? '') !== '', {
    error: 'A line needs an item or a description.',
    path: ['itemId'],
  });

const linesSchema = z
  .array(lineInputSchema)
  .min(1, { error: 'A document needs at least one line.' })
  .max(500, { error: 'A document can have at most 500 lines.' });

const documentFields = {
  number: docNumberSchema,
  customerId: idSchema,
  /** Omitted: today. */
  date: dateSchema.optional(),
  note: noteSchema,
  lines: linesSchema,
};

const documentBase = {
  id: z.string(),
  number: z.string(),
  customerId: z.string(),
  customerName: z.string(),
  date: z.string(),
  totalCents: z.int(),
  qboTxnId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
};

export const invoiceSummarySchema = z.object({
  ...documentBase,
  dueDate: z.string().nullable(),
  readyForSync: z.boolean(),
  qboNumber: z.string().nullable(),
  paid: z.boolean(),
  balanceCents: z.int(),
  orderId: z.string().nullable(),
  estimateId: z.string().nullable(),
});
export const invoiceSchema = invoiceSummarySchema.extend({ note: z.string().nullable(), lines: z.array(documentLineSchema) });
export type Invoice = z.infer<typeof invoiceSchema>;

export const estimateStatusSchema = z.enum(['draft', 'posted', 'invoiced']);
export const estimateSummarySchema = z.object({
  ...documentBase,
  status: estimateStatusSchema,
  expirationDate: z.string().nullable(),
});
export const estimateSchema = estimateSummarySchema.extend({ note: z.string().nullable(), lines: z.array(documentLineSchema) });
export type Estimate = z.infer<typeof estimateSchema>;

const documentSorts = ['number', 'customer', 'date', 'total', 'createdAt'] as const;
/** status: not ready, ready for sync, in QuickBooks; unpaid before paid within each. */
export const invoiceSorts = [...documentSorts, 'qboNumber', 'balance', 'status'] as const;
export const estimateSorts = [...documentSorts, 'expirationDate', 'status'] as const;

const listFields = {
  search: searchSchema,
  customerId: idSchema.optional(),
  direction: sortDirectionSchema,
  limit: limitSchema,
  offset: offsetSchema,
};

export const invoiceListSchema = z
  .object({
    ...listFields,
    sort: z.enum(invoiceSorts).default('date'),
    readyForSync: z.boolean().optional(),
    paid: z.boolean().optional(),
  })
  .strict();

export const estimateListSchema = z
  .object({ ...listFields, sort: z.enum(estimateSorts).default('date'), status: estimateStatusSchema.optional() })
  .strict();

export const invoiceCreateSchema = z.object({ ...documentFields, dueDate: dateSchema.nullable().optional() }).strict();
/** A document written again: what is named replaces what was there (lines as a whole). */
const documentChangeFields = {
  id: idSchema,
  number: docNumberSchema,
  customerId: idSchema.optional(),
  date: dateSchema.optional(),
  note: noteSchema,
  lines: linesSchema.optional(),
};
/** An invoice not yet ready for sync, changed. */
export const invoiceUpdateSchema = z.object({ ...documentChangeFields, dueDate: dateSchema.nullable().optional() }).strict();
/** A draft estimate, changed. */
export const estimateUpdateSchema = z.object({ ...documentChangeFields, expirationDate: dateSchema.nullable().optional() }).strict();
export const estimateCreateSchema = z
  .object({ ...documentFields, expirationDate: dateSchema.nullable().optional() })
  .strict();

const byId = z.object({ id: idSchema }).strict();

export const documentRequests = {
  'invoices.list': request('A page of invoices; search over number and customer.', invoiceListSchema, pageOf(invoiceSummarySchema)),
  'invoices.get': request('One invoice with its lines.', byId, invoiceSchema),
  'invoices.create': request('Write an invoice. It goes to QuickBooks only once marked ready.', invoiceCreateSchema, invoiceSchema),
  'invoices.update': request(
    'Change an invoice that is not marked ready for sync (untick it first): customer, number, dates, note, or all its lines.',
    invoiceUpdateSchema,
    invoiceSchema,
  ),
  'invoices.createFromOrder': request(
    'Write an invoice for what was picked on a picked (or posted) order, at the items’ prices.',
    z.object({ orderId: idSchema, number: docNumberSchema, date: dateSchema.optional() }).strict(),
    invoiceSchema,
  ),
  'invoices.markReady': request(
    'Mark an invoice ready for sync: it is queued for QuickBooks, which will give it its own number.',
    z.object({ id: idSchema, by: actorSchema }).strict(),
    invoiceSchema,
  ),
  'invoices.unmarkReady': request(
    'Take back an invoice marked ready before it is sent: it stays here, not ready, and nothing goes to QuickBooks. Refused once it may have reached QuickBooks.',
    z.object({ id: idSchema, by: actorSchema }).strict(),
    invoiceSchema,
  ),
  'estimates.list': request('A page of sales estimates.', estimateListSchema, pageOf(estimateSummarySchema)),
  'estimates.get': request('One sales estimate with its lines.', byId, estimateSchema),
  'estimates.create': request('Write a sales estimate.', estimateCreateSchema, estimateSchema),
  'estimates.update': request(
    'Change a draft estimate (one not yet posted to QuickBooks): customer, number, dates, note, or all its lines.',
    estimateUpdateSchema,
    estimateSchema,
  ),
  'estimates.post': request(
    'Post a sales estimate to QuickBooks.',
    z.object({ id: idSchema, by: actorSchema }).strict(),
    estimateSchema,
  ),
  'estimates.createInvoice': request(
    'Write the invoice for a sales estimate (once per estimate).',
    z.object({ id: idSchema, number: docNumberSchema, date: dateSchema.optional() }).strict(),
    invoiceSchema,
  ),
};
