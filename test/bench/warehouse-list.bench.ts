/**
 * The inventory list at warehouse scale: 50 000 items stocked at 5 sites in a temp database, built
 * through the warehouse services; then filtered pages of 100 as the Inventory screen asks for them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { itemListSchema, type ItemListQuery } from '../../src-shared/ipc';
import { openDatabase } from '../../src-main/db';
import { createItem, createSite, importItemStock, listItems } from '../../src-main/warehouse';
import { median } from './stats';
import { scaled } from './scale';

const itemCount = scaled(50_000, 1000);
const words = ['bolt', 'nut', 'washer', 'screw', 'bracket', 'hinge', 'pallet', 'strap', 'rivet', 'anchor'];

export async function run(): Promise<Array<{ area: string; measure: string; value: string; goal: string }>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shelfsync-bench-'));
  const { db } = openDatabase(path.join(dir, 'bench.db'));
  let n = 0;
  const effects = { clock: { now: () => new Date() }, ids: { uuid: () => `b${++n}` } };
  try {
    const sites = ['main', ...['North', 'South', 'East', 'Van'].map((name) => createSite(db, effects, { name }).id)];

    // Ingest through the services (validation, audit and outbox included), in chunks of 1000 per transaction.
    const ids: string[] = [];
    const ingestStart = performance.now();
    for (let chunk = 0; chunk < itemCount; chunk += 1000) {
      db.transaction(() => {
        for (let i = chunk; i < chunk + 1000; i++) {
          const word = words[i % words.length] ?? 'part';
          const item = createItem(db, effects, {
            name: `${word} ${i}`,
            sku: `SKU-${String(i).padStart(6, '0')}`,
            barcodes: [String(5_000_000_000_000 + i)],
            type: i % 10 === 9 ? 'service' : 'inventory',
            reorderPoint: String(i % 20),
            costCents: i % 1000,
          });
          ids.push(item.id);
        }
      })();
      // Yield between chunks, as an import must so the host keeps answering.
      await new Promise((resolve) => setImmediate(resolve));
    }
    const ingestMs = performance.now() - ingestStart;

    const stockStart = performance.now();
    let movements = 0;
    for (let chunk = 0; chunk < ids.length; chunk += 1000) {
      db.transaction(() => {
        ids.slice(chunk, chunk + 1000).forEach((itemId, k) => {
          if ((chunk + k) % 10 === 9) return; // services carry no stock
          for (const [s, siteId] of sites.entries()) {
            if (importItemStock(db, effects, { itemId, siteId, onHand: String(((chunk + k) * 7 + s * 13) % 50) })) movements++;
          }
        });
      })();
    }
    const stockMs = performance.now() - stockStart;
    db.pragma('optimize');

    const page = (query: Partial<ItemListQuery>) => {
      const parsed = itemListSchema.parse(query);
      listItems(db, parsed); // warm the statement cache
      const times = Array.from({ length: 15 }, () => {
        const t = performance.now();
        listItems(db, parsed);
        return performance.now() - t;
      });
      return median(times);
    };
    const measures: [string, Partial<ItemListQuery>][] = [
      ['active inventory at a site, page 200 of 450, by name', { siteId: sites[2], type: 'inventory', active: true, offset: 20_000 }],
      ['search "bolt 12" (name/SKU/barcode) at a site', { siteId: sites[3], search: 'bolt 12' }],
      ['scan: search an exact barcode', { search: '5000000012345' }],
      ['below reorder point at a site', { siteId: sites[1], belowReorderPoint: true }],
      ['at a site sorted by on-hand, descending', { siteId: sites[4], sort: 'onHand', direction: 'desc' }],
      ['all sites, by SKU, page 100', { sort: 'sku', offset: 10_000 }],
    ];
    return [
      { area: 'warehouse', measure: `ingest ${itemCount} items (services, chunks of 1000)`, value: `${Math.round(itemCount / (ingestMs / 1000))} rows/s`, goal: '' },
      { area: 'warehouse', measure: `stock ${movements} item×site levels (import movements)`, value: `${Math.round(movements / (stockMs / 1000))} rows/s`, goal: '' },
      ...measures.map(([measure, query]) => ({
        area: 'warehouse items.list',
        measure: `${measure} (median of 15)`,
        value: `${page(query).toFixed(1)} ms`,
        goal: '< 30 ms',
      })),
    ];
  } finally {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
