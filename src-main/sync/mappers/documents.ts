/**
 * What every document ShelfSync sends to QuickBooks shares: money and quantities in QuickBooks' JSON
 * numbers, sales lines, the numbers of follow-up documents, and the marker that finds them again.
 */
import { formatQuantity, lineAmountCents, parseQuantity } from '../../../src-shared/quantity';

/** QuickBooks' DocNumber limit. */
export const docNumberMax = 21;

export const dollars = (cents: number): number => cents / 100;

/** QuickBooks money (dollars, a JSON number) in whole cents. */
export function centsOf(amount: unknown): number | null {
  return typeof amount === 'number' && Number.isFinite(amount) ? Math.round(amount * 100) : null;
}

/** Quantity units (1/10 000) as the JSON number QuickBooks takes. */
export const qtyNumber = (units: number): number => Number(formatQuantity(units));

/** A QuickBooks quantity in units; null when it is missing, not a number, or beyond four decimals' reach. */
export function unitsOf(qty: unknown): number | null {
  if (typeof qty !== 'number' || !Number.isFinite(qty)) return null;
  return parseQuantity(qty.toFixed(4));
}

export interface SalesLine {
  /** null: a description-only line. */
  qboItemId: string | null;
  description: string | null;
  units: number;
  unitPriceCents: number;
}

/**
 * Sales lines with Amount = Qty × UnitPrice rounded to the cent (QuickBooks refuses a line whose amount
 * disagrees with its quantity and price); lines without an item go as description-only lines.
 */
export function salesLinesToQbo(lines: readonly SalesLine[]): Record<string, unknown>[] {
  return lines.map((line) => {
    if (line.qboItemId === null) {
      return { DetailType: 'DescriptionOnly', Description: line.description ?? '', DescriptionLineDetail: {} };
    }
    return {
      DetailType: 'SalesItemLineDetail',
      Amount: dollars(lineAmountCents(line.units, line.unitPriceCents)),
      ...(line.description ? { Description: line.description } : {}),
      SalesItemLineDetail: { ItemRef: { value: line.qboItemId }, Qty: qtyNumber(line.units), UnitPrice: dollars(line.unitPriceCents) },
    };
  });
}

/**
 * The DocNumber of the n-th posting of one order: the order's own number first, then `1001-2`,
 * `1001-3`… for the invoices of a back order, so QuickBooks' duplicate-number rule (6140) is not hit.
 * Null when the suffixed number would pass QuickBooks' 21 characters.
 */
export function postingDocNumber(orderNumber: string, index: number): string | null {
  const number = index <= 1 ? orderNumber : `${orderNumber}-${index}`;
  return number.length <= docNumberMax ? number : null;
}

/** Whether a QuickBooks object carries exactly this marker as its private note. */
export function carriesMarker(object: Record<string, unknown>, marker: string): boolean {
  return typeof object.PrivateNote === 'string' && object.PrivateNote.trim() === marker;
}

/** Anything ShelfSync wrote carries a marker starting so: such objects are never imported back. */
export function madeByShelfSync(object: Record<string, unknown>): boolean {
  return typeof object.PrivateNote === 'string' && object.PrivateNote.startsWith('ShelfSync ');
}
