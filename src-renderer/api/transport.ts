/** The two ways the renderer reaches the host: Electron's preload bridge, or the headless WebSocket. */
import type { Result, ShelfSyncBridge, WireMessage } from '../../src-shared/ipc';

declare global {
  interface Window {
    shelfsync?: ShelfSyncBridge;
  }
}

export function connectTransport(): ShelfSyncBridge {
  if (window.shelfsync) return window.shelfsync;
  const token = takeLaunchToken();
  return token ? webSocketBridge(token) : noTokenBridge();
}

const TOKEN_KEY = 'shelfsync.launchToken';
const NEEDS_TOKEN = 'This ShelfSync address needs the launch token: open the full URL the server printed.';

/**
 * Reads the headless launch token from the address once, keeps it in this tab's sessionStorage (so a
 * reload still works; it is scoped to this origin and gone with the tab), then takes it out of the
 * address bar and of the history entry (replaceState): it is not left on screen, in history or in a
 * copied link. The screen after `#` stays.
 */
function takeLaunchToken(): string {
  const params = new URLSearchParams(location.search);
  const fromAddress = params.get('token');
  const kept = (() => {
    try {
      if (fromAddress !== null) sessionStorage.setItem(TOKEN_KEY, fromAddress);
      return sessionStorage.getItem(TOKEN_KEY);
    } catch {
      return null; // storage disabled: the token lives in memory only, a reload needs the full URL again
    }
  })();
  if (fromAddress !== null) {
    params.delete('token');
    const rest = params.toString();
    history.replaceState(history.state, '', `${location.pathname}${rest ? `?${rest}` : ''}${location.hash}`);
  }
  return fromAddress ?? kept ?? '';
}

/** Without a launch token no socket can open: every request says so in words. */
function noTokenBridge(): ShelfSyncBridge {
  return {
    invoke: () => Promise.resolve({ ok: false, error: { code: 'refused', message: NEEDS_TOKEN } }),
    on: () => () => undefined,
  };
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
