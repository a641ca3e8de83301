/**
 * What the print views show: a picking order's pick list (in bin order, each line with its barcode),
 * its packing slip, a purchase order, a count sheet (blind: no expected quantities at all), and item and
 * bin labels. The screens draw these as pages with print CSS; the CLI gets the same data.
 */
import { z } from 'zod';
import { request } from './define';
import { addressOutputSchema, idSchema } from './fields';
import { binCodeSchema } from './bins';

/**
 * The text a line's Code 128 barcode carries: the item's first barcode, else its SKU (a bin label: the
 * bin code). `text` is null when there is none or it cannot be drawn; `problem` then says why.
 */
export const printBarcodeSchema = z.object({
  text: z.string().nullable(),
  source: z.enum(['barcode', 'sku', 'bin']).nullable(),
  problem: z.string().nullable(),
});
export type PrintBarcode = z.infer<typeof printBarcodeSchema>;

const printedItemFields = {
  itemId: z.string(),
  itemName: z.string(),
  sku: z.string().nullable(),
  unit: z.string().nullable(),
};

/** The head of a picking order's sheets: the pick list and the packing slip. */
const orderSheetFields = {
  orderId: z.string(),
  number: z.string(),
  customerName: z.string(),
  siteName: z.string(),
  shipTo: addressOutputSchema,
  note: z.string().nullable(),
  printedAt: z.string(),
};

export const pickSheetSchema = z.object({
  ...orderSheetFields,
  /** Still to pick, in the order of the walk: by primary bin at the order's site, lines without a bin last. */
  lines: z.array(z.object({ lineId: z.string(), ...printedItemFields, bin: z.string().nullable(), qty: z.string(), barcode: printBarcodeSchema })),
});
export type PickSheet = z.infer<typeof pickSheetSchema>;

export const packingSlipSchema = z.object({
  ...orderSheetFields,
  lines: z.array(
    z.object({ lineId: z.string(), ...printedItemFields, ordered: z.string(), packed: z.string(), toFollow: z.string(), cancelled: z.string() }),
  ),
});
export type PackingSlip = z.infer<typeof packingSlipSchema>;

export const purchaseOrderSheetSchema = z.object({
  purchaseOrderId: z.string(),
  number: z.string(),
  vendorName: z.string(),
  vendorAddress: addressOutputSchema,
  siteName: z.string(),
  expectedDate: z.string().nullable(),
  note: z.string().nullable(),
  totalCents: z.int(),
  printedAt: z.string(),
  lines: z.array(z.object({ lineId: z.string(), ...printedItemFields, ordered: z.string(), unitCostCents: z.int(), amountCents: z.int() })),
});
export type PurchaseOrderSheet = z.infer<typeof purchaseOrderSheetSchema>;

const countSheetLineSchema = z.object({
  ...printedItemFields,
  bin: z.string().nullable(),
  barcode: printBarcodeSchema,
  /** On hand at the site now; absent on a blind sheet (the host leaves it out, not the page). */
  expected: z.string().optional(),
});

export const countSheetSchema = z.object({
  siteId: z.string(),
  siteName: z.string(),
  /** The one bin the sheet covers; null: the whole site. */
  binCode: z.string().nullable(),
  blind: z.boolean(),
  printedAt: z.string(),
  /** Active inventory items in bin order (primary bin at the site; items without one last, by name). */
  lines: z.array(countSheetLineSchema),
});
export type CountSheet = z.infer<typeof countSheetSchema>;

export const itemLabelsSchema = z.object({
  siteName: z.string().nullable(),
  copies: z.int(),
  labels: z.array(z.object({ ...printedItemFields, bin: z.string().nullable(), barcode: printBarcodeSchema })),
});
export type ItemLabels = z.infer<typeof itemLabelsSchema>;

export const binLabelsSchema = z.object({
  siteId: z.string(),
  siteName: z.string(),
  labels: z.array(z.object({ code: z.string(), barcode: printBarcodeSchema })),
});
export type BinLabels = z.infer<typeof binLabelsSchema>;

const copiesSchema = z
  .int({ error: 'Enter the number of copies as a whole number from 1 to 50.' })
  .min(1, { error: 'The number of copies is at least 1.' })
  .max(50, { error: 'The number of copies is at most 50 at once.' });

export const printRequests = {
  'print.pickList': request(
    'A pick list to print: the order’s lines still to pick in bin order (one walk), each with its item barcode (else SKU) as Code 128.',
    z.object({ orderId: idSchema }).strict(),
    pickSheetSchema,
  ),
  'print.packingSlip': request('A packing slip to print for a picking order: what was packed, what follows and what was cancelled.', z.object({ orderId: idSchema }).strict(), packingSlipSchema),
  'print.purchaseOrder': request('A purchase order to print or send to the vendor.', z.object({ purchaseOrderId: idSchema }).strict(), purchaseOrderSheetSchema),
  'print.countSheet': request(
    'A count sheet for a site (or one bin there) in bin order; blind leaves the expected quantity out of the answer entirely.',
    z
      .object({
        siteId: idSchema,
        binCode: binCodeSchema.optional(),
        blind: z.boolean({ error: 'Blind count is yes or no (true or false).' }).optional(),
      })
      .strict(),
    countSheetSchema,
  ),
  'print.itemLabels': request(
    'Item labels to print, each with the item’s barcode (else SKU) as Code 128; with a site, the label shows the item’s primary bin there.',
    z
      .object({
        itemIds: z
          .array(idSchema)
          .min(1, { error: 'Choose at least one item to print labels for.' })
          .max(500, { error: 'Print labels for at most 500 items at once.' }),
        siteId: idSchema.optional(),
        copies: copiesSchema.optional(),
      })
      .strict(),
    itemLabelsSchema,
  ),
  'print.binLabels': request(
    'Bin labels to print for a site, each with the bin code as Code 128 (scanned first when counting or putting away); omitted codes: every bin there, in walk order.',
    z
      .object({
        siteId: idSchema,
        codes: z
          .array(binCodeSchema)
          .min(1, { error: 'Choose at least one bin, or choose none to print every bin of the site.' })
          .max(500, { error: 'Print at most 500 bin labels at once.' })
          .optional(),
      })
      .strict(),
    binLabelsSchema,
  ),
};
