import { describe, expect, it } from 'vitest';
import { parseQboAddress, toQboAddress, type LocalAddress, type QboAddress } from './address';

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
