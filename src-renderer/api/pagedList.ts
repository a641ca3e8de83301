/**
 * What every screen's store does with its paged list and its open record: keep only the answer to
 * the newest of overlapping loads (the user typing in the filter), turn an answer into state or its
 * error, and read the open record again after a sync changed it.
 */
import type { AppErrorData, Result } from '../../src-shared/ipc';

/** A loader for one list: an answer that comes back after a newer load was asked for is dropped (undefined). */
export function newestOnly(): <T>(request: () => Promise<T>) => Promise<T | undefined> {
  let asked = 0;
  return async (request) => {
    const ticket = ++asked;
    const answer = await request();
    return ticket === asked ? answer : undefined;
  };
}

/** The state an answer leads to: `shown(value)` when it came, else its error. */
export function stateOf<T, S>(result: Result<T>, shown: (value: T) => S): S | { error: AppErrorData } {
  return result.ok ? shown(result.value) : { error: result.error };
}

/** Reads the open record again and shows it, if it is still the one open when the answer comes. */
export function rereadOpen<T extends { id: string }>(open: T | null, read: (id: string) => Promise<Result<T>>, current: () => T | null, show: (value: T) => void): void {
  if (!open) return;
  void read(open.id).then((r) => {
    if (r.ok && current()?.id === open.id) show(r.value);
  });
}
