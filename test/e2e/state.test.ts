/**
 * Always-visible state in Chromium, on the practice company: the first-launch banner, the sidebar's
 * connection and sync lines with their one-click actions, and destructive actions that ask first.
 */
import { describe, expect, it } from 'vitest';
import { useE2e } from './harness';

const e = useE2e({ practice: true });
const small = { width: 1366, height: 768 };

describe('connection and sync state on every screen', () => {
  it('first launch says it is a practice company, offers Connect to QuickBooks, and stays dismissed', async () => {
    const page = await e.open('inventory', 'Inventory', small);
    const banner = page.getByRole('region', { name: 'Practice company' });
    await banner.getByText('nothing touches your real QuickBooks company').waitFor();
    expect(await banner.getByRole('button', { name: 'Connect to QuickBooks' }).isEnabled()).toBe(true);
    const sidebar = page.getByRole('region', { name: 'Connection and sync' });
    await sidebar.getByText('Practice company').waitFor();
    expect(await sidebar.getByRole('button', { name: 'Connect to QuickBooks' }).count()).toBe(1);
    await e.shot(page, 'first-launch-banner');
    await banner.getByRole('button', { name: 'Keep practising' }).click();
    await banner.waitFor({ state: 'detached' });
    await page.reload();
    await page.getByRole('heading', { name: 'Inventory', level: 1 }).waitFor();
    await sidebar.getByText('Practice company').waitFor();
    expect(await page.getByRole('region', { name: 'Practice company' }).count()).toBe(0);
    await page.close();
  });

  it('shows a paused sync with Resume, and errors waiting with a way to the Sync screen', async () => {
    const page = await e.open('picking', 'Picking', small);
    const sidebar = page.getByRole('region', { name: 'Connection and sync' });
    await e.call('sync.pause', { paused: true });
    await sidebar.getByText('Sync paused').waitFor();
    await sidebar.getByRole('button', { name: 'Resume sync' }).click();
    await sidebar.getByText('Sync paused').waitFor({ state: 'detached' });
    expect((await e.call('sync.status', {})).userPaused).toBe(false);

    await e.call('settings.update', { directions: { items: 'localToQbo' } });
    await e.call('items.create', { name: 'Needs an account', type: 'service' });
    await e.call('sync.now', {});
    await sidebar.getByText(/\d+ errors? waiting/).waitFor();
    await e.shot(page, 'sidebar-errors-waiting');
    await sidebar.getByRole('button', { name: 'Open Sync' }).click();
    await page.getByRole('heading', { name: 'Sync', level: 1 }).waitFor();

    // The error names the item as the clerk knows it, says the problem was found before sending (no
    // Intuit code), and opens the item; the chart has its axes, legend and a tooltip per run.
    const errors = page.getByRole('table', { name: 'Sync errors' });
    const row = errors.getByRole('row', { name: /Needs an account/ }).first();
    expect(await row.getByRole('cell').nth(2).textContent()).toBe('—');
    const chart = page.getByRole('img', { name: 'Records created, updated and failed per sync run' });
    await chart.getByText('sync runs, oldest to newest').waitFor();
    await chart.getByText('records', { exact: true }).waitFor();
    await page.getByRole('img', { name: /^Run of .*1 failed/ }).last().hover();
    await page.getByRole('tooltip').filter({ hasText: /\d+ created, \d+ updated, 1 failed/ }).waitFor();
    await e.shot(page, 'sync-error-named');
    await row.getByRole('button', { name: 'Needs an account' }).click();
    await page.getByRole('heading', { name: 'Inventory', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Needs an account', level: 2 }).waitFor();
    await page.close();
  });

  it('Disconnect looks destructive and asks first; Cancel keeps the connection', async () => {
    const page = await e.open('settings', 'Settings', small);
    // The inventory asset picker offers inventory asset accounts only, not every other current asset.
    const asset = page.getByLabel('Inventory Inventory asset account', { exact: true });
    await expect.poll(async () => (await asset.locator('option').allTextContents()).join('|'), { timeout: 15_000 }).toContain('Inventory Asset');
    expect(await asset.locator('option').allTextContents()).not.toContain('Undeposited Funds');
    const disconnect = page.getByRole('button', { name: 'Disconnect…' });
    expect(await disconnect.getAttribute('class')).toContain('danger');
    expect(await page.getByRole('button', { name: 'Reset practice company…' }).getAttribute('class')).toContain('danger');
    await disconnect.click();
    const dialog = page.getByRole('dialog', { name: /^Disconnect / });
    await dialog.getByText('All records in ShelfSync are kept').waitFor();
    await e.shot(page, 'confirm-disconnect');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect((await e.call('connection.status', {})).state).toBe('practice');

    await disconnect.click();
    await page.getByRole('dialog', { name: /^Disconnect / }).getByRole('button', { name: 'Disconnect', exact: true }).click();
    const sidebar = page.getByRole('region', { name: 'Connection and sync' });
    await sidebar.getByText('Not connected').waitFor();
    expect((await e.call('connection.status', {})).state).toBe('disconnected');
    await page.close();
  });
});
