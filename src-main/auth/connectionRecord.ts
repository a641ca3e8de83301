/**
 * Which company is connected, kept in the settings table (key "connection"). No secret is stored
 * here: tokens live in the secret store, the client secret in the environment or the settings file.
 */
import { z } from 'zod';
import { readSettingsEntry, writeSettingsEntry, type Db } from '../db';

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
  const text = readSettingsEntry(db, KEY);
  if (text === null) return null;
  try {
    const parsed = connectionRecordSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function writeConnectionRecord(db: Db, record: ConnectionRecord, now: Date): void {
  writeSettingsEntry(db, KEY, record, now);
}

export function clearConnectionRecord(db: Db): void {
  db.prepare('DELETE FROM settings WHERE key = ?').run(KEY);
}
