/** SQL shared by invoices and estimates: their lines, written and read the same way. */
import type { ParsedInput } from '../../src-shared/ipc';
import { formatQuantity, lineAmountCents, sumCents, toUnits } from '../../src-shared/quantity';
import type { Db } from '../db';
import type { Effects } from './effects';
import { requireItem } from './items';
import type { ItemRow } from './itemsRepo';
import { all, run } from './sql';

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
