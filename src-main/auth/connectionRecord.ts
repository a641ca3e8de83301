/**
 * Which company is connected, kept in the settings table (key "connection"). No secret is stored
 * here: tokens live in the secret store, the client secret in the environment or the settings file.
 */
import { z } from 'zod';
import type { Db } from '../db';

const KEY = 'connection';

export const connectionRecordSchema = z.object({
  kind: z.enum(['quickbooks', 'practice']),
  realmId: z.string(),
  companyName: z.string(),
  country: z.string().nullable(),
  apiBase: z.string(),
  /** Set when no usable base was configured (e.g. `connect --sandbox URL`): the auth URLs live there too. */
  authBase: z.string().nullable(),
  environment: z.enum(['production', 'sandbox']),
  connectedAt: z.string(),
  reconnectNeeded: z.boolean(),
  reconnectMessage: z.string().nullable(),
});
export type ConnectionRecord = z.infer<typeof connectionRecordSchema>;

export function readConnectionRecord(db: Db): ConnectionRecord | null {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(KEY) as { value: string } | undefined;
  if (!row) return null;
  try {
    const parsed = connectionRecordSchema.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function writeConnectionRecord(db: Db, record: ConnectionRecord, now: Date): void {
  db.prepare(
    `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  ).run(KEY, JSON.stringify(record), now.toISOString());
}

export function clearConnectionRecord(db: Db): void {
  db.prepare('DELETE FROM settings WHERE key = ?').run(KEY);
}
