import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { startTestHost, type RunningHost } from '../support/host';
import { projectRoot } from '../support/cli';

const rendererDir = path.join(projectRoot, 'out', 'renderer');
const shots = path.join(projectRoot, 'test-results', 'screenshots');

let browser: Browser;
let running: RunningHost;

beforeAll(async () => {
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) throw new Error('Build the renderer first: npm run build');
  fs.mkdirSync(shots, { recursive: true });
  running = await startTestHost({ rendererDir });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await running?.stop();
});

async function openSettings(page: Page) {
  await page.goto(`${running.server.url}#settings`);
  await page.getByRole('heading', { name: 'Settings' }).waitFor();
}

describe('Settings screen in Chromium', () => {
  it('keeps a changed sync interval after a reload', async () => {
    const page = await browser.newPage();
    await openSettings(page);
    const interval = page.getByLabel('Sync interval (minutes)');
    await interval.fill('30');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    expect(await page.getByLabel('Sync interval (minutes)').inputValue()).toBe('30');
    await page.screenshot({ path: path.join(shots, 'settings-saved.png') });
    await page.close();
  });

  it('shows the error beside an invalid interval and saves nothing', async () => {
    const page = await browser.newPage();
    await openSettings(page);
    const before = await running.host.invoke('settings.get', {});
    await page.getByLabel('Sync interval (minutes)').fill('0');
    await page.getByRole('button', { name: 'Save settings' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('at least 1 minute');
    await page.screenshot({ path: path.join(shots, 'settings-invalid.png') });
    expect(await running.host.invoke('settings.get', {})).toEqual(before);
    await page.reload();
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    expect(await page.getByLabel('Sync interval (minutes)').inputValue()).not.toBe('0');
    await page.close();
  });
});
