/**
 * Answers asked for at boot, before React and the screens' code have loaded: the first screen's reads
 * leave as soon as the page runs its first (small) script, so the host answers while the rest of the
 * code is still downloading. A screen's store later calls the same request with the same input and
 * takes the answer already on its way instead of asking again.
 *
 * An early answer is never stale: each is taken once; the first request of another name (a write, or a
 * read the boot did not ask for) drops the rest, and so does any event but sync.progress (a change the
 * answer may not show) and the end of the boot window. A dropped answer is simply asked for again.
 */
import type { Result, ShelfSyncBridge } from '../../src-shared/ipc';

export interface EarlyAnswers {
  /** Sends the request now and keeps its answer for the first call with the same name and input. */
  ask(name: string, input: unknown): void;
  /** The kept answer for this call (and forgets it), or undefined: then the call goes to the host. */
  take(name: string, input: unknown): Promise<Result<unknown>> | undefined;
}

/** Kept answers not taken within this time are dropped (the first screen was not the one planned). */
export const earlyWindowMs = 10_000;

/**
 * The same key for the same name and input, whatever the order of the input's fields. Fields sort in
 * code-unit order: `localeCompare` would start the locale collator, about 12 ms on a cold page.
 */
function keyOf(name: string, input: unknown): string {
  return `${name} ${JSON.stringify(input, (_key, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : value,
  )}`;
}

export function earlyAnswers(bridge: ShelfSyncBridge, now: () => number = () => Date.now()): EarlyAnswers {
  const kept = new Map<string, Promise<Result<unknown>>>();
  const names = new Set<string>();
  let until = 0;
  const drop = () => {
    kept.clear();
    names.clear();
  };
  bridge.on((event) => {
    if (event !== 'sync.progress') drop();
  });
  return {
    ask(name, input) {
      until = now() + earlyWindowMs;
      names.add(name);
      kept.set(keyOf(name, input), bridge.invoke(name, input));
    },
    take(name, input) {
      if (kept.size === 0) return undefined;
      if (now() > until || !names.has(name)) {
        drop();
        return undefined;
      }
      const key = keyOf(name, input);
      const answer = kept.get(key);
      kept.delete(key);
      return answer;
    },
  };
}
