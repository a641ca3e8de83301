/** Customers and vendors: QuickBooks' name-list fields ↔ ShelfSync's (seed 003's field table). */
import { emptyAddress, parseQboAddress, sameAddress, toQboAddress, toQboAddressLike, type LocalAddress, type QboAddress } from './address';
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

/**
 * The sparse update of a linked customer or vendor: only the fields that differ from the version
 * QuickBooks last sent (`before`), so a phone edit leaves the addresses exactly as they are in
 * QuickBooks, blank lines included. An edited address is written in the layout it came in. With
 * `everyField` (Resend All Data) the plain fields all go again; addresses still only when edited, since
 * they are the ones a rewrite would damage.
 */
export function partyChanges(party: PartyFields, before: QboObject, kind: 'Customer' | 'Vendor', everyField = false): Record<string, unknown> {
  const theirs = partyFromQbo(before);
  const full = partyToQbo(party, kind);
  const changes: Record<string, unknown> = {};
  const plain: [keyof PartyFields, string][] = [
    ['displayName', 'DisplayName'],
    ['companyName', 'CompanyName'],
    ['givenName', 'GivenName'],
    ['familyName', 'FamilyName'],
    ['email', 'PrimaryEmailAddr'],
    ['phone', 'PrimaryPhone'],
    ['active', 'Active'],
  ];
  for (const [field, qbo] of plain) if (everyField || party[field] !== theirs[field]) changes[qbo] = full[qbo];
  if (!sameAddress(party.billingAddress, theirs.billingAddress)) changes.BillAddr = toQboAddressLike(party.billingAddress, before.BillAddr as QboAddress | undefined);
  if (kind === 'Customer' && !sameAddress(party.shippingAddress, theirs.shippingAddress)) {
    changes.ShipAddr = toQboAddressLike(party.shippingAddress, before.ShipAddr as QboAddress | undefined);
  }
  return changes;
}
