/** Electron main: one instance, binds the host's contract to IPC, keeps a tray icon. Thin on purpose. */
import path from 'node:path';
import { app, ipcMain, Notification, safeStorage, shell, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { ConnectionStatus, SyncStatus } from '../../src-shared/ipc';
import { createHost, launchPracticeCompany, type Host } from '../host';
import { createMainWindow } from './window';
import { createTray, type AppTray, type TrayAction } from './tray';
import { noticeFor, trayView } from './trayState';
import { loadBounds, saveBounds } from './windowState';
import { electronSecretStore } from './safeStorageSecretStore';

const appDir = import.meta.dirname;
const assetsDir = app.isPackaged ? path.join(process.resourcesPath, 'assets') : path.join(appDir, '../../assets');

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let win: BrowserWindow | null = null;
  let host: Host | null = null;
  let tray: AppTray | null = null;
  let quitting = false;
  let dataDir = '';
  let sync: SyncStatus | null = null;
  let connection: ConnectionStatus | null = null;
  const noticed = new Set<string>();

  const open = () => {
    if (!win || win.isDestroyed()) {
      win = createMainWindow(appDir, loadBounds(dataDir));
      const current = win;
      const remember = () => {
        if (!current.isDestroyed() && !current.isMinimized()) saveBounds(dataDir, { ...current.getNormalBounds(), maximized: current.isMaximized() });
      };
      current.on('resized', remember);
      current.on('moved', remember);
      current.on('close', (event) => {
        remember();
        // Closing the window keeps ShelfSync syncing from the tray; Quit is in the tray menu.
        if (!quitting) {
          event.preventDefault();
          current.hide();
        }
      });
    }
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  };

  const refreshTray = () => {
    const view = trayView(sync, connection);
    tray?.show(view, app.getLoginItemSettings().openAtLogin);
    const notice = noticeFor(sync, connection);
    if (notice && !noticed.has(notice.key) && Notification.isSupported()) {
      noticed.add(notice.key);
      const shown = new Notification({ title: notice.title, body: notice.body });
      shown.on('click', open);
      shown.show();
    }
  };

  const act = (action: TrayAction) => {
    switch (action) {
      case 'open':
        return open();
      case 'syncNow':
        return void host?.invoke('sync.now', {});
      case 'pause':
      case 'resume':
        return void host?.invoke('sync.pause', { paused: action === 'pause' });
      case 'startAtLogin':
        app.setLoginItemSettings({ openAtLogin: !app.getLoginItemSettings().openAtLogin });
        return refreshTray();
      case 'quit':
        return app.quit();
    }
  };

  app.on('second-instance', open);
  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('window-all-closed', () => {
    // Stay in the tray.
  });

  void app.whenReady().then(async () => {
    dataDir = process.env.SHELFSYNC_DATA ?? app.getPath('userData');
    host = createHost({
      dataDir,
      openExternal: (url) => shell.openExternal(url),
      secrets: electronSecretStore(dataDir, safeStorage),
      practice: launchPracticeCompany,
      autoSync: true,
    });
    const isOurWindow = (event: IpcMainInvokeEvent) => win !== null && !win.isDestroyed() && event.sender === win.webContents;
    ipcMain.handle('shelfsync:invoke', (event, name: unknown, input: unknown) => {
      if (!isOurWindow(event)) return { ok: false, error: { code: 'refused', message: 'Unknown sender.' } };
      return host?.invoke(String(name), input);
    });
    host.on((name, payload) => {
      if (win && !win.isDestroyed()) win.webContents.send('shelfsync:event', name, payload);
      if (name === 'sync.status') sync = payload as SyncStatus;
      if (name === 'connection.changed') connection = payload as ConnectionStatus;
      if (name === 'sync.status' || name === 'connection.changed') refreshTray();
    });
    tray = createTray(assetsDir, act);
    refreshTray();
    // With no QuickBooks connected, the practice company lets a new user try everything at once.
    await host.connection.startPractice().catch(() => undefined);
    if (process.env.SHELFSYNC_SMOKE === '1') {
      open();
      // The smoke test: the window loaded and the host answers through the same contract, then quit.
      win?.webContents.once('did-finish-load', () => {
        void host?.invoke('app.info', {}).then((info) => {
          process.stdout.write(`SHELFSYNC_SMOKE ${JSON.stringify(info)}\n`);
          app.quit();
        });
      });
      return;
    }
    // Started at login: wait in the tray; started by the user: show the window.
    if (!app.getLoginItemSettings().wasOpenedAtLogin) open();
  });

  app.on('will-quit', () => {
    void host?.close();
  });
}
