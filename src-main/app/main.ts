/** Electron main: one instance, binds the host's contract to IPC, keeps a tray icon. Thin on purpose. */
import path from 'node:path';
import { app, ipcMain, shell, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { createHost, launchPracticeCompany, type Host } from '../host';
import { createMainWindow } from './window';
import { createTray } from './tray';
import { electronSecretStore } from './safeStorageSecretStore';

const appDir = import.meta.dirname;
const assetsDir = app.isPackaged ? path.join(process.resourcesPath, 'assets') : path.join(appDir, '../../assets');

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let win: BrowserWindow | null = null;
  let host: Host | null = null;
  let quitting = false;

  const open = () => {
    if (!win || win.isDestroyed()) win = createMainWindow(appDir);
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  };

  app.on('second-instance', open);
  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('window-all-closed', () => {
    // Closing the window keeps ShelfSync syncing from the tray.
  });

  void app.whenReady().then(() => {
    const dataDir = process.env.SHELFSYNC_DATA ?? app.getPath('userData');
    host = createHost({
      dataDir,
      openExternal: (url) => shell.openExternal(url),
      secrets: electronSecretStore(dataDir),
      practice: launchPracticeCompany,
      autoSync: true,
    });
    // With no QuickBooks connected, the practice company lets a new user try everything at once.
    void host.connection.startPractice().catch(() => undefined);
    const isOurWindow = (event: IpcMainInvokeEvent) => win !== null && event.sender === win.webContents;
    ipcMain.handle('shelfsync:invoke', (event, name: unknown, input: unknown) => {
      if (!isOurWindow(event)) return { ok: false, error: { code: 'refused', message: 'Unknown sender.' } };
      return host?.invoke(String(name), input);
    });
    host.on((name, payload) => {
      if (win && !win.isDestroyed()) win.webContents.send('shelfsync:event', name, payload);
    });
    createTray(assetsDir, {
      open,
      syncNow: () => void host?.invoke('sync.now', {}),
      quit: () => app.quit(),
    });
    open();
    if (process.env.SHELFSYNC_SMOKE === '1') {
      // The smoke test: the window loaded and the host answers through the same contract, then quit.
      win?.webContents.once('did-finish-load', () => {
        void host?.invoke('app.info', {}).then((info) => {
          process.stdout.write(`SHELFSYNC_SMOKE ${JSON.stringify(info)}\n`);
          app.quit();
        });
      });
    }
    win?.on('close', (event) => {
      if (!quitting) {
        event.preventDefault();
        win?.hide();
      }
    });
  });

  app.on('will-quit', () => {
    void host?.close();
  });
}
