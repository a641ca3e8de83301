/** Picking orders: picked line by line (or by scan), closed when partial, posted for invoicing. */
import { z } from 'zod';
import { request } from './define';
import {
  actorSchema,
  addressOutputSchema,
  addressSchema,
  docNumberSchema,
  idSchema,
  limitSchema,
  noteSchema,
  offsetSchema,
  pageOf,
  positiveQuantitySchema,
  searchSchema,
  sortDirectionSchema,
} from './fields';
import { barcodeSchema } from './items';

export const orderStatuses = ['open', 'picking', 'picked', 'posted', 'closed'] as const;
export const orderStatusSchema = z.enum(orderStatuses);
export type OrderStatus = z.infer<typeof orderStatusSchema>;

export const orderLineSchema = z.object({
  id: z.string(),
  itemId: z.string(),
  itemName: z.string(),
  ordered: z.string(),
  picked: z.string(),
  /** Picked and already sent for invoicing. */
  invoiced: z.string(),
  /** Not picked and not coming: a partial order was closed. */
  cancelled: z.string(),
  /** Still to pick. */
  remaining: z.string(),
  /** What remains after a partial invoice: the back order. */
  backOrdered: z.string(),
  qboLineRef: z.string().nullable(),
});

export const orderSummarySchema = z.object({
  id: z.string(),
  number: z.string(),
  customerId: z.string(),
  customerName: z.string(),
  siteId: z.string(),
  status: orderStatusSchema,
  backOrder: z.boolean(),
  source: z.enum(['local', 'qbo']),
  qboTxnId: z.string().nullable(),
  outOfSync: z.boolean(),
  outOfSyncReason: z.string().nullable(),
  syncError: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** A QuickBooks document a posting of the order became, once the sync has sent it. */
export const orderQboDocumentSchema = z.object({
  type: z.enum(['invoice', 'salesReceipt']),
  /** The document number QuickBooks holds (null if it gave none). */
  qboNumber: z.string().nullable(),
  qboTxnId: z.string(),
});
export type OrderQboDocument = z.infer<typeof orderQboDocumentSchema>;

export const orderSchema = orderSummarySchema.extend({
  serviceLocationId: z.string().nullable(),
  /** Oldest first: the first posting, then each back order's. */
  qboDocuments: z.array(orderQboDocumentSchema),
  shipTo: addressOutputSchema,
  note: z.string().nullable(),
  lines: z.array(orderLineSchema),
});
export type PickingOrder = z.infer<typeof orderSchema>;

const orderLineInputSchema = z
  .object({
    itemId: idSchema,
    qty: positiveQuantitySchema,
    qboLineRef: z.string().trim().min(1).max(40).nullable().optional(),
  })
  .strict();

export const orderCreateSchema = z
  .object({
    number: docNumberSchema,
    customerId: idSchema,
    /** Omitted: the default site. */
    siteId: idSchema.optional(),
    serviceLocationId: idSchema.nullable().optional(),
    /** Omitted: the service location's address, else the customer's shipping address. */
    shipTo: addressSchema.nullable().optional(),
    note: noteSchema,
    lines: z
      .array(orderLineInputSchema)
      .min(1, { error: 'An order needs at least one line.' })
      .max(500, { error: 'An order can have at most 500 lines.' }),
  })
  .strict();

export const orderPickSchema = z
  .object({
    orderId: idSchema,
    lineId: idSchema.optional(),
    itemId: idSchema.optional(),
    barcode: barcodeSchema.optional(),
    qty: positiveQuantitySchema,
    by: actorSchema,
  })
  .strict()
  .refine((p) => [p.lineId, p.itemId, p.barcode].filter((v) => v !== undefined).length === 1, {
    error: 'Say what was picked by one of its line, its item or a barcode (only one).',
    path: ['itemId'],
  });

export const orderListSchema = z
  .object({
    search: searchSchema,
    status: orderStatusSchema.optional(),
    customerId: idSchema.optional(),
    siteId: idSchema.optional(),
    source: z.enum(['local', 'qbo']).optional(),
    outOfSync: z.boolean().optional(),
    /** flags: orders with none first; out of sync, then a sync error, then back order, then from QuickBooks weigh most. */
    sort: z.enum(['number', 'customer', 'status', 'flags', 'createdAt', 'updatedAt']).default('createdAt'),
    direction: sortDirectionSchema,
    limit: limitSchema,
    offset: offsetSchema,
  })
  .strict();

export const orderPostResultSchema = z.object({
  posted: z.array(z.object({ orderId: z.string(), number: z.string(), status: orderStatusSchema, lines: z.int() })),
});

export const orderRequests = {
  'orders.list': request('A page of picking orders, made here or from QuickBooks estimates (QuickBooks estimate 1042 → picking order 1042); search over number and customer.', orderListSchema, pageOf(orderSummarySchema)),
  'orders.get': request('One picking order with its lines.', z.object({ id: idSchema }).strict(), orderSchema),
  'orders.create': request(
    'Add a picking order of inventory items at one site. The number must be unique.',
    orderCreateSchema,
    orderSchema,
  ),
  'orders.update': request(
    'Write a ShelfSync order again before anything is picked on it: customer, site, address, note and all its lines (the number stays).',
    orderCreateSchema.omit({ number: true }).extend({ id: idSchema }).strict(),
    orderSchema,
  ),
  'orders.pick': request(
    'Pick a quantity of one line (by line, item or scanned barcode); takes the stock from the order’s site.',
    orderPickSchema,
    orderSchema,
  ),
  'orders.close': request(
    'Close an order that will not be picked further: what is left is cancelled; what was picked goes to invoicing.',
    z.object({ orderId: idSchema, reason: noteSchema, by: actorSchema }).strict(),
    orderSchema,
  ),
  'orders.settleInQuickBooks': request(
    'Close an order that is out of sync because it was dealt with in QuickBooks (invoiced, closed or changed there): nothing more is sent for it, what was picked stays taken from stock, and what was not is cancelled.',
    z.object({ orderId: idSchema, reason: noteSchema, by: actorSchema }).strict(),
    orderSchema,
  ),
  'orders.post': request(
    'Send picked orders to QuickBooks for invoicing: one order, or every picked order when orderId is left out.',
    z.object({ orderId: idSchema.optional(), by: actorSchema }).strict(),
    orderPostResultSchema,
  ),
};
