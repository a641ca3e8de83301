/**
 * A large catalogue written straight into a data folder's database through the warehouse services,
 * in transactions of 1000, before a host opens it: seconds for 50 000 items instead of minutes of requests.
 * (No vitest import: the inventory UI bench uses it too.)
 */
import path from 'node:path';
import { openDatabase } from '../../src-main/db';
import { createItem, createSite, importItemStock } from '../../src-main/warehouse';

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
        for (let i = chunk; i < Math.min(chunk + 1000, options.items); i++) {
          const service = i % 10 === 9;
          const item = createItem(db, effects, {
            name: partName(i),
            sku: `P-${String(i).padStart(5, '0')}`,
            barcodes: [String(7_000_000_000_000 + i)],
            type: service ? 'service' : 'inventory',
          });
          if (options.stock && !service) {
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
