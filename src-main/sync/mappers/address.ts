/**
 * QuickBooks addresses ↔ ShelfSync's address fields. QuickBooks keeps up to five free-text lines plus
 * City/CountrySubDivisionCode/PostalCode/Country; many companies type the city line into the street box
 * (the layouts in docs/address-layouts.md). Street lines map by position, blanks included, so an address
 * laid out with a blank first line keeps it; a typed city line is recognised and split into its fields.
 */
export interface LocalAddress {
  line1: string | null;
  line2: string | null;
  line3: string | null;
  city: string | null;
  state: string | null;
  postalCode: string | null;
  country: string | null;
}

export interface QboAddress {
  Id?: string;
  Line1?: string;
  Line2?: string;
  Line3?: string;
  Line4?: string;
  Line5?: string;
  City?: string;
  CountrySubDivisionCode?: string;
  PostalCode?: string;
  Country?: string;
}

/** "Springfield, IL, 62701", "Springfield, IL 62701", "Toronto, ON M5V 2T6". */
const cityLinePattern = /^(?<city>[^,]+?)\s*,\s*(?<state>[A-Za-z][A-Za-z .]{0,29}?)\s*,?\s+(?<zip>\d{5}(?:-\d{4})?|[A-Za-z]\d[A-Za-z]\s?\d[A-Za-z]\d|\d{4,6})$/;
/** A country typed on its own line after the city line. */
const countryLinePattern = /^[A-Za-z][A-Za-z .'-]{1,40}$/;

const clean = (value: string | undefined): string => (value ?? '').trim();
const orNull = (value: string): string | null => (value === '' ? null : value);

export function emptyAddress(): LocalAddress {
  return { line1: null, line2: null, line3: null, city: null, state: null, postalCode: null, country: null };
}

interface CityLine {
  /** Index of the typed city line among Line1…Line5. */
  at: number;
  city: string;
  state: string;
  zip: string;
  /** "City, ST, 12345" (true) or "City, ST 12345" (false). */
  zipComma: boolean;
  /** The words on the line after it, read as the country; '' when none. */
  typedCountry: string;
}

/** The city line typed into the street box, when QuickBooks' own City/State/Postal code are empty. */
function typedCityLine(address: QboAddress, lines: string[]): CityLine | null {
  if (clean(address.City) || clean(address.CountrySubDivisionCode) || clean(address.PostalCode)) return null;
  let at = lastFilled(lines);
  let typedCountry = '';
  if (at >= 1 && !cityLinePattern.test(lines[at] ?? '') && cityLinePattern.test(lines[at - 1] ?? '') && countryLinePattern.test(lines[at] ?? '')) {
    typedCountry = lines[at] ?? '';
    at -= 1;
  }
  const line = at >= 0 ? (lines[at] ?? '') : '';
  const match = cityLinePattern.exec(line);
  if (!match?.groups) return null;
  const zip = match.groups.zip ?? '';
  const beforeZip = line.slice(0, line.length - zip.length).trimEnd();
  return { at, city: match.groups.city ?? '', state: match.groups.state ?? '', zip, zipComma: beforeZip.endsWith(','), typedCountry };
}

const linesOf = (address: QboAddress) => [address.Line1, address.Line2, address.Line3, address.Line4, address.Line5].map(clean);

export function parseQboAddress(address: QboAddress | undefined | null): LocalAddress {
  if (!address) return emptyAddress();
  const lines = linesOf(address);
  const typed = typedCityLine(address, lines);
  const street = lines.slice(0, typed ? typed.at : lastFilled(lines) + 1);
  const country = clean(address.Country) || typed?.typedCountry || '';
  // More than three street lines: keep everything, the extras joined onto the third.
  const third = street.slice(2).filter((l) => l !== '').join(', ');
  return {
    line1: orNull(street[0] ?? ''),
    line2: orNull(street[1] ?? ''),
    line3: orNull(third),
    city: orNull(typed ? typed.city : clean(address.City)),
    state: orNull(typed ? typed.state : clean(address.CountrySubDivisionCode)),
    postalCode: orNull(typed ? typed.zip : clean(address.PostalCode)),
    country: country === '' ? null : canonicalCountry(country),
  };
}

/** The spellings of the United States QuickBooks sends (ISO "USA" since late 2025, "US", words): one value here. */
const unitedStates = /^(usa|us|u\.s\.a?\.?|united states( of america)?|america)$/i;

/** "US", "United States" and "USA" are one country locally ("USA", ISO 3166 alpha-3); others stay as typed. */
export function canonicalCountry(country: string): string {
  const trimmed = country.trim();
  return unitedStates.test(trimmed) ? 'USA' : trimmed;
}

/**
 * A clerk's edit of an address that came from QuickBooks, written back in the layout it came in: street
 * lines in their places (blank lines kept), a typed city line where it stood ("City, ST, 12345" or
 * "City, ST 12345", as it was), a typed country line after it, and the country spelled as QuickBooks
 * spelled it while it is the same country. An address QuickBooks kept in its own City/State/Postal code
 * fields (or none at all) is written with those fields.
 */
export function toQboAddressLike(address: LocalAddress, original: QboAddress | undefined | null): QboAddress {
  const rawCountry = clean(original?.Country);
  const before = original ? parseQboAddress(original) : emptyAddress();
  // Still the country QuickBooks sent ("US" and "USA" are one): write it back as QuickBooks spelled it.
  const sameCountry = address.country !== null && before.country !== null && canonicalCountry(address.country) === before.country;
  const typed = original ? typedCityLine(original, linesOf(original)) : null;
  const id = original?.Id ? { Id: original.Id } : {};
  if (!typed || !address.city || !address.state || !address.postalCode) {
    const country = sameCountry && rawCountry ? rawCountry : address.country;
    return { ...id, ...(toQboAddress({ ...address, country }) ?? {}) };
  }
  const street = [address.line1, address.line2, address.line3].map((l) => (l ?? '').trim());
  const lines = [...street, '', ''].slice(0, Math.max(typed.at, lastFilled(street) + 1));
  lines.push(`${address.city.trim()}, ${address.state.trim()}${typed.zipComma ? ', ' : ' '}${address.postalCode.trim()}`);
  const out: QboAddress = { ...id };
  const country = !address.country ? '' : sameCountry ? typed.typedCountry || rawCountry || address.country.trim() : address.country.trim();
  if (country && typed.typedCountry) lines.push(country);
  else if (country) out.Country = country;
  lines.slice(0, 5).forEach((line, i) => {
    out[`Line${i + 1}` as 'Line1'] = line;
  });
  return out;
}

/**
 * Our fields → QuickBooks: street lines by position (a blank line before a filled one is kept), city,
 * state and postal code in their own fields. Undefined when there is no address at all.
 */
export function toQboAddress(address: LocalAddress): QboAddress | undefined {
  const street = [address.line1, address.line2, address.line3].map((l) => (l ?? '').trim());
  const out: QboAddress = {};
  const last = lastFilled(street);
  street.slice(0, last + 1).forEach((line, i) => {
    out[`Line${i + 1}` as 'Line1' | 'Line2' | 'Line3'] = line;
  });
  if (address.city) out.City = address.city.trim();
  if (address.state) out.CountrySubDivisionCode = address.state.trim();
  if (address.postalCode) out.PostalCode = address.postalCode.trim();
  if (address.country) out.Country = address.country.trim();
  return Object.keys(out).length === 0 ? undefined : out;
}

export function sameAddress(a: LocalAddress, b: LocalAddress): boolean {
  return (Object.keys(a) as (keyof LocalAddress)[]).every((k) => (a[k] ?? '') === (b[k] ?? ''));
}

function lastFilled(lines: string[]): number {
  for (let i = lines.length - 1; i >= 0; i--) if (lines[i] !== '') return i;
  return -1;
}
