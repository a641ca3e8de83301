import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ConnectionStatus, SyncRun, SyncStatus } from '../../src-shared/ipc';
import { noticeFor, trayMenu, trayView } from '../../src-main/app/trayState';
import { defaultBounds, loadBounds, saveBounds } from '../../src-main/app/windowState';
import { projectRoot } from '../support/cli';
import { tempDir } from '../support/tmp';

const run = (status: SyncRun['status'], id = 1): SyncRun => ({
  id, trigger: 'interval', startedAt: '2026-11-28T10:00:00Z', finishedAt: '2026-11-28T10:00:05Z', status, counts: {}, errorCount: status === 'errors' ? 2 : 0, message: status === 'failed' ? 'QuickBooks could not be reached.' : null,
});
const sync = (over: Partial<SyncStatus> = {}): SyncStatus => ({
  state: 'idle', pausedReason: null, userPaused: false, currentRunId: null, progress: null, lastRun: run('ok'), nextRunAt: null, pendingChanges: 0, failedChanges: 0, lastSynced: {},
  apiCalls: { readsToday: 0, readsThisMonth: 0, writesToday: 0, writesThisMonth: 0, monthlyReadAllowance: 500_000, projectedReadsThisMonth: 0, warning: null },
  ...over,
});
const connection = (over: Partial<ConnectionStatus> = {}) =>
  ({ state: 'connected', companyName: 'Acme Warehouse', realmId: '123', practice: false, message: 'Connected.', tokenStore: 'keychain', ...over }) as ConnectionStatus;

describe('the tray', () => {
  it('shows syncing with progress, then up to date with the company name', () => {
    expect(trayView(sync({ state: 'running', progress: { phase: 'Sending changes to QuickBooks', done: 3, total: 10 } }), connection())).toMatchObject({
      icon: 'running',
      tooltip: expect.stringContaining('3/10') as string,
    });
    expect(trayView(sync(), connection()).tooltip).toBe('ShelfSync: up to date — Acme Warehouse');
  });

  it('says what to do when QuickBooks needs a new sign-in, and notifies once', () => {
    const status = connection({ state: 'reconnectNeeded', message: 'Sign in to QuickBooks again.' });
    expect(trayView(sync(), status)).toMatchObject({ icon: 'error', paused: true });
    expect(noticeFor(sync(), status)).toMatchObject({ key: 'reconnect', title: 'Reconnect ShelfSync to QuickBooks' });
  });

  it('notifies about a failed run once per run', () => {
    expect(noticeFor(sync({ lastRun: run('failed', 7) }), connection())).toMatchObject({ key: 'run-7', title: 'Sync failed' });
    expect(noticeFor(sync({ lastRun: run('errors', 8) }), connection())?.body).toContain('2 record(s)');
    expect(noticeFor(sync(), connection())).toBeNull();
  });

  it('offers Pause or Resume as the state asks, and has an icon file for every state', () => {
    const labels = (paused: boolean) => trayMenu(trayView(sync({ userPaused: paused }), connection()), false).map((i) => i.label);
    expect(labels(false)).toEqual(expect.arrayContaining(['Open ShelfSync', 'Sync Now', 'Pause sync', 'Quit ShelfSync']));
    expect(labels(true)).toContain('Resume sync');
    for (const icon of ['tray.png', 'tray-running.png', 'tray-error.png', 'tray-paused.png']) {
      expect(fs.existsSync(path.join(projectRoot, 'assets', icon)), icon).toBe(true);
    }
  });
});

describe('the window position', () => {
  it('is kept between runs, and unreadable or tiny saved bounds fall back to the defaults', () => {
    const dir = tempDir();
    expect(loadBounds(dir)).toEqual(defaultBounds);
    saveBounds(dir, { x: 40, y: 60, width: 1300, height: 900, maximized: true });
    expect(loadBounds(dir)).toEqual({ x: 40, y: 60, width: 1300, height: 900, maximized: true });
    fs.writeFileSync(path.join(dir, 'window.json'), '{"x":1,"y":1,"width":10,"height":10}');
    expect(loadBounds(dir)).toEqual(defaultBounds);
  });
});
