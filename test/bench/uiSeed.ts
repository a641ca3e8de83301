/**
 * Seeds the Inventory UI bench's data folder in a process of its own (`inventory-ui.bench.ts` runs it):
 * the host the pages then talk to starts fresh on a database already there, as the app does at start,
 * instead of sharing its heap with the garbage of 50,000 items just written.
 * Usage: node --import tsx test/bench/uiSeed.ts DIR ITEMS
 */
import { seedCatalogue } from '../e2e/seed';

const [dataDir, items] = process.argv.slice(2);
if (!dataDir || !items) throw new Error('usage: uiSeed.ts DIR ITEMS');
seedCatalogue(dataDir, { items: Number(items), extraSites: ['North', 'South', 'East', 'Van'], stock: true });
