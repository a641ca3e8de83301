/**
 * QuickBooks estimates → picking orders (seeds 000/001): which estimates come across,
 * which of their lines, at which site, and when a linked one has moved on in QuickBooks.
 */
import { centsOf, unitsOf } from './documents';

export interface EstimateItemLine {
  /** The estimate line's Id: the picking line's `qboLineRef`, and where its price is found at posting. */
  lineId: string;
  qboItemId: string;
  itemName: string;
  units: number;
  unitPriceCents: number;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

export function refOf(value: unknown): { id: string; name: string | null } | null {
  if (!isObj(value)) return null;
  const id = str(value.value);
  return id ? { id, name: str(value.name) } : null;
}

/** Only Pending and Accepted estimates are orders still to fill. */
export function isOpenEstimate(estimate: Obj): boolean {
  return estimate.TxnStatus === 'Pending' || estimate.TxnStatus === 'Accepted';
}

/**
 * The item lines of a sales transaction. Description-only, discount and the trailing SubTotal lines carry
 * no item (QuickBooks adds SubTotal by itself); lines of no positive quantity have nothing to pick.
 */
export function estimateItemLines(estimate: Obj): EstimateItemLine[] {
  const lines = Array.isArray(estimate.Line) ? estimate.Line.filter(isObj) : [];
  const out: EstimateItemLine[] = [];
  lines.forEach((line, index) => {
    if (line.DetailType !== 'SalesItemLineDetail' || !isObj(line.SalesItemLineDetail)) return;
    const detail = line.SalesItemLineDetail;
    const item = refOf(detail.ItemRef);
    const units = unitsOf(detail.Qty ?? 1);
    if (!item || units === null || units <= 0) return;
    // No UnitPrice: the price is what the line's amount says per unit.
    const price = centsOf(detail.UnitPrice) ?? Math.round(((centsOf(line.Amount) ?? 0) * 10_000) / units);
    out.push({ lineId: str(line.Id) ?? String(index + 1), qboItemId: item.id, itemName: item.name ?? item.id, units, unitPriceCents: price });
  });
  return out;
}

export interface SiteRef {
  id: string;
  name: string;
  qboLocationRef: string | null;
}

export type SiteChoice = { ok: true; siteId: string | undefined } | { ok: false; reason: string };

/** The prefix a site's QuickBooks reference carries when it stands for a class rather than a location. */
export const classRefPrefix = 'class:';

/**
 * The site an imported order is picked from. Multiple Sites off: the default site. On: every item line
 * must be on one site (seed 001). A line's site is the site mapped to its class (`ClassRef`, QuickBooks'
 * per-line tag, mapped as "class:<id>"); a line without a class is on the site mapped to the estimate's
 * location (`DepartmentRef`, one per transaction). Lines on two sites, a line with no site, or a
 * location shared by two sites leave the order out, with the reason.
 */
export function siteForEstimate(estimate: Obj, sites: readonly SiteRef[], multipleSites: boolean): SiteChoice {
  if (!multipleSites) return { ok: true, siteId: undefined };
  const location = refOf(estimate.DepartmentRef);
  const lines = (Array.isArray(estimate.Line) ? estimate.Line.filter(isObj) : []).filter(
    (l) => l.DetailType === 'SalesItemLineDetail' && isObj(l.SalesItemLineDetail),
  );
  const label = (ref: { id: string; name: string | null }, what: string) => `${what} ${ref.name ? `"${ref.name}" (${ref.id})` : ref.id}`;
  const chosen = new Map<string, string>();
  for (const line of lines) {
    const cls = refOf((line.SalesItemLineDetail as Obj).ClassRef);
    const ref = cls ? { key: `${classRefPrefix}${cls.id}`, text: label(cls, 'class') } : location ? { key: location.id, text: label(location, 'location') } : null;
    if (!ref) {
      return { ok: false, reason: 'a line names no location or class, and with Multiple Sites on every line must be on one site. Set the location in QuickBooks.' };
    }
    const matching = sites.filter((s) => s.qboLocationRef === ref.key);
    if (matching.length === 0) return { ok: false, reason: `its ${ref.text} is not mapped to any ShelfSync site.` };
    if (matching.length > 1) {
      return { ok: false, reason: `its ${ref.text} belongs to two sites (${matching.map((s) => s.name).join(', ')}), so its lines would be on two sites.` };
    }
    const site = matching[0] as SiteRef;
    chosen.set(site.id, site.name);
  }
  if (chosen.size > 1) {
    return { ok: false, reason: `its lines are on ${chosen.size} sites (${[...chosen.values()].join(', ')}); with Multiple Sites on, every line must be on one site.` };
  }
  if (chosen.size === 1) return { ok: true, siteId: [...chosen.keys()][0] };
  if (!location) return { ok: false, reason: 'it names no location, and with Multiple Sites on every line must be on one site. Set its location in QuickBooks.' };
  const matching = sites.filter((s) => s.qboLocationRef === location.id);
  if (matching.length !== 1) return { ok: false, reason: `its ${label(location, 'location')} is not mapped to exactly one ShelfSync site.` };
  return { ok: true, siteId: matching[0]?.id };
}

/**
 * Why a linked estimate no longer stands as imported: deleted, closed or rejected in QuickBooks, or
 * invoiced there by someone else. `ours` says whether a linked transaction is one ShelfSync posted
 * (QuickBooks may close an estimate when our own invoice links it); `undecided` ones are not judged yet.
 */
export function processedInQuickBooks(
  estimate: Obj,
  isOurs: (txnId: string) => 'ours' | 'foreign' | 'undecided',
): string | null {
  if (estimate.status === 'Deleted') return 'The estimate was deleted in QuickBooks.';
  const links = Array.isArray(estimate.LinkedTxn) ? estimate.LinkedTxn.filter(isObj) : [];
  const verdicts = links
    .filter((l) => l.TxnType === 'Invoice' || l.TxnType === 'SalesReceipt')
    .map((l) => ({ id: str(l.TxnId) ?? '?', type: String(l.TxnType), verdict: isOurs(str(l.TxnId) ?? '') }));
  const foreign = verdicts.find((v) => v.verdict === 'foreign');
  if (foreign) return `The estimate was processed in QuickBooks (${foreign.type === 'Invoice' ? 'invoice' : 'sales receipt'} ${foreign.id}).`;
  const status = estimate.TxnStatus;
  if ((status === 'Closed' || status === 'Rejected') && verdicts.length === 0) {
    return `The estimate was marked ${String(status)} in QuickBooks.`;
  }
  return null;
}

export interface OrderShape {
  customerId: string;
  serviceLocationId: string | null;
  siteId: string;
  lines: readonly { itemId: string; qty: string; qboLineRef: string | null }[];
}

/** Whether what QuickBooks now says matches the picking order (customer, site, lines and quantities). */
export function sameOrder(a: OrderShape, b: OrderShape): boolean {
  const key = (o: OrderShape) =>
    JSON.stringify([o.customerId, o.serviceLocationId, o.siteId, o.lines.map((l) => [l.itemId, l.qty, l.qboLineRef])]);
  return key(a) === key(b);
}
