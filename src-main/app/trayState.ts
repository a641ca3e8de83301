/**
 * What the tray shows for a sync and connection state: icon, tooltip, menu, and when to notify.
 * No Electron here, so the rules are tested under plain Node; tray.ts draws them.
 */
import type { ConnectionStatus, SyncStatus } from '../../src-shared/ipc';

export type TrayIcon = 'idle' | 'running' | 'error' | 'paused';

export interface TrayView {
  icon: TrayIcon;
  tooltip: string;
  paused: boolean;
}

export interface Notice {
  /** Same key, same notice: a failure is announced once, not on every status event. */
  key: string;
  title: string;
  body: string;
}

export function trayView(sync: SyncStatus | null, connection: ConnectionStatus | null): TrayView {
  const company = connection?.companyName ? ` — ${connection.companyName}` : '';
  if (connection?.state === 'reconnectNeeded') {
    return { icon: 'error', tooltip: `ShelfSync: reconnect to QuickBooks (Settings → Connection)${company}`, paused: true };
  }
  if (sync?.userPaused) return { icon: 'paused', tooltip: `ShelfSync: sync paused${company}`, paused: true };
  if (sync?.state === 'running') {
    const p = sync.progress;
    return { icon: 'running', tooltip: `ShelfSync: syncing${p && p.total > 0 ? ` (${p.phase}, ${p.done}/${p.total})` : ''}${company}`, paused: false };
  }
  if (connection?.state === 'offline') return { icon: 'error', tooltip: `ShelfSync: QuickBooks unreachable; changes are kept${company}`, paused: false };
  const last = sync?.lastRun;
  if (last && (last.status === 'failed' || last.status === 'errors')) {
    return { icon: 'error', tooltip: `ShelfSync: last sync ${last.status === 'failed' ? 'failed' : 'had errors'}; open Sync to see why${company}`, paused: false };
  }
  const practice = connection?.practice ? ' (practice company)' : '';
  return { icon: 'idle', tooltip: `ShelfSync: up to date${practice}${company}`, paused: false };
}

/** A desktop notification worth showing for this state, if any. */
export function noticeFor(sync: SyncStatus | null, connection: ConnectionStatus | null): Notice | null {
  if (connection?.state === 'reconnectNeeded') {
    return { key: 'reconnect', title: 'Reconnect ShelfSync to QuickBooks', body: connection.message || 'QuickBooks asks you to sign in again. Nothing is lost meanwhile.' };
  }
  const last = sync?.lastRun;
  if (last && last.status === 'failed') {
    return { key: `run-${last.id}`, title: 'Sync failed', body: last.message ?? 'Open ShelfSync’s Sync screen to see why.' };
  }
  if (last && last.status === 'errors') {
    return { key: `run-${last.id}`, title: 'Sync finished with errors', body: `${last.errorCount} record(s) need attention on the Sync screen.` };
  }
  return null;
}

export interface TrayMenuItem {
  label?: string;
  type?: 'separator' | 'checkbox';
  checked?: boolean;
  enabled?: boolean;
  action?: 'open' | 'syncNow' | 'pause' | 'resume' | 'startAtLogin' | 'quit';
}

/** `startAtLogin` null: the platform has no way to start at login, so the item is not offered. */
export function trayMenu(view: TrayView, startAtLogin: boolean | null): TrayMenuItem[] {
  const login: TrayMenuItem[] = startAtLogin === null ? [] : [{ label: 'Start at login', type: 'checkbox', checked: startAtLogin, action: 'startAtLogin' }, { type: 'separator' }];
  return [
    { label: 'Open ShelfSync', action: 'open' },
    { label: 'Sync Now', action: 'syncNow', enabled: view.icon !== 'running' },
    view.paused ? { label: 'Resume sync', action: 'resume' } : { label: 'Pause sync', action: 'pause' },
    { type: 'separator' },
    ...login,
    { label: 'Quit ShelfSync', action: 'quit' },
  ];
}
