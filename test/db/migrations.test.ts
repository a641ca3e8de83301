import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DatabaseTooNewError, latestSchemaVersion, migrations, openDatabase } from '../../src-main/db';
import { tempDir } from '../support/tmp';

const hash = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('database migrations', () => {
  it('numbers migrations 1..N with no gaps', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
  });

  it('creates a fresh database at the latest schema with WAL and foreign keys on', () => {
    const file = path.join(tempDir(), 'fresh.db');
    const { db, schemaVersion, backupFile } = openDatabase(file);
    expect(schemaVersion).toBe(latestSchemaVersion());
    expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(backupFile).toBeNull();
    db.close();
  });

  it.each(migrations.slice(0, -1).map((m) => m.version))(
    'upgrades a database from version %i and keeps a backup of it',
    (from) => {
      const file = path.join(tempDir(), `v${from}.db`);
      openDatabase(file, migrations.slice(0, from)).db.close();
      const { db, backupFile } = openDatabase(file);
      expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion());
      db.close();
      expect(backupFile).not.toBeNull();
      const backup = new Database(backupFile as string, { readonly: true });
      expect(backup.pragma('user_version', { simple: true })).toBe(from);
      backup.close();
    },
  );

  it('keeps settings through an upgrade', () => {
    const file = path.join(tempDir(), 'keep.db');
    const first = openDatabase(file, migrations.slice(0, 1)).db;
    first.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('sync', '{\"syncIntervalMinutes\":42}', 'x')").run();
    first.close();
    const { db } = openDatabase(file);
    expect(db.prepare("SELECT value FROM settings WHERE key = 'sync'").pluck().get()).toContain('42');
    db.close();
  });

  it('refuses a database newer than the app and leaves the file untouched', () => {
    const dir = tempDir();
    const file = path.join(dir, 'newer.db');
    const raw = new Database(file);
    raw.pragma(`user_version = ${latestSchemaVersion() + 1}`);
    raw.close();
    const before = hash(file);
    expect(() => openDatabase(file)).toThrow(DatabaseTooNewError);
    expect(hash(file)).toBe(before);
    expect(fs.readdirSync(dir)).toEqual(['newer.db']);
  });
});
