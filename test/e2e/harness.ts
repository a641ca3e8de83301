/** One headless host (real SQLite) and one Chromium per test file; typed calls to seed data directly. */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { RequestInput, RequestName, RequestOutput } from '../../src-shared/ipc';
import { launchBrowser } from '../support/browser';
import { projectRoot } from '../support/cli';
import { launchPracticeCompany } from '../../src-main/host';
import { startTestHost, type RunningHost } from '../support/host';
import { tempDir } from '../support/tmp';

const rendererDir = path.join(projectRoot, 'out', 'renderer');
export const shots = path.join(projectRoot, 'test-results', 'screenshots');

export interface E2e {
  readonly running: RunningHost;
  /** A request straight to the host (test setup, and checking what was stored); throws on refusal. */
  call<N extends RequestName>(name: N, input: RequestInput<N>): Promise<RequestOutput<N>>;
  /** A fresh page on the given screen, once its heading shows (1400×900 unless told). */
  open(screen: string, heading: string, viewport?: { width: number; height: number }, deviceScaleFactor?: number): Promise<Page>;
  shot(page: Page, name: string): Promise<void>;
}

/** `practice`: the host starts the practice company and connects to it, as `npm start` does. */
export function useE2e(options: { seed?: (dataDir: string) => void; practice?: boolean } = {}): E2e {
  let browser: Browser | undefined;
  let running: RunningHost | undefined;
  beforeAll(async () => {
    if (!fs.existsSync(path.join(rendererDir, 'index.html'))) throw new Error('Build the renderer first: npm run build');
    fs.mkdirSync(shots, { recursive: true });
    const dataDir = tempDir();
    options.seed?.(dataDir);
    running = await startTestHost({ rendererDir, dataDir, ...(options.practice ? { practice: launchPracticeCompany } : {}) });
    if (options.practice) await running.host.connection.startPractice();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await running?.stop();
  });
  const need = () => {
    if (!running || !browser) throw new Error('The e2e host is not running.');
    return { running, browser };
  };
  return {
    get running() {
      return need().running;
    },
    async call(name, input) {
      const result = await need().running.host.invoke(name, input);
      if (!result.ok) throw new Error(`${name} refused: ${result.error.message}`);
      return result.value as RequestOutput<typeof name>;
    },
    async open(screen, heading, viewport = { width: 1400, height: 900 }, deviceScaleFactor = 1) {
      const { running: r, browser: b } = need();
      const page = await b.newPage({ viewport, deviceScaleFactor });
      // A renderer error shows up in the test output beside the failing step.
      page.on('pageerror', (error) => console.error(`[${screen}] page error: ${error.message}`));
      await page.goto(`${r.server.url}#${screen}`);
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      return page;
    },
    async shot(page, name) {
      await page.screenshot({ path: path.join(shots, `${name}.png`) });
    },
  };
}

/** A few items, a second site, a customer and a vendor, through the host. */
export async function smallWarehouse(e: E2e) {
  const bolt = await e.call('items.create', { name: 'Hex bolt M8', sku: 'HB-M8', barcodes: ['5012345678900'], costCents: 12, priceCents: 30 });
  const nut = await e.call('items.create', { name: 'Nut M8', sku: 'NU-M8', barcodes: ['5012345678917'], costCents: 5, priceCents: 10 });
  const washer = await e.call('items.create', { name: 'Washer M8', sku: 'WA-M8', barcodes: ['5012345678924'], costCents: 2, priceCents: 5 });
  const yard = await e.call('sites.create', { name: 'Yard' });
  const customer = await e.call('customers.create', { displayName: 'Acme Builders', email: 'orders@acme.example' });
  const vendor = await e.call('vendors.create', { displayName: 'Fastener Supply Co' });
  return { bolt, nut, washer, yard, customer, vendor };
}

/** What a barcode scanner does, `times` over: the code typed with no field focused, then Enter. */
export async function scan(page: Page, code: string, times = 1) {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  for (let i = 0; i < times; i++) {
    await page.keyboard.type(code);
    await page.keyboard.press('Enter');
  }
}
