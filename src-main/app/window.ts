/** The main window: sandboxed renderer, strict CSP, no navigation away, no new windows. */
import path from 'node:path';
import type { BrowserWindowConstructorOptions } from 'electron';
import { contentSecurityPolicy } from '../../src-shared/csp';
import type { AppWindow, ElectronApi } from './electronApi';
import type { Bounds } from './windowState';

/** The window's options, webPreferences included (the security test reads them through the fake electron). */
export function mainWindowOptions(appDir: string, bounds: Bounds): BrowserWindowConstructorOptions {
  return {
    width: bounds.width,
    height: bounds.height,
    ...(bounds.x >= 0 && bounds.y >= 0 ? { x: bounds.x, y: bounds.y } : {}),
    minWidth: 800,
    minHeight: 500,
    show: false,
    title: 'ShelfSync',
    webPreferences: {
      preload: path.join(appDir, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  };
}

export function createMainWindow(electron: Pick<ElectronApi, 'BrowserWindow' | 'session' | 'shell'>, appDir: string, bounds: Bounds): AppWindow {
  const win = new electron.BrowserWindow(mainWindowOptions(appDir, bounds));
  electron.session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy("'self'")] },
    });
  });
  win.webContents.on('will-navigate', (event) => event.preventDefault());
  win.webContents.setWindowOpenHandler(({ url }) => {
    // Links to the outside world open in the user's browser, never inside the app.
    if (url.startsWith('https://')) void electron.shell.openExternal(url);
    return { action: 'deny' };
  });
  win.once('ready-to-show', () => {
    if (bounds.maximized) win.maximize();
    win.show();
  });
  void win.loadFile(path.join(appDir, '../renderer/index.html'));
  return win;
}
