/** The columns each list exports: a header and how a row of the list's answer reads in it. */
import type { Address, Item, LowStockLine, Movement, Party, RequestOutput, Site, ValuationLine } from '../../src-shared/ipc';

type Cell = string | number | null;
export interface Column<R> {
  header: string;
  cell: (row: R) => Cell;
}

type RowOf<N extends keyof RowLists> = RowLists[N];
interface RowLists {
  orders: RequestOutput<'orders.list'>['rows'][number];
  purchaseOrders: RequestOutput<'purchaseOrders.list'>['rows'][number];
  invoices: RequestOutput<'invoices.list'>['rows'][number];
  estimates: RequestOutput<'estimates.list'>['rows'][number];
}

/** Money as a plain decimal (12.50): a spreadsheet reads it as a number. */
export function amount(cents: number): string {
  const abs = Math.abs(cents);
  return `${cents < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

const yesNo = (value: boolean) => (value ? 'yes' : 'no');
const date = (iso: string | null) => (iso ? iso.slice(0, 10) : null);

function addressText(a: Address): string {
  const cityLine = [a.city, a.state, a.postalCode].filter(Boolean).join(' ');
  return [a.line1, a.line2, a.line3, cityLine, a.country].filter(Boolean).join(', ');
}

export function itemColumns(sites: readonly Site[], perSite: (item: Item, siteId: string) => string, atSite: Site | undefined): Column<Item>[] {
  return [
    { header: 'Name', cell: (i) => i.name },
    { header: 'SKU', cell: (i) => i.sku },
    { header: 'Barcodes', cell: (i) => i.barcodes.join(' ') },
    { header: 'Type', cell: (i) => i.type },
    { header: 'Unit', cell: (i) => i.unit },
    { header: 'Cost', cell: (i) => amount(i.costCents) },
    { header: 'Price', cell: (i) => amount(i.priceCents) },
    { header: 'Reorder point', cell: (i) => i.reorderPoint },
    { header: 'Active', cell: (i) => yesNo(i.active) },
    { header: atSite ? `On hand at ${atSite.name}` : 'On hand (all sites)', cell: (i) => i.onHand },
    ...(atSite ? [] : sites.map((s) => ({ header: `On hand at ${s.name}`, cell: (i: Item) => perSite(i, s.id) }))),
    { header: 'Low stock', cell: (i) => yesNo(i.lowStock) },
  ];
}

export const movementColumns: Column<Movement>[] = [
  { header: 'When', cell: (m) => m.at },
  { header: 'Kind', cell: (m) => m.kind },
  { header: 'Item', cell: (m) => m.itemName },
  { header: 'Site', cell: (m) => m.siteName },
  { header: 'Change', cell: (m) => m.qty },
  { header: 'On hand after', cell: (m) => m.balanceAfter },
  { header: 'Bin', cell: (m) => m.binCode },
  { header: 'Reason', cell: (m) => m.reason },
  { header: 'Note', cell: (m) => m.note },
  { header: 'Document', cell: (m) => (m.documentType ? `${m.documentType} ${m.documentId ?? ''}`.trim() : null) },
  { header: 'By', cell: (m) => m.by },
];

export const orderColumns = (siteName: (id: string) => string): Column<RowOf<'orders'>>[] => [
  { header: 'Order', cell: (o) => o.number },
  { header: 'Customer', cell: (o) => o.customerName },
  { header: 'Site', cell: (o) => siteName(o.siteId) },
  { header: 'Status', cell: (o) => o.status },
  { header: 'From', cell: (o) => (o.source === 'qbo' ? 'QuickBooks' : 'ShelfSync') },
  { header: 'Back order', cell: (o) => yesNo(o.backOrder) },
  { header: 'Out of sync', cell: (o) => (o.outOfSync ? (o.outOfSyncReason ?? 'yes') : 'no') },
  { header: 'Created', cell: (o) => o.createdAt },
  { header: 'Updated', cell: (o) => o.updatedAt },
];

export const purchaseOrderColumns = (siteName: (id: string) => string): Column<RowOf<'purchaseOrders'>>[] => [
  { header: 'PO', cell: (p) => p.number },
  { header: 'Vendor', cell: (p) => p.vendorName },
  { header: 'Site', cell: (p) => siteName(p.siteId) },
  { header: 'Status', cell: (p) => p.status },
  { header: 'Posted', cell: (p) => yesNo(p.posted) },
  { header: 'Needs resync', cell: (p) => yesNo(p.needsResync) },
  { header: 'Expected', cell: (p) => p.expectedDate },
  { header: 'Total', cell: (p) => amount(p.totalCents) },
  { header: 'Created', cell: (p) => p.createdAt },
];

export const partyColumns: Column<Party>[] = [
  { header: 'Name', cell: (p) => p.displayName },
  { header: 'Company', cell: (p) => p.companyName },
  { header: 'Email', cell: (p) => p.email },
  { header: 'Phone', cell: (p) => p.phone },
  { header: 'Billing address', cell: (p) => addressText(p.billingAddress) },
  { header: 'Shipping address', cell: (p) => addressText(p.shippingAddress) },
  { header: 'Active', cell: (p) => yesNo(p.active) },
];

export const invoiceColumns: Column<RowOf<'invoices'>>[] = [
  { header: 'Number', cell: (n) => n.number },
  { header: 'QuickBooks no.', cell: (n) => n.qboNumber },
  { header: 'Customer', cell: (n) => n.customerName },
  { header: 'Date', cell: (n) => date(n.date) },
  { header: 'Due', cell: (n) => date(n.dueDate) },
  { header: 'Total', cell: (n) => amount(n.totalCents) },
  { header: 'Balance', cell: (n) => amount(n.balanceCents) },
  { header: 'Paid', cell: (n) => yesNo(n.paid) },
  { header: 'Ready for sync', cell: (n) => yesNo(n.readyForSync) },
];

export const estimateColumns: Column<RowOf<'estimates'>>[] = [
  { header: 'Number', cell: (e) => e.number },
  { header: 'Customer', cell: (e) => e.customerName },
  { header: 'Date', cell: (e) => date(e.date) },
  { header: 'Expires', cell: (e) => date(e.expirationDate) },
  { header: 'Total', cell: (e) => amount(e.totalCents) },
  { header: 'Status', cell: (e) => e.status },
];

export const lowStockColumns: Column<LowStockLine>[] = [
  { header: 'Vendor', cell: (l) => l.vendorName },
  { header: 'Item', cell: (l) => l.itemName },
  { header: 'SKU', cell: (l) => l.sku },
  { header: 'Site', cell: (l) => l.siteName },
  { header: 'On hand', cell: (l) => l.onHand },
  { header: 'Committed', cell: (l) => l.committed },
  { header: 'Available', cell: (l) => l.available },
  { header: 'On order', cell: (l) => l.onOrder },
  { header: 'Reorder point', cell: (l) => l.reorderPoint },
  { header: 'Reorder up to', cell: (l) => l.reorderUpTo },
  { header: 'Suggested', cell: (l) => l.suggested },
];

/** The Valuation screen's lines table, column for column. */
export const valuationColumns: Column<ValuationLine>[] = [
  { header: 'Item', cell: (l) => l.itemName },
  { header: 'SKU', cell: (l) => l.sku },
  { header: 'Site', cell: (l) => l.siteName },
  { header: 'On hand', cell: (l) => l.onHand },
  { header: 'Cost', cell: (l) => amount(l.costCents) },
  { header: 'Value', cell: (l) => amount(l.valueCents) },
];
