/** The tray icon and its menu: Open, Sync Now, Quit. */
import path from 'node:path';
import { Menu, Tray, nativeImage } from 'electron';

export interface TrayActions {
  open: () => void;
  syncNow: () => void;
  quit: () => void;
}

export function createTray(assetsDir: string, actions: TrayActions): Tray {
  const tray = new Tray(nativeImage.createFromPath(path.join(assetsDir, 'tray.png')));
  tray.setToolTip('ShelfSync');
  tray.setContextMenu(
    Menu.buildFromTemplate([
      { label: 'Open ShelfSync', click: actions.open },
      { label: 'Sync Now', click: actions.syncNow },
      { type: 'separator' },
      { label: 'Quit', click: actions.quit },
    ]),
  );
  tray.on('click', actions.open);
  return tray;
}
