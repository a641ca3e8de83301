/**
 * The sync stories in a real browser, against the headless host in practice mode (the practice company
 * started in-process, as `npm start` does when no QuickBooks company is connected).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHost, launchPracticeCompany, type Host } from '../../src-main/host';
import { startHeadless, type HeadlessServer } from '../../src-main/headless';
import { launchBrowser } from '../support/browser';
import { projectRoot } from '../support/cli';
import { tempDir } from '../support/tmp';

const rendererDir = path.join(projectRoot, 'out', 'renderer');
const shots = path.join(projectRoot, 'test-results', 'screenshots');

let browser: Browser;
let host: Host;
let server: HeadlessServer;

async function call<T>(name: string, input: unknown = {}): Promise<T> {
  const result = await host.invoke(name, input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

beforeAll(async () => {
  fs.mkdirSync(shots, { recursive: true });
  host = createHost({ dataDir: tempDir(), practice: launchPracticeCompany });
  const status = await host.connection.startPractice();
  expect(status.state).toBe('practice');
  server = await startHeadless(host, { rendererDir });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await host?.close();
});

/** The practice company as a QuickBooks user sees it: an inventory part, a customer, and a way to enter a sales order. */
async function quickBooksSide() {
  const answer = await host.connection.client();
  if (!answer.ok) throw new Error(answer.reason);
  const qbo = answer.qbo;
  const part = (await qbo.queryAll('Item', "Type = 'Inventory'"))[0];
  const customer = (await qbo.queryAll('Customer'))[0];
  if (!part || !customer) throw new Error('the practice company has no inventory part or customer');
  const enterSalesOrder = (number: string, qty: number) =>
    qbo.create(
      'Estimate',
      {
        DocNumber: number,
        CustomerRef: { value: customer.Id },
        Line: [{ DetailType: 'SalesItemLineDetail', Amount: 5 * qty, SalesItemLineDetail: { ItemRef: { value: part.Id }, Qty: qty, UnitPrice: 5 } }],
      },
      `e2e-estimate-${number}`,
    );
  return { qbo, part, customer, enterSalesOrder };
}

async function openSync(page: Page) {
  await page.goto(`${server.url}#sync`);
  await page.getByRole('heading', { name: 'Sync', exact: true }).waitFor();
}

describe('Sync screen with the practice company', () => {
  it('imports the practice company with Sync Now and shows the run in the history', async () => {
    const page = await browser.newPage();
    await openSync(page);
    await page.getByRole('button', { name: 'Sync Now' }).click();
    await page.getByRole('table', { name: 'Sync history' }).getByText('Completed', { exact: true }).first().waitFor();
    const items = await call<{ total: number }>('items.list', { limit: 1 });
    expect(items.total).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(shots, 'sync-import.png'), fullPage: true });
    await page.goto(`${server.url}#settings`);
    await page.getByText('Practice company').first().waitFor();
    await page.close();
  });

  it('shows a sync error, downloads it as CSV, and clears it after the fix and Sync Now', async () => {
    const page = await browser.newPage();
    await call('settings.update', { directions: { items: 'localToQbo' } });
    await call('items.create', { name: 'Needs an account', type: 'service' });
    await openSync(page);
    await page.getByRole('button', { name: 'Sync Now' }).click();
    const errors = page.getByRole('table', { name: 'Sync errors' });
    await errors.getByText(/Choose the default income/).first().waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download Errors' }).click()]);
    const csv = fs.readFileSync(await download.path(), 'utf8');
    expect(csv.split('\r\n')[0]).toBe('time,run,level,record type,record,QuickBooks code,message');
    expect(csv).toContain('Needs an account');
    expect(csv).not.toMatch(/Bearer|access_token|refresh_token/);
    await page.screenshot({ path: path.join(shots, 'sync-error.png'), fullPage: true });

    // The fix: pick the default accounts for service items in Settings.
    await page.goto(`${server.url}#settings`);
    for (const [label, pattern] of [
      ['Service Income account', /Income|Sales/],
      ['Service Expense (cost of goods sold) account', /Cost of Goods Sold|COGS/],
      ['Inventory Inventory asset account', /Inventory/],
    ] as const) {
      const select = page.getByLabel(label, { exact: true });
      // The accounts arrive from QuickBooks after the screen shows: wait for them.
      let choice: string | undefined;
      await expect
        .poll(async () => (choice = (await select.locator('option').allTextContents()).find((o) => pattern.test(o))), { timeout: 15_000 })
        .toBeDefined();
      await select.selectOption({ label: choice as string });
    }
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await openSync(page);
    await page.getByRole('button', { name: 'Sync Now' }).click();
    await page.getByText(/Needing attention: 0/).waitFor();
    const status = await call<{ lastRun: { status: string }; failedChanges: number }>('sync.status');
    expect(status.lastRun.status).toBe('ok');
    expect(status.failedChanges).toBe(0);
    await page.screenshot({ path: path.join(shots, 'sync-fixed.png'), fullPage: true });
    await call('settings.update', { directions: { items: 'qboToLocal' } });
    await page.close();
  });

  it('resolves a conflict in the inbox by switching to the other version', async () => {
    await call('settings.update', { directions: { customers: 'twoWay' } });
    await call('sync.now');
    const customer = (await call<{ rows: { id: string; displayName: string }[] }>('customers.list', { active: true, limit: 1 })).rows[0] as {
      id: string;
      displayName: string;
    };
    await call('customers.update', { id: customer.id, phone: '555-0111' });
    // Someone edits the same customer in QuickBooks a little later.
    const practice = path.join(host.dataDir, 'practice');
    expect(fs.existsSync(practice)).toBe(true);
    const answer = await host.connection.client();
    if (!answer.ok) throw new Error(answer.reason);
    const remote = (await answer.qbo.queryAll('Customer', `DisplayName = '${customer.displayName.replaceAll("'", "\\'")}'`))[0];
    await new Promise((r) => setTimeout(r, 5));
    await answer.qbo.update('Customer', { Id: remote?.Id, SyncToken: remote?.SyncToken, sparse: true, PrimaryPhone: { FreeFormNumber: '555-0999' } }, 'e2e-conflict-1');
    await call('sync.now');

    const page = await browser.newPage();
    await openSync(page);
    const inbox = page.getByLabel('Conflict inbox');
    await inbox.getByText(customer.displayName).first().waitFor();
    await page.screenshot({ path: path.join(shots, 'sync-conflict.png'), fullPage: true });
    await inbox.getByRole('button', { name: /Use the ShelfSync version instead/ }).click();
    await inbox.getByText('No conflicts').waitFor();
    expect((await call<{ phone: string }>('customers.get', { id: customer.id })).phone).toBe('555-0111');
    await call('sync.now');
    const after = (await answer.qbo.read('Customer', remote?.Id ?? '')).PrimaryPhone as { FreeFormNumber: string };
    expect(after.FreeFormNumber).toBe('555-0111');
    await page.close();
  });

  it('picks an imported QuickBooks order partially, posts it with Manual Posting on, and QuickBooks gets the invoice while the back order stays', async () => {
    await call('settings.update', { manualPosting: true, partialInvoices: true, directions: { salesOrders: 'qboToLocal' } });
    const { qbo, part, enterSalesOrder } = await quickBooksSide();
    await call('sync.now');
    const local = (await call<{ rows: { id: string; name: string }[] }>('items.list', { search: String(part.Name), limit: 5 })).rows.find((i) => i.name === part.Name);
    if (!local) throw new Error('the part was not imported');
    await call('stock.adjust', { itemId: local.id, qtyDiff: '10', reason: 'Opening stock for the e2e story' });
    await enterSalesOrder('E2E-77', 3);
    await call('sync.now');

    const page = await browser.newPage();
    await page.goto(`${server.url}#picking`);
    await page.getByRole('row', { name: /E2E-77/ }).click();
    const detail = page.getByRole('complementary', { name: 'Order E2E-77' });
    await detail.waitFor();
    await detail.getByLabel(`Pick ${String(part.Name)}`).fill('2');
    await detail.getByLabel(`Pick ${String(part.Name)}`).press('Enter');
    await detail.getByRole('button', { name: 'Post order' }).click();
    await detail.getByText('Back order', { exact: true }).first().waitFor();
    await page.screenshot({ path: path.join(shots, 'sync-imported-order-posted.png'), fullPage: true });
    await call('sync.now');
    const invoices = (await qbo.queryAll('Invoice', "DocNumber = 'E2E-77'")) as unknown as { Line: { DetailType: string; SalesItemLineDetail?: { Qty: number } }[] }[];
    expect(invoices).toHaveLength(1);
    expect(invoices[0]?.Line.find((l) => l.DetailType === 'SalesItemLineDetail')?.SalesItemLineDetail?.Qty).toBe(2);
    const order = (await call<{ rows: { number: string; backOrder: boolean; status: string }[] }>('orders.list', { limit: 50 })).rows.find((o) => o.number === 'E2E-77');
    expect(order?.backOrder).toBe(true);
    await page.close();
  });

  it('shows an order entered in QuickBooks on the open Picking screen once a sync brings it in, without a reload', async () => {
    await call('settings.update', { directions: { salesOrders: 'qboToLocal' } });
    const { enterSalesOrder } = await quickBooksSide();
    await call('sync.now');

    const page = await browser.newPage();
    await page.goto(`${server.url}#picking`);
    await page.getByRole('heading', { name: 'Picking', exact: true }).waitFor();
    await page.getByRole('row').nth(1).waitFor();
    expect(await page.getByRole('row', { name: /E2E-88/ }).count()).toBe(0);

    await enterSalesOrder('E2E-88', 1);
    // The tray's timer (or another window) runs the sync; this page only listens.
    await call('sync.now');
    await page.getByRole('row', { name: /E2E-88/ }).waitFor();
    await page.close();
  });

  it('closes an order invoiced in QuickBooks meanwhile as settled there, from the order', async () => {
    await call('settings.update', { manualPosting: true, directions: { salesOrders: 'qboToLocal' } });
    const { qbo, part, customer, enterSalesOrder } = await quickBooksSide();
    const estimate = await enterSalesOrder('E2E-99', 2);
    await call('sync.now');
    const order = (await call<{ rows: { id: string; number: string }[] }>('orders.list', { search: 'E2E-99', limit: 5 })).rows[0];
    if (!order) throw new Error('E2E-99 was not imported');
    const detailOf = await call<{ lines: { id: string }[] }>('orders.get', { id: order.id });
    await call('orders.pick', { orderId: order.id, lineId: detailOf.lines[0]?.id, qty: '1' });
    // The office invoices the sales order in QuickBooks itself.
    await qbo.create(
      'Invoice',
      {
        CustomerRef: { value: customer.Id },
        Line: [{ DetailType: 'SalesItemLineDetail', Amount: 10, SalesItemLineDetail: { ItemRef: { value: part.Id }, Qty: 2, UnitPrice: 5 } }],
        LinkedTxn: [{ TxnId: estimate.Id, TxnType: 'Estimate' }],
      },
      'e2e-invoice-99',
    );
    await call('sync.now');

    const page = await browser.newPage();
    await page.goto(`${server.url}#picking`);
    await page.getByRole('row', { name: /E2E-99/ }).click();
    const detail = page.getByRole('complementary', { name: 'Order E2E-99' });
    await detail.getByText(/Out of sync/).first().waitFor();
    await detail.getByRole('button', { name: 'Settled in QuickBooks…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Settle order E2E-99 in QuickBooks' });
    await dialog.getByLabel('Reason').fill('Invoiced by the office');
    await dialog.getByRole('button', { name: 'Close as settled in QuickBooks' }).click();
    await detail.getByRole('status').filter({ hasText: 'closed as dealt with in QuickBooks' }).waitFor();
    expect(await detail.getByText(/Out of sync/).count()).toBe(0);
    await page.screenshot({ path: path.join(shots, 'sync-order-settled-in-quickbooks.png'), fullPage: true });
    expect(await call('orders.get', { id: order.id })).toMatchObject({ status: 'closed', outOfSync: false });
    await page.close();
  });

  it('pushes the full count from the Sync screen so QuickBooks matches the sum over sites', async () => {
    const answer = await host.connection.client();
    if (!answer.ok) throw new Error(answer.reason);
    const part = (await call<{ rows: { id: string; name: string }[] }>('items.list', { type: 'inventory', active: true, limit: 1 })).rows[0];
    if (!part) throw new Error('no inventory part');
    const site = await call<{ id: string }>('sites.create', { name: 'E2E yard' });
    await call('stock.adjust', { itemId: part.id, siteId: site.id, qtyDiff: '4', reason: 'Counted in the yard' });
    const page = await browser.newPage();
    await openSync(page);
    await page.getByRole('button', { name: 'Push full count' }).click();
    await page.getByRole('table', { name: 'Sync history' }).getByRole('cell', { name: 'Full count push' }).first().waitFor();
    const total = Number((await call<{ onHand: string }>('items.get', { id: part.id })).onHand);
    const remote = (await answer.qbo.queryAll('Item', `Name = '${part.name.replaceAll("'", "\\'")}'`))[0];
    expect(remote?.QtyOnHand).toBe(total);
    await page.getByRole('table', { name: 'Last synced' }).getByRole('cell', { name: 'Full count push' }).waitFor();
    await page.screenshot({ path: path.join(shots, 'sync-count-push.png'), fullPage: true });
    await page.close();
  });
});
