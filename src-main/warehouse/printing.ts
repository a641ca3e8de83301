/**
 * The data of the print views (contract in src-shared/ipc/print.ts): pick list in bin order, packing
 * slip, purchase order, count sheet (blind: the expected quantity is never read, so it cannot leak into
 * the page), item and bin labels. Each barcode is checked here for what Code 128 can carry.
 */
import { AppError, type BinLabels, type CountSheet, type HandlerMap, type ItemLabels, type PickSheet, type PrintBarcode, type RequestInput } from '../../src-shared/ipc';
import { code128Problem } from '../../src-shared/barcode';
import { formatQuantity } from '../../src-shared/quantity';
import type { Db, ServiceContext } from '../db';
import { compareBins, listBins, pickList, primaryBinCode, requireBin } from './bins';
import { nowIso } from './effects';
import { requireItem } from './items';
import { readOrder } from './ordersRepo';
import { getParty } from './parties';
import { parseRequest } from './parse';
import { readPurchaseOrder } from './purchaseOrdersRepo';
import { requireSite } from './sites';
import { all, one } from './sql';

interface PrintedItem {
  sku: string | null;
  unit: string | null;
  barcode: string | null;
}

/** The text an item's barcode carries: its first barcode, else its SKU; null with the reason when there is none. */
export function barcodeFor(barcode: string | null, sku: string | null): PrintBarcode {
  const [text, source] = barcode ? [barcode, 'barcode' as const] : sku ? [sku, 'sku' as const] : [null, null];
  if (text === null) return { text: null, source: null, problem: 'This item has no barcode or SKU to print.' };
  const problem = code128Problem(text);
  return problem ? { text: null, source, problem } : { text, source, problem: null };
}

function binBarcode(code: string): PrintBarcode {
  const problem = code128Problem(code);
  return problem ? { text: null, source: 'bin', problem } : { text: code, source: 'bin', problem: null };
}

const itemSelect = `SELECT i.sku, i.unit, (SELECT MIN(b.barcode) FROM item_barcodes b WHERE b.item_id = i.id) AS barcode FROM items i`;

function printedItem(db: Db, itemId: string): PrintedItem {
  return one<PrintedItem>(db, `${itemSelect} WHERE i.id = ?`, itemId) ?? { sku: null, unit: null, barcode: null };
}

const siteName = (db: Db, siteId: string) => requireSite(db, siteId).name;

export function printPickList(db: Db, now: string, orderId: string): PickSheet {
  const order = readOrder(db, orderId, 'orderId');
  const walk = pickList(db, order.id);
  const lines = walk.lines.map((l) => {
    const item = printedItem(db, l.itemId);
    return { lineId: l.lineId, itemId: l.itemId, itemName: l.itemName, sku: item.sku, unit: item.unit, bin: l.bin, qty: l.remaining, barcode: barcodeFor(item.barcode, item.sku) };
  });
  const { id, number, customerName, shipTo, note } = order;
  return { orderId: id, number, customerName, siteName: siteName(db, order.siteId), shipTo, note, printedAt: now, lines };
}

export function printPackingSlip(db: Db, now: string, orderId: string) {
  const order = readOrder(db, orderId, 'orderId');
  const lines = order.lines.map((l) => {
    const item = printedItem(db, l.itemId);
    return { lineId: l.id, itemId: l.itemId, itemName: l.itemName, sku: item.sku, unit: item.unit, ordered: l.ordered, packed: l.picked, toFollow: l.remaining, cancelled: l.cancelled };
  });
  const { id, number, customerName, shipTo, note } = order;
  return { orderId: id, number, customerName, siteName: siteName(db, order.siteId), shipTo, note, printedAt: now, lines };
}

export function printPurchaseOrder(db: Db, now: string, purchaseOrderId: string) {
  const po = readPurchaseOrder(db, purchaseOrderId, 'purchaseOrderId');
  const vendor = getParty(db, 'vendor', po.vendorId, 'purchaseOrderId');
  const lines = po.lines.map((l) => {
    const item = printedItem(db, l.itemId);
    return { lineId: l.id, itemId: l.itemId, itemName: l.itemName, sku: item.sku, unit: item.unit, ordered: l.ordered, unitCostCents: l.unitCostCents, amountCents: l.amountCents };
  });
  const { id, number, vendorName, expectedDate, note, totalCents } = po;
  return { purchaseOrderId: id, number, vendorName, vendorAddress: vendor.billingAddress, siteName: siteName(db, po.siteId), expectedDate, note, totalCents, printedAt: now, lines };
}

/** A sheet longer than this (about 200 pages) is refused: print it bin by bin instead. */
export const countSheetMaxLines = 5000;

interface CountRow extends PrintedItem {
  id: string;
  name: string;
  bin: string | null;
  on_hand?: number | null;
}

/** Active inventory items of the site (or those kept in one bin there), in bin order. */
export function printCountSheet(db: Db, now: string, input: RequestInput<'print.countSheet'>): CountSheet {
  const data = parseRequest('print.countSheet', input);
  const site = requireSite(db, data.siteId);
  const bin = data.binCode === undefined ? null : requireBin(db, site.id, data.binCode, 'binCode');
  const blind = data.blind ?? false;
  // A blind sheet does not even read the level, so no expected number can reach the page.
  const onHand = blind ? '' : ', (SELECT sl.on_hand FROM stock_levels sl WHERE sl.item_id = i.id AND sl.site_id = @site) AS on_hand';
  const binJoin = bin
    ? 'JOIN item_bins ib ON ib.item_id = i.id AND ib.bin_id = @bin JOIN bins bn ON bn.id = ib.bin_id'
    : 'LEFT JOIN item_bins ib ON ib.item_id = i.id AND ib.site_id = @site AND ib.is_primary = 1 LEFT JOIN bins bn ON bn.id = ib.bin_id';
  const rows = all<CountRow>(
    db,
    `SELECT i.id, i.name, i.sku, i.unit, bn.code AS bin,
            (SELECT MIN(b.barcode) FROM item_barcodes b WHERE b.item_id = i.id) AS barcode${onHand}
       FROM items i ${binJoin}
      WHERE i.active = 1 AND i.type = 'inventory' ORDER BY i.name_key`,
    { site: site.id, bin: bin?.id ?? null },
  );
  if (rows.length > countSheetMaxLines) {
    throw new AppError('refused', `A count sheet of ${site.name} would list ${rows.length} items, more than the ${countSheetMaxLines} one sheet prints; choose a bin and print the site bin by bin.`, 'binCode');
  }
  rows.sort((a, b) => compareBins(a.bin, b.bin));
  const lines = rows.map((r) => ({
    itemId: r.id,
    itemName: r.name,
    sku: r.sku,
    unit: r.unit,
    bin: r.bin,
    barcode: barcodeFor(r.barcode, r.sku),
    ...(blind ? {} : { expected: formatQuantity(r.on_hand ?? 0) }),
  }));
  return { siteId: site.id, siteName: site.name, binCode: bin?.code ?? null, blind, printedAt: now, lines };
}

export function printItemLabels(db: Db, input: RequestInput<'print.itemLabels'>): ItemLabels {
  const data = parseRequest('print.itemLabels', input);
  const site = data.siteId === undefined ? null : requireSite(db, data.siteId);
  const labels = data.itemIds.map((itemId, i) => {
    const row = requireItem(db, itemId, `itemIds.${i}`);
    const item = printedItem(db, row.id);
    const bin = site ? primaryBinCode(db, row.id, site.id) : null;
    return { itemId: row.id, itemName: row.name, sku: item.sku, unit: item.unit, bin, barcode: barcodeFor(item.barcode, item.sku) };
  });
  return { siteName: site?.name ?? null, copies: data.copies ?? 1, labels };
}

export function printBinLabels(db: Db, input: RequestInput<'print.binLabels'>): BinLabels {
  const data = parseRequest('print.binLabels', input);
  const site = requireSite(db, data.siteId);
  const codes = data.codes ? data.codes.map((code, i) => requireBin(db, site.id, code, `codes.${i}`).code) : listBins(db, site.id).map((b) => b.code).sort(compareBins);
  return { siteId: site.id, siteName: site.name, labels: codes.map((code) => ({ code, barcode: binBarcode(code) })) };
}

type PrintRequest = `print.${'pickList' | 'packingSlip' | 'purchaseOrder' | 'countSheet' | 'itemLabels' | 'binLabels'}`;

export function printHandlers(): HandlerMap<PrintRequest, ServiceContext> {
  return {
    'print.pickList': (input, ctx) => printPickList(ctx.db, nowIso(ctx), input.orderId),
    'print.packingSlip': (input, ctx) => printPackingSlip(ctx.db, nowIso(ctx), input.orderId),
    'print.purchaseOrder': (input, ctx) => printPurchaseOrder(ctx.db, nowIso(ctx), input.purchaseOrderId),
    'print.countSheet': (input, ctx) => printCountSheet(ctx.db, nowIso(ctx), input),
    'print.itemLabels': (input, ctx) => printItemLabels(ctx.db, input),
    'print.binLabels': (input, ctx) => printBinLabels(ctx.db, input),
  };
}
