/**
 * The settings table holds JSON documents by key: the settings document ("sync", always read back
 * through its schema with defaults filled in) and others' (the connection record, in src-main/auth).
 */
import {
  defaultSettings,
  settingsSchema,
  type Settings,
  type SettingsPatch,
} from '../../src-shared/ipc';
import type { Db } from './database';

const KEY = 'sync';

/** The JSON text stored under `key`, or null. */
export function readSettingsEntry(db: Db, key: string): string | null {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

export function writeSettingsEntry(db: Db, key: string, value: unknown, now: Date): void {
  db.prepare(
    `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  ).run(key, JSON.stringify(value), now.toISOString());
}

export function readSettings(db: Db): Settings {
  const text = readSettingsEntry(db, KEY);
  if (text === null) return structuredClone(defaultSettings);
  const stored = JSON.parse(text) as SettingsPatch;
  // Settings added by a later version get their defaults; a stored value that no longer fits is reset.
  const merged = mergeSettings(defaultSettings, stored);
  const parsed = settingsSchema.safeParse(merged);
  return parsed.success ? parsed.data : structuredClone(defaultSettings);
}

export function mergeSettings(base: Settings, patch: SettingsPatch): Settings {
  const next: Settings = structuredClone(base);
  const { directions, defaultAccounts, ...flat } = patch;
  Object.assign(next, stripUndefined(flat));
  if (directions) Object.assign(next.directions, stripUndefined(directions));
  if (defaultAccounts) {
    for (const type of Object.keys(defaultAccounts) as (keyof Settings['defaultAccounts'])[]) {
      const set = defaultAccounts[type];
      if (set) Object.assign(next.defaultAccounts[type], stripUndefined(set));
    }
  }
  return next;
}

export function writeSettings(db: Db, settings: Settings, now: Date): void {
  writeSettingsEntry(db, KEY, settings, now);
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
