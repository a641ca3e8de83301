/**
 * The one way items are created, one at a time (items.create, the QuickBooks import) or a chunk at a
 * time (items.import): every row checked with items.create's schema; names and barcodes checked by
 * the unique indexes as the chunk goes in, and a refused chunk searched with one query each (against
 * other items and the chunk's own earlier rows) to name its clashing rows; the items,
 * their barcodes, one audit row each and one outbox upsert each written with statements prepared once
 * (the item row bound row by row; barcodes, audit and outbox rows each one statement reading the chunk
 * as JSON), inside the caller's transaction. Nothing just written is read back.
 */
import { AppError, itemCreateSchema, parseInput, type FieldIssue, type ItemImportResult, type ParsedInput, type RequestInput } from '../../src-shared/ipc';
import { toUnits } from '../../src-shared/quantity';
import type Database from 'better-sqlite3';
import { enqueueNewRecords, statement, type Db } from '../db';
import { recordAuditEach } from './audit';
import { actorOf, fromQbo, nowIso, type Effects, type WriteOptions } from './effects';
import { writeAccountRef } from './itemsRepo';
import { parseRequest } from './parse';
import { all, run } from './sql';

export type NewItem = ParsedInput<'items.create'>;

/** What is wrong with one row: its place in the chunk, the field, and the words. */
export interface RowIssue {
  index: number;
  field: string;
  message: string;
  code: 'invalid_input' | 'conflict';
}

const takenNames = (db: Db, keys: readonly string[]) =>
  new Map(
    all<{ id: string; name: string; name_key: string }>(
      db,
      'SELECT id, name, name_key FROM items WHERE name_key IN (SELECT value FROM json_each(?))',
      JSON.stringify(keys),
    ).map((r) => [r.name_key, r]),
  );

const takenBarcodes = (db: Db, codes: readonly string[]) =>
  new Map(
    codes.length === 0
      ? []
      : all<{ barcode: string; name: string }>(
          db,
          `SELECT b.barcode, i.name FROM item_barcodes b JOIN items i ON i.id = b.item_id
            WHERE b.barcode IN (SELECT value FROM json_each(?))`,
          JSON.stringify(codes),
        ).map((r) => [r.barcode, r.name]),
  );

/**
 * Names and barcodes that another item already has, or that an earlier row of the same chunk takes:
 * one query for the names and one for the barcodes, whatever the chunk's size. At most one issue per
 * row and field (the first, as items.create would refuse it). `rowOf` numbers a row for the words.
 */
export function newItemClashes(db: Db, items: readonly NewItem[], rowOf: (index: number) => number = (i) => i + 1): RowIssue[] {
  const keys = items.map((item) => item.name.toLowerCase());
  const names = takenNames(db, keys);
  const owners = takenBarcodes(db, items.flatMap((item) => item.barcodes ?? []));
  const nameRow = new Map<string, number>();
  const codeRow = new Map<string, number>();
  const issues: RowIssue[] = [];
  items.forEach((item, index) => {
    const key = keys[index] ?? '';
    const clash = names.get(key);
    const earlier = nameRow.get(key);
    if (clash) issues.push({ index, field: 'name', code: 'conflict', message: `An item named "${clash.name}" already exists (item ${clash.id}).` });
    else if (earlier !== undefined) issues.push({ index, field: 'name', code: 'conflict', message: `The name "${item.name}" is already used in row ${rowOf(earlier)} of this import.` });
    else nameRow.set(key, index);
    const codeIssue = (item.barcodes ?? []).map((code) => barcodeClash(code, owners.get(code), codeRow.get(code), rowOf)).find((m) => m !== null);
    if (codeIssue) issues.push({ index, field: 'barcodes', code: 'conflict', message: codeIssue });
    for (const code of item.barcodes ?? []) if (!codeRow.has(code)) codeRow.set(code, index);
  });
  return issues;
}

function barcodeClash(code: string, owner: string | undefined, earlier: number | undefined, rowOf: (index: number) => number): string | null {
  if (owner !== undefined) return `The barcode "${code}" already belongs to the item "${owner}".`;
  if (earlier !== undefined) return `The barcode "${code}" is already on row ${rowOf(earlier)} of this import.`;
  return null;
}

const insertItemSql = `INSERT INTO items (id, name, name_key, sku, sku_key, description, type, unit, cost_cents, price_cents,
    reorder_point, active, income_account_ref, expense_account_ref, asset_account_ref, created_at, updated_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/** One item row, with the statement prepared once per connection (`sql.ts`) and run for every row of the chunk. */
function insertItemRow(statement: Database.Statement, id: string, data: NewItem, now: string): void {
  statement.run(
    id,
    data.name,
    data.name.toLowerCase(),
    data.sku ?? null,
    data.sku?.toLowerCase() ?? null,
    data.description ?? null,
    data.type ?? 'inventory',
    data.unit ?? null,
    data.costCents ?? 0,
    data.priceCents ?? 0,
    toUnits(data.reorderPoint ?? '0'),
    data.active === false ? 0 : 1,
    writeAccountRef(data.incomeAccountRef),
    writeAccountRef(data.expenseAccountRef),
    writeAccountRef(data.assetAccountRef),
    now,
    now,
  );
}

/**
 * Writes items already checked (schema and `newItemClashes`) in the caller's transaction and answers
 * their ids. Ids are drawn as a one-at-a-time create draws them: the item's, then its outbox row's.
 * A change from QuickBooks is audited as QuickBooks' and not queued back.
 */
export function insertNewItems(db: Db, effects: Effects, items: readonly NewItem[], options?: WriteOptions): string[] {
  const queued = !fromQbo(options);
  const now = nowIso(effects);
  const insertItem = statement(db, insertItemSql);
  const ids: string[] = [];
  const outbox: [string, string][] = [];
  for (const data of items) {
    const id = effects.ids.uuid();
    ids.push(id);
    if (queued) outbox.push([effects.ids.uuid(), id]);
    insertItemRow(insertItem, id, data, now);
  }
  const barcodes = items.flatMap((data, k) => (data.barcodes ?? []).map((code) => [code, ids[k]]));
  if (barcodes.length > 0) {
    run(db, 'INSERT INTO item_barcodes (barcode, item_id) SELECT value ->> 0, value ->> 1 FROM json_each(?)', JSON.stringify(barcodes));
  }
  recordAuditEach(db, effects, { by: actorOf(options), recordType: 'item', action: 'created' }, ids);
  if (queued) enqueueNewRecords(db, effects, 'item.upsert', outbox);
  return ids;
}

const uniqueViolation = (error: unknown) =>
  error instanceof Error && 'code' in error && (error.code === 'SQLITE_CONSTRAINT_UNIQUE' || error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY');

/**
 * Writes checked rows (`insertNewItems`) and answers their ids, or the clashes that stop them. The
 * unique indexes on names and barcodes check every row as it goes in, so a chunk that clashes with
 * nothing costs no query; a refused chunk is rolled back to its savepoint and only then searched
 * (`newItemClashes`) to name each clashing row.
 */
export function writeNewItems(
  db: Db,
  effects: Effects,
  items: readonly NewItem[],
  options?: WriteOptions,
  rowOf?: (index: number) => number,
): { ids: string[] } | { clashes: RowIssue[] } {
  try {
    return { ids: db.transaction(() => insertNewItems(db, effects, items, options))() };
  } catch (error) {
    if (!uniqueViolation(error)) throw error;
    const clashes = newItemClashes(db, items, rowOf);
    if (clashes.length === 0) throw error;
    return { clashes };
  }
}

/**
 * Checks one row with items.create's own schema; the words are the ones items.create answers with.
 * A good row is parsed once, plainly (the clerk's words cost a second pass, run only for a bad row).
 */
function checkRow(row: unknown, index: number, items: NewItem[], positions: number[], issues: RowIssue[]): void {
  const good = itemCreateSchema.safeParse(row);
  if (good.success) {
    items.push(good.data);
    positions.push(index);
    return;
  }
  const parsed = parseInput(itemCreateSchema, row, 'items.create');
  if (parsed.ok) throw new Error('items.create accepted a row it had refused');
  for (const issue of parsed.error.issues ?? [parsed.error]) {
    issues.push({ index, field: issue.field ?? '', message: issue.message, code: 'invalid_input' });
  }
}

/** Every wrong row in one refusal: the first as message and field, all of them in `issues`, by row. */
function refuseRows(issues: readonly RowIssue[], rowOf: (index: number) => number): AppError {
  const sorted = [...issues].sort((a, b) => a.index - b.index);
  const listed: FieldIssue[] = sorted.map((i) => ({
    message: `Row ${rowOf(i.index)}: ${i.message}`,
    field: i.field === '' ? `rows.${i.index}` : `rows.${i.index}.${i.field}`,
  }));
  const first = listed[0] ?? { message: 'Nothing to import.' };
  const rows = new Set(sorted.map((i) => i.index)).size;
  const more = listed.length > 1 ? ` ${rows === 1 ? 'That row has' : `${rows} rows have`} ${listed.length} problems in all, each listed.` : '';
  const code = sorted.some((i) => i.code === 'invalid_input') ? 'invalid_input' : 'conflict';
  return new AppError(code, `${first.message}${more} Nothing was imported: fix the rows and import them again.`, first.field, listed);
}

/**
 * items.import: a chunk of rows, all or nothing, in one transaction. A clerk fixes the sheet and
 * imports the same rows again, so no row is kept while another is refused.
 */
export function importItems(db: Db, effects: Effects, input: RequestInput<'items.import'>, options?: WriteOptions): ItemImportResult {
  const { rows, firstRow = 1 } = parseRequest('items.import', input);
  const rowOf = (index: number) => firstRow + index;
  const items: NewItem[] = [];
  const positions: number[] = [];
  const issues: RowIssue[] = [];
  rows.forEach((row, index) => checkRow(row, index, items, positions, issues));
  const itemRow = (k: number) => rowOf(positions[k] ?? k);
  const atRow = (clashes: RowIssue[]) => clashes.map((c) => ({ ...c, index: positions[c.index] ?? c.index }));
  return db.transaction(() => {
    if (issues.length > 0) throw refuseRows([...issues, ...atRow(newItemClashes(db, items, itemRow))], rowOf);
    const written = writeNewItems(db, effects, items, options, itemRow);
    if ('clashes' in written) throw refuseRows(atRow(written.clashes), rowOf);
    return { created: written.ids.length, items: written.ids.map((id, k) => ({ row: rowOf(k), id, name: items[k]?.name ?? '' })) };
  })();
}
