// Word lists and address layouts the seed generator draws from. The five street layouts are the
// ones warehouse plugins ask customers to use (blank lines, city line inside Line2..Line4).

import type { JsonObject } from './json.js';
import type { Prng } from './prng.js';

export const FIRST = ['Ava', 'Ben', 'Carla', 'Dev', 'Elena', 'Farid', 'Grace', 'Hugo', 'Ines', 'Jon', 'Kira', 'Luis', 'Mara', 'Nils', 'Omar', 'Pia', 'Quinn', 'Rosa', 'Sam', 'Tara', 'Uma', 'Victor', 'Wen', 'Yara', 'Zane'];
export const LAST = ['Abbott', 'Baker', 'Chen', 'Diaz', 'Evans', 'Fischer', 'Garcia', 'Haddad', 'Ito', 'Jensen', 'Kowalski', 'Lopez', 'Moreau', 'Nakamura', 'Okafor', 'Patel', 'Quist', 'Rossi', 'Schmidt', 'Tanaka', 'Ueda', 'Varga', 'Weber', 'Xu', 'Young'];
export const COMPANY_A = ['Acme', 'Blue Ridge', 'Cedar', 'Delta', 'Evergreen', 'Falcon', 'Granite', 'Harbor', 'Iron Oak', 'Juniper', 'Keystone', 'Lakeside', 'Maple', 'North Star', 'Orchard', 'Pioneer', 'Quarry', 'Redwood', 'Summit', 'Tidewater'];
export const COMPANY_B = ['Supply', 'Builders', 'Hardware', 'Outfitters', 'Logistics', 'Marine', 'Electric', 'Farms', 'Foods', 'Garden Center', 'Plumbing', 'Auto Parts', 'Distributors', 'Trading', 'Works'];
export const COMPANY_C = ['Co.', 'Inc.', 'LLC', 'Ltd.', 'Group', 'Partners'];
export const ITEM_A = ['Steel', 'Brass', 'Nylon', 'Cedar', 'Copper', 'Vinyl', 'Rubber', 'Oak', 'Aluminum', 'Ceramic', 'Poly', 'Canvas', 'Glass', 'Carbon', 'Zinc'];
export const ITEM_B = ['Hinge', 'Bracket', 'Washer', 'Valve', 'Hose', 'Fitting', 'Panel', 'Bolt', 'Clamp', 'Gasket', 'Pulley', 'Spring', 'Caster', 'Latch', 'Filter', 'Pump', 'Sprocket', 'Bearing'];
export const ITEM_C = ['Small', 'Medium', 'Large', 'XL', '1/4in', '1/2in', '3/4in', '1in', 'Heavy Duty', 'Compact'];
export const SERVICES = ['Installation', 'Delivery', 'Design Consultation', 'Repair Labor', 'Site Survey', 'Maintenance Visit', 'Training Hour', 'Rush Handling'];
export const CATEGORIES = ['Hardware', 'Plumbing', 'Garden', 'Electrical', 'Fasteners', 'Tools', 'Safety', 'Packaging'];
export const STREETS = ['Main St', 'Oak Ave', 'Harbor Rd', 'Mill Ln', 'Pine St', 'Lakeview Dr', 'Industrial Pkwy', 'Station Rd', 'Elm Ct', 'River Way'];
export const CITIES: ReadonlyArray<readonly [string, string, string]> = [
  ['Portland', 'OR', '97205'], ['Sacramento', 'CA', '95814'], ['Boise', 'ID', '83702'], ['Reno', 'NV', '89501'],
  ['Tacoma', 'WA', '98402'], ['Fresno', 'CA', '93721'], ['Spokane', 'WA', '99201'], ['Eugene', 'OR', '97401'],
  ['Austin', 'TX', '78701'], ['Denver', 'CO', '80202'], ['Madison', 'WI', '53703'], ['Raleigh', 'NC', '27601'],
];

function street(rng: Prng): string {
  return `${rng.int(10, 9899)} ${rng.pick(STREETS)}`;
}

function secondary(rng: Prng): string {
  return rng.pick([`Suite ${rng.int(100, 450)}`, `Unit ${rng.int(1, 40)}`, `Bldg ${rng.pick(['A', 'B', 'C'])}`, `Dock ${rng.int(1, 12)}`]);
}

/**
 * A billing address in one of nine layouts: the five street layouts (with and without blank
 * lines, city/state/zip typed into a Line field), structured fields, and ones missing parts.
 */
export function address(rng: Prng, layout: number, attention: string): JsonObject {
  const [city, state, zip] = rng.pick(CITIES);
  const cityLine = rng.chance(0.5) ? `${city}, ${state}, ${zip}` : `${city}, ${state} ${zip}`;
  switch (layout % 9) {
    case 0: return { Line1: street(rng), Line2: secondary(rng), Line3: `Attn: ${attention}`, Line4: cityLine };
    case 1: return { Line1: street(rng), Line2: secondary(rng), Line3: cityLine };
    case 2: return { Line1: street(rng), Line2: cityLine };
    case 3: return { Line1: '', Line2: street(rng), Line3: cityLine };
    case 4: return { Line1: '', Line2: '', Line3: street(rng), Line4: cityLine };
    case 5: return { Line1: street(rng), Line2: secondary(rng), Line3: '', Line4: cityLine };
    case 6: return { Line1: street(rng), Line2: '', Line3: '', Line4: cityLine };
    case 7: return { Line1: street(rng), City: city, CountrySubDivisionCode: state, PostalCode: zip, Country: 'USA' };
    default: return rng.chance(0.5) ? { Line1: street(rng), City: city } : { Line1: street(rng), CountrySubDivisionCode: state, PostalCode: zip };
  }
}
