/** Document numbers: unique per kind of document, chosen automatically when the clerk leaves them out. */
import { AppError } from '../../src-shared/ipc';
import type { Db } from '../db';
import { one } from './sql';

export type NumberedTable = 'picking_orders' | 'purchase_orders' | 'invoices' | 'estimates';

const what: Record<NumberedTable, string> = {
  picking_orders: 'A picking order',
  purchase_orders: 'A purchase order',
  invoices: 'An invoice',
  estimates: 'An estimate',
};

/** The given number after checking it is free, or one above the highest all-digit number in use. */
export function documentNumber(db: Db, table: NumberedTable, given: string | undefined): string {
  if (given !== undefined) {
    if (one(db, `SELECT 1 FROM ${table} WHERE number = ?`, given)) {
      throw new AppError('conflict', `${what[table]} numbered "${given}" already exists.`, 'number');
    }
    return given;
  }
  const highest = one<{ n: number | null }>(
    db,
    `SELECT MAX(CAST(number AS INTEGER)) AS n FROM ${table} WHERE number NOT GLOB '*[^0-9]*' AND length(number) <= 15`,
  )?.n;
  return String((highest ?? 0) + 1);
}
