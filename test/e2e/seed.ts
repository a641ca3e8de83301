/**
 * A large catalogue written straight into a data folder's database through the warehouse services,
 * in transactions of 1000, before a host opens it: seconds for 50 000 items instead of minutes of requests.
 * (No vitest import: the inventory UI bench uses it too.)
 */
import path from 'node:path';
import { openDatabase } from '../../src-main/db';
import { createSite, importItemStock, importItems } from '../../src-main/warehouse';

export interface SeedOptions {
  items: number;
  /** Sites besides the default one. */
  extraSites?: string[];
  /** Give every inventory item some stock at every site. */
  stock?: boolean;
}

/** Item i is "Part 0000i" (SKU P-0000i, barcode 7000000000000+i); every tenth is a service. */
export function partName(i: number): string {
  return `Part ${String(i).padStart(5, '0')}`;
}

export function seedCatalogue(dataDir: string, options: SeedOptions): { siteIds: string[] } {
  const { db } = openDatabase(path.join(dataDir, 'shelfsync.db'));
  let n = 0;
  const effects = { clock: { now: () => new Date() }, ids: { uuid: () => `seed-${++n}` } };
  try {
    const siteIds = ['main', ...(options.extraSites ?? []).map((name) => createSite(db, effects, { name }).id)];
    for (let chunk = 0; chunk < options.items; chunk += 1000) {
      db.transaction(() => {
        const rows = Array.from({ length: Math.min(1000, options.items - chunk) }, (_, k) => ({
          name: partName(chunk + k),
          sku: `P-${String(chunk + k).padStart(5, '0')}`,
          barcodes: [String(7_000_000_000_000 + chunk + k)],
          type: (chunk + k) % 10 === 9 ? ('service' as const) : ('inventory' as const),
        }));
        for (const item of importItems(db, effects, { rows, firstRow: chunk + 1 }).items) {
          const i = item.row - 1; // rows are numbered from chunk + 1
          if (options.stock && i % 10 !== 9) {
            siteIds.forEach((siteId, s) => importItemStock(db, effects, { itemId: item.id, siteId, onHand: String((i * 7 + s * 13) % 50) }));
          }
        }
      })();
    }
    return { siteIds };
  } finally {
    db.close();
  }
}
