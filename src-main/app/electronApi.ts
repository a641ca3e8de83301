/**
 * The part of the `electron` module the shell uses, by injection: main.ts passes the real module (so
 * this is checked against Electron's own types at compile time), tests pass a fake
 * (test/support/fakeElectron.ts), since no Electron binary runs on the build machines.
 */
import type * as Electron from 'electron';
import type { SafeStorageApi } from './safeStorageSecretStore';

export interface AppWebContents extends Pick<Electron.WebContents, 'on' | 'once' | 'send' | 'setWindowOpenHandler' | 'print' | 'printToPDF'> {
  readonly mainFrame: unknown;
}

export type AppWindow = Pick<
  Electron.BrowserWindow,
  'on' | 'once' | 'show' | 'hide' | 'focus' | 'restore' | 'isMinimized' | 'isMaximized' | 'maximize' | 'isDestroyed' | 'getNormalBounds' | 'loadFile'
> & { readonly webContents: AppWebContents };

export type AppTrayIcon = Pick<Electron.Tray, 'on' | 'setImage' | 'setToolTip' | 'setContextMenu'>;

export interface ElectronApi {
  app: Pick<
    Electron.App,
    'requestSingleInstanceLock' | 'quit' | 'on' | 'whenReady' | 'getPath' | 'getAppPath' | 'getLoginItemSettings' | 'setLoginItemSettings' | 'isPackaged'
  >;
  ipcMain: Pick<Electron.IpcMain, 'handle'>;
  Notification: { isSupported(): boolean; new (options: Electron.NotificationConstructorOptions): Pick<Electron.Notification, 'on' | 'show'> };
  shell: Pick<Electron.Shell, 'openExternal'>;
  dialog: Pick<Electron.Dialog, 'showSaveDialog' | 'showOpenDialog'>;
  BrowserWindow: new (options: Electron.BrowserWindowConstructorOptions) => AppWindow;
  session: { defaultSession: { webRequest: Pick<Electron.WebRequest, 'onHeadersReceived'> } };
  Tray: new (image: Electron.NativeImage) => AppTrayIcon;
  Menu: { buildFromTemplate(template: Electron.MenuItemConstructorOptions[]): Electron.Menu };
  nativeImage: { createFromPath(path: string): Electron.NativeImage };
  safeStorage: SafeStorageApi;
}
