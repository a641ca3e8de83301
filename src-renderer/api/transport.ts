/** The two ways the renderer reaches the host: Electron's preload bridge, or the headless WebSocket. */
import type { Result, ShelfSyncBridge, WireMessage } from '../../src-shared/ipc';

declare global {
  interface Window {
    shelfsync?: ShelfSyncBridge;
  }
}

export function connectTransport(): ShelfSyncBridge {
  return window.shelfsync ?? webSocketBridge(new URLSearchParams(location.search).get('token') ?? '');
}

/** A bridge over the headless host's WebSocket; reconnects after a drop and fails pending calls clearly. */
function webSocketBridge(token: string): ShelfSyncBridge {
  const listeners = new Set<(event: string, payload: unknown) => void>();
  const pending = new Map<number, (result: Result<unknown>) => void>();
  let nextId = 1;
  let socket: WebSocket;
  let ready: Promise<void>;

  const open = () => {
    socket = new WebSocket(`ws://${location.host}/ws?token=${encodeURIComponent(token)}`);
    ready = new Promise((resolve) => socket.addEventListener('open', () => resolve(), { once: true }));
    socket.addEventListener('message', (message: MessageEvent<string>) => {
      const data = JSON.parse(message.data) as WireMessage;
      if ('event' in data) {
        for (const listener of listeners) listener(data.event, data.payload);
      } else if (typeof data.id === 'number') {
        pending.get(data.id)?.(data.result);
        pending.delete(data.id);
      }
    });
    socket.addEventListener('close', () => {
      for (const resolve of pending.values()) {
        resolve({ ok: false, error: { code: 'refused', message: 'Lost the connection to ShelfSync; try again.' } });
      }
      pending.clear();
      setTimeout(open, 1000);
    });
  };
  open();

  return {
    async invoke(name, input) {
      await ready;
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        socket.send(JSON.stringify({ id, name, input }));
      });
    },
    on(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
