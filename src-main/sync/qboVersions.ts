/**
 * The last version QuickBooks sent of each linked customer, vendor and service location: the fields
 * ShelfSync maps, exactly as they came (addresses with their blank lines and typed city lines). Updates
 * are computed against it (`mappers/party.ts`), so only what the clerk changed is sent.
 */
import type { Db } from '../db';
import type { QboObject } from './port';

/** Entities whose QuickBooks version is kept; other links only need Id and SyncToken. */
const remembered = new Set(['customer', 'vendor', 'serviceLocation']);
const keptFields = ['DisplayName', 'CompanyName', 'GivenName', 'FamilyName', 'PrimaryEmailAddr', 'PrimaryPhone', 'BillAddr', 'ShipAddr', 'Active'];

export function rememberQboVersion(db: Db, entity: string, localId: string, object: QboObject, now: Date): void {
  if (!remembered.has(entity)) return;
  const fields: Record<string, unknown> = { Id: object.Id };
  for (const key of keptFields) if (object[key] !== undefined) fields[key] = object[key];
  db.prepare(
    `INSERT INTO qbo_versions (entity, local_id, fields, seen_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (entity, local_id) DO UPDATE SET fields = excluded.fields, seen_at = excluded.seen_at`,
  ).run(entity, localId, JSON.stringify(fields), now.toISOString());
}

/** Null for a record linked before versions were kept (or linked without its object): read it then. */
export function qboVersion(db: Db, entity: string, localId: string): QboObject | null {
  const fields = db.prepare('SELECT fields FROM qbo_versions WHERE entity = ? AND local_id = ?').pluck().get(entity, localId) as string | undefined;
  return fields === undefined ? null : (JSON.parse(fields) as QboObject);
}
