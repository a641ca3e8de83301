/**
 * The sidebar's always-visible state: where the QuickBooks connection stands and what sync is doing,
 * each with the one action that moves it on (connect, reconnect, resume, try again, open the errors).
 */
import { useEffect } from 'react';
import type { ConnectionStatus, SyncStatus } from '../../src-shared/ipc';
import { useConnection } from '../settings/connectionStore';
import { useSync } from '../sync/store';

interface Line {
  tone: 'good' | 'warn' | 'bad' | 'info';
  text: string;
  title: string;
  action?: { label: string; run: () => void };
}

function connectionLine(status: ConnectionStatus, connect: () => void): Line {
  const title = status.message;
  switch (status.state) {
    case 'practice':
      return { tone: 'warn', text: 'Practice company', title, action: { label: 'Connect to QuickBooks', run: connect } };
    case 'connected':
      return { tone: 'good', text: `Connected${status.companyName ? `: ${status.companyName}` : ''}`, title };
    case 'connecting':
      return { tone: 'info', text: 'Connecting…', title, action: { label: 'Open Settings', run: () => go('settings') } };
    case 'offline':
      return { tone: 'bad', text: 'Offline: changes are kept', title };
    case 'reconnectNeeded':
      return { tone: 'bad', text: 'Reconnect needed', title, action: { label: 'Reconnect', run: connect } };
    case 'disconnected':
      return { tone: 'warn', text: 'Not connected', title, action: { label: 'Connect to QuickBooks', run: connect } };
  }
}

function syncLine(status: SyncStatus, sync: { now: () => void; resume: () => void }): Line | null {
  if (status.state === 'running') {
    const p = status.progress;
    return { tone: 'info', text: p && p.total > 0 ? `Syncing… ${p.done} of ${p.total}` : 'Syncing…', title: p?.phase ?? 'Sync is running.' };
  }
  if (status.state === 'paused') {
    const reason = status.pausedReason ?? 'Sync is paused.';
    return status.userPaused
      ? { tone: 'warn', text: 'Sync paused', title: reason, action: { label: 'Resume sync', run: sync.resume } }
      : { tone: 'warn', text: 'Sync paused', title: reason };
  }
  // A failed change is usually also an error of the last run: count the larger, not both.
  const failed = Math.max(status.failedChanges, status.lastRun?.errorCount ?? 0);
  if (failed > 0) {
    return { tone: 'bad', text: `${failed} error${failed === 1 ? '' : 's'} waiting`, title: 'Sync errors need a person.', action: { label: 'Open Sync', run: () => go('sync') } };
  }
  if (status.pendingChanges > 0) {
    return { tone: 'info', text: `${status.pendingChanges} change${status.pendingChanges === 1 ? '' : 's'} to send`, title: 'Sent with the next sync.', action: { label: 'Send now', run: sync.now } };
  }
  return { tone: 'good', text: status.lastRun?.finishedAt ? 'Up to date' : 'Not synced yet', title: 'Nothing is waiting to be sent.' };
}

function go(screen: string) {
  location.hash = screen;
}

export function StatusPanel() {
  const { status: connection, load, connect } = useConnection();
  const { status: sync, loadStatus, syncNow, setPaused } = useSync();
  useEffect(() => {
    void load();
    void loadStatus();
  }, [load, loadStatus]);
  const lines = [
    connection ? connectionLine(connection, () => void connect()) : null,
    sync ? syncLine(sync, { now: () => void syncNow(), resume: () => void setPaused(false) }) : null,
  ].filter((l): l is Line => l !== null);
  return (
    <section className="status-panel" aria-label="Connection and sync" aria-live="polite">
      {lines.map((line) => (
        <div key={line.text} className={`status-line status-${line.tone}`} title={line.title}>
          <span className="status-dot" aria-hidden="true" />
          <span className="status-text">{line.text}</span>
          {line.action && <button type="button" className="small status-action" onClick={line.action.run}>{line.action.label}</button>}
        </div>
      ))}
    </section>
  );
}
