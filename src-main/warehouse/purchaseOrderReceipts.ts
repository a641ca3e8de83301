/** Receiving against a purchase order: resolve what arrived to lines, move it into the PO's site, queue it. */
import { AppError, type ParsedInput } from '../../src-shared/ipc';
import { addQuantities, formatQuantity, minQuantity, subtractQuantities, toUnits } from '../../src-shared/quantity';
import { enqueueOutbox, type Db } from '../db';
import { nowIso, type Effects } from './effects';
import { primaryBinCode, requireBin } from './bins';
import { findItemByBarcode, requireItem } from './items';
import { findPurchaseOrderRow, outstanding, purchaseOrderLines, settlePurchaseOrder, type PurchaseOrderLineRow, type PurchaseOrderRow } from './purchaseOrdersRepo';
import { requireActiveSite } from './sites';
import { run } from './sql';
import { withLedger } from './stock';

type ReceiveInput = ParsedInput<'purchaseOrders.receive'>;
type ReceiveLine = NonNullable<ReceiveInput['lines']>[number];

function targetsOf(db: Db, po: PurchaseOrderRow, lines: PurchaseOrderLineRow[], r: ReceiveLine, index: number) {
  if (r.lineId !== undefined) {
    const line = lines.find((l) => l.id === r.lineId);
    if (!line) throw new AppError('not_found', `PO ${po.number} has no line "${r.lineId}".`, `lines.${index}.lineId`);
    return { targets: [line], what: line.item_name };
  }
  const field = r.barcode !== undefined ? `lines.${index}.barcode` : `lines.${index}.itemId`;
  const item = r.barcode !== undefined ? findItemByBarcode(db, r.barcode, field) : requireItem(db, r.itemId ?? '', field);
  const targets = lines.filter((l) => l.item_id === item.id);
  if (targets.length === 0) throw new AppError('refused', `"${item.name}" is not on PO ${po.number}.`, field);
  return { targets, what: item.name };
}

/** Line id → quantity to receive now, from the request (or everything outstanding). */
function planReceipt(db: Db, po: PurchaseOrderRow, lines: PurchaseOrderLineRow[], data: ReceiveInput): Map<string, number> {
  const plan = new Map<string, number>();
  const stillOpen = (l: PurchaseOrderLineRow) => subtractQuantities(outstanding(l), plan.get(l.id) ?? 0);
  if (data.lines === undefined) {
    for (const line of lines) if (outstanding(line) > 0) plan.set(line.id, outstanding(line));
    if (plan.size === 0) throw new AppError('refused', `Everything on PO ${po.number} has already been received.`, 'purchaseOrderId');
    return plan;
  }
  data.lines.forEach((r, index) => {
    const { targets, what } = targetsOf(db, po, lines, r, index);
    let left = toUnits(r.qty);
    const available = addQuantities(...targets.map(stillOpen));
    if (left > available) {
      throw new AppError('refused', `Only ${formatQuantity(available)} of "${what}" are still expected on PO ${po.number}.`, `lines.${index}.qty`);
    }
    for (const line of targets) {
      const take = minQuantity(left, stillOpen(line));
      if (take <= 0) continue;
      plan.set(line.id, addQuantities(plan.get(line.id) ?? 0, take));
      left = subtractQuantities(left, take);
    }
  });
  return plan;
}

export interface PutAway {
  itemId: string;
  itemName: string;
  qty: string;
  bin: string | null;
}

/** Receives in one transaction; answers the receipt id and where each inventory line was put away. */
export function receiveAgainst(db: Db, effects: Effects, data: ReceiveInput, by: string): { receiptId: string; putAway: PutAway[] } {
  return withLedger(db, effects, by, (ledger) => {
    const po = findPurchaseOrderRow(db, data.purchaseOrderId, 'purchaseOrderId');
    if (po.status === 'closed') throw new AppError('refused', `PO ${po.number} is closed; nothing more is received on it.`, 'purchaseOrderId');
    if (po.out_of_sync === 1) {
      throw new AppError(
        'refused',
        `PO ${po.number} is out of sync: ${po.out_of_sync_reason ?? 'it changed in QuickBooks'} Sort it out in QuickBooks, then close it here (what was received stays).`,
        'purchaseOrderId',
      );
    }
    requireActiveSite(db, po.site_id, 'purchaseOrderId', 'receive');
    const lines = purchaseOrderLines(db, po.id);
    const plan = planReceipt(db, po, lines, data);
    const scanned = data.binCode === undefined ? undefined : requireBin(db, po.site_id, data.binCode, 'binCode').code;
    const putAway: PutAway[] = [];
    const receiptId = effects.ids.uuid();
    run(
      db,
      'INSERT INTO purchase_order_receipts (id, purchase_order_id, at, by, note) VALUES (?, ?, ?, ?, ?)',
      receiptId,
      po.id,
      nowIso(effects),
      by,
      data.note ?? null,
    );
    const received: { lineId: string; itemId: string; qty: string }[] = [];
    for (const line of lines) {
      const qty = plan.get(line.id);
      if (qty === undefined) continue;
      // Non-inventory lines (services, supplies) are received on paper only: they carry no stock.
      if (line.item_type === 'inventory') {
        const bin = scanned ?? primaryBinCode(db, line.item_id, po.site_id);
        putAway.push({ itemId: line.item_id, itemName: line.item_name, qty: formatQuantity(qty), bin });
        ledger.move({
          binCode: bin,
          kind: 'receipt',
          itemId: line.item_id,
          siteId: po.site_id,
          qty,
          documentType: 'purchaseOrderReceipt',
          documentId: receiptId,
          note: `PO ${po.number}`,
        });
      }
      run(db, 'UPDATE purchase_order_lines SET received = received + ? WHERE id = ?', qty, line.id);
      received.push({ lineId: line.id, itemId: line.item_id, qty: formatQuantity(qty) });
    }
    if (po.posted_at !== null) {
      enqueueOutbox(db, effects, { kind: 'purchaseOrder.receive', localId: po.id, payload: { receiptId, lines: received } });
    }
    run(db, 'UPDATE purchase_orders SET updated_at = ? WHERE id = ?', nowIso(effects), po.id);
    settlePurchaseOrder(db, effects, po.id, by, `Receipt ${receiptId}`);
    return { receiptId, putAway };
  });
}
