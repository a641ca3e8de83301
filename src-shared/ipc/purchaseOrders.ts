/** Purchase orders: drafted, posted to QuickBooks, received (whole or in part) into a site. */
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
  pageOf,
  positiveQuantitySchema,
  searchSchema,
  sortDirectionSchema,
} from './fields';
import { barcodeSchema } from './items';
import { binCodeSchema } from './bins';

export const purchaseOrderStatuses = ['draft', 'open', 'partiallyReceived', 'received', 'closed'] as const;
export const purchaseOrderStatusSchema = z.enum(purchaseOrderStatuses);
export type PurchaseOrderStatus = z.infer<typeof purchaseOrderStatusSchema>;

export const purchaseOrderLineSchema = z.object({
  id: z.string(),
  itemId: z.string(),
  itemName: z.string(),
  ordered: z.string(),
  received: z.string(),
  remaining: z.string(),
  unitCostCents: z.int(),
  amountCents: z.int(),
});

export const purchaseOrderSummarySchema = z.object({
  id: z.string(),
  number: z.string(),
  vendorId: z.string(),
  vendorName: z.string(),
  siteId: z.string(),
  status: purchaseOrderStatusSchema,
  posted: z.boolean(),
  needsResync: z.boolean(),
  /** Made here, or raised in QuickBooks and received here. */
  source: z.enum(['local', 'qbo']),
  /** A QuickBooks PO changed or closed there after receiving started here: nothing more is received until it is closed here. */
  outOfSync: z.boolean(),
  outOfSyncReason: z.string().nullable(),
  expectedDate: z.string().nullable(),
  totalCents: z.int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const purchaseOrderSchema = purchaseOrderSummarySchema.extend({
  note: z.string().nullable(),
  lines: z.array(purchaseOrderLineSchema),
});
export type PurchaseOrder = z.infer<typeof purchaseOrderSchema>;

const lineInputSchema = z
  .object({
    /** An existing line to change; omitted for a new line. */
    id: idSchema.optional(),
    itemId: idSchema,
    qty: positiveQuantitySchema,
    /** Omitted: the item's cost. */
    unitCostCents: centsSchema.optional(),
  })
  .strict();

const linesSchema = z
  .array(lineInputSchema)
  .min(1, { error: 'A purchase order needs at least one line.' })
  .max(500, { error: 'A purchase order can have at most 500 lines.' });

export const purchaseOrderCreateSchema = z
  .object({
    number: docNumberSchema,
    vendorId: idSchema,
    siteId: idSchema.optional(),
    expectedDate: dateSchema.nullable().optional(),
    note: noteSchema,
    lines: linesSchema,
  })
  .strict();

export const purchaseOrderUpdateSchema = z
  .object({
    id: idSchema,
    vendorId: idSchema.optional(),
    siteId: idSchema.optional(),
    expectedDate: dateSchema.nullable().optional(),
    note: noteSchema,
    /** When given, the whole list: lines left out are removed (only lines nothing was received on). */
    lines: linesSchema.optional(),
  })
  .strict();

const receiveLineSchema = z
  .object({
    lineId: idSchema.optional(),
    itemId: idSchema.optional(),
    barcode: barcodeSchema.optional(),
    qty: positiveQuantitySchema,
  })
  .strict()
  .refine((l) => [l.lineId, l.itemId, l.barcode].filter((v) => v !== undefined).length === 1, {
    error: 'Say which line was received by one of its line, its item or a barcode (only one).',
    path: ['itemId'],
  });

export const purchaseOrderReceiveSchema = z
  .object({
    purchaseOrderId: idSchema,
    /** Omitted: receive everything still outstanding. */
    lines: z
      .array(receiveLineSchema)
      .min(1, { error: 'List at least one received line, or leave lines out to receive everything.' })
      .max(500)
      .optional(),
    /** A scanned or typed bin at the PO's site to put everything away to; omitted: each item's primary bin there. */
    binCode: binCodeSchema.optional(),
    note: noteSchema,
    by: actorSchema,
  })
  .strict();

export const purchaseOrderListSchema = z
  .object({
    search: searchSchema,
    status: purchaseOrderStatusSchema.optional(),
    vendorId: idSchema.optional(),
    siteId: idSchema.optional(),
    needsResync: z.boolean().optional(),
    /** sync: not posted first, then posted; needs resync, from QuickBooks and out of sync weigh more, out of sync most. */
    sort: z.enum(['number', 'vendor', 'status', 'sync', 'expectedDate', 'total', 'createdAt']).default('createdAt'),
    direction: sortDirectionSchema,
    limit: limitSchema,
    offset: offsetSchema,
  })
  .strict();

const byId = z.object({ id: idSchema, by: actorSchema }).strict();

export const purchaseOrderRequests = {
  'purchaseOrders.list': request(
    'A page of purchase orders; search over number and vendor.',
    purchaseOrderListSchema,
    pageOf(purchaseOrderSummarySchema),
  ),
  'purchaseOrders.get': request('One purchase order with its lines.', z.object({ id: idSchema }).strict(), purchaseOrderSchema),
  'purchaseOrders.create': request('Draft a purchase order. The number must be unique.', purchaseOrderCreateSchema, purchaseOrderSchema),
  'purchaseOrders.update': request(
    'Change a purchase order; a posted one is sent to QuickBooks again and marked as needing a resync.',
    purchaseOrderUpdateSchema,
    purchaseOrderSchema,
  ),
  'purchaseOrders.post': request('Post a draft purchase order to QuickBooks.', byId, purchaseOrderSchema),
  'purchaseOrders.receive': request(
    'Receive stock against a purchase order (some lines, part of a line, or everything outstanding) into its site.',
    purchaseOrderReceiveSchema,
    z.object({
      receiptId: z.string(),
      purchaseOrder: purchaseOrderSchema,
      /** Where each received inventory item went: its bin code, or null when it has no bin at the site. */
      putAway: z.array(z.object({ itemId: z.string(), itemName: z.string(), qty: z.string(), bin: z.string().nullable() })),
    }),
  ),
  'purchaseOrders.close': request(
    'Close a purchase order: nothing more will be received on it.',
    byId,
    purchaseOrderSchema,
  ),
};
