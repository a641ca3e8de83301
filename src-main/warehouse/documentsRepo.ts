/** SQL shared by invoices and estimates: their lines, written and read the same way. */
import type { ParsedInput } from '../../src-shared/ipc';
import { formatQuantity, lineAmountCents, sumCents, toUnits } from '../../src-shared/quantity';
import type { Db } from '../db';
import { nowIso, type Effects } from './effects';
import { requireItem } from './items';
import type { ItemRow } from './itemsRepo';
import { all, run } from './sql';
import { documentNumber } from './numbering';
import { getParty } from './parties';

export type LineTable = 'invoice_lines' | 'estimate_lines';
const parentColumn: Record<LineTable, string> = { invoice_lines: 'invoice_id', estimate_lines: 'estimate_id' };

export type DocumentLineInput = ParsedInput<'invoices.create'>['lines'][number];

/** A line with its price settled: an item's price and description fill what the clerk left out. */
export interface PricedLine {
  itemId: string | null;
  description: string | null;
  qty: number;
  unitPriceCents: number;
}

export function priceLine(
  item: ItemRow | null,
  qty: number,
  given: { description?: string | null | undefined; unitPriceCents?: number | undefined } = {},
): PricedLine {
  return {
    itemId: item?.id ?? null,
    description: given.description ?? item?.description ?? item?.name ?? null,
    qty,
    unitPriceCents: given.unitPriceCents ?? item?.price_cents ?? 0,
  };
}

export function priceLines(db: Db, lines: readonly DocumentLineInput[]): PricedLine[] {
  return lines.map((line, index) =>
    priceLine(line.itemId ? requireItem(db, line.itemId, `lines.${index}.itemId`) : null, toUnits(line.qty), line),
  );
}

export function totalOf(lines: readonly PricedLine[]): number {
  return sumCents(lines.map((l) => lineAmountCents(l.qty, l.unitPriceCents)));
}

export function insertLines(db: Db, effects: Effects, table: LineTable, parentId: string, lines: readonly PricedLine[]): void {
  lines.forEach((line, index) => {
    run(
      db,
      `INSERT INTO ${table} (id, ${parentColumn[table]}, line_no, item_id, description, qty, unit_price_cents, amount_cents)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      effects.ids.uuid(),
      parentId,
      index + 1,
      line.itemId,
      line.description,
      line.qty,
      line.unitPriceCents,
      lineAmountCents(line.qty, line.unitPriceCents),
    );
  });
}

interface LineRow {
  id: string;
  item_id: string | null;
  description: string | null;
  qty: number;
  unit_price_cents: number;
  amount_cents: number;
}

export function readLines(db: Db, table: LineTable, parentId: string) {
  return all<LineRow>(db, `SELECT * FROM ${table} WHERE ${parentColumn[table]} = ? ORDER BY line_no`, parentId).map((l) => ({
    id: l.id,
    itemId: l.item_id,
    description: l.description,
    qty: formatQuantity(l.qty),
    unitPriceCents: l.unit_price_cents,
    amountCents: l.amount_cents,
  }));
}

export function readPricedLines(db: Db, table: LineTable, parentId: string): PricedLine[] {
  return all<LineRow>(db, `SELECT * FROM ${table} WHERE ${parentColumn[table]} = ? ORDER BY line_no`, parentId).map((l) => ({
    itemId: l.item_id,
    description: l.description,
    qty: l.qty,
    unitPriceCents: l.unit_price_cents,
  }));
}

/** Today's date in the clock's UTC day, for documents the clerk did not date. */
export function today(effects: Effects): string {
  return effects.clock.now().toISOString().slice(0, 10);
}

/** What a change of a document names; anything left out stays as it is (lines as a whole). */
export interface DocumentChange {
  number?: string | undefined;
  customerId?: string | undefined;
  date?: string | undefined;
  /** The due date of an invoice, the expiration date of an estimate. */
  until?: string | null | undefined;
  note?: string | null | undefined;
  lines?: readonly DocumentLineInput[] | undefined;
}

interface DocumentHead {
  id: string;
  number: string;
  customer_id: string;
  txn_date: string;
  note: string | null;
  total_cents: number;
}

const documentTables = {
  invoices: { lines: 'invoice_lines', until: 'due_date', totals: 'total_cents = ?, balance_cents = ?' },
  estimates: { lines: 'estimate_lines', until: 'expiration_date', totals: 'total_cents = ?' },
} as const;

/** Writes a change of an invoice or estimate (already checked as changeable); call inside a transaction. */
export function rewriteDocument(
  db: Db,
  effects: Effects,
  table: keyof typeof documentTables,
  head: DocumentHead,
  until: string | null,
  change: DocumentChange,
): void {
  const t = documentTables[table];
  if (change.number !== undefined && change.number !== head.number) documentNumber(db, table, change.number);
  if (change.customerId !== undefined) getParty(db, 'customer', change.customerId, 'customerId');
  const lines = change.lines === undefined ? null : priceLines(db, change.lines);
  const total = lines === null ? head.total_cents : totalOf(lines);
  run(
    db,
    `UPDATE ${table} SET number = ?, customer_id = ?, txn_date = ?, ${t.until} = ?, note = ?, ${t.totals}, updated_at = ? WHERE id = ?`,
    change.number ?? head.number,
    change.customerId ?? head.customer_id,
    change.date ?? head.txn_date,
    change.until === undefined ? until : change.until,
    change.note === undefined ? head.note : change.note,
    ...(table === 'invoices' ? [total, total] : [total]),
    nowIso(effects),
    head.id,
  );
  if (lines !== null) {
    run(db, `DELETE FROM ${t.lines} WHERE ${parentColumn[t.lines]} = ?`, head.id);
    insertLines(db, effects, t.lines, head.id, lines);
  }
}

