/** Opens the ShelfSync database: refuses a newer schema, backs up, migrates, then sets WAL and foreign keys. */
import fs from 'node:fs';
import Database from 'better-sqlite3';
import type { Migration } from './migration';
import { migrations as allMigrations } from './migrations';

export type Db = Database.Database;

export class DatabaseTooNewError extends Error {
  constructor(
    readonly fileVersion: number,
    readonly appVersion: number,
  ) {
    super(
      `This database was written by a newer ShelfSync (schema ${fileVersion}; this app knows up to ${appVersion}). ` +
        'Update ShelfSync to open it; the file was left untouched.',
    );
    this.name = 'DatabaseTooNewError';
  }
}

export class NotAShelfSyncDatabaseError extends Error {
  constructor(file: string) {
    super(`${file} is not a ShelfSync database.`);
    this.name = 'NotAShelfSyncDatabaseError';
  }
}

export function latestSchemaVersion(migrations: readonly Migration[] = allMigrations): number {
  return migrations.reduce((max, m) => Math.max(max, m.version), 0);
}

/** Reads the schema version without writing anything (no WAL switch, no journal file). */
export function readSchemaVersion(file: string): number {
  let db: Db;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch {
    throw new NotAShelfSyncDatabaseError(file);
  }
  try {
    return db.pragma('user_version', { simple: true }) as number;
  } catch {
    throw new NotAShelfSyncDatabaseError(file);
  } finally {
    db.close();
  }
}

export interface OpenedDatabase {
  db: Db;
  schemaVersion: number;
  /** Path of the copy taken before migrating, when one was needed. */
  backupFile: string | null;
}

export function openDatabase(
  file: string,
  migrations: readonly Migration[] = allMigrations,
): OpenedDatabase {
  const latest = latestSchemaVersion(migrations);
  const existed = fs.existsSync(file) && fs.statSync(file).size > 0;
  const before = existed ? readSchemaVersion(file) : 0;
  if (before > latest) throw new DatabaseTooNewError(before, latest);

  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    // 64 MiB of page cache: a 50k-item catalogue with its stock levels stays in memory for list queries.
    db.pragma('cache_size = -65536');
    let backupFile: string | null = null;
    if (existed && before > 0 && before < latest) {
      backupFile = `${file}.schema-${before}.bak`;
      fs.rmSync(backupFile, { force: true });
      db.prepare('VACUUM INTO ?').run(backupFile);
    }
    runMigrations(db, migrations, before);
    return { db, schemaVersion: latest, backupFile };
  } catch (error) {
    db.close();
    throw error;
  }
}

function runMigrations(db: Db, migrations: readonly Migration[], from: number): void {
  const pending = [...migrations].filter((m) => m.version > from).sort((a, b) => a.version - b.version);
  for (const migration of pending) {
    // Foreign keys cannot be toggled inside a transaction; migrations that rebuild tables rely on this.
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}
