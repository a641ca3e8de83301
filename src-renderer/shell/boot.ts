/**
 * The first thing the page runs, before React and the screens' code load: it opens the transport
 * (the WebSocket with the launch token, or Electron's preload bridge) and asks at once for what the
 * first screen shows, so the host answers while the rest of the code downloads and parses. The stores
 * then take those answers (`api/early.ts`). The page itself still holds no data: without the launch
 * token no request leaves, and every answer comes over the transport.
 */
import { api } from '../api/client';
import { firstPageQuery } from '../inventory/query';

/** The screen the address names; the same default as the navigation's first screen (`screens.ts`). */
export function firstScreenId(): string {
  return location.hash.slice(1) || 'inventory';
}

export function askForFirstScreen(screen: string = firstScreenId()): void {
  if (screen === 'inventory') {
    // The rows first: the host answers requests in the order they arrive.
    api.early('items.list', firstPageQuery());
    api.early('sites.list', {});
  }
  // The sidebar's connection and sync state, on every screen.
  api.early('connection.status', {});
  api.early('sync.status', {});
}
