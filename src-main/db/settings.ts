/** The settings document: stored as JSON, always read back through its schema with defaults filled in. */
import {
  defaultSettings,
  settingsSchema,
  type Settings,
  type SettingsPatch,
} from '../../src-shared/ipc';
import type { Db } from './database';

const KEY = 'sync';

export function readSettings(db: Db): Settings {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(KEY) as { value: string } | undefined;
  if (!row) return structuredClone(defaultSettings);
  const stored = JSON.parse(row.value) as SettingsPatch;
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
  db.prepare(
    `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  ).run(KEY, JSON.stringify(settings), now.toISOString());
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
