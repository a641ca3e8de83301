/**
 * Local invoices. An invoice reaches QuickBooks only after `invoices.markReady` (outbox `invoice.post`);
 * the sync engine then stores QuickBooks' number and, later, the balance and paid status.
 */
import { AppError, type HandlerMap, type Invoice, type ParsedInput, type RequestInput } from '../../src-shared/ipc';
import { enqueueOutbox, type Db, type ServiceContext } from '../db';
import { recordAudit } from './audit';
import { actorOf, nowIso, type Effects, type WriteOptions } from './effects';
import { insertLines, priceLine, priceLines, readLines, rewriteDocument, today, totalOf, type PricedLine } from './documentsRepo';
import { requireItem } from './items';
import { documentNumber } from './numbering';
import { findOrderRow, orderLines } from './ordersRepo';
import { notFound, parseRequest } from './parse';
import { getParty } from './parties';
import { all, bool, Filters, likeContains, one, run } from './sql';

interface InvoiceRow {
  id: string;
  number: string;
  customer_id: string;
  customer_name: string;
  txn_date: string;
  due_date: string | null;
  total_cents: number;
  balance_cents: number;
  paid: number;
  ready_for_sync: number;
  qbo_number: string | null;
  qbo_txn_id: string | null;
  order_id: string | null;
  estimate_id: string | null;
  note: string | null;
  created_at: string;
  updated_at: string;
}

const invoiceSelect = `SELECT n.*, c.display_name AS customer_name FROM invoices n JOIN customers c ON c.id = n.customer_id`;

const toSummary = (r: InvoiceRow) => ({
  id: r.id,
  number: r.number,
  customerId: r.customer_id,
  customerName: r.customer_name,
  date: r.txn_date,
  dueDate: r.due_date,
  totalCents: r.total_cents,
  balanceCents: r.balance_cents,
  paid: bool(r.paid),
  readyForSync: bool(r.ready_for_sync),
  qboNumber: r.qbo_number,
  qboTxnId: r.qbo_txn_id,
  orderId: r.order_id,
  estimateId: r.estimate_id,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

function findInvoiceRow(db: Db, id: string, field = 'id'): InvoiceRow {
  const row = one<InvoiceRow>(db, `${invoiceSelect} WHERE n.id = ?`, id);
  if (!row) throw notFound('invoice', id, field);
  return row;
}

export function getInvoice(db: Db, id: string): Invoice {
  const row = findInvoiceRow(db, id);
  return { ...toSummary(row), note: row.note, lines: readLines(db, 'invoice_lines', id) };
}

export interface InvoiceHeader {
  number?: string | undefined;
  customerId: string;
  date?: string | undefined;
  dueDate?: string | null | undefined;
  note?: string | null | undefined;
  orderId?: string;
  estimateId?: string;
}

/** Writes an invoice and its lines; call inside a transaction. */
export function writeInvoice(db: Db, effects: Effects, header: InvoiceHeader, lines: readonly PricedLine[], by: string): string {
  const number = documentNumber(db, 'invoices', header.number);
  getParty(db, 'customer', header.customerId, 'customerId');
  const id = effects.ids.uuid();
  const now = nowIso(effects);
  const total = totalOf(lines);
  run(
    db,
    `INSERT INTO invoices (id, number, customer_id, txn_date, due_date, total_cents, balance_cents, order_id, estimate_id, note, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    id,
    number,
    header.customerId,
    header.date ?? today(effects),
    header.dueDate ?? null,
    total,
    total,
    header.orderId ?? null,
    header.estimateId ?? null,
    header.note ?? null,
    now,
    now,
  );
  insertLines(db, effects, 'invoice_lines', id, lines);
  recordAudit(db, effects, { by, recordType: 'invoice', recordId: id, action: 'created', detail: `Invoice ${number}` });
  return id;
}

export function createInvoice(db: Db, effects: Effects, input: RequestInput<'invoices.create'>, options?: WriteOptions): Invoice {
  const data = parseRequest('invoices.create', input);
  return db.transaction(() => getInvoice(db, writeInvoice(db, effects, data, priceLines(db, data.lines), actorOf(options))))();
}

export function updateInvoice(db: Db, effects: Effects, input: RequestInput<'invoices.update'>, options?: WriteOptions): Invoice {
  const data = parseRequest('invoices.update', input);
  return db.transaction(() => {
    const row = findInvoiceRow(db, data.id);
    if (row.qbo_txn_id !== null) throw new AppError('refused', `Invoice ${row.number} is already in QuickBooks; change it there.`, 'id');
    if (row.ready_for_sync === 1) {
      throw new AppError('refused', `Invoice ${row.number} is marked ready for sync; untick "Ready for sync" to change it.`, 'id');
    }
    rewriteDocument(db, effects, 'invoices', row, row.due_date, { ...data, until: data.dueDate });
    recordAudit(db, effects, { by: actorOf(options), recordType: 'invoice', recordId: row.id, action: 'updated', detail: `Invoice ${data.number ?? row.number}` });
    return getInvoice(db, row.id);
  })();
}

export function createInvoiceFromOrder(
  db: Db,
  effects: Effects,
  input: RequestInput<'invoices.createFromOrder'>,
  options?: WriteOptions,
): Invoice {
  const data = parseRequest('invoices.createFromOrder', input);
  return db.transaction(() => {
    const order = findOrderRow(db, data.orderId);
    const existing = one<{ number: string }>(db, 'SELECT number FROM invoices WHERE order_id = ?', order.id);
    if (existing) throw new AppError('conflict', `Invoice ${existing.number} was already written for order ${order.number}.`, 'orderId');
    if (order.status !== 'picked' && order.status !== 'posted') {
      throw new AppError('refused', `Order ${order.number} is ${order.status}; an invoice is written once it is picked.`, 'orderId');
    }
    const lines = orderLines(db, order.id)
      .filter((l) => l.picked > 0)
      .map((l) => priceLine(requireItem(db, l.item_id), l.picked));
    const id = writeInvoice(db, effects, { ...data, customerId: order.customer_id, orderId: order.id }, lines, actorOf(options));
    return getInvoice(db, id);
  })();
}

export function markInvoiceReady(db: Db, effects: Effects, input: RequestInput<'invoices.markReady'>, options?: WriteOptions): Invoice {
  const data = parseRequest('invoices.markReady', input);
  return db.transaction(() => {
    const row = findInvoiceRow(db, data.id);
    if (row.ready_for_sync === 1) throw new AppError('refused', `Invoice ${row.number} is already marked ready for sync.`, 'id');
    run(db, 'UPDATE invoices SET ready_for_sync = 1, updated_at = ? WHERE id = ?', nowIso(effects), row.id);
    enqueueOutbox(db, effects, { kind: 'invoice.post', localId: row.id });
    recordAudit(db, effects, { by: data.by ?? actorOf(options), recordType: 'invoice', recordId: row.id, action: 'status.readyForSync', detail: `Invoice ${row.number}` });
    return getInvoice(db, row.id);
  })();
}

export function unmarkInvoiceReady(db: Db, effects: Effects, input: RequestInput<'invoices.unmarkReady'>, options?: WriteOptions): Invoice {
  const data = parseRequest('invoices.unmarkReady', input);
  return db.transaction(() => {
    const row = findInvoiceRow(db, data.id);
    if (row.ready_for_sync === 0) throw new AppError('refused', `Invoice ${row.number} is not marked ready for sync.`, 'id');
    if (row.qbo_txn_id !== null) throw new AppError('refused', `Invoice ${row.number} is already in QuickBooks; change or void it there.`, 'id');
    // A row already sent once may have reached QuickBooks with its answer lost: only the next sync can tell.
    const sent = one<{ n: number }>(db, "SELECT COUNT(*) AS n FROM outbox WHERE kind = 'invoice.post' AND local_id = ? AND state IN ('pending', 'failed') AND attempts > 0", row.id);
    if ((sent?.n ?? 0) > 0) {
      throw new AppError('refused', `Invoice ${row.number} was already being sent to QuickBooks and may be there. Sync Now, then change it in QuickBooks if needed.`, 'id');
    }
    const by = data.by ?? actorOf(options);
    run(db, 'UPDATE invoices SET ready_for_sync = 0, updated_at = ? WHERE id = ?', nowIso(effects), row.id);
    run(
      db,
      "UPDATE outbox SET state = 'skipped', last_error = ?, updated_at = ? WHERE kind = 'invoice.post' AND local_id = ? AND state IN ('pending', 'failed')",
      `Taken back by ${by} before it was sent.`,
      nowIso(effects),
      row.id,
    );
    recordAudit(db, effects, { by, recordType: 'invoice', recordId: row.id, action: 'status.notReady', detail: `Invoice ${row.number}` });
    return getInvoice(db, row.id);
  })();
}

/** After QuickBooks accepted the invoice: its id and the number QuickBooks gave it (null: it gave none). */
export function setInvoiceQboNumber(db: Db, effects: Effects, invoiceId: string, qbo: { qboNumber: string | null; qboTxnId: string }): void {
  const row = findInvoiceRow(db, invoiceId);
  run(db, 'UPDATE invoices SET qbo_number = ?, qbo_txn_id = ?, updated_at = ? WHERE id = ?', qbo.qboNumber, qbo.qboTxnId, nowIso(effects), row.id);
  // Seed 002: once in QuickBooks, the invoice carries QuickBooks' number here too (unless another local
  // invoice already has that number, in which case both numbers stay visible).
  if (qbo.qboNumber !== null) {
    run(
      db,
      'UPDATE invoices SET number = ? WHERE id = ? AND NOT EXISTS (SELECT 1 FROM invoices WHERE number = ? AND id <> ?)',
      qbo.qboNumber,
      row.id,
      qbo.qboNumber,
      row.id,
    );
  }
  recordAudit(db, effects, { by: actorOf({ origin: 'qbo' }), recordType: 'invoice', recordId: row.id, action: 'posted', detail: qbo.qboNumber ? `QuickBooks number ${qbo.qboNumber}` : `QuickBooks id ${qbo.qboTxnId}, no number` });
}

/** The balance QuickBooks reports; paid means a zero balance. */
export function setInvoiceBalance(db: Db, effects: Effects, invoiceId: string, balanceCents: number): void {
  const row = findInvoiceRow(db, invoiceId);
  const paid = balanceCents === 0 ? 1 : 0;
  if (row.balance_cents === balanceCents && row.paid === paid) return;
  run(db, 'UPDATE invoices SET balance_cents = ?, paid = ?, updated_at = ? WHERE id = ?', balanceCents, paid, nowIso(effects), row.id);
  recordAudit(db, effects, {
    by: actorOf({ origin: 'qbo' }),
    recordType: 'invoice',
    recordId: row.id,
    action: paid ? 'status.paid' : 'balance',
    detail: `Balance ${balanceCents} cents`,
  });
}

/**
 * What each invoice sort orders by. Status: not ready, ready for sync, in QuickBooks, and unpaid
 * before paid within each, as the list's badges read; the same expression is indexed (migration 0018).
 */
const invoiceOrder: Record<ParsedInput<'invoices.list'>['sort'], string> = {
  number: 'n.number',
  customer: 'c.name_key',
  date: 'n.txn_date',
  total: 'n.total_cents',
  createdAt: 'n.created_at',
  qboNumber: 'n.qbo_number',
  balance: 'n.balance_cents',
  status: '((n.qbo_txn_id IS NOT NULL) * 4 + n.ready_for_sync * 2 + n.paid)',
};

export function listInvoices(db: Db, query: ParsedInput<'invoices.list'>) {
  const pattern = query.search ? likeContains(query.search) : undefined;
  const { clause, params } = new Filters()
    .when(query.customerId, 'n.customer_id = ?')
    .when(query.readyForSync, 'n.ready_for_sync = ?', query.readyForSync ? 1 : 0)
    .when(query.paid, 'n.paid = ?', query.paid ? 1 : 0)
    .when(pattern, `(lower(n.number) LIKE ? ESCAPE '\\' OR lower(n.qbo_number) LIKE ? ESCAPE '\\' OR c.name_key LIKE ? ESCAPE '\\')`, pattern, pattern, pattern);
  const total = one<{ n: number }>(db, `SELECT COUNT(*) AS n FROM invoices n JOIN customers c ON c.id = n.customer_id ${clause}`, ...params)?.n ?? 0;
  const order = invoiceOrder[query.sort];
  const direction = query.direction === 'desc' ? 'DESC' : 'ASC';
  const rows = all<InvoiceRow>(db, `${invoiceSelect} ${clause} ORDER BY ${order} ${direction}, n.id ${direction} LIMIT ? OFFSET ?`, ...params, query.limit, query.offset);
  return { total, rows: rows.map(toSummary) };
}

export function invoiceHandlers(): HandlerMap<`invoices.${'list' | 'get' | 'create' | 'update' | 'createFromOrder' | 'markReady' | 'unmarkReady'}`, ServiceContext> {
  return {
    'invoices.list': (input, ctx) => listInvoices(ctx.db, input),
    'invoices.get': (input, ctx) => getInvoice(ctx.db, input.id),
    'invoices.create': (input, ctx) => createInvoice(ctx.db, ctx, input),
    'invoices.createFromOrder': (input, ctx) => createInvoiceFromOrder(ctx.db, ctx, input),
    'invoices.update': (input, ctx) => updateInvoice(ctx.db, ctx, input),
    'invoices.markReady': (input, ctx) => markInvoiceReady(ctx.db, ctx, input),
    'invoices.unmarkReady': (input, ctx) => unmarkInvoiceReady(ctx.db, ctx, input),
  };
}
