/**
 * items.import: a chunk of rows through the same checks and writes as items.create. It writes exactly the
 * rows that creating the same items one by one writes (items, barcodes, audit, outbox), and a bad row
 * anywhere refuses the chunk with every wrong row named by row and field, leaving the data as it was.
 */
import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src-main/db';
import { createItem, importItems } from '../../src-main/warehouse';
import type { RequestInput } from '../../src-shared/ipc';
import { wordingProblems } from '../contract/wording';
import { startWarehouse } from './harness';

const sheet: RequestInput<'items.create'>[] = [
  { name: 'Hex bolt M8', sku: 'HB-8', barcodes: ['5012345678900', 'HB8'], costCents: 12, priceCents: 30, reorderPoint: '25' },
  { name: '  Pallet wrap  ', sku: 'PW-500', description: '500 mm, 23 µm', unit: 'roll', reorderPoint: '12.5', barcodes: ['5012345678917'] },
  { name: 'Delivery', type: 'service', priceCents: 2500, incomeAccountRef: { id: '79', name: 'Services' } },
  { name: 'Forklift', type: 'equipment', active: false, assetAccountRef: { id: '81', name: 'Inventory Asset' }, expenseAccountRef: null },
  { name: 'Shrink film', type: 'nonInventory', sku: null },
];

function fresh(): { db: Db; effects: { clock: { now: () => Date }; ids: { uuid: () => string } } } {
  let n = 0;
  return {
    db: openDatabase(':memory:').db,
    effects: { clock: { now: () => new Date('2026-12-03T09:00:00Z') }, ids: { uuid: () => `id-${++n}` } },
  };
}

/** What an item create leaves behind, table by table. */
const written = (db: Db) => ({
  items: db.prepare('SELECT * FROM items ORDER BY rowid').all(),
  barcodes: db.prepare('SELECT * FROM item_barcodes ORDER BY barcode').all(),
  audit: db.prepare('SELECT * FROM audit_log ORDER BY id').all(),
  outbox: db.prepare('SELECT * FROM outbox ORDER BY id').all(),
});

describe('items.import writes what items.create writes', () => {
  it('leaves exactly the rows that creating the same items one by one leaves', () => {
    const one = fresh();
    const ids = sheet.map((row) => createItem(one.db, one.effects, row).id);
    const bulk = fresh();
    const result = importItems(bulk.db, bulk.effects, { rows: sheet });
    expect(result.created).toBe(sheet.length);
    expect(result.items).toEqual(ids.map((id, k) => ({ row: k + 1, id, name: (sheet[k]?.name ?? '').trim() })));
    const expected = written(one.db);
    expect(expected.outbox).toHaveLength(sheet.length);
    expect(expected.barcodes).toHaveLength(3);
    expect(written(bulk.db)).toEqual(expected);
  });

  it('does the same for items that came from QuickBooks: audited as QuickBooks’, nothing queued back', () => {
    const fromQbo = { origin: 'qbo' } as const;
    const one = fresh();
    for (const row of sheet) createItem(one.db, one.effects, row, fromQbo);
    const bulk = fresh();
    importItems(bulk.db, bulk.effects, { rows: sheet }, fromQbo);
    const expected = written(one.db);
    expect(expected.outbox).toEqual([]);
    expect(expected.audit.every((r) => (r as { by: string }).by === 'QuickBooks sync')).toBe(true);
    expect(written(bulk.db)).toEqual(expected);
  });

  it('answers items.create’s own refusals, word for word, for a single item', () => {
    const { db, effects } = fresh();
    importItems(db, effects, { rows: [{ name: 'Hex bolt M8', barcodes: ['123'] }] });
    expect(() => createItem(db, effects, { name: 'HEX BOLT M8' })).toThrow(/^An item named "Hex bolt M8" already exists \(item id-1\)\.$/);
    expect(() => createItem(db, effects, { name: 'Nut', barcodes: ['123'] })).toThrow(/^The barcode "123" already belongs to the item "Hex bolt M8"\.$/);
  });
});

describe('a bad row in the middle of a chunk', () => {
  it('refuses the chunk, names every wrong row by its number and field, and adds nothing', async () => {
    const w = startWarehouse();
    const bolt = await w.call('items.create', { name: 'Hex bolt M8', barcodes: ['5012345678900'] });
    const before = w.dump();
    const rows = [
      { name: 'Washer M8' },
      { name: 'Nut M8', costCents: 12.5 },
      { name: '' },
      { name: 'hex bolt m8' },
      { name: 'Spring', barcodes: ['5012345678900'] },
      { name: 'WASHER m8' },
      { name: 'Clip', barcodes: ['777'] },
      { name: 'Pin', barcodes: ['777'] },
      { name: 'Rivet', colour: 'red' },
      { name: 'Anchor' },
    ];
    const error = await w.refuse('items.import', { rows, firstRow: 2 });
    expect(error.code).toBe('invalid_input');
    expect(error.issues).toEqual([
      { field: 'rows.1.costCents', message: 'Row 3: Enter the cost in whole cents, e.g. 1250 for 12.50.' },
      { field: 'rows.2.name', message: 'Row 4: Enter the item name.' },
      { field: 'rows.3.name', message: `Row 5: An item named "Hex bolt M8" already exists (item ${bolt.id}).` },
      { field: 'rows.4.barcodes', message: 'Row 6: The barcode "5012345678900" already belongs to the item "Hex bolt M8".' },
      { field: 'rows.5.name', message: 'Row 7: The name "WASHER m8" is already used in row 2 of this import.' },
      { field: 'rows.7.barcodes', message: 'Row 9: The barcode "777" is already on row 8 of this import.' },
      { field: 'rows.8.colour', message: 'Row 10: This field is not one ShelfSync knows; leave it out.' },
    ]);
    expect(error.field).toBe('rows.1.costCents');
    expect(error.message).toBe(
      'Row 3: Enter the cost in whole cents, e.g. 1250 for 12.50. 7 rows have 7 problems in all, each listed. Nothing was imported: fix the rows and import them again.',
    );
    for (const issue of error.issues ?? []) expect(wordingProblems(issue.message), issue.message).toEqual([]);
    expect(w.dump()).toEqual(before);
  });

  it('imports the whole sheet once the rows are fixed, each row answered with its number', async () => {
    const w = startWarehouse();
    const rows = [{ name: 'Washer M8' }, { name: 'Nut M8', costCents: 12 }, { name: 'Spring', barcodes: ['777'] }];
    const error = await w.refuse('items.import', { rows: [...rows, { name: 'Spring' }] });
    expect(error).toMatchObject({ code: 'conflict', field: 'rows.3.name' });
    const done = await w.call('items.import', { rows, firstRow: 1001 });
    expect(done.created).toBe(3);
    expect(done.items.map((i) => [i.row, i.name])).toEqual([[1001, 'Washer M8'], [1002, 'Nut M8'], [1003, 'Spring']]);
    const found = await w.call('items.findByBarcode', { barcode: '777' });
    expect(found.id).toBe(done.items[2]?.id);
    const listed = await w.call('items.list', { search: 'm8' });
    expect(listed.rows.map((i) => i.name)).toEqual(['Nut M8', 'Washer M8']);
    expect(w.rows("SELECT kind, local_id, state FROM outbox ORDER BY id")).toEqual(done.items.map((i) => ({ kind: 'item.upsert', local_id: i.id, state: 'pending' })));
    expect(w.rows("SELECT record_id, action, by FROM audit_log WHERE record_type = 'item' ORDER BY id")).toEqual(
      done.items.map((i) => ({ record_id: i.id, action: 'created', by: 'local user' })),
    );
  });
});
