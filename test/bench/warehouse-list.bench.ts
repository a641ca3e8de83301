/**
 * The inventory list at warehouse scale: 50 000 items stocked at 5 sites in a temp database, built
 * through the warehouse services; then pages of 100 for every filter and sort the Inventory screen and
 * the contract offer, asked through `host.invoke` as the screen asks. Each row opens a new host, so its
 * first call (statements not yet prepared) is one of the 15 timed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ItemListQuery } from '../../src-shared/ipc';
import { openDatabase } from '../../src-main/db';
import { createHost } from '../../src-main/host';
import { createSite, importItemStock, importItems } from '../../src-main/warehouse';
import { median } from './stats';
import { scaled } from './scale';

const itemCount = scaled(50_000, 1000);
const words = ['bolt', 'nut', 'washer', 'screw', 'bracket', 'hinge', 'pallet', 'strap', 'rivet', 'anchor'];

export async function run(): Promise<Array<{ area: string; measure: string; value: string; goal: string }>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shelfsync-bench-'));
  const { db } = openDatabase(path.join(dir, 'shelfsync.db'));
  let n = 0;
  const effects = { clock: { now: () => new Date() }, ids: { uuid: () => `b${++n}` } };
  try {
    const sites = ['main', ...['North', 'South', 'East', 'Van'].map((name) => createSite(db, effects, { name }).id)];

    // Ingest through the services (items.import: validation, name and barcode check, audit and outbox), in chunks of 1000.
    const ids: string[] = [];
    const ingestStart = performance.now();
    for (let chunk = 0; chunk < itemCount; chunk += 1000) {
      const rows = Array.from({ length: Math.min(1000, itemCount - chunk) }, (_, k) => {
        const i = chunk + k;
        const word = words[i % words.length] ?? 'part';
        return {
          name: `${word} ${i}`,
          sku: `SKU-${String(i).padStart(6, '0')}`,
          barcodes: [String(5_000_000_000_000 + i)],
          type: i % 10 === 9 ? ('service' as const) : ('inventory' as const),
          reorderPoint: String(i % 20),
          costCents: i % 1000,
        };
      });
      ids.push(...importItems(db, effects, { rows, firstRow: chunk + 1 }).items.map((item) => item.id));
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
    // No ANALYZE: the host never runs one, so the lists are timed with the query plans a user's database gets.

    db.close();
    const sizes = { sites, itemCount };
    const load = os.loadavg()[0] ?? 0;
    const lists: ListRow[] = [];
    for (const [measure, query] of listMeasures(sizes)) lists.push(listRow(measure, await timeList(dir, query)));
    return [
      { area: 'warehouse', measure: `ingest ${itemCount} items (items.import, chunks of 1000)`, value: `${Math.round(itemCount / (ingestMs / 1000))} rows/s`, goal: '' },
      { area: 'warehouse', measure: `stock ${movements} item×site levels (import movements)`, value: `${Math.round(movements / (stockMs / 1000))} rows/s`, goal: '' },
      ...lists,
      ...verdict(lists, load),
    ];
  } finally {
    if (db.open) db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** One page of 100 (the screen's page) for every filter and sort, at a site and across all sites. */
function listMeasures({ sites, itemCount }: { sites: string[]; itemCount: number }): [string, Partial<ItemListQuery>][] {
  const [main, north, south, east, van] = sites;
  const deep = Math.floor((itemCount * 0.4) / 100) * 100;
  return [
    ['by name, active items, all sites (the screen as it opens)', { active: true }],
    ['by name, active items at a site', { siteId: north, active: true }],
    [`active inventory items at a site, page ${deep / 100 + 1}, by name`, { siteId: south, type: 'inventory', active: true, offset: deep }],
    ['type: service items, by name', { type: 'service' }],
    ['inactive items, by name', { active: false }],
    ['search "bolt 12" (name/SKU/barcode) at a site', { siteId: east, search: 'bolt 12', active: true }],
    ['search an exact barcode (a scan)', { search: String(5_000_000_000_000 + Math.floor(itemCount / 4)) }],
    ['below reorder point at a site', { siteId: north, belowReorderPoint: true }],
    ['below reorder point, all sites', { belowReorderPoint: true }],
    ['below reorder point at a site, active, by on-hand', { siteId: main, belowReorderPoint: true, active: true, sort: 'onHand' }],
    ['by on-hand ascending at a site', { siteId: van, sort: 'onHand', active: true }],
    ['by on-hand descending at a site', { siteId: van, sort: 'onHand', direction: 'desc', active: true }],
    [`by on-hand descending at a site, page ${deep / 100 + 1}`, { siteId: east, sort: 'onHand', direction: 'desc', offset: deep }],
    ['by on-hand ascending, all sites', { sort: 'onHand', active: true }],
    ['by on-hand descending, all sites', { sort: 'onHand', direction: 'desc', active: true }],
    ['by SKU, all sites, page 101', { sort: 'sku', offset: 10_000 }],
    ['by SKU descending at a site', { siteId: south, sort: 'sku', direction: 'desc', active: true }],
    ['by type at a site', { siteId: north, sort: 'type', active: true }],
    ['by last change, newest first', { sort: 'updatedAt', direction: 'desc' }],
    ['by barcode at a site', { siteId: east, sort: 'barcode', active: true }],
    ['by barcode descending, page 101', { sort: 'barcode', direction: 'desc', offset: 10_000 }],
  ];
}

/** 15 calls through a newly opened host: the first prepares its statements, the rest reuse them. */
async function timeList(dataDir: string, query: Partial<ItemListQuery>): Promise<number[]> {
  const host = createHost({ dataDir });
  try {
    const times: number[] = [];
    for (let i = 0; i < 15; i++) {
      const t = performance.now();
      const answer = await host.invoke('items.list', query);
      times.push(performance.now() - t);
      if (!answer.ok) throw new Error(`items.list ${JSON.stringify(query)} was refused: ${answer.error.message}`);
    }
    return times;
  } finally {
    await host.close();
  }
}

const goalMedian = 30;
const goalSlowest = 60;

interface ListRow {
  area: string;
  measure: string;
  value: string;
  goal: string;
  missed: string[];
}

function listRow(measure: string, times: number[]): ListRow {
  const mid = median(times);
  const slowest = Math.max(...times);
  const missed = [
    ...(mid > goalMedian ? [`median ${(mid - goalMedian).toFixed(1)} ms over`] : []),
    ...(slowest > goalSlowest ? [`slowest ${(slowest - goalSlowest).toFixed(1)} ms over`] : []),
  ];
  return {
    area: 'warehouse items.list',
    measure: `${measure} (15 calls, the first cold)`,
    value: `median ${mid.toFixed(1)} ms, slowest ${slowest.toFixed(1)} ms, first ${(times[0] ?? NaN).toFixed(1)} ms; ${missed.length ? `MISSED: ${missed.join(', ')}` : 'met'}`,
    goal: `<= ${goalMedian} ms median, <= ${goalSlowest} ms slowest`,
    missed,
  };
}

/** One line that says which list rows miss the goal, and how loaded the machine was while they ran. */
function verdict(lists: ListRow[], loadBefore: number) {
  const missing = lists.filter((l) => l.missed.length > 0);
  const load = `machine load (1-minute average) ${loadBefore.toFixed(1)} before the list rows, ${(os.loadavg()[0] ?? 0).toFixed(1)} after, on ${os.cpus().length} cores`;
  return [
    {
      area: 'warehouse items.list',
      measure: `every filter and sort above against the goal; ${load}`,
      value: missing.length === 0 ? `all ${lists.length} met` : `${missing.length} of ${lists.length} missed: ${missing.map((l) => l.measure.replace(/ \(15 calls.*$/, '')).join('; ')}`,
      goal: `<= ${goalMedian} ms median, <= ${goalSlowest} ms slowest`,
    },
  ];
}
