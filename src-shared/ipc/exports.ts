/** Exports: any list as CSV, with the filter and sort it is shown with, every matching row. */
import { z } from 'zod';
import { request } from './define';

export const exportLists = ['items', 'movements', 'orders', 'purchaseOrders', 'customers', 'vendors', 'invoices', 'estimates', 'lowStock', 'valuation'] as const;
export type ExportList = (typeof exportLists)[number];

export const exportCsvSchema = z
  .object({
    list: z.enum(exportLists),
    /** The list request's own filters (e.g. { "siteId": "main", "search": "bolt" }), without limit and offset. */
    filter: z.record(z.string(), z.unknown(), { error: 'Give the list’s filters as named values, the same ones the list’s own request takes.' }).default({}),
    /** One of the list request's sort values; omitted, the list's default. */
    sort: z.string().trim().min(1).max(40).optional(),
    direction: z.enum(['asc', 'desc']).optional(),
  })
  .strict();

export const exportRequests = {
  'exports.csv': request(
    'A list as CSV with its filter and sort (every matching row, up to 100 000): items with on hand per site, movements, picking orders, purchase orders, customers, vendors, invoices, estimates, low stock, the valuation’s lines (valuation.lines). Cells that a spreadsheet would run as a formula get a leading apostrophe.',
    exportCsvSchema,
    z.object({ fileName: z.string(), csv: z.string(), rows: z.int() }),
  ),
};
