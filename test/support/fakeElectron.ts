/**
 * A fake of the `electron` module (an external library: no Electron binary runs on the build
 * machines) for the shell's own logic. It records what the shell asked for (window options, tray
 * menus, notifications, login item settings, IPC handlers) and lets a test play the user and the OS:
 * close a window, click a tray item, start a second instance, send an IPC call from some sender.
 */
import { EventEmitter } from 'node:events';
import type { MenuItemConstructorOptions } from 'electron';
import type { ElectronApi } from '../../src-main/app/electronApi';

export class FakeWebContents extends EventEmitter {
  readonly sent: { channel: string; args: unknown[] }[] = [];
  readonly mainFrame = { name: 'main frame' };
  openHandler: ((details: { url: string }) => { action: string }) | null = null;
  send(channel: string, ...args: unknown[]) {
    this.sent.push({ channel, args });
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.openHandler = handler;
  }
  /** Print jobs asked for, and how the system's print dialog ends (printed, or cancelled/failed with a reason). */
  readonly printJobs: Record<string, unknown>[] = [];
  printAnswer = { success: true, failureReason: '' };
  print(options: Record<string, unknown>, callback: (success: boolean, failureReason: string) => void) {
    this.printJobs.push(options);
    setImmediate(() => callback(this.printAnswer.success, this.printAnswer.failureReason));
  }
  /** PDFs asked for; each answer is a small PDF naming the page size it was asked for. */
  readonly pdfJobs: Record<string, unknown>[] = [];
  printToPDF(options: Record<string, unknown>) {
    this.pdfJobs.push(options);
    return Promise.resolve(Buffer.from(`%PDF-1.4\n% page size ${String(options.pageSize)}\n%%EOF\n`));
  }
}

export class FakeWindow extends EventEmitter {
  static made: FakeWindow[] = [];
  readonly webContents = new FakeWebContents();
  visible = false;
  destroyed = false;
  minimized = false;
  loaded: string | null = null;
  constructor(readonly options: Record<string, unknown> & { webPreferences?: Record<string, unknown> }) {
    super();
    FakeWindow.made.push(this);
  }
  show() {
    this.visible = true;
  }
  hide() {
    this.visible = false;
  }
  focus() {}
  restore() {
    this.minimized = false;
  }
  isMinimized() {
    return this.minimized;
  }
  isMaximized() {
    return false;
  }
  maximize() {}
  isDestroyed() {
    return this.destroyed;
  }
  getNormalBounds() {
    return { x: 10, y: 20, width: 1000, height: 700 };
  }
  loadFile(file: string) {
    this.loaded = file;
    return Promise.resolve();
  }
  /** The user closes the window: answers whether the close was prevented. */
  userCloses(): boolean {
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (!prevented) this.destroyed = true;
    return prevented;
  }
}

export class FakeTray extends EventEmitter {
  static made: FakeTray[] = [];
  image = '';
  tooltip = '';
  menu: MenuItemConstructorOptions[] = [];
  constructor(image: { path: string }) {
    super();
    this.image = image.path;
    FakeTray.made.push(this);
  }
  setImage(image: { path: string }) {
    this.image = image.path;
  }
  setToolTip(text: string) {
    this.tooltip = text;
  }
  setContextMenu(menu: { template: MenuItemConstructorOptions[] }) {
    this.menu = menu.template;
  }
  /** The user picks a menu item by its label. */
  click(label: string) {
    const item = this.menu.find((i) => i.label === label);
    if (!item?.click) throw new Error(`no tray item "${label}" (have: ${this.menu.map((i) => i.label).join(', ')})`);
    (item.click as () => void)();
  }
}

export interface FakeElectron {
  api: ElectronApi;
  app: EventEmitter & { quitCalls: number; loginSettings: { openAtLogin: boolean; args?: string[] }[]; openAtLogin: boolean; singleInstance: boolean };
  handlers: Map<string, (event: unknown, ...args: unknown[]) => unknown>;
  notifications: { title: string; body: string }[];
  opened: string[];
  /** File dialogs shown, and what the next one answers (a path, or null: cancelled). */
  dialogs: { kind: 'save' | 'open'; title?: string; defaultPath?: string }[];
  dialogAnswer: { path: string | null };
  headerHooks: ((details: { responseHeaders: Record<string, string[]> }, cb: (r: { responseHeaders: Record<string, string[]> }) => void) => void)[];
  /** Calls the IPC handler as the renderer of `from` would (or a stranger's webContents). */
  ipc(channel: string, from: { sender: unknown; senderFrame: unknown }, ...args: unknown[]): Promise<unknown>;
}

export function fakeElectron(options: { userData: string; singleInstance?: boolean }): FakeElectron {
  FakeWindow.made = [];
  FakeTray.made = [];
  const app = Object.assign(new EventEmitter(), { quitCalls: 0, loginSettings: [] as { openAtLogin: boolean; args?: string[] }[], openAtLogin: false, singleInstance: options.singleInstance ?? true });
  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  const notifications: { title: string; body: string }[] = [];
  const opened: string[] = [];
  const dialogs: FakeElectron['dialogs'] = [];
  const dialogAnswer: FakeElectron['dialogAnswer'] = { path: null };
  const headerHooks: FakeElectron['headerHooks'] = [];
  const fakeApp = Object.assign(app, {
    isPackaged: false,
    requestSingleInstanceLock: () => app.singleInstance,
    quit: () => {
      app.quitCalls++;
      app.emit('before-quit');
    },
    whenReady: () => Promise.resolve(),
    getPath: (name: string) => (name === 'userData' ? options.userData : `/nonexistent/${name}`),
    getAppPath: () => '/opt/shelfsync-dev',
    getLoginItemSettings: () => ({ openAtLogin: app.openAtLogin, wasOpenedAtLogin: false }),
    setLoginItemSettings: (settings: { openAtLogin: boolean; args?: string[] }) => {
      app.loginSettings.push(settings);
      app.openAtLogin = settings.openAtLogin;
    },
  });
  class FakeNotification extends EventEmitter {
    static isSupported = () => true;
    constructor(private readonly options: { title: string; body: string }) {
      super();
    }
    show() {
      notifications.push({ title: this.options.title, body: this.options.body });
    }
  }
  const api = {
    app: fakeApp,
    ipcMain: { handle: (channel: string, handler: (event: unknown, ...args: unknown[]) => unknown) => void handlers.set(channel, handler) },
    Notification: FakeNotification,
    shell: { openExternal: (url: string) => Promise.resolve(void opened.push(url)) },
    dialog: {
      showSaveDialog: (o: { title?: string; defaultPath?: string }) => {
        dialogs.push({ kind: 'save', ...o });
        return Promise.resolve(dialogAnswer.path === null ? { canceled: true } : { canceled: false, filePath: dialogAnswer.path });
      },
      showOpenDialog: (o: { title?: string }) => {
        dialogs.push({ kind: 'open', ...o });
        return Promise.resolve(dialogAnswer.path === null ? { canceled: true, filePaths: [] } : { canceled: false, filePaths: [dialogAnswer.path] });
      },
    },
    BrowserWindow: FakeWindow,
    session: { defaultSession: { webRequest: { onHeadersReceived: (hook: FakeElectron['headerHooks'][number]) => void headerHooks.push(hook) } } },
    Tray: FakeTray,
    Menu: { buildFromTemplate: (template: MenuItemConstructorOptions[]) => ({ template }) },
    nativeImage: { createFromPath: (path: string) => ({ path }) },
    safeStorage: { isEncryptionAvailable: () => false, getSelectedStorageBackend: () => 'basic_text', encryptString: () => Buffer.alloc(0), decryptString: () => '' },
  } as unknown as ElectronApi;
  return {
    api,
    app,
    handlers,
    notifications,
    opened,
    dialogs,
    dialogAnswer,
    headerHooks,
    ipc(channel, from, ...args) {
      const handler = handlers.get(channel);
      if (!handler) return Promise.reject(new Error(`no IPC handler for ${channel}`));
      return Promise.resolve(handler(from, ...args));
    },
  };
}
