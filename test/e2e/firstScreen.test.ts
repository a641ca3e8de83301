/**
 * The first screen's data leaves with the page's first script (`src-renderer/shell/boot.ts`): on a
 * cold load of Inventory the first WebSocket message is the list's first page, asked for once, and the
 * screens then use that answer instead of asking again. Another first screen asks for its own data.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useE2e } from './harness';

const e = useE2e();

interface Sent {
  name: string;
  input: { offset?: number; search?: string };
}

/** A new tab in a fresh context (nothing cached), recording every request the page sends the host. */
async function coldTab(screen: string): Promise<{ page: Page; sent: Sent[]; close: () => Promise<void> }> {
  const opened = await e.open('settings', 'Settings');
  const browser = opened.context().browser();
  await opened.close();
  if (!browser) throw new Error('no browser');
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const sent: Sent[] = [];
  page.on('websocket', (socket) => socket.on('framesent', (frame) => sent.push(JSON.parse(String(frame.payload)) as Sent)));
  await page.goto(`${e.running.server.url}#${screen}`);
  return { page, sent, close: () => context.close() };
}

describe('the first screen’s data', () => {
  it('a cold load of Inventory asks for its first page first, and the list shows that answer without asking again', async () => {
    await e.call('items.create', { name: 'First paint bolt' });
    await e.call('items.create', { name: 'First paint nut' });
    const { page, sent, close } = await coldTab('inventory');
    await page.getByRole('option', { name: /First paint bolt/ }).waitFor();
    await page.getByRole('option', { name: /First paint nut/ }).waitFor();
    // Focus is where the keyboard expects it: the scan field.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('scan');
    expect(sent[0]).toMatchObject({ name: 'items.list', input: { offset: 0 } });
    expect(sent[0]?.input.search).toBeUndefined();
    const firstPages = sent.filter((m) => m.name === 'items.list' && m.input.offset === 0);
    expect(firstPages).toHaveLength(1);
    expect(sent.filter((m) => m.name === 'sites.list')).toHaveLength(1);
    expect(sent.filter((m) => m.name === 'connection.status')).toHaveLength(1);
    await close();
  });

  it('a search typed right after the load asks for its own page, and the list shows it', async () => {
    const { page, sent, close } = await coldTab('inventory');
    await page.getByRole('option', { name: /First paint bolt/ }).waitFor();
    await page.getByLabel('Search items').fill('nut');
    await expect.poll(() => page.getByRole('listbox', { name: 'Items' }).getByRole('option').count()).toBe(1);
    await page.getByRole('option', { name: /First paint nut/ }).waitFor();
    expect(sent.some((m) => m.name === 'items.list' && m.input.search === 'nut')).toBe(true);
    await close();
  });

  it('another first screen asks for what it shows, not for the item list', async () => {
    const { page, sent, close } = await coldTab('sync');
    await page.getByRole('heading', { name: 'Sync', level: 1 }).waitFor();
    await expect.poll(() => sent.some((m) => m.name === 'sync.status')).toBe(true);
    expect(sent.some((m) => m.name === 'items.list')).toBe(false);
    // Its code came when it was shown; Inventory, reached with Alt+I, still shows its rows.
    await page.keyboard.press('Alt+i');
    await page.getByRole('option', { name: /First paint bolt/ }).waitFor();
    await close();
  });

  it('the page itself holds no data: the item names come only over the socket', async () => {
    const html = await (await fetch(e.running.server.url)).text();
    expect(html).not.toContain('First paint');
    expect(html).toContain('<div id="root"></div>');
  });
});
