/** What the Electron preload exposes as `window.shelfsync`: two functions, nothing else. */
import type { Result } from './result';

export interface ShelfSyncBridge {
  invoke(name: string, input: unknown): Promise<Result<unknown>>;
  on(listener: (event: string, payload: unknown) => void): () => void;
}
