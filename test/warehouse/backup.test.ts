import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { latestSchemaVersion } from '../../src-main/db';
import { tempDir } from '../support/tmp';
import { startWarehouse } from './harness';
import { stockedWarehouse } from './fixtures';

/** Everything except the audit trail, which records the restore itself. */
const withoutAudit = (dump: Record<string, unknown[]>) => ({ ...dump, audit_log: undefined });

describe('backup and restore', () => {
  it('outside the ShelfSync window has no file dialog: the path is typed, and asking for a dialog says so', async () => {
    const w = startWarehouse();
    expect(await w.call('app.info', {})).toMatchObject({ fileDialogs: false });
    expect(await w.refuse('app.chooseFile', { purpose: 'backup' })).toMatchObject({
      code: 'refused',
      message: 'A file can be chosen from a dialog only in the ShelfSync window; type the file’s full path instead.',
    });
  });

  it('restores a backup over later changes, and the app keeps working', async () => {
    const w = startWarehouse();
    const { bolt, customer } = await stockedWarehouse(w);
    await w.call('stock.adjust', { itemId: bolt.id, qtyDiff: '5', reason: 'opening stock' });
    const file = path.join(tempDir(), 'monday.shelfsync');
    const made = await w.call('backup.create', { file });
    expect(made).toMatchObject({ file, schemaVersion: latestSchemaVersion() });
    expect(made.bytes).toBeGreaterThan(0);
    const atBackup = w.dump();

    await w.call('items.create', { name: 'Added after the backup' });
    await w.call('stock.adjust', { itemId: bolt.id, qtyDiff: '-5', reason: 'damaged' });
    await w.call('customers.update', { id: customer.id, displayName: 'Acme Renamed' });

    const restored = await w.call('backup.restore', { file });
    expect(restored).toMatchObject({ file, schemaVersion: latestSchemaVersion() });
    expect(withoutAudit(w.dump())).toEqual(withoutAudit(atBackup));
    expect((await w.call('items.get', { id: bolt.id })).onHand).toBe('5');
    expect((await w.call('audit.list', { recordType: 'database', limit: 1 })).rows[0]).toMatchObject({ action: 'restored' });
    // Writes after a restore go through as usual.
    await w.call('stock.adjust', { itemId: bolt.id, qtyDiff: '1', reason: 'found' });
    expect((await w.call('items.get', { id: bolt.id })).onHand).toBe('6');
  });

  it('refuses a file that is not a ShelfSync database, and changes nothing', async () => {
    const w = startWarehouse();
    await stockedWarehouse(w);
    const dir = tempDir();
    const text = path.join(dir, 'notes.txt');
    fs.writeFileSync(text, 'this is not a database, just some notes\n'.repeat(200));
    const otherDb = path.join(dir, 'other.sqlite');
    const other = new Database(otherDb);
    other.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1);');
    other.close();
    const before = w.dump();
    for (const file of [text, otherDb]) {
      const error = await w.refuse('backup.restore', { file });
      expect(error).toMatchObject({ code: 'refused', field: 'file' });
      expect(error.message).toContain('is not a ShelfSync database');
    }
    expect(await w.refuse('backup.restore', { file: path.join(dir, 'missing.db') })).toMatchObject({ code: 'not_found' });
    expect(w.dump()).toEqual(before);
  });

  it('refuses a backup written by a newer ShelfSync, and changes nothing', async () => {
    const w = startWarehouse();
    await stockedWarehouse(w);
    const file = path.join(tempDir(), 'future.db');
    const future = new Database(file);
    future.exec("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL, updated_at TEXT NOT NULL)");
    future.pragma(`user_version = ${latestSchemaVersion() + 1}`);
    future.close();
    const before = w.dump();
    const error = await w.refuse('backup.restore', { file });
    expect(error).toMatchObject({ code: 'refused', field: 'file' });
    expect(error.message).toContain('newer ShelfSync');
    expect(w.dump()).toEqual(before);
  });

  it('restores a backup from an older schema by upgrading a copy of it', async () => {
    const w = startWarehouse();
    const file = path.join(tempDir(), 'old.db');
    const old = new Database(file);
    old.exec("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL, updated_at TEXT NOT NULL) STRICT");
    old.prepare("INSERT INTO settings VALUES ('sync', '{\"syncIntervalMinutes\":42}', 'then')").run();
    old.pragma('user_version = 1');
    old.close();
    await stockedWarehouse(w);
    const restored = await w.call('backup.restore', { file });
    expect(restored.schemaVersion).toBe(1);
    expect((await w.call('settings.get', {})).syncIntervalMinutes).toBe(42);
    expect((await w.call('items.list', {})).total).toBe(0);
    expect((await w.call('sites.list', {})).map((s) => s.name)).toEqual(['Main warehouse']);
  });

  it('will not overwrite an existing file with a backup', async () => {
    const w = startWarehouse();
    const file = path.join(tempDir(), 'taken.db');
    fs.writeFileSync(file, 'keep me');
    expect(await w.refuse('backup.create', { file })).toMatchObject({ code: 'conflict', field: 'file' });
    expect(fs.readFileSync(file, 'utf8')).toBe('keep me');
  });
});
