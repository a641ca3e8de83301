/** The QuickBooks locations and classes a site can be mapped to (Settings → Sites). */
import type { QboObject, QboPort } from './port';
import { classRefPrefix } from './mappers/salesOrder';

export interface LocationChoice {
  id: string;
  name: string;
  active: boolean;
}

const named = (o: QboObject) =>
  typeof o.FullyQualifiedName === 'string' ? o.FullyQualifiedName : typeof o.Name === 'string' ? o.Name : o.Id;

export async function listLocations(qbo: QboPort): Promise<{ locations: LocationChoice[] }> {
  // Locations tag a whole transaction; classes tag each line (mapped as "class:<id>").
  const [departments, classes] = await Promise.all([qbo.queryAll('Department'), qbo.queryAll('Class')]);
  return {
    locations: [
      ...departments.map((d) => ({ id: d.Id, name: `Location: ${named(d)}`, active: d.Active !== false })),
      ...classes.map((c) => ({ id: `${classRefPrefix}${c.Id}`, name: `Class: ${named(c)}`, active: c.Active !== false })),
    ],
  };
}
