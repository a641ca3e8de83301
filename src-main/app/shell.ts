/**
 * The Electron shell's logic: one instance, the host bound to IPC (our window's main frame only),
 * close-to-tray, the tray menu, notifications once per notice, start at login. It takes the electron
 * module by injection (main.ts passes the real one; test/electron/shell.test.ts a fake).
 */
import path from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import type { ConnectionStatus, Result, SyncStatus } from '../../src-shared/ipc';
import { createHost, launchPracticeCompany, type Host, type HostDeps } from '../host';
import { chooseFile } from './fileDialog';
import { printPage } from './printing';
import type { AppWindow, ElectronApi } from './electronApi';
import { loginItemFor, type LoginItem } from './loginItem';
import { electronSecretStore } from './safeStorageSecretStore';
import { createMainWindow } from './window';
import { createTray, type AppTray, type TrayAction } from './tray';
import { noticeFor, trayView } from './trayState';
import { loadBounds, saveBounds } from './windowState';

export interface ShellOptions {
  /** The folder of the built main script (out/main). */
  appDir: string;
  assetsDir: string;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  argv?: readonly string[];
  execPath?: string;
  /** Host options a test sets (no practice company, a temp data folder); defaults are the app's. */
  host?: Partial<HostDeps>;
}

export interface Shell {
  /** Resolves once the app is ready and the host serves (null when another instance already runs). */
  readonly ready: Promise<{ host: Host } | null>;
  act(action: TrayAction): void;
  window(): AppWindow | null;
  readonly loginItem: LoginItem;
}

const refusal = (message: string): Result<never> => ({ ok: false, error: { code: 'refused', message } });

export function startShell(electron: ElectronApi, options: ShellOptions): Shell {
  const env = options.env ?? process.env;
  const { app } = electron;
  const loginItem = loginItemFor({ app, platform: options.platform ?? process.platform, env, argv: options.argv ?? process.argv, execPath: options.execPath ?? process.execPath });
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return { ready: Promise.resolve(null), act: () => undefined, window: () => null, loginItem };
  }
  const state = { win: null as AppWindow | null, host: null as Host | null, tray: null as AppTray | null, quitting: false, dataDir: '' };
  const status = { sync: null as SyncStatus | null, connection: null as ConnectionStatus | null };
  const noticed = new Set<string>();

  const open = () => openWindow(electron, options.appDir, state);
  const refreshTray = () => {
    state.tray?.show(trayView(status.sync, status.connection), loginItem.supported ? loginItem.enabled() : null);
    notifyOnce(electron, noticed, noticeFor(status.sync, status.connection), open);
  };
  const act = (action: TrayAction) => trayAction(action, { host: state.host, open, loginItem, refreshTray, quit: () => app.quit() });

  app.on('second-instance', open);
  app.on('before-quit', () => {
    state.quitting = true;
  });
  // Stay in the tray when the window is closed.
  app.on('window-all-closed', () => undefined);
  app.on('will-quit', () => {
    void state.host?.close();
  });

  const ready = app.whenReady().then(async () => {
    state.dataDir = env.SHELFSYNC_DATA ?? app.getPath('userData');
    const host = createHost({
      dataDir: state.dataDir,
      openExternal: (url) => electron.shell.openExternal(url),
      chooseFile: (purpose) => chooseFile(electron, purpose),
      print: (request) => printPage({ electron, window: () => state.win }, request),
      secrets: electronSecretStore(state.dataDir, electron.safeStorage),
      practice: launchPracticeCompany,
      autoSync: true,
      ...options.host,
    });
    state.host = host;
    electron.ipcMain.handle('shelfsync:invoke', (event, name: unknown, input: unknown) => answerIpc(state, event, name, input));
    host.on((name, payload) => {
      if (state.win && !state.win.isDestroyed()) state.win.webContents.send('shelfsync:event', name, payload);
      if (name === 'sync.status') status.sync = payload as SyncStatus;
      if (name === 'connection.changed') status.connection = payload as ConnectionStatus;
      if (name === 'sync.status' || name === 'connection.changed') refreshTray();
    });
    state.tray = createTray(electron, options.assetsDir, act);
    refreshTray();
    // With no QuickBooks connected, the practice company lets a new user try everything at once.
    await host.connection.startPractice().catch(() => undefined);
    if (env.SHELFSYNC_SMOKE === '1') runSmoke(app, state, open);
    // Started at login: wait in the tray; started by the user: show the window.
    else if (!loginItem.openedAtLogin()) open();
    return { host };
  });
  return { ready, act, window: () => state.win, loginItem };
}

/** Shows a notice once per key where the system has notifications; a click opens the window. */
function notifyOnce(electron: ElectronApi, noticed: Set<string>, notice: ReturnType<typeof noticeFor>, open: () => void): void {
  if (!notice || noticed.has(notice.key) || !electron.Notification.isSupported()) return;
  noticed.add(notice.key);
  const shown = new electron.Notification({ title: notice.title, body: notice.body });
  shown.on('click', open);
  shown.show();
}

/** What a choice in the tray menu does. */
function trayAction(action: TrayAction, to: { host: Host | null; open(): void; loginItem: LoginItem; refreshTray(): void; quit(): void }): void {
  if (action === 'open') return to.open();
  if (action === 'syncNow') return void to.host?.invoke('sync.now', {});
  if (action === 'pause' || action === 'resume') return void to.host?.invoke('sync.pause', { paused: action === 'pause' });
  if (action === 'startAtLogin') {
    to.loginItem.set(!to.loginItem.enabled());
    return to.refreshTray();
  }
  to.quit();
}

interface ShellState {
  win: AppWindow | null;
  host: Host | null;
  quitting: boolean;
  dataDir: string;
}

/** Only our window's main frame may call the host; anything that throws becomes an answer with an error id. */
async function answerIpc(state: ShellState, event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>, name: unknown, input: unknown): Promise<Result<unknown>> {
  const win = state.win;
  const ours = win !== null && !win.isDestroyed() && event.sender === win.webContents && event.senderFrame === win.webContents.mainFrame;
  if (!ours) return refusal('Only the ShelfSync window may call ShelfSync.');
  const host = state.host;
  if (!host) return refusal('ShelfSync is still starting; try again in a moment.');
  try {
    return await host.invoke(String(name), input);
  } catch (error) {
    return host.unexpected(error, 'answering a request from the window');
  }
}

function openWindow(electron: ElectronApi, appDir: string, state: ShellState): void {
  if (!state.win || state.win.isDestroyed()) {
    const current = createMainWindow(electron, appDir, loadBounds(state.dataDir));
    state.win = current;
    const remember = () => {
      if (!current.isDestroyed() && !current.isMinimized()) saveBounds(state.dataDir, { ...current.getNormalBounds(), maximized: current.isMaximized() });
    };
    current.on('resized', remember);
    current.on('moved', remember);
    current.on('close', (event) => {
      remember();
      // Closing the window keeps ShelfSync syncing from the tray; Quit is in the tray menu.
      if (!state.quitting) {
        event.preventDefault();
        current.hide();
      }
    });
  }
  const win = state.win;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}

/** The smoke test: the window loaded and the host answers through the same contract, then quit. */
function runSmoke(app: ElectronApi['app'], state: ShellState, open: () => void): void {
  open();
  state.win?.webContents.once('did-finish-load', () => {
    void state.host?.invoke('app.info', {}).then((info) => {
      process.stdout.write(`SHELFSYNC_SMOKE ${JSON.stringify(info)}\n`);
      app.quit();
    });
  });
}

export const defaultAssetsDir = (appDir: string, isPackaged: boolean): string =>
  isPackaged ? path.join(process.resourcesPath, 'assets') : path.join(appDir, '../../assets');
