import { describe, expect, it } from 'vitest';
import { canonicalCountry, parseQboAddress, toQboAddress, toQboAddressLike, type LocalAddress, type QboAddress } from './address';

const local = (l: Partial<LocalAddress>): LocalAddress => ({
  line1: null, line2: null, line3: null, city: null, state: null, postalCode: null, country: null, ...l,
});

/** The five recommended layouts of the warehouse plugin's manual, with the variants of layout 3. */
const layouts: { name: string; qbo: QboAddress; expected: LocalAddress }[] = [
  {
    name: 'layout 1: three street lines, then the city line',
    qbo: { Line1: '12 Dock Road', Line2: 'Unit 4', Line3: 'Building C', Line4: 'Springfield, IL, 62701' },
    expected: local({ line1: '12 Dock Road', line2: 'Unit 4', line3: 'Building C', city: 'Springfield', state: 'IL', postalCode: '62701' }),
  },
  {
    name: 'layout 2: two street lines, then the city line',
    qbo: { Line1: '12 Dock Road', Line2: 'Unit 4', Line3: 'Springfield, IL 62701' },
    expected: local({ line1: '12 Dock Road', line2: 'Unit 4', city: 'Springfield', state: 'IL', postalCode: '62701' }),
  },
  {
    name: 'layout 3: one street line, then the city line',
    qbo: { Line1: '12 Dock Road', Line2: 'Springfield, IL, 62701' },
    expected: local({ line1: '12 Dock Road', city: 'Springfield', state: 'IL', postalCode: '62701' }),
  },
  {
    name: 'layout 3 with a blank first line',
    qbo: { Line1: '', Line2: '12 Dock Road', Line3: 'Springfield, IL, 62701' },
    expected: local({ line2: '12 Dock Road', city: 'Springfield', state: 'IL', postalCode: '62701' }),
  },
  {
    name: 'layout 3 with two blank lines first',
    qbo: { Line1: ' ', Line2: '', Line3: '12 Dock Road', Line4: 'Springfield, IL, 62701' },
    expected: local({ line3: '12 Dock Road', city: 'Springfield', state: 'IL', postalCode: '62701' }),
  },
  {
    name: 'layout 4: two street lines, a blank line, the city line',
    qbo: { Line1: '12 Dock Road', Line2: 'Unit 4', Line3: '', Line4: 'Springfield, IL, 62701-1234' },
    expected: local({ line1: '12 Dock Road', line2: 'Unit 4', city: 'Springfield', state: 'IL', postalCode: '62701-1234' }),
  },
  {
    name: 'layout 5: one street line, two blank lines, the city line',
    qbo: { Line1: '12 Dock Road', Line2: '', Line3: '', Line4: 'Springfield, IL, 62701' },
    expected: local({ line1: '12 Dock Road', city: 'Springfield', state: 'IL', postalCode: '62701' }),
  },
];

describe('QuickBooks address layouts', () => {
  it.each(layouts)('$name is read into the right fields', ({ qbo, expected }) => {
    expect(parseQboAddress(qbo)).toEqual(expected);
  });

  it.each(layouts)('$name is written back and read again unchanged', ({ expected }) => {
    expect(parseQboAddress(toQboAddress(expected))).toEqual(expected);
  });

  it('keeps a blank first line when writing back, so the street stays on line 2', () => {
    expect(toQboAddress(local({ line2: '12 Dock Road', city: 'Springfield' }))).toEqual({ Line1: '', Line2: '12 Dock Road', City: 'Springfield' });
  });

  it('uses QuickBooks city, state and postal code fields when they are filled', () => {
    const qbo = { Line1: '5800 Cahill Ave', City: 'Inver Grove Heights', CountrySubDivisionCode: 'MN', PostalCode: '55076', Country: 'USA' };
    expect(parseQboAddress(qbo)).toEqual(
      local({ line1: '5800 Cahill Ave', city: 'Inver Grove Heights', state: 'MN', postalCode: '55076', country: 'USA' }),
    );
    expect(toQboAddress(parseQboAddress(qbo))).toEqual(qbo);
  });

  it('reads a country typed on the line after the city line', () => {
    expect(parseQboAddress({ Line1: '1 Front St W', Line2: 'Toronto, ON M5V 2T6', Line3: 'Canada' })).toEqual(
      local({ line1: '1 Front St W', city: 'Toronto', state: 'ON', postalCode: 'M5V 2T6', country: 'Canada' }),
    );
  });

  it('keeps street lines that are not a city line, and never loses a fourth line', () => {
    expect(parseQboAddress({ Line1: 'Attn: Receiving', Line2: '12 Dock Road', Line3: 'Unit 4', Line4: 'Gate 2' })).toEqual(
      local({ line1: 'Attn: Receiving', line2: '12 Dock Road', line3: 'Unit 4, Gate 2' }),
    );
  });

  it('treats a missing address as empty and writes nothing for it', () => {
    expect(parseQboAddress(undefined)).toEqual(local({}));
    expect(toQboAddress(local({}))).toBeUndefined();
  });
});

describe('an edited address goes back in the layout it came in', () => {
  const moved = (a: LocalAddress): LocalAddress => {
    const street = a.line1 ? 'line1' : a.line2 ? 'line2' : 'line3';
    return { ...a, [street]: '40 Quay Street', city: 'Shelbyville', postalCode: '62565' };
  };

  it.each(layouts)('$name keeps its lines, blanks and city line style', ({ qbo, expected }) => {
    const written = toQboAddressLike(moved(expected), qbo);
    expect(parseQboAddress(written)).toEqual(moved(expected));
    // Every line of the original is still there, in its place: only the edited text differs.
    for (const n of [1, 2, 3, 4, 5] as const) {
      const was = (qbo[`Line${n}`] ?? '').trim();
      const now = written[`Line${n}`] ?? '';
      expect(now === '', `Line${n} blank`).toBe(was === '');
    }
    expect(written.City).toBeUndefined();
  });

  it('writes layout 3 back exactly, the comma before the zip included', () => {
    const qbo = { Line1: '12 Dock Road', Line2: 'Springfield, IL, 62701' };
    expect(toQboAddressLike({ ...parseQboAddress(qbo), line1: '14 Dock Road' }, qbo)).toEqual({ Line1: '14 Dock Road', Line2: 'Springfield, IL, 62701' });
    const noComma = { Line1: '12 Dock Road', Line2: '', Line3: '', Line4: 'Springfield, IL 62701' };
    expect(toQboAddressLike({ ...parseQboAddress(noComma), city: 'Decatur' }, noComma)).toEqual({ Line1: '12 Dock Road', Line2: '', Line3: '', Line4: 'Decatur, IL 62701' });
  });

  it('adds a street line the layout had no room for, before the city line', () => {
    const qbo = { Line1: '12 Dock Road', Line2: 'Springfield, IL, 62701' };
    expect(toQboAddressLike({ ...parseQboAddress(qbo), line2: 'Unit 4' }, qbo)).toEqual({ Line1: '12 Dock Road', Line2: 'Unit 4', Line3: 'Springfield, IL, 62701' });
  });

  it('keeps QuickBooks’ own fields, and its address Id, for an address kept in them; a new one uses the fields too', () => {
    const qbo = { Id: '77', Line1: '5800 Cahill Ave', City: 'Inver Grove Heights', CountrySubDivisionCode: 'MN', PostalCode: '55076', Country: 'US' };
    expect(toQboAddressLike({ ...parseQboAddress(qbo), line1: '5802 Cahill Ave' }, qbo)).toEqual({ ...qbo, Line1: '5802 Cahill Ave' });
    const fresh = { line1: '1 New St', line2: null, line3: null, city: 'Salem', state: 'OR', postalCode: '97301', country: null };
    expect(toQboAddressLike(fresh, undefined)).toEqual({ Line1: '1 New St', City: 'Salem', CountrySubDivisionCode: 'OR', PostalCode: '97301' });
  });

  it('reads "US", "USA" and "United States" as one country and writes back the spelling QuickBooks sent', () => {
    for (const spelling of ['US', 'USA', 'United States', 'united states of america']) expect(canonicalCountry(spelling)).toBe('USA');
    expect(canonicalCountry('Canada')).toBe('Canada');
    const qbo = { Line1: '1 Main St', City: 'Salem', CountrySubDivisionCode: 'OR', PostalCode: '97301', Country: 'United States' };
    const read = parseQboAddress(qbo);
    expect(read.country).toBe('USA');
    expect(toQboAddressLike({ ...read, line1: '3 Main St' }, qbo).Country).toBe('United States');
    expect(toQboAddressLike({ ...read, country: 'Canada' }, qbo).Country).toBe('Canada');
    const typedCountry = { Line1: '1 Front St W', Line2: 'Toronto, ON M5V 2T6', Line3: 'Canada' };
    expect(toQboAddressLike({ ...parseQboAddress(typedCountry), line1: '2 Front St W' }, typedCountry)).toEqual({ Line1: '2 Front St W', Line2: 'Toronto, ON M5V 2T6', Line3: 'Canada' });
  });

  it('clears an address the clerk emptied', () => {
    const qbo = { Line1: '12 Dock Road', Line2: 'Springfield, IL, 62701' };
    expect(toQboAddressLike({ line1: null, line2: null, line3: null, city: null, state: null, postalCode: null, country: null }, qbo)).toEqual({});
  });
});
