/**
 * "Start at login". macOS and Windows: Electron's login item settings. Linux: an XDG autostart entry,
 * `$XDG_CONFIG_HOME/autostart/shelfsync.desktop` (default `~/.config/autostart/`), which GNOME, KDE,
 * Xfce and the other freedesktop desktops run at login. Elsewhere it is not offered (`supported` false).
 * A start at login carries `--at-login`, so ShelfSync waits in the tray instead of opening its window.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ElectronApi } from './electronApi';

export const AT_LOGIN_FLAG = '--at-login';
export const AUTOSTART_FILE = 'shelfsync.desktop';

export interface LoginItem {
  readonly supported: boolean;
  enabled(): boolean;
  set(on: boolean): void;
  /** This process was started at login (stay in the tray). */
  openedAtLogin(): boolean;
}

export interface LoginItemContext {
  app: ElectronApi['app'];
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  argv: readonly string[];
  execPath: string;
}

export function loginItemFor(ctx: LoginItemContext): LoginItem {
  if (ctx.platform === 'linux') return xdgAutostart(ctx);
  if (ctx.platform === 'darwin' || ctx.platform === 'win32') {
    const args = [AT_LOGIN_FLAG];
    return {
      supported: true,
      enabled: () => ctx.app.getLoginItemSettings({ args }).openAtLogin,
      set: (on) => ctx.app.setLoginItemSettings({ openAtLogin: on, args }),
      openedAtLogin: () => ctx.argv.includes(AT_LOGIN_FLAG) || ctx.app.getLoginItemSettings().wasOpenedAtLogin === true,
    };
  }
  return { supported: false, enabled: () => false, set: () => undefined, openedAtLogin: () => ctx.argv.includes(AT_LOGIN_FLAG) };
}

export function autostartFile(env: NodeJS.ProcessEnv): string {
  const configHome = env.XDG_CONFIG_HOME && path.isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : path.join(env.HOME ?? os.homedir(), '.config');
  return path.join(configHome, 'autostart', AUTOSTART_FILE);
}

function xdgAutostart(ctx: LoginItemContext): LoginItem {
  const file = autostartFile(ctx.env);
  // An AppImage runs from a temporary mount: the entry must start the AppImage file itself.
  const program = ctx.env.APPIMAGE ?? ctx.execPath;
  const command = [program, ...(ctx.app.isPackaged ? [] : [ctx.app.getAppPath()]), AT_LOGIN_FLAG];
  return {
    supported: true,
    enabled: () => {
      try {
        return !/^Hidden\s*=\s*true\s*$/im.test(fs.readFileSync(file, 'utf8'));
      } catch {
        return false;
      }
    },
    set: (on) => {
      if (!on) return fs.rmSync(file, { force: true });
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, desktopEntry(command));
    },
    openedAtLogin: () => ctx.argv.includes(AT_LOGIN_FLAG),
  };
}

/** A Desktop Entry (freedesktop spec 1.5) whose Exec line runs `command`, each argument quoted. */
export function desktopEntry(command: readonly string[]): string {
  // The quoting rule escapes " ` $ \ with a backslash; the string rule then doubles every backslash.
  const quote = (arg: string) => `"${arg.replace(/(["`$\\])/g, '\\$1').replace(/\\/g, '\\\\').replace(/%/g, '%%')}"`;
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=ShelfSync',
    'Comment=Warehouse inventory, kept in sync with QuickBooks Online',
    `Exec=${command.map(quote).join(' ')}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}
