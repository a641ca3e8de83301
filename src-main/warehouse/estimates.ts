/** Sales estimates: written here, posted to QuickBooks (`estimate.post`), turned into one invoice. */
import { AppError, type Estimate, type HandlerMap, type Invoice, type ParsedInput, type RequestInput } from '../../src-shared/ipc';
import { enqueueOutbox, type Db, type ServiceContext } from '../db';
import { recordAudit } from './audit';
import { actorOf, nowIso, type Effects, type WriteOptions } from './effects';
import { insertLines, priceLines, readLines, readPricedLines, rewriteDocument, today, totalOf } from './documentsRepo';
import { getInvoice, writeInvoice } from './invoices';
import { documentNumber } from './numbering';
import { notFound, parseRequest } from './parse';
import { getParty } from './parties';
import { all, Filters, likeContains, one, run } from './sql';

interface EstimateRow {
  id: string;
  number: string;
  customer_id: string;
  customer_name: string;
  txn_date: string;
  expiration_date: string | null;
  status: Estimate['status'];
  total_cents: number;
  qbo_txn_id: string | null;
  note: string | null;
  created_at: string;
  updated_at: string;
}

const estimateSelect = `SELECT e.*, c.display_name AS customer_name FROM estimates e JOIN customers c ON c.id = e.customer_id`;

const toSummary = (r: EstimateRow) => ({
  id: r.id,
  number: r.number,
  customerId: r.customer_id,
  customerName: r.customer_name,
  date: r.txn_date,
  expirationDate: r.expiration_date,
  status: r.status,
  totalCents: r.total_cents,
  qboTxnId: r.qbo_txn_id,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

function findEstimateRow(db: Db, id: string): EstimateRow {
  const row = one<EstimateRow>(db, `${estimateSelect} WHERE e.id = ?`, id);
  if (!row) throw notFound('estimate', id);
  return row;
}

export function getEstimate(db: Db, id: string): Estimate {
  const row = findEstimateRow(db, id);
  return { ...toSummary(row), note: row.note, lines: readLines(db, 'estimate_lines', id) };
}

function setStatus(db: Db, effects: Effects, row: EstimateRow, status: Estimate['status'], by: string): void {
  run(db, 'UPDATE estimates SET status = ?, updated_at = ? WHERE id = ?', status, nowIso(effects), row.id);
  recordAudit(db, effects, { by, recordType: 'estimate', recordId: row.id, action: `status.${status}`, detail: `Estimate ${row.number}: ${row.status} → ${status}` });
}

export function createEstimate(db: Db, effects: Effects, input: RequestInput<'estimates.create'>, options?: WriteOptions): Estimate {
  const data = parseRequest('estimates.create', input);
  return db.transaction(() => {
    const number = documentNumber(db, 'estimates', data.number);
    getParty(db, 'customer', data.customerId, 'customerId');
    const lines = priceLines(db, data.lines);
    const id = effects.ids.uuid();
    const now = nowIso(effects);
    run(
      db,
      `INSERT INTO estimates (id, number, customer_id, txn_date, expiration_date, total_cents, note, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      id,
      number,
      data.customerId,
      data.date ?? today(effects),
      data.expirationDate ?? null,
      totalOf(lines),
      data.note ?? null,
      now,
      now,
    );
    insertLines(db, effects, 'estimate_lines', id, lines);
    recordAudit(db, effects, { by: actorOf(options), recordType: 'estimate', recordId: id, action: 'status.draft', detail: `Estimate ${number}` });
    return getEstimate(db, id);
  })();
}

export function updateEstimate(db: Db, effects: Effects, input: RequestInput<'estimates.update'>, options?: WriteOptions): Estimate {
  const data = parseRequest('estimates.update', input);
  return db.transaction(() => {
    const row = findEstimateRow(db, data.id);
    if (row.status !== 'draft') throw new AppError('refused', `Estimate ${row.number} is ${row.status}; change it in QuickBooks.`, 'id');
    rewriteDocument(db, effects, 'estimates', row, row.expiration_date, { ...data, until: data.expirationDate });
    recordAudit(db, effects, { by: actorOf(options), recordType: 'estimate', recordId: row.id, action: 'updated', detail: `Estimate ${data.number ?? row.number}` });
    return getEstimate(db, row.id);
  })();
}

export function postEstimate(db: Db, effects: Effects, input: RequestInput<'estimates.post'>, options?: WriteOptions): Estimate {
  const data = parseRequest('estimates.post', input);
  return db.transaction(() => {
    const row = findEstimateRow(db, data.id);
    if (row.status !== 'draft') throw new AppError('refused', `Estimate ${row.number} is already ${row.status}.`, 'id');
    setStatus(db, effects, row, 'posted', data.by ?? actorOf(options));
    enqueueOutbox(db, effects, { kind: 'estimate.post', localId: row.id });
    return getEstimate(db, row.id);
  })();
}

export function createInvoiceFromEstimate(
  db: Db,
  effects: Effects,
  input: RequestInput<'estimates.createInvoice'>,
  options?: WriteOptions,
): Invoice {
  const data = parseRequest('estimates.createInvoice', input);
  return db.transaction(() => {
    const row = findEstimateRow(db, data.id);
    const existing = one<{ number: string }>(db, 'SELECT number FROM invoices WHERE estimate_id = ?', row.id);
    if (existing) throw new AppError('conflict', `Invoice ${existing.number} was already written for estimate ${row.number}.`, 'id');
    const by = actorOf(options);
    const header = { number: data.number, date: data.date, customerId: row.customer_id, note: row.note, estimateId: row.id };
    const invoiceId = writeInvoice(db, effects, header, readPricedLines(db, 'estimate_lines', row.id), by);
    setStatus(db, effects, row, 'invoiced', by);
    return getInvoice(db, invoiceId);
  })();
}

/** After QuickBooks accepted the estimate. */
export function setEstimateQboTxnId(db: Db, effects: Effects, estimateId: string, qboTxnId: string): void {
  const row = findEstimateRow(db, estimateId);
  run(db, 'UPDATE estimates SET qbo_txn_id = ?, updated_at = ? WHERE id = ?', qboTxnId, nowIso(effects), row.id);
}

/** What each estimate sort orders by; status in its life's order: draft, posted, invoiced. */
const estimateOrder: Record<ParsedInput<'estimates.list'>['sort'], string> = {
  number: 'e.number',
  customer: 'c.name_key',
  date: 'e.txn_date',
  total: 'e.total_cents',
  createdAt: 'e.created_at',
  expirationDate: 'e.expiration_date',
  status: "(CASE e.status WHEN 'draft' THEN 0 WHEN 'posted' THEN 1 ELSE 2 END)",
};

export function listEstimates(db: Db, query: ParsedInput<'estimates.list'>) {
  const pattern = query.search ? likeContains(query.search) : undefined;
  const { clause, params } = new Filters()
    .when(query.customerId, 'e.customer_id = ?')
    .when(query.status, 'e.status = ?')
    .when(pattern, `(lower(e.number) LIKE ? ESCAPE '\\' OR c.name_key LIKE ? ESCAPE '\\')`, pattern, pattern);
  const total = one<{ n: number }>(db, `SELECT COUNT(*) AS n FROM estimates e JOIN customers c ON c.id = e.customer_id ${clause}`, ...params)?.n ?? 0;
  const order = estimateOrder[query.sort];
  const direction = query.direction === 'desc' ? 'DESC' : 'ASC';
  const rows = all<EstimateRow>(db, `${estimateSelect} ${clause} ORDER BY ${order} ${direction}, e.id ${direction} LIMIT ? OFFSET ?`, ...params, query.limit, query.offset);
  return { total, rows: rows.map(toSummary) };
}

export function estimateHandlers(): HandlerMap<`estimates.${'list' | 'get' | 'create' | 'update' | 'post' | 'createInvoice'}`, ServiceContext> {
  return {
    'estimates.list': (input, ctx) => listEstimates(ctx.db, input),
    'estimates.get': (input, ctx) => getEstimate(ctx.db, input.id),
    'estimates.create': (input, ctx) => createEstimate(ctx.db, ctx, input),
    'estimates.update': (input, ctx) => updateEstimate(ctx.db, ctx, input),
    'estimates.post': (input, ctx) => postEstimate(ctx.db, ctx, input),
    'estimates.createInvoice': (input, ctx) => createInvoiceFromEstimate(ctx.db, ctx, input),
  };
}
