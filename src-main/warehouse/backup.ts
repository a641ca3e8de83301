/**
 * Backup and restore of the whole database. A backup is SQLite's online backup (consistent while the
 * app runs). A restore never swaps files under the open connection: the backup is copied to a temp
 * folder, checked, migrated to this app's schema there, attached, and its rows replace every table's
 * rows in one transaction, so a failure leaves the live data as it was and the host keeps running.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError, type HandlerMap } from '../../src-shared/ipc';
import {
  DatabaseTooNewError,
  latestSchemaVersion,
  NotAShelfSyncDatabaseError,
  openDatabase,
  readSchemaVersion,
  readSettings,
  type Db,
  type ServiceContext,
} from '../db';
import { recordAudit } from './audit';
import { localUser, type Effects } from './effects';
import { all } from './sql';

export async function createBackup(db: Db, effects: Effects, file: string) {
  const target = path.resolve(file);
  if (fs.existsSync(target)) throw new AppError('conflict', `${target} already exists; choose a new file name.`, 'file');
  if (!fs.existsSync(path.dirname(target))) throw new AppError('not_found', `The folder ${path.dirname(target)} does not exist.`, 'file');
  await db.backup(target);
  const schemaVersion = db.pragma('user_version', { simple: true }) as number;
  recordAudit(db, effects, { by: localUser, recordType: 'database', recordId: 'main', action: 'backup', detail: target });
  return { file: target, bytes: fs.statSync(target).size, schemaVersion };
}

/** The backup's schema version, or a refusal a person can act on. */
function checkBackup(file: string): number {
  if (!fs.existsSync(file)) throw new AppError('not_found', `There is no file ${file}.`, 'file');
  let version: number;
  try {
    version = readSchemaVersion(file);
  } catch (error) {
    if (error instanceof NotAShelfSyncDatabaseError) throw new AppError('refused', error.message, 'file');
    throw error;
  }
  if (version < 1) throw new AppError('refused', new NotAShelfSyncDatabaseError(file).message, 'file');
  const latest = latestSchemaVersion();
  if (version > latest) throw new AppError('refused', new DatabaseTooNewError(version, latest).message, 'file');
  return version;
}

/** A migrated, checked copy of the backup in a temp folder; the caller removes the folder. */
function preparedCopy(file: string): { dir: string; copy: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shelfsync-restore-'));
  const copy = path.join(dir, 'restore.db');
  fs.copyFileSync(file, copy);
  let opened: Db | undefined;
  try {
    opened = openDatabase(copy).db;
    const check = opened.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new AppError('refused', `${file} is damaged (${String(check)}); it was not restored.`, 'file');
    const hasSettings = opened.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'settings'").get();
    if (!hasSettings) throw new AppError('refused', new NotAShelfSyncDatabaseError(file).message, 'file');
    opened.pragma('journal_mode = DELETE'); // a single self-contained file to attach
  } catch (error) {
    opened?.close();
    fs.rmSync(dir, { recursive: true, force: true });
    if (error instanceof AppError) throw error;
    throw new AppError('refused', `${file} could not be read as a ShelfSync backup; nothing was changed.`, 'file');
  }
  opened.close();
  return { dir, copy };
}

function tablesOf(db: Db, schema: 'main' | 'restored'): string[] {
  return all<{ name: string }>(
    db,
    `SELECT name FROM ${schema}.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
  ).map((r) => r.name);
}

export function restoreBackup(db: Db, effects: Effects, file: string) {
  const source = path.resolve(file);
  const schemaVersion = checkBackup(source);
  const { dir, copy } = preparedCopy(source);
  db.prepare('ATTACH DATABASE ? AS restored').run(copy);
  try {
    const tables = tablesOf(db, 'main');
    const missing = tables.filter((t) => !tablesOf(db, 'restored').includes(t));
    if (missing.length > 0) throw new AppError('refused', `${source} lacks tables ${missing.join(', ')}; nothing was changed.`, 'file');
    db.transaction(() => {
      // Rows arrive in table order, not dependency order; the keys are checked once, at commit.
      db.pragma('defer_foreign_keys = ON');
      for (const table of tables) db.prepare(`DELETE FROM main."${table}"`).run();
      for (const table of tables) {
        const columns = (db.pragma(`main.table_info("${table}")`) as { name: string }[]).map((c) => `"${c.name}"`).join(', ');
        db.prepare(`INSERT INTO main."${table}" (${columns}) SELECT ${columns} FROM restored."${table}"`).run();
      }
      recordAudit(db, effects, { by: localUser, recordType: 'database', recordId: 'main', action: 'restored', detail: source });
    })();
    effects.emit?.('settings.changed', readSettings(db));
    return { file: source, schemaVersion, tables: tables.length };
  } finally {
    db.prepare('DETACH DATABASE restored').run();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function backupHandlers(): HandlerMap<'backup.create' | 'backup.restore', ServiceContext> {
  return {
    'backup.create': (input, ctx) => createBackup(ctx.db, ctx, input.file),
    'backup.restore': (input, ctx) => restoreBackup(ctx.db, ctx, input.file),
  };
}
