/**
 * The headless launch token leaves the address bar and the history once the page has read it, and the
 * page keeps working over the WebSocket it opened with that token.
 */
import { describe, expect, it } from 'vitest';
import { useE2e } from './harness';

const e = useE2e();

describe('the launch token', () => {
  it('is gone from location and history after the page loads, and the screens still answer', async () => {
    const token = new URL(e.running.server.url).searchParams.get('token') ?? '';
    expect(token.length).toBeGreaterThan(10);
    await e.call('items.create', { name: 'Launch token bolt' });
    const page = await e.open('inventory', 'Inventory');
    const seen = await page.evaluate(() => ({
      href: location.href,
      search: location.search,
      hash: location.hash,
      // Chromium's Navigation API lists this page's history entries with their addresses.
      entries: (globalThis as unknown as { navigation: { entries(): { url: string }[] } }).navigation.entries().map((x) => x.url),
    }));
    expect(seen.href).not.toContain(token);
    expect(seen.search).toBe('');
    expect(seen.hash).toBe('#inventory');
    // The history entry was replaced, not pushed: no entry of this page's history carries the token.
    expect(seen.entries.length).toBeGreaterThan(0);
    for (const url of seen.entries) expect(url).not.toContain(token);
    // The page talks to the host with the token it kept in memory: the item list arrives over the socket.
    await page.getByText('Launch token bolt').first().waitFor();
    expect(page.url()).not.toContain(token);
    // A reload asks for the address without the token; the tab kept it, so the screens still answer.
    await page.reload();
    await page.getByText('Launch token bolt').first().waitFor();
    expect(page.url()).not.toContain(token);
    await page.close();
  });

  it('a page opened without the token says it needs the full URL', async () => {
    const page = await e.open('inventory', 'Inventory');
    const browser = page.context().browser();
    if (!browser) throw new Error('no browser');
    const fresh = await browser.newContext();
    const bare = await fresh.newPage();
    await bare.goto(new URL(e.running.server.url).origin + '/#inventory');
    await bare.getByText(/needs the launch token/).first().waitFor();
    await fresh.close();
    await page.close();
  });
});
