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

export function parseQboAddress(address: QboAddress | undefined | null): LocalAddress {
  if (!address) return emptyAddress();
  const lines = [address.Line1, address.Line2, address.Line3, address.Line4, address.Line5].map(clean);
  let city = clean(address.City);
  let state = clean(address.CountrySubDivisionCode);
  let postalCode = clean(address.PostalCode);
  let country = clean(address.Country);
  let streetEnd = lastFilled(lines) + 1;

  if (!city && !state && !postalCode) {
    let at = streetEnd - 1;
    let typedCountry = '';
    if (at >= 1 && !cityLinePattern.test(lines[at] ?? '') && cityLinePattern.test(lines[at - 1] ?? '') && countryLinePattern.test(lines[at] ?? '')) {
      typedCountry = lines[at] ?? '';
      at -= 1;
    }
    const match = at >= 0 ? cityLinePattern.exec(lines[at] ?? '') : null;
    if (match?.groups) {
      city = match.groups.city ?? '';
      state = match.groups.state ?? '';
      postalCode = match.groups.zip ?? '';
      if (!country && typedCountry) country = typedCountry;
      streetEnd = at;
    }
  }

  const street = lines.slice(0, streetEnd);
  // More than three street lines: keep everything, the extras joined onto the third.
  const third = street.slice(2).filter((l) => l !== '').join(', ');
  return {
    line1: orNull(street[0] ?? ''),
    line2: orNull(street[1] ?? ''),
    line3: orNull(third),
    city: orNull(city),
    state: orNull(state),
    postalCode: orNull(postalCode),
    country: orNull(country),
  };
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
