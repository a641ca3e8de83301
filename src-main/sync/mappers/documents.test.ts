import { describe, expect, it } from 'vitest';
import { carriesMarker, centsOf, madeByShelfSync, postingDocNumber, salesLinesToQbo, unitsOf } from './documents';

describe('document mapping', () => {
  it('numbers back-order postings 1001, 1001-2, 1001-3 and refuses to pass 21 characters', () => {
    expect(postingDocNumber('1001', 1)).toBe('1001');
    expect(postingDocNumber('1001', 2)).toBe('1001-2');
    expect(postingDocNumber('1001', 3)).toBe('1001-3');
    expect(postingDocNumber('A'.repeat(20), 2)).toBeNull();
  });

  it('sends amounts that agree with quantity × price to the cent, and description lines without any', () => {
    const [item, text] = salesLinesToQbo([
      { qboItemId: '7', description: null, units: 33_333, unitPriceCents: 1999 },
      { qboItemId: null, description: 'Fragile', units: 10_000, unitPriceCents: 0 },
    ]);
    expect(item).toEqual({ DetailType: 'SalesItemLineDetail', Amount: 66.63, SalesItemLineDetail: { ItemRef: { value: '7' }, Qty: 3.3333, UnitPrice: 19.99 } });
    expect(text).toEqual({ DetailType: 'DescriptionOnly', Description: 'Fragile', DescriptionLineDetail: {} });
  });

  it('reads QuickBooks money and quantities', () => {
    expect(centsOf(12.345)).toBe(1235);
    expect(centsOf('12')).toBeNull();
    expect(unitsOf(2.5)).toBe(25_000);
    expect(unitsOf(undefined)).toBeNull();
  });

  it('matches a marker exactly, so order 1 posting 1 is not posting 12', () => {
    expect(carriesMarker({ PrivateNote: 'ShelfSync order x:1' }, 'ShelfSync order x:1')).toBe(true);
    expect(carriesMarker({ PrivateNote: 'ShelfSync order x:12' }, 'ShelfSync order x:1')).toBe(false);
    expect(madeByShelfSync({ PrivateNote: 'ShelfSync estimate e1' })).toBe(true);
    expect(madeByShelfSync({ PrivateNote: 'typed by a person' })).toBe(false);
  });
});
