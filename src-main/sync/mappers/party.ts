/** Customers and vendors: QuickBooks' name-list fields ↔ ShelfSync's (seed 003's field table). */
import { emptyAddress, parseQboAddress, toQboAddress, type LocalAddress, type QboAddress } from './address';
import type { QboObject } from '../port';

export interface PartyFields {
  displayName: string;
  companyName: string | null;
  givenName: string | null;
  familyName: string | null;
  email: string | null;
  phone: string | null;
  billingAddress: LocalAddress;
  shippingAddress: LocalAddress;
  active: boolean;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);

/** QuickBooks appends " (deleted)" to a name made inactive in its screens; the name itself is without it. */
export function stripDeletedSuffix(name: string, active: boolean): string {
  return active ? name : name.replace(/ \(deleted\)$/, '');
}

export function partyFromQbo(object: QboObject): PartyFields {
  const active = object.Active !== false;
  const email = (object.PrimaryEmailAddr as { Address?: string } | undefined)?.Address;
  const phone = (object.PrimaryPhone as { FreeFormNumber?: string } | undefined)?.FreeFormNumber;
  return {
    displayName: stripDeletedSuffix(text(object.DisplayName) ?? `QuickBooks ${object.Id}`, active),
    companyName: text(object.CompanyName),
    givenName: text(object.GivenName),
    familyName: text(object.FamilyName),
    email: text(email),
    phone: text(phone),
    billingAddress: parseQboAddress(object.BillAddr as QboAddress | undefined),
    shippingAddress: object.ShipAddr ? parseQboAddress(object.ShipAddr) : emptyAddress(),
    active,
  };
}

/** The body for a create or full update; vendors have no shipping address in QuickBooks. */
export function partyToQbo(party: PartyFields, kind: 'Customer' | 'Vendor'): Record<string, unknown> {
  const body: Record<string, unknown> = {
    DisplayName: party.displayName,
    CompanyName: party.companyName ?? '',
    GivenName: party.givenName ?? '',
    FamilyName: party.familyName ?? '',
    PrimaryEmailAddr: party.email ? { Address: party.email } : { Address: '' },
    PrimaryPhone: party.phone ? { FreeFormNumber: party.phone } : { FreeFormNumber: '' },
    Active: party.active,
  };
  const bill = toQboAddress(party.billingAddress);
  if (bill) body.BillAddr = bill;
  if (kind === 'Customer') {
    const ship = toQboAddress(party.shippingAddress);
    if (ship) body.ShipAddr = ship;
  }
  return body;
}
