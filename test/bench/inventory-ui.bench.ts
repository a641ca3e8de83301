/**
 * The Inventory screen at warehouse scale in Chromium: 50 000 items stocked at 5 sites in a temp host.
 * Measured in the page (performance.now, so Playwright's round trips are not counted): first rows of the
 * Inventory screen after a cold load and after Alt+I from another screen, and one filter keystroke
 * (keydown → the list shows the new filter's rows, painted). Needs the renderer built (npm run build).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { createHost } from '../../src-main/host';
import { startHeadless } from '../../src-main/headless';
import { launchBrowser } from '../support/browser';
import { seedCatalogue } from '../e2e/seed';
import { median } from './stats';
import { scaled } from './scale';

type Row = { area: string; measure: string; value: string; goal: string };

const itemCount = scaled(50_000, 200);
const rendererDir = path.resolve(import.meta.dirname, '../../out/renderer');

declare global {
  interface Window {
    __bench?: { firstRows?: number; start?: number; done?: number };
  }
}

/** Installed before the app loads: notes when the first item rows are painted. */
function watchFirstRows() {
  const bench: NonNullable<Window['__bench']> = {};
  window.__bench = bench;
  const observer = new MutationObserver(() => {
    if (bench.firstRows === undefined && document.querySelector('[role=listbox][aria-label=Items] [role=option] .name')) {
      bench.firstRows = -1;
      requestAnimationFrame(() => setTimeout(() => (bench.firstRows = performance.now())));
    }
  });
  observer.observe(document, { childList: true, subtree: true });
}

/** The app's address with a distinct query, so each visit is a real load and not a jump within the page. */
function visit(base: string, run: string, screen: string): string {
  const url = new URL(base);
  url.searchParams.set('run', run);
  url.hash = screen;
  return url.href;
}

async function coldLoad(page: Page, url: string): Promise<number> {
  await page.goto(visit(url, `cold-${Math.random()}`, 'inventory'));
  await page.waitForFunction(() => (window.__bench?.firstRows ?? -1) > 0);
  return page.evaluate(() => window.__bench?.firstRows ?? NaN);
}

async function switchToInventory(page: Page, url: string): Promise<number> {
  await page.goto(visit(url, `switch-${Math.random()}`, 'sync'));
  await page.getByRole('heading', { name: 'Sync', level: 1 }).waitFor();
  await page.evaluate(() => {
    // The object the load-time watcher writes firstRows into.
    const bench = window.__bench ?? {};
    window.addEventListener('keydown', () => (bench.start ??= performance.now()), { capture: true, once: true });
  });
  await page.keyboard.press('Alt+i');
  await page.waitForFunction(() => (window.__bench?.firstRows ?? -1) > 0);
  return page.evaluate(() => (window.__bench?.firstRows ?? NaN) - (window.__bench?.start ?? NaN));
}

/** One character typed into the search; done when the list holds the new filter's first page, painted. */
async function keystroke(page: Page, key: string): Promise<number> {
  await page.evaluate(() => {
    const bench: NonNullable<Window['__bench']> = {};
    window.__bench = bench;
    const list = document.querySelector('[role=listbox][aria-label=Items]');
    window.addEventListener('keydown', () => (bench.start = performance.now()), { capture: true, once: true });
    const observer = new MutationObserver(() => {
      if (bench.start !== undefined && list?.getAttribute('aria-busy') === 'false') {
        observer.disconnect();
        requestAnimationFrame(() => setTimeout(() => (bench.done = performance.now())));
      }
    });
    if (list) observer.observe(list, { attributes: true, childList: true, subtree: true });
  });
  await page.keyboard.press(key);
  await page.waitForFunction(() => window.__bench?.done !== undefined);
  return page.evaluate(() => (window.__bench?.done ?? NaN) - (window.__bench?.start ?? NaN));
}

export async function run(): Promise<Row[]> {
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) throw new Error('build the renderer first (npm run build)');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shelfsync-ui-bench-'));
  const seedStart = performance.now();
  seedCatalogue(dataDir, { items: itemCount, extraSites: ['North', 'South', 'East', 'Van'], stock: true });
  const seedMs = performance.now() - seedStart;
  const host = createHost({ dataDir });
  const server = await startHeadless(host, { rendererDir });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.addInitScript(watchFirstRows);
    const cold: number[] = [];
    const switched: number[] = [];
    for (let i = 0; i < 5; i++) cold.push(await coldLoad(page, server.url));
    for (let i = 0; i < 5; i++) switched.push(await switchToInventory(page, server.url));

    await page.getByLabel('Search items').focus();
    const typed: number[] = [];
    // "Part 1234": from 50 000 matches down to one, one keystroke at a time; then back.
    for (const key of ['P', 'a', 'r', 't', ' ', '1', '2', '3', '4']) typed.push(await keystroke(page, key));
    for (let i = 0; i < 4; i++) typed.push(await keystroke(page, 'Backspace'));
    await page.getByLabel('Site').selectOption({ label: 'South' });
    await page.getByLabel('Search items').focus();
    for (const key of ['9', '8']) typed.push(await keystroke(page, key));

    const ms = (v: number) => `${v.toFixed(0)} ms`;
    return [
      { area: 'inventory UI', measure: `seed ${itemCount} items × 5 sites (services)`, value: `${(seedMs / 1000).toFixed(1)} s`, goal: '' },
      { area: 'inventory UI', measure: 'first rows painted, cold load of #inventory (median of 5)', value: ms(median(cold)), goal: '< 300 ms' },
      { area: 'inventory UI', measure: 'first rows painted after Alt+I from Sync (median of 5)', value: ms(median(switched)), goal: '< 300 ms' },
      { area: 'inventory UI', measure: `filter keystroke → new rows painted (median of ${typed.length})`, value: ms(median(typed)), goal: '< 50 ms' },
      { area: 'inventory UI', measure: 'filter keystroke → new rows painted (slowest)', value: ms(Math.max(...typed)), goal: '' },
    ];
  } finally {
    await browser.close();
    await server.close();
    await host.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
