/** The tray icon: its picture and tooltip follow the sync state; its menu drives the host. */
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import type { ElectronApi } from './electronApi';
import { trayMenu, type TrayMenuItem, type TrayView } from './trayState';

export type TrayAction = NonNullable<TrayMenuItem['action']>;

export interface AppTray {
  /** `startAtLogin` null: not offered on this platform. */
  show(view: TrayView, startAtLogin: boolean | null): void;
}

export function createTray(electron: Pick<ElectronApi, 'Tray' | 'Menu' | 'nativeImage'>, assetsDir: string, act: (action: TrayAction) => void): AppTray {
  const image = (icon: TrayView['icon']) =>
    electron.nativeImage.createFromPath(path.join(assetsDir, icon === 'idle' ? 'tray.png' : `tray-${icon}.png`));
  const tray = new electron.Tray(image('idle'));
  tray.on('click', () => act('open'));
  return {
    show(view, startAtLogin) {
      tray.setImage(image(view.icon));
      tray.setToolTip(view.tooltip);
      const template: MenuItemConstructorOptions[] = trayMenu(view, startAtLogin).map((item) => ({
        ...(item.label ? { label: item.label } : {}),
        ...(item.type ? { type: item.type } : {}),
        ...(item.checked === undefined ? {} : { checked: item.checked }),
        ...(item.enabled === undefined ? {} : { enabled: item.enabled }),
        ...(item.action ? { click: () => act(item.action as TrayAction) } : {}),
      }));
      tray.setContextMenu(electron.Menu.buildFromTemplate(template));
    },
  };
}
