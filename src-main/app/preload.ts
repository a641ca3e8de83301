/** The whole bridge: invoke a contract request, listen to contract events. Nothing else reaches the page. */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ShelfSyncBridge } from '../../src-shared/ipc';

const bridge: ShelfSyncBridge = {
  invoke: (name, input) => ipcRenderer.invoke('shelfsync:invoke', name, input) as ReturnType<ShelfSyncBridge['invoke']>,
  on(listener) {
    const handler = (_event: IpcRendererEvent, name: string, payload: unknown) => listener(name, payload);
    ipcRenderer.on('shelfsync:event', handler);
    return () => {
      ipcRenderer.removeListener('shelfsync:event', handler);
    };
  },
};

contextBridge.exposeInMainWorld('shelfsync', bridge);
