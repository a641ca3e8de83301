/** SQL for customers, vendors and service locations; rows to contract shapes. */
import type { Address, AddressInput, Party, ServiceLocation } from '../../src-shared/ipc';
import type { Db } from '../db';
import { all, bool, one } from './sql';

export type PartyKind = 'customer' | 'vendor';
export const partyTable: Record<PartyKind, string> = { customer: 'customers', vendor: 'vendors' };

const addressFields = [
  ['line1', 'line1'],
  ['line2', 'line2'],
  ['line3', 'line3'],
  ['city', 'city'],
  ['state', 'state'],
  ['postalCode', 'postal_code'],
  ['country', 'country'],
] as const;

type Row = Record<string, string | number | null>;

export function readAddress(row: Row, prefix: string): Address {
  const text = (key: string) => {
    const value = row[`${prefix}_${key}`];
    return typeof value === 'string' ? value : null;
  };
  return {
    line1: text('line1'),
    line2: text('line2'),
    line3: text('line3'),
    city: text('city'),
    state: text('state'),
    postalCode: text('postal_code'),
    country: text('country'),
  };
}

/** Column/value pairs for an address; null clears every field, undefined leaves the address alone. */
export function addressColumns(prefix: string, address: AddressInput | null | undefined): [string, string | null][] {
  if (address === undefined) return [];
  return addressFields.map(([field, column]) => [`${prefix}_${column}`, address?.[field] ?? null]);
}

export function toParty(row: Row): Party {
  const str = (key: string) => (typeof row[key] === 'string' ? (row[key]) : null);
  return {
    id: row.id as string,
    displayName: row.display_name as string,
    companyName: str('company_name'),
    givenName: str('given_name'),
    familyName: str('family_name'),
    email: str('email'),
    phone: str('phone'),
    billingAddress: readAddress(row, 'bill'),
    shippingAddress: readAddress(row, 'ship'),
    active: bool(row.active as number),
    createdAt: row.created_at as string,
    updatedAt: row.updated_at as string,
  };
}

export function findPartyRow(db: Db, kind: PartyKind, id: string): Row | undefined {
  return one<Row>(db, `SELECT * FROM ${partyTable[kind]} WHERE id = ?`, id);
}

/** Who already holds a display name, in either list (QuickBooks keeps customers and vendors in one). */
export function nameHolder(db: Db, nameKey: string): { kind: PartyKind; id: string; name: string } | undefined {
  for (const kind of ['customer', 'vendor'] as const) {
    const row = one<{ id: string; display_name: string }>(
      db,
      `SELECT id, display_name FROM ${partyTable[kind]} WHERE name_key = ?`,
      nameKey,
    );
    if (row) return { kind, id: row.id, name: row.display_name };
  }
  return undefined;
}

export function toServiceLocation(row: Row): ServiceLocation {
  return {
    id: row.id as string,
    customerId: row.customer_id as string,
    name: row.name as string,
    address: readAddress(row, 'addr'),
    active: bool(row.active as number),
    updatedAt: row.updated_at as string,
  };
}

export function serviceLocationsOf(db: Db, customerId: string): ServiceLocation[] {
  return all<Row>(db, 'SELECT * FROM service_locations WHERE customer_id = ? ORDER BY name_key', customerId).map(toServiceLocation);
}
