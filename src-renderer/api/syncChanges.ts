/**
 * Lists refresh when a sync run changed their records: an order imported from QuickBooks, an invoice
 * found paid, a customer edited there. A finished run's counts ("salesOrders.pull", "invoices.push", …)
 * say which areas changed; each list names the entities it shows.
 */
import type { RunCounts } from '../../src-shared/ipc';
import { api } from './client';

export function changedEntities(counts: RunCounts): Set<string> {
  const changed = new Set<string>();
  for (const [key, c] of Object.entries(counts)) {
    if (c.created + c.updated > 0) changed.add(key.split('.')[0] ?? key);
  }
  return changed;
}

const watched = new Set<string>();

/** Calls `refresh` after each finished run that created or updated one of `entities`; once per `name`. */
export function refreshAfterSync(name: string, entities: readonly string[], refresh: () => void): void {
  if (watched.has(name)) return;
  watched.add(name);
  // The newest finished run when the list started watching; null until known.
  let lastRunId: number | null = null;
  void api.call('sync.status', {}).then((r) => {
    if (r.ok && lastRunId === null) lastRunId = r.value.lastRun?.id ?? 0;
  });
  api.on('sync.status', (status) => {
    const run = status.lastRun;
    if (!run || run.finishedAt === null) return;
    if (lastRunId === null || run.id <= lastRunId) {
      lastRunId = Math.max(lastRunId ?? 0, run.id);
      return;
    }
    lastRunId = run.id;
    const changed = changedEntities(run.counts);
    if (entities.some((e) => changed.has(e))) refresh();
  });
}
