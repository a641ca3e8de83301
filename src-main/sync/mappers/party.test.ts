import { describe, expect, it } from 'vitest';
import { partyFromQbo, partyToQbo } from './party';

const qboCustomer = {
  Id: '58',
  SyncToken: '3',
  DisplayName: 'Basement Bar',
  CompanyName: 'Basement Bar LLC',
  GivenName: 'Jo',
  FamilyName: 'Ruiz',
  PrimaryEmailAddr: { Address: 'jo@basement.example' },
  PrimaryPhone: { FreeFormNumber: '(612) 555-0100' },
  BillAddr: { Line1: '511 N Washington Ave', Line2: 'Minneapolis, MN, 55401' },
  ShipAddr: { Line1: 'Dock 3', City: 'Minneapolis', CountrySubDivisionCode: 'MN', PostalCode: '55401' },
  Active: true,
};

describe('customer and vendor fields', () => {
  it('maps every field of the seed table from QuickBooks', () => {
    expect(partyFromQbo(qboCustomer)).toEqual({
      displayName: 'Basement Bar',
      companyName: 'Basement Bar LLC',
      givenName: 'Jo',
      familyName: 'Ruiz',
      email: 'jo@basement.example',
      phone: '(612) 555-0100',
      billingAddress: { line1: '511 N Washington Ave', line2: null, line3: null, city: 'Minneapolis', state: 'MN', postalCode: '55401', country: null },
      shippingAddress: { line1: 'Dock 3', line2: null, line3: null, city: 'Minneapolis', state: 'MN', postalCode: '55401', country: null },
      active: true,
    });
  });

  it('round-trips a customer through QuickBooks fields unchanged', () => {
    const fields = partyFromQbo(qboCustomer);
    expect(partyFromQbo({ Id: '58', SyncToken: '4', ...partyToQbo(fields, 'Customer') })).toEqual(fields);
  });

  it('drops the " (deleted)" QuickBooks adds to an inactive name', () => {
    expect(partyFromQbo({ ...qboCustomer, Active: false, DisplayName: 'Basement Bar (deleted)' })).toMatchObject({
      displayName: 'Basement Bar',
      active: false,
    });
  });

  it('sends no shipping address for a vendor', () => {
    expect(partyToQbo(partyFromQbo(qboCustomer), 'Vendor')).not.toHaveProperty('ShipAddr');
  });
});
