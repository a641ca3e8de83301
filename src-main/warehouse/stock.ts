/**
 * Stock adjustments, transfers and the movement history. Adjustments change the company total and so
 * queue `stock.adjust` for QuickBooks; transfers only move stock between sites and queue nothing.
 */
import { type HandlerMap, type Movement, type ParsedInput, type RequestInput } from '../../src-shared/ipc';
import { formatQuantity, subtractQuantities, toUnits } from '../../src-shared/quantity';
import { enqueueOutbox, type Db, type ServiceContext } from '../db';
import { actorOf, fromQbo, type Effects, type WriteOptions } from './effects';
import { announceLevels, movementSelect, openLedger, readMovement, toMovement, type Ledger, type MovementRow, type PostedMovement } from './ledger';
import { parseRequest } from './parse';
import { requireActiveSite, requireSite } from './sites';
import { all, Filters, one } from './sql';

/** Queues the change of the company total for QuickBooks (an InventoryAdjustment), in the caller's transaction. */
export function queueStockAdjust(db: Db, effects: Effects, movement: PostedMovement, reason: string): void {
  enqueueOutbox(db, effects, {
    kind: 'stock.adjust',
    localId: movement.itemId,
    payload: { itemId: movement.itemId, qtyDiff: formatQuantity(movement.qty), reason, movementId: movement.id },
  });
}

/** Runs `write` in one transaction with a fresh ledger, then announces the levels it changed. */
export function withLedger<T>(db: Db, effects: Effects, by: string, write: (ledger: Ledger) => T): T {
  let ledger: Ledger | undefined;
  const result = db.transaction(() => {
    ledger = openLedger(db, effects, by);
    return write(ledger);
  })();
  if (ledger) announceLevels(effects, ledger);
  return result;
}

export function adjustStock(
  db: Db,
  effects: Effects,
  input: RequestInput<'stock.adjust'>,
  options?: WriteOptions,
): { movement: Movement; onHand: string } {
  const data = parseRequest('stock.adjust', input);
  const site = requireActiveSite(db, data.siteId, 'siteId', 'move');
  return withLedger(db, effects, data.by ?? actorOf(options), (ledger) => {
    const posted = ledger.move({
      kind: 'adjustment',
      itemId: data.itemId,
      siteId: site.id,
      qty: toUnits(data.qtyDiff),
      reason: data.reason,
      note: data.note ?? null,
      field: 'qtyDiff',
    });
    queueStockAdjust(db, effects, posted, data.reason);
    return { movement: readMovement(db, posted.id), onHand: formatQuantity(posted.balanceAfter) };
  });
}

export function transferStock(db: Db, effects: Effects, input: RequestInput<'stock.transfer'>, options?: WriteOptions) {
  const data = parseRequest('stock.transfer', input);
  const from = requireActiveSite(db, data.fromSiteId, 'fromSiteId', 'move');
  const to = requireActiveSite(db, data.toSiteId, 'toSiteId', 'move');
  const qty = toUnits(data.qty);
  return withLedger(db, effects, data.by ?? actorOf(options), (ledger) => {
    const transferId = effects.ids.uuid();
    const common = { kind: 'transfer' as const, itemId: data.itemId, documentType: 'transfer', documentId: transferId, note: data.note ?? null };
    const out = ledger.move({ ...common, siteId: from.id, qty: -qty, field: 'qty' });
    const into = ledger.move({ ...common, siteId: to.id, qty });
    return { movements: [readMovement(db, out.id), readMovement(db, into.id)], levels: ledger.levels };
  });
}

/**
 * Sets an item's on-hand at a site to what QuickBooks reports, as an `import` movement of the
 * difference (no outbox row: the number came from QuickBooks). Answers null when nothing changed.
 */
export function importItemStock(
  db: Db,
  effects: Effects,
  input: { itemId: string; siteId?: string; onHand: string },
  options: WriteOptions = { origin: 'qbo' },
): Movement | null {
  const onHand = toUnits(input.onHand);
  const site = requireSite(db, input.siteId);
  return withLedger(db, effects, actorOf(options), (ledger) => {
    const diff = subtractQuantities(onHand, ledger.onHand(input.itemId, site.id));
    if (diff === 0) return null;
    const posted = ledger.move({ kind: 'import', itemId: input.itemId, siteId: site.id, qty: diff, note: 'Quantity from QuickBooks' });
    if (!fromQbo(options)) queueStockAdjust(db, effects, posted, 'import');
    return readMovement(db, posted.id);
  });
}

/**
 * The SQL each movement sort orders by ('at' is the id order itself). Why: the reason, else the note,
 * else the document type, as the list's Why column reads; movements without a bin come last either way. Movements are listed per item on screen, so a
 * sort reads that item's rows through stock_movements_by_item; no sort index is added to the ledger's
 * table, which every stock change writes.
 */
const movementOrder: Record<ParsedInput<'stock.movements'>['sort'], string> = {
  at: '',
  item: 'i.name_key',
  site: 's.name_key',
  kind: 'm.kind',
  qty: 'm.qty',
  balanceAfter: 'm.balance_after',
  why: 'lower(COALESCE(m.reason, m.note, m.document_type))',
  bin: "m.bin_code IS NULL, lower(m.bin_code)",
  by: 'lower(m.by)',
};

export function listMovements(db: Db, query: ParsedInput<'stock.movements'>): { rows: Movement[]; total: number } {
  const { clause, params } = new Filters()
    .when(query.itemId, 'm.item_id = ?')
    .when(query.siteId, 'm.site_id = ?')
    .when(query.kind, 'm.kind = ?')
    .when(query.documentType, 'm.document_type = ?')
    .when(query.documentId, 'm.document_id = ?');
  const total = one<{ n: number }>(db, `SELECT COUNT(*) AS n FROM stock_movements m ${clause}`, ...params)?.n ?? 0;
  const direction = query.direction === 'asc' ? 'ASC' : 'DESC';
  // The movement id settles ties in the same direction, so equal rows keep the order they happened in.
  const order = movementOrder[query.sort];
  const orderBy = [order && `${order} ${direction}`, `m.id ${direction}`].filter(Boolean).join(', ');
  const rows = all<MovementRow>(db, `${movementSelect} ${clause} ORDER BY ${orderBy} LIMIT ? OFFSET ?`, ...params, query.limit, query.offset);
  return { total, rows: rows.map(toMovement) };
}

export function stockHandlers(): HandlerMap<'stock.adjust' | 'stock.transfer' | 'stock.movements', ServiceContext> {
  return {
    'stock.adjust': (input, ctx) => adjustStock(ctx.db, ctx, input),
    'stock.transfer': (input, ctx) => transferStock(ctx.db, ctx, input),
    'stock.movements': (input, ctx) => listMovements(ctx.db, input),
  };
}
